/**
 * `dgsim report <output-dir>`: the report of a run, comparison or sweep
 * directory, from its files:
 *
 *   output dir ──► buildReport ──► report.html, summary.md, charts/*.svg|png ──► where on stderr
 *
 * run, compare and sweep draw their report themselves, before their
 * manifest (write-outputs.ts), unless --no-report is given. Redrawn here, a
 * report that comes out different (a sweep analysed since) no longer
 * matches the checksums the directory's manifest lists: that is said.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { writeFileAtomic } from '../report/atomic-write.js';
import { buildReport, FontsMissingError, ReportInputError } from '../report/build-report.js';
import { MANIFEST_FILE } from '../report/manifest.js';
import { outputError, systemErrorCode, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { singleValue } from './options.js';
import { portablePath } from './paths.js';

/** The options of `dgsim report` as yargs hands them over (values as typed). */
export interface ReportArguments {
  readonly 'output-dir': string;
  readonly 'font-dir'?: unknown;
}

/** The option run, compare and sweep take to skip the report: yargs reads `--no-report` as `report: false`. */
export const REPORT_OPTION = {
  name: 'report',
  settings: { type: 'boolean', default: true, describe: 'write report.html, summary.md and charts/ (SVG and PNG) from the outputs, listed in manifest.json; --no-report skips them' },
} as const;

/** The report files (report.html, summary.md, charts/…) a directory's manifest lists, with their sha256; empty without a readable manifest. */
async function listedReportFiles(directory: string): Promise<Map<string, string>> {
  const listed = new Map<string, string>();
  try {
    const manifest = JSON.parse(await readFile(join(directory, MANIFEST_FILE), 'utf8')) as { outputs?: unknown };
    if (!Array.isArray(manifest.outputs)) return listed;
    for (const output of manifest.outputs as { file?: unknown; sha256?: unknown }[]) {
      if (typeof output.file === 'string' && typeof output.sha256 === 'string' && /^(report\.html|summary\.md|charts\/)/.test(output.file)) listed.set(output.file, output.sha256);
    }
  } catch {
    // No manifest, or not one we can read: nothing to compare with.
  }
  return listed;
}

/**
 * Builds the report of `directory` and says where it went on stderr.
 * @throws UserError when the directory is not a dgsim output, a file cannot be read or written, or the chart fonts are missing.
 * @example await writeReport('out/city', io);
 */
export async function writeReport(directory: string, io: CliIo, fontDirectory?: string): Promise<void> {
  const shown = portablePath(directory, io.cwd);
  const listed = await listedReportFiles(directory);
  const written = new Map<string, string>();
  let files: string[];
  try {
    ({ files } = await buildReport(directory, {
      ...(fontDirectory === undefined ? {} : { fontDirectory }),
      writeFile: async (file, content) => void written.set(file, (await writeFileAtomic(join(directory, file), content)).sha256),
    }));
  } catch (error) {
    if (error instanceof ReportInputError || error instanceof FontsMissingError) throw new UserError(error.message);
    throw systemErrorCode(error) === undefined ? error : outputError(shown, error);
  }
  const charts = files.filter((file) => file.endsWith('.svg')).length;
  io.err(`dgsim: wrote report.html, summary.md and ${charts} chart(s) as SVG and PNG (charts/) to ${shown}\n`);
  const changed = [...listed].filter(([file, sha256]) => written.get(file) !== sha256).map(([file]) => file);
  if (changed.length > 0) {
    io.err(
      `dgsim: note: the report now differs from the one ${shown}/${MANIFEST_FILE} lists (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', …' : ''}), ` +
        `e.g. because dgsim analyze has run since; dgsim verify will report ${changed.length === 1 ? 'it' : 'them'} as changed. Re-running the recorded command restores the listed report\n`,
    );
  }
}

/** The yargs module of `dgsim report`, writing through `io`. */
export function reportCommand(io: CliIo): CommandModule<object, ReportArguments> {
  return {
    command: 'report <output-dir>',
    describe: 'Write the report of a run, comparison or sweep directory: report.html (self-contained, opens offline), summary.md, and every chart as SVG and PNG',
    builder: (command: Argv<object>): Argv<ReportArguments> =>
      command
        .positional('output-dir', { type: 'string', describe: 'a directory written by dgsim run, compare or sweep', demandOption: true })
        .option('font-dir', { type: 'string', requiresArg: true, describe: 'folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf for the PNGs [default: the system\'s, from fonts-dejavu-core]' })
        .example('$0 report out/city', 'rewrite the report of a run')
        .example('$0 report out/compare-digital-only-vs-hybrid', 'the report of a comparison')
        .epilogue('The kind of report follows the files: compare.json (a comparison), runs.csv (a sweep, with analysis/ if dgsim analyze has run) or summary.json (a run). Same inputs, byte-identical files.') as unknown as Argv<ReportArguments>,
    handler: async (argv) => {
      const fontDirectory = argv['font-dir'] === undefined ? undefined : singleValue('font-dir', argv['font-dir']);
      await writeReport(argv['output-dir'], io, fontDirectory);
    },
  };
}
