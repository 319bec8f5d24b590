/**
 * The report in a real browser: Debian's Chromium, headless, driven by
 * playwright-core. A report built for a small generated run (and one for a
 * comparison) loads with no console error and no network request other than
 * the file itself, and every chart is an SVG with marks. A screenshot of
 * each is kept in test-artifacts/ (git-ignored).
 *
 * Skipped, with a message, only when /usr/bin/chromium is absent
 * (apt-get install chromium; .ci/run installs it).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { writeSmallCompareDirectory, writeSmallRunDirectory } from './report-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser.test.ts: skipped, ${CHROMIUM} not found (apt-get install chromium)`);

/** What the page says about its charts. */
interface ChartCheck {
  readonly id: string;
  readonly svgs: number;
  readonly marks: number;
  readonly width: number;
  readonly height: number;
}

interface PageReport {
  readonly charts: readonly ChartCheck[];
  readonly consoleErrors: readonly string[];
  readonly otherRequests: readonly string[];
  readonly title: string;
  readonly lede: string;
}

/**
 * Opens `file` in a fresh headless Chromium (its own temporary profile,
 * removed afterwards), refuses every request but the file itself, and
 * reports the page's charts, console errors and requests; saves a full-page
 * screenshot to `screenshot`.
 */
async function openReport(file: string, screenshot: string): Promise<PageReport> {
  const profile = await mkdtemp(join(tmpdir(), 'dgsim-chromium-'));
  const url = pathToFileURL(file).href;
  const consoleErrors: string[] = [];
  const otherRequests: string[] = [];
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1360, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      await context.route('**/*', async (route) => {
        if (route.request().url() === url) await route.continue();
        else {
          otherRequests.push(route.request().url());
          await route.abort();
        }
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      page.on('request', (request) => {
        if (request.url() !== url && !otherRequests.includes(request.url())) otherRequests.push(request.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      const found = await page.evaluate(() => {
        const figures = Array.from(document.querySelectorAll('figure[data-chart]'));
        return {
          title: document.title,
          lede: document.querySelector('.lede')?.textContent ?? '',
          charts: figures.map((figure) => {
            const svg = figure.querySelector('svg');
            const box = svg?.getBoundingClientRect();
            // Marks: vega's mark groups (g.mark-*) holding drawn elements.
            const marks = svg === null || svg === undefined ? 0 : Array.from(svg.querySelectorAll('g[class*="mark-"]')).reduce((count, group) => count + group.querySelectorAll('path, rect, circle, line, text').length, 0);
            return { id: figure.getAttribute('data-chart') ?? '', svgs: figure.querySelectorAll(':scope > svg').length, marks, width: box?.width ?? 0, height: box?.height ?? 0 };
          }),
        };
      });
      await mkdir(dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
      return { ...found, consoleErrors, otherRequests };
    } finally {
      await context.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

async function chartCount(directory: string): Promise<number> {
  return (await readdir(join(directory, 'charts'))).filter((name) => name.endsWith('.svg')).length;
}

function expectWellFormed(report: PageReport, charts: number): void {
  expect(report.consoleErrors).toEqual([]);
  expect(report.otherRequests).toEqual([]);
  expect(report.charts.length).toBe(charts);
  for (const chart of report.charts) {
    expect(chart.svgs, `${chart.id} has one inline SVG`).toBe(1);
    expect(chart.marks, `${chart.id} draws marks`).toBeGreaterThan(3);
    expect(chart.width, `${chart.id} is laid out`).toBeGreaterThan(100);
    expect(chart.height, `${chart.id} is laid out`).toBeGreaterThan(50);
  }
}

describe.skipIf(!hasChromium)('the report in headless Chromium', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dgsim-browser-report-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('a run report loads offline, with no console error and every chart drawn', async () => {
    const directory = join(root, 'run');
    await writeSmallRunDirectory(directory);
    await buildReport(directory);
    const report = await openReport(join(directory, 'report.html'), join(ARTIFACTS, 'report.png'));
    expectWellFormed(report, await chartCount(directory));
    expect(report.title).toMatch(/Digital-only/);
    expect(report.lede).toMatch(/aged 75\+/);
    expect(report.lede).toMatch(/\[\d+\.\d, \d+\.\d\]/);
    expect(existsSync(join(ARTIFACTS, 'report.png'))).toBe(true);
  });

  it('a comparison report loads offline too, trajectories and forest plots included', async () => {
    const directory = join(root, 'compare');
    await writeSmallCompareDirectory(directory);
    await buildReport(directory);
    const report = await openReport(join(directory, 'report.html'), join(ARTIFACTS, 'report-compare.png'));
    expectWellFormed(report, await chartCount(directory));
    const ids = report.charts.map((chart) => chart.id);
    expect(ids).toContain('compare-unmet-rate-over-time');
    expect(ids).toContain('forest-unmet-rate-by-group');
    expect(report.lede).toMatch(/Under Digital-only, .* under Status quo/);
  });
});
