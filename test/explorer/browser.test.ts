/**
 * The explorer in a real headless Chromium (Debian's, via playwright-core):
 * the built bundle's simulation gives `dgsim run`'s numbers; the page loads
 * offline without console errors; a lever changes the outcome; a lesson
 * loads; a shared link restores its state; every control is reachable by
 * keyboard. Screenshots go to test-artifacts/explorer-*.png.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { parseScenarioText } from '../../src/scenarios/parse.js';
import { runValidated } from '../../src/scenarios/run.js';
import { browserMissing, openExplorer, screenshot, waitForFinish, type ExplorerSession } from './browser.js';
import { LIBRARY } from './library.js';

const missing = browserMissing();
if (missing !== undefined) console.warn(`skipping the explorer's browser tests: ${missing}`);

let session: ExplorerSession;

beforeAll(async () => {
  if (missing === undefined) session = await openExplorer({ width: 1280, height: 800 });
}, 300_000);

afterAll(async () => {
  await session?.close();
});

/** A page on the explorer, ready for the test hooks. */
async function openPage(hash = ''): Promise<Page> {
  const page = await session.newPage();
  await page.goto(`${session.server.url}${hash}`);
  await page.waitForFunction(() => typeof window.dgsim === 'object' && window.dgsim.state().months > 0, undefined, { timeout: 60_000 });
  return page;
}

/** Plays every run on the page to its end at the fastest speed. */
async function playToEnd(page: Page): Promise<void> {
  await page.selectOption('#speed', 'max');
  await page.click('#play');
  await waitForFinish(page);
}

