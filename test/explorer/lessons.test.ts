import { describe, expect, it } from 'vitest';
import { applyLevers } from '../../src/explorer/levers.js';
import { LESSONS, lessonById } from '../../src/explorer/lessons.js';
import { decodeSettings, encodeSettings } from '../../src/explorer/url-state.js';
import { LIBRARY } from './library.js';

describe('lessons', () => {
  it('are at least five, with distinct ids, a title and a short text', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(LESSONS.map((lesson) => lesson.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) {
      expect(lesson.title.length).toBeGreaterThan(5);
      const words = lesson.text.split(/\s+/).length;
      expect(words, lesson.id).toBeGreaterThan(20);
      expect(words, lesson.id).toBeLessThan(90);
      expect(lessonById(lesson.id)).toBe(lesson);
      expect(lesson.settings.lesson).toBe(lesson.id);
    }
  });

  it('cover the issue\'s five situations', () => {
    expect(LESSONS.map((lesson) => lesson.id)).toEqual(expect.arrayContaining(['close-counters', 'assisted-digital', 'online-kpi', 'data-breach', 'outage']));
  });

  it('load built-in scenarios and levers that make valid scenarios, for A and B', () => {
    for (const lesson of LESSONS) {
      expect(lesson.settings.b, lesson.id).not.toBeNull();
      for (const policy of [lesson.settings.a, lesson.settings.b!]) {
        const parsed = LIBRARY.parseBuiltin(policy.scenario);
        expect(parsed.ok, `${lesson.id}: ${policy.scenario}`).toBe(true);
        if (!parsed.ok) continue;
        const result = applyLevers(parsed.scenario, policy.levers, lesson.settings.population);
        expect(result.ok, `${lesson.id}: ${JSON.stringify(result)}`).toBe(true);
      }
    }
  });

  it('survive a shared link whole', () => {
    for (const lesson of LESSONS) expect(decodeSettings(encodeSettings(lesson.settings))).toEqual({ settings: lesson.settings, problems: [] });
  });
});
