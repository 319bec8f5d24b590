/**
 * `dgsim report <output-dir>`: the report of a run, comparison or sweep
 * directory, from its files:
 *
 *   output dir ──► buildReport ──► report.html, summary.md, charts/*.svg|png ──► where on stderr
 *
 * run, compare and sweep call `writeReport` after their outputs, unless
 * --no-report is given.
 */
import type { Argv, CommandModule } from 'yargs';
import { buildReport, FontsMissingError, ReportInputError } from '../report/build-report.js';
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
  settings: { type: 'boolean', default: true, describe: 'write report.html, summary.md and charts/ (SVG and PNG) after the outputs; --no-report skips them' },
} as const;

/**
 * Builds the report of `directory` and says where it went on stderr.
 * @throws UserError when the directory is not a dgsim output, a file cannot be read or written, or the chart fonts are missing.
 * @example await writeReport('out/city', io);
 */
export async function writeReport(directory: string, io: CliIo, fontDirectory?: string): Promise<void> {
  const shown = portablePath(directory, io.cwd);
  let files: string[];
  try {
    ({ files } = await buildReport(directory, fontDirectory === undefined ? {} : { fontDirectory }));
  } catch (error) {
    if (error instanceof ReportInputError || error instanceof FontsMissingError) throw new UserError(error.message);
    throw systemErrorCode(error) === undefined ? error : outputError(shown, error);
  }
  const charts = files.filter((file) => file.endsWith('.svg')).length;
  io.err(`dgsim: wrote report.html, summary.md and ${charts} chart(s) as SVG and PNG (charts/) to ${shown}\n`);
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