/** The headline metrics of `dgsim run` on `yaml` with `seed`, as summary.json holds them (NaN as null). */
async function dgsimRunHeadline(yaml: string, seed: number): Promise<Record<string, number | null>> {
  const directory = mkdtempSync(join(tmpdir(), 'dgsim-explorer-run-'));
  try {
    const file = join(directory, 'exported.yaml');
    writeFileSync(file, yaml);
    const errors: string[] = [];
    const io: CliIo = { out: () => undefined, err: (text) => errors.push(text), cwd: directory, color: false, stderrIsTty: false, nowMs: () => 0, debug: false };
    const code = await runCli(['run', file, '--seed', String(seed), '--out', join(directory, 'out')], io);
    expect(code, errors.join('')).toBe(0);
    return (JSON.parse(readFileSync(join(directory, 'out', 'summary.json'), 'utf8')) as { headline: Record<string, number | null> }).headline;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Headline metrics as JSON carries them (NaN and infinities as null). */
const asJson = (headline: Record<string, number>): Record<string, number | null> => JSON.parse(JSON.stringify(headline)) as Record<string, number | null>;

describe.skipIf(missing !== undefined)('the explorer in Chromium', () => {
  it('loads offline, with no console errors and no request beyond its own server', async () => {
    const page = await openPage();
    expect(await page.title()).toMatch(/dgsim explorer/);
    expect(await page.locator('h1').textContent()).toBe('dgsim explorer');
    expect(await page.locator('#clock').textContent()).toBe('Month 0 of 36');
    await screenshot(page, 'home');
    const origin = new URL(session.server.url).origin;
    expect(session.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(session.requests).toEqual(expect.arrayContaining([`${origin}/app.js`, `${origin}/worker.js`, `${origin}/styles.css`]));
    expect(session.errors).toEqual([]);
    await page.close();
  });

  it('gives the numbers of dgsim run in Node, scenario by scenario and seed by seed', async () => {
    const page = await openPage();
    const cases = [
      { text: 'extends: city.yaml\npopulation: { size: 3000 }\n', seed: 1 },
      { text: 'extends: digital-only.yaml\npopulation: { size: 3000 }\n', seed: 7 },
      { text: 'extends: h7-outage-digital-only.yaml\npopulation: { size: 2500 }\n', seed: 4 },
      { text: 'extends: f4-kpi-gaming-no-audit.yaml\npopulation: { size: 2500 }\nhorizonMonths: 24\n', seed: 2 },
      { text: 'extends: h4-robodebt-no-appeal.yaml\npopulation: { size: 2500 }\n', seed: 3 },
    ];
    for (const { text, seed } of cases) {
      const browser = await page.evaluate(([scenarioText, runSeed]) => window.dgsimRun(scenarioText, runSeed), [text, seed] as const);
      const parsed = LIBRARY.parseDropped('dgsim-run.yaml', text);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const node = runValidated(parsed.scenario, seed).headline;
      expect(Object.keys(browser)).toEqual(Object.keys(node));
      expect(browser, text).toEqual(node);
    }
    expect(session.errors).toEqual([]);
    await page.close();
  });

  it('changes the outcome when a lever moves, and the page\'s numbers are dgsim run\'s for its scenario', async () => {
    const page = await openPage('#scenario=city');
    await playToEnd(page);
    const before = await page.evaluate(() => window.dgsim.results()[0]!);
    const cardBefore = await page.locator('.card').first().textContent();
    expect(before.headline).not.toBeNull();
    // The page's numbers are those of dgsim run on the scenario it exports.
    expect(asJson(before.headline!)).toEqual(await dgsimRunHeadline(before.scenarioYaml!, before.seed));

    // Close the counters from month 6, from the keyboard-operable select.
    await page.selectOption('#lever-counter', 'closes');
    expect(await page.locator('#lever-counter-month').inputValue()).toBe('6');
    await page.waitForFunction(() => window.dgsim.settings().a.levers.counter !== undefined);
    expect(page.url()).toContain('counter=closes-6');
    await playToEnd(page);
    const after = await page.evaluate(() => window.dgsim.results()[0]!);
    expect(after.headline!.unmetRate!).toBeGreaterThan(before.headline!.unmetRate! + 0.02);
    expect(after.headline!['unmetRate[age=75+]']!).toBeGreaterThan(after.headline!['unmetRate[age=16-34]']!);
    expect(await page.locator('.card').first().textContent()).not.toBe(cardBefore);
    expect(await page.locator('.lever.changed[data-lever="counter"]').count()).toBe(1);
    expect(asJson(after.headline!)).toEqual(await dgsimRunHeadline(after.scenarioYaml!, after.seed));
    await screenshot(page, 'lever');
    expect(session.errors).toEqual([]);
    await page.close();
  });

  it('loads a lesson: its text, A/B policies and scenarios, and plays it', async () => {
    const page = await openPage();
    await page.selectOption('#lesson', 'outage');
    expect(await page.locator('#lesson-box h2').textContent()).toBe('Lesson: An outage: digital-only against hybrid');
    expect(await page.locator('#lesson-box p').textContent()).toContain('six digital outages a year');
    expect(await page.locator('#ab').isChecked()).toBe(true);
    expect(await page.locator('#scenario').inputValue()).toBe('h7-outage-digital-only');
    expect(await page.evaluate(() => window.dgsim.settings().b?.scenario)).toBe('h7-outage-hybrid');
    expect(page.url()).toContain('lesson=outage');
    await playToEnd(page);
    const results = await page.evaluate(() => window.dgsim.results());
    expect(results.map((result) => result.label)).toEqual(['A', 'B']);
    // With human channels open, fewer needs go unmet during outages.
    expect(results[1]!.headline!.unmetDuringOutages!).toBeLessThan(results[0]!.headline!.unmetDuringOutages!);
    expect(await page.locator('.chart-panel').count()).toBe(10);
    expect(await page.locator('table.scorecard tbody tr').count()).toBe(13);
    await screenshot(page, 'lesson-outage');
    await page.click('#present');
    await page.locator('#results').evaluate((element) => element.scrollIntoView());
    await page.screenshot({ path: join('test-artifacts', 'explorer-lesson-outage-projector.png') });
    expect(session.errors).toEqual([]);
    await page.close();
  });

  it('restores its state from a shared link', async () => {
    const page = await openPage();
    await page.selectOption('#lesson', 'online-kpi');
    await page.check('#edit-b');
    // Raise B's audit probability from the keyboard: three steps of 5 points.
    await page.locator('#lever-auditProbability').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.dgsim.settings().b?.levers.auditProbability === 0.15, undefined, { timeout: 10_000 });
    await page.fill('#seed', '42');
    await page.locator('#seed').press('Enter');
    await page.locator('#seed').blur();
    await page.selectOption('#grouping', 'income');
    await page.selectOption('#watch', 'kpi');
    const settings = await page.evaluate(() => window.dgsim.settings());
    expect(settings.seed).toBe(42);
    const link = page.url();
    expect(link).toMatch(/#.*b\.auditProbability=0\.15/);

    const restored = await openPage(new URL(link).hash);
    expect(await restored.evaluate(() => window.dgsim.settings())).toEqual(settings);
    expect(await restored.locator('#lesson').inputValue()).toBe('online-kpi');
    expect(await restored.locator('#ab').isChecked()).toBe(true);
    expect(await restored.locator('#seed').inputValue()).toBe('42');
    expect(await restored.locator('#grouping').inputValue()).toBe('income');
    await restored.check('#edit-b');
    expect(await restored.locator('#lever-auditProbability').inputValue()).toBe('0.15');
    expect(await restored.locator('#lever-onlineShareTarget').inputValue()).toBe('0.8');
    await playToEnd(restored);
    const results = await restored.evaluate(() => window.dgsim.results());
    // The KPI chart's story: B's offices report more online than is true.
    expect(results[1]!.headline!.kpiGapMax!).toBeGreaterThan(results[0]!.headline!.kpiGapMax!);
    await screenshot(restored, 'shared-url');
    expect(session.errors).toEqual([]);
    await page.close();
    await restored.close();
  });

  it('can be used from the keyboard: every control has a label and is reached by Tab, with a visible focus ring', async () => {
    const page = await openPage();
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, button'))
        .filter((element) => !(element as HTMLElement).hidden && (element as HTMLInputElement).type !== 'file')
        .filter((element) => {
          const labels = (element as HTMLInputElement).labels;
          const text = element.getAttribute('aria-label') ?? (element.tagName === 'BUTTON' ? element.textContent?.trim() : '');
          return (labels === null || labels.length === 0) && (text === null || text === '');
        })
        .map((element) => element.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    for (const id of ['play', 'step', 'reset', 'speed', 'present', 'lesson', 'share', 'ab', 'scenario', 'open-file', 'seed', 'population', 'grouping', 'watch', 'lever-online', 'lever-counter', 'lever-counterCapacity']) {
      expect(reached, id).toContain(id);
    }
    await page.locator('#play').focus();
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth);
    expect(parseFloat(outline)).toBeGreaterThanOrEqual(3);
    // The P key plays and pauses when focus is not in a form field.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('p');
    await page.waitForFunction(() => window.dgsim.state().month > 0 || window.dgsim.state().playing);
    await page.keyboard.press('p');
    expect(await page.evaluate(() => window.dgsim.state().playing)).toBe(false);
    expect(session.errors).toEqual([]);
    await page.close();
  });
});

describe('exported scenarios', () => {
  it('parse as the scenario they were exported from', () => {
    // The page exports with the yaml package's stringify; the CLI must read that back to the same scenario.
    const parsed = LIBRARY.parseBuiltin('h2-inclusive-digital');
    if (!parsed.ok) throw new Error('h2 does not load');
    return import('yaml').then(({ stringify }) => {
      const again = parseScenarioText(stringify(parsed.scenario, { lineWidth: 0 }), 'exported.yaml');
      expect(again.ok && again.scenario).toEqual(parsed.scenario);
    });
  });
});
