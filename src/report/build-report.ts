/**
 * `buildReport(outputDir)`: the report of a run, comparison or sweep
 * directory, from the files in it.
 *
 *   detect kind (compare.json | runs.csv | summary.json)
 *     ──► read the files ──► report model (sentences, charts, tables, provenance)
 *     ──► each chart: vega-lite ──► SVG ──► PNG (explicit fonts)
 *     ──► write charts/<id>.svg, charts/<id>.png, summary.md, then report.html (each atomic)
 *
 * report.html is written last, so its presence means the report is whole.
 * Every file is a function of the directory's files, dgsim's version and, for
 * the PNGs, the bytes of the two chart font files; nothing in it depends on
 * the time, the machine's paths or how long anything took. `dgsim run`,
 * `compare` and `sweep` draw it before writing their manifest, through
 * `writeFile`, so the manifest lists every report file with its checksum.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { ReportChart } from './charts/data-table.js';
import { reportHtml } from './html/report-page.js';
import { readCompareDirectory } from './inputs/read-compare.js';
import { isFile, readJsonObject, ReportInputError, type JsonObject } from './inputs/read-files.js';
import { readRunDirectory } from './inputs/read-run.js';
import { readSweepDirectory } from './inputs/read-sweep.js';
import { reportMarkdown } from './markdown.js';
import { REPORT_ERRORS } from './messages.js';
import { compareReport } from './model/compare-report.js';
import type { ReportModel } from './model/report-model.js';
import { runReport } from './model/run-report.js';
import { sweepReport } from './model/sweep-report.js';
import { findChartFonts, type ChartFonts } from './render/chart-fonts.js';
import { svgToPng } from './render/render-png.js';
import { renderSvg } from './render/render-svg.js';
import { dgsimVersion } from '../version.js';

export { ReportInputError } from './inputs/read-files.js';
export { FontsMissingError } from './render/chart-fonts.js';

/** The files of a report, relative to the output directory. */
export const REPORT_HTML = 'report.html';
export const SUMMARY_MD = 'summary.md';
export const CHARTS_DIRECTORY = 'charts';

export interface BuildReportOptions {
  /** A folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf; default: the system's (fonts-dejavu-core). */
  readonly fontDirectory?: string;
  /** The chart fonts, already found (then `fontDirectory` is not used). */
  readonly fonts?: ChartFonts;
  /**
   * The manifest to take provenance from instead of the directory's
   * manifest.json: a command drawing its report before it writes its
   * manifest passes the manifest's fields (its `outputs` are never shown).
   */
  readonly manifest?: JsonObject;
  /** Writes one report file, named relative to the output directory (`charts/kpi.svg`); default: atomically, with writeFileAtomic. */
  readonly writeFile?: (file: string, content: string | Uint8Array) => Promise<void>;
}

/** What kind of output a directory holds, from the files in it. */
export type OutputKind = 'run' | 'compare' | 'sweep';

/**
 * The kind of output in `directory`: compare.json → compare, runs.csv → sweep, summary.json → run.
 * @throws ReportInputError when it is not a directory or holds none of them.
 */
export async function detectOutputKind(directory: string): Promise<OutputKind> {
  let isDirectory = false;
  try {
    isDirectory = (await stat(directory)).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) throw new ReportInputError(REPORT_ERRORS.noDirectory(directory));
  if (await isFile(join(directory, 'compare.json'))) return 'compare';
  if (await isFile(join(directory, 'runs.csv'))) return 'sweep';
  if (await isFile(join(directory, 'summary.json'))) return 'run';
  throw new ReportInputError(REPORT_ERRORS.notAnOutputDirectory(directory));
}

/**
 * The report model of an output directory (reads its files; renders nothing).
 * Provenance comes from the outputs themselves and, where they lack the
 * dgsim version (a sweep's plan.json), from `manifestFields` or else the
 * directory's manifest.json.
 * @throws ReportInputError when the directory is not a dgsim output or a file is unreadable.
 */
export async function readReportModel(directory: string, manifestFields?: JsonObject): Promise<ReportModel> {
  const kind = await detectOutputKind(directory);
  const manifestPath = join(directory, 'manifest.json');
  const manifest: JsonObject | undefined = manifestFields ?? ((await isFile(manifestPath)) ? await readJsonObject(manifestPath) : undefined);
  switch (kind) {
    case 'run':
      return runReport(await readRunDirectory(directory), manifest);
    case 'compare':
      return compareReport(await readCompareDirectory(directory), manifest);
    case 'sweep':
      return sweepReport(await readSweepDirectory(directory), manifest);
  }
}

/** A rendered chart: SVG text and PNG bytes. */
export interface RenderedChart {
  readonly svg: string;
  readonly png: Uint8Array;
}

/**
 * Renders one chart to SVG and PNG.
 * @throws Error naming the chart when vega-lite or vega fails.
 */
export async function renderChart(chart: ReportChart, fonts: ChartFonts): Promise<RenderedChart> {
  try {
    const svg = await renderSvg(chart.spec);
    return { svg, png: svgToPng(svg, fonts) };
  } catch (error) {
    throw new Error(REPORT_ERRORS.chartFailed(chart.id, error instanceof Error ? error.message : String(error)), { cause: error });
  }
}

/** Removes chart files a previous report left that this one does not write. */
async function removeStaleCharts(chartsDirectory: string, keep: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(chartsDirectory)) {
    if (/\.(svg|png)$/.test(entry) && !keep.has(entry)) await rm(join(chartsDirectory, entry), { force: true });
  }
}

/**
 * Builds the report of a run, comparison or sweep directory: report.html
 * (self-contained, inline SVG charts), summary.md, and every chart as
 * charts/<id>.svg and charts/<id>.png. Returns the paths written (joined to
 * `outputDir`), report.html last. Provenance comes from `options.manifest`
 * when given (see readReportModel).
 * Cost: one vega render and one rasterisation per chart (about 0.1–0.5 s each).
 * @throws ReportInputError (not a dgsim output directory, unreadable file), FontsMissingError (no DejaVu fonts), or the file system error when writing fails.
 * @example const { files } = await buildReport('out/compare-digital-only-vs-hybrid');
 */
export async function buildReport(outputDir: string, options: BuildReportOptions = {}): Promise<{ files: string[] }> {
  const model = await readReportModel(outputDir, options.manifest);
  const fonts = options.fonts ?? findChartFonts(options.fontDirectory);
  const version = dgsimVersion();
  const chartsDirectory = join(outputDir, CHARTS_DIRECTORY);
  await mkdir(chartsDirectory, { recursive: true });
  const writeFile = options.writeFile ?? (async (file: string, content: string | Uint8Array): Promise<void> => void (await writeFileAtomic(join(outputDir, file), content)));
  const files: string[] = [];
  const write = async (file: string, content: string | Uint8Array): Promise<void> => {
    await writeFile(file, content);
    files.push(join(outputDir, file));
  };
  const svgs = new Map<string, string>();
  for (const chart of model.charts) {
    const rendered = await renderChart(chart, fonts);
    svgs.set(chart.id, rendered.svg);
    await write(`${CHARTS_DIRECTORY}/${chart.id}.svg`, rendered.svg);
    await write(`${CHARTS_DIRECTORY}/${chart.id}.png`, rendered.png);
  }
  await removeStaleCharts(chartsDirectory, new Set(model.charts.flatMap((chart) => [`${chart.id}.svg`, `${chart.id}.png`])));
  await write(SUMMARY_MD, reportMarkdown(model, version));
  await write(REPORT_HTML, reportHtml(model, svgs, version));
  return { files };
}
