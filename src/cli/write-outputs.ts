/**
 * Writing a command's output set, the report included:
 *
 *   data outputs (written, or included when the sweep wrote them)
 *     ──► the report drawn from them: charts/<id>.svg|png, summary.md, report.html (unless --no-report)
 *     ──► manifest.json, last: every file above with its sha256 and size
 *
 * So a directory with a manifest holds a whole output set, report and all,
 * and `dgsim verify` can check every file of it.
 */
import { FontsMissingError, ReportInputError, buildReport } from '../report/build-report.js';
import { OutputSetWriter, type WrittenOutputs } from '../report/manifest.js';
import { chartFontHashes, findChartFonts, type ChartFonts } from '../report/render/chart-fonts.js';
import { outputError, systemErrorCode, UserError } from './errors.js';
import type { CliIo } from './io.js';

/** What `writeOutputs` writes. */
export interface OutputSetSpec {
  readonly directory: string;
  /** The directory as messages show it (as the user gave it, or relative to the working directory). */
  readonly shown: string;
  /** Writes (or includes) the data outputs into the set, in order. */
  readonly data: (set: OutputSetWriter) => Promise<void>;
  /** The manifest's fields before `reportFonts` and `outputs`. */
  readonly manifest: Readonly<Record<string, unknown>>;
  /** The chart fonts when the report is drawn (see reportFontsOrFail); undefined with --no-report. */
  readonly fonts: ChartFonts | undefined;
}

/**
 * The chart fonts of a command that draws its report, found before it
 * does any work, so that missing fonts stop it at once rather than after a
 * long run; undefined when it draws none.
 * @throws UserError naming the font package and --no-report when the fonts are missing.
 */
export function reportFontsOrFail(drawsReport: boolean): ChartFonts | undefined {
  if (!drawsReport) return undefined;
  try {
    return findChartFonts();
  } catch (error) {
    if (error instanceof FontsMissingError) throw new UserError(`${error.message} Or skip the report with --no-report.`);
    throw error;
  }
}

/**
 * Writes an output set (see the module comment) and says what went where
 * on stderr, in the order written: `wrote summary.json, monthly.csv to
 * out/city`, the report's line, then the manifest's (one line with
 * `--no-report`: `wrote summary.json, monthly.csv, manifest.json to …`). With a report, the manifest also records the
 * sha256 of the two chart font files (`reportFonts`): the PNGs are
 * byte-identical only with the same fonts.
 * @throws UserError when a file cannot be written (naming the directory) or the report cannot read the outputs.
 */
export async function writeOutputs(spec: OutputSetSpec, io: CliIo): Promise<WrittenOutputs> {
  let written: WrittenOutputs;
  let dataFiles: string[];
  let charts = 0;
  try {
    const set = await OutputSetWriter.start(spec.directory);
    await spec.data(set);
    dataFiles = set.outputs.map((output) => output.file);
    let manifest = spec.manifest;
    if (spec.fonts !== undefined) {
      manifest = { ...manifest, reportFonts: chartFontHashes(spec.fonts) };
      // The report reads the data outputs just written; its provenance comes from the manifest to be (a sweep's plan.json has no version).
      const { files } = await buildReport(spec.directory, { fonts: spec.fonts, manifest, writeFile: async (file, content) => void (await set.write(file, content)) });
      charts = files.filter((file) => file.endsWith('.svg')).length;
    }
    written = await set.finish(manifest);
  } catch (error) {
    if (error instanceof ReportInputError || error instanceof FontsMissingError) throw new UserError(error.message);
    // Only file-system failures are the user's to fix; anything else is a bug and propagates.
    throw systemErrorCode(error) === undefined ? error : outputError(spec.shown, error);
  }
  // In the order the files were written: data, report, manifest last.
  if (spec.fonts === undefined) {
    io.err(`dgsim: wrote ${[...dataFiles, 'manifest.json'].join(', ')} to ${spec.shown}\n`);
  } else {
    io.err(`dgsim: wrote ${dataFiles.join(', ')} to ${spec.shown}\n`);
    io.err(`dgsim: wrote report.html, summary.md and ${charts} chart(s) as SVG and PNG (charts/) to ${spec.shown}\n`);
    io.err(`dgsim: wrote manifest.json, last, with the sha256 of every file above, to ${spec.shown}\n`);
  }
  return written;
}
