/**
 * PNGs are byte-identical for the same inputs: the renderer loads only the
 * DejaVu font files (never the system's font set), and the whole report of
 * a directory (HTML, Markdown, every SVG and PNG) is the same on a rebuild.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { runCharts } from '../../src/report/charts/run-charts.js';
import { findChartFonts, FontsMissingError } from '../../src/report/render/chart-fonts.js';
import { PNG_SCALE, svgToPng } from '../../src/report/render/render-png.js';
import { renderSvg } from '../../src/report/render/render-svg.js';
import { monthlyRows } from '../../src/sim/metrics/index.js';
import { smallRun, writeSmallRunDirectory } from './report-fixtures.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png);
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

describe('PNG rendering', () => {
  const run = smallRun();
  const charts = runCharts({ scenarioName: run.scenario.name, summary: run.summary, monthly: monthlyRows(run.config, run.output) });

  it('gives byte-identical PNGs for the same chart, twice in a row and from a fresh SVG', async () => {
    const fonts = findChartFonts();
    for (const chart of charts.filter((c) => ['unmet-rate-over-time', 'scorecard'].includes(c.id))) {
      const svg = await renderSvg(chart.spec);
      const first = svgToPng(svg, fonts);
      const second = svgToPng(svg, fonts);
      const third = svgToPng(await renderSvg(chart.spec), fonts);
      expect(Buffer.from(first).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
      const width = Number(/width="(\d+(\.\d+)?)"/.exec(svg)?.[1]);
      expect(pngSize(first).width).toBe(Math.round(width * PNG_SCALE));
    }
  });

  it('draws the text (a chart rendered with the fonts differs from one rendered with no font at all)', async () => {
    const chart = charts.find((c) => c.id === 'scorecard')!;
    const svg = await renderSvg(chart.spec);
    const withFonts = svgToPng(svg, findChartFonts());
    const missing = join(tmpdir(), 'dgsim-no-fonts-here');
    // resvg drops text silently when no font loads: why the report insists on finding the font files.
    const withoutText = svgToPng(svg, { regular: join(missing, 'a.ttf'), bold: join(missing, 'b.ttf') });
    expect(Buffer.from(withFonts).equals(Buffer.from(withoutText))).toBe(false);
  });

  it('names the package to install when the fonts are missing', () => {
    expect(() => findChartFonts(join(tmpdir(), 'dgsim-no-fonts-here'))).toThrow(FontsMissingError);
    expect(() => findChartFonts(join(tmpdir(), 'dgsim-no-fonts-here'))).toThrow(/fonts-dejavu-core/);
  });
});

describe('a report rebuilt from the same directory', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dgsim-report-determinism-'));
    await writeSmallRunDirectory(directory);
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('is byte-identical, file by file', async () => {
    const read = async (): Promise<Map<string, Buffer>> => {
      const files = new Map<string, Buffer>();
      for (const name of ['report.html', 'summary.md']) files.set(name, await readFile(join(directory, name)));
      for (const name of (await readdir(join(directory, 'charts'))).sort()) files.set(`charts/${name}`, await readFile(join(directory, 'charts', name)));
      return files;
    };
    const first = await buildReport(directory);
    const before = await read();
    const second = await buildReport(directory);
    const after = await read();
    expect(second.files).toEqual(first.files);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), `${name} changed on a rebuild`).toBe(true);
    expect([...before.keys()].filter((name) => name.endsWith('.png')).length).toBe([...before.keys()].filter((name) => name.endsWith('.svg')).length);
  });
});
