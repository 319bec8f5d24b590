import { describe, expect, it } from 'vitest';
import { formatRunText } from '../../src/report/run-text.js';
import { runSummaryJson } from '../../src/report/run-outputs.js';
import { tinyRun } from './fixtures.js';

const PROVENANCE = { dgsimVersion: '0.0.0', command: 'dgsim run tiny.yaml', scenarioFiles: ['tiny.yaml'], scenarioHash: 'h', seed: 1 };

describe('formatRunText', () => {
  it('has every block, a row per age band, and every scorecard row', () => {
    const result = tinyRun();
    const text = formatRunText(result);
    for (const heading of ['Tiny city: seed 1, 6 months, 2,000 citizens', 'Who is served', 'Why needs go unmet', 'Cost', 'Integrity', 'Privacy', 'Decisions', 'Resilience', 'Allocation', 'Hopes and fears scorecard']) {
      expect(text).toContain(heading);
    }
    for (const band of Object.keys(result.summary.byAge)) expect(text).toMatch(new RegExp(`^  ${band.replace('+', '\\+')}\\s`, 'm'));
    for (const row of result.summary.scorecard) expect(text).toContain(row.sentence);
    expect(text).not.toContain('\u001b[');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('is the same text for the same run (no clock, no locale)', () => {
    expect(formatRunText(tinyRun())).toBe(formatRunText(tinyRun()));
  });
});

describe('runSummaryJson', () => {
  it('keeps full precision and a fixed key order', () => {
    const result = tinyRun();
    const text = runSummaryJson(result, PROVENANCE);
    const parsed = JSON.parse(text) as { headline: Record<string, number>; summary: { overall: { unmetRate: number } } };
    // undefinedValues (what is null and why) follows when some value is undefined by construction.
    const keys = Object.keys(parsed);
    expect(keys).toEqual(['provenance', 'scenario', 'seed', 'headline', 'summary', ...(keys.includes('undefinedValues') ? ['undefinedValues'] : [])]);
    expect(parsed.summary.overall.unmetRate).toBe(result.summary.overall.unmetRate);
    for (const [name, value] of Object.entries(result.headline)) {
      if (Number.isFinite(value)) expect(parsed.headline[name]).toBe(value);
    }
    expect(runSummaryJson(result, PROVENANCE)).toBe(text);
  });
});
