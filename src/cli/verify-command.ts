/**
 * `dgsim verify <output-dir>`: re-runs the command that wrote an output
 * directory and checks that every output comes out byte for byte the same.
 *
 *   manifest.json ──► command, files, sha256s, input hashes, version (missing or unreadable: exit 2)
 *     ──► each listed file still matches its sha256? (no: tampered or damaged, exit 2)
 *     ──► re-run the same command (same recorded command line, same report option) into a temporary directory
 *     ──► input hashes of the re-run = the recorded ones? (else the input changed)
 *     ──► every listed file, the report's included, and the manifest byte-identical to the re-run's?
 *     ──► exit 0 | exit 1 naming each file that differs
 *
 * Paths in a manifest are relative to the directory the command ran in, so
 * verify runs from there too. Supports the outputs of `dgsim run`,
 * `compare`, `sweep` (a whole sweep or one shard: the sweep is run again,
 * on `--workers` threads if given) and `merge` (merged again from the same
 * shard directories). Files are compared by sha256, read in a stream, so
 * results larger than memory verify too.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { z } from 'zod';
import { sha256OfFile } from '../report/atomic-write.js';
import { REPORT_HTML } from '../report/build-report.js';
import { isOutputPath, MANIFEST_FILE } from '../report/manifest.js';
import { dgsimVersion } from '../version.js';
import { canonicalJson } from '../scenarios/canonical-json.js';
import { PLAN_FILE } from '../scenarios/sweep/plan.js';
import { systemErrorCode, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { EXIT_RUNS_FAILED, parseWorkers } from './sweep-command.js';

/** Exit code when the outputs do not match a re-run. */
export const EXIT_VERIFY_MISMATCH = 1;

/** The outputs differ from a re-run, or the input changed: exit 1, the message says which. */
export class VerifyFailedError extends UserError {
  readonly exitCode = EXIT_VERIFY_MISMATCH;
  constructor(message: string) {
    super(message);
    this.name = 'VerifyFailedError';
  }
}

/**
 * Runs a dgsim command line (`args`, without the program name) in the same
 * process and returns its exit code; `recordedArgs` is the command line the
 * outputs record instead (so a re-run into another directory writes the same bytes).
 */
export type RerunCli = (args: readonly string[], recordedArgs: readonly string[], io: CliIo) => Promise<number>;

/** The options of `dgsim verify` as yargs hands them over. */
export interface VerifyArguments {
  readonly directory: string;
  /** `--workers`: threads for re-running a sweep. */
  readonly workers?: unknown;
}

/** The commands whose outputs verify can re-run. */
const SUPPORTED = ['run', 'compare', 'sweep', 'merge'] as const;

/** The commands that draw a report unless told --no-report. */
const REPORTING: ReadonlySet<string> = new Set(['run', 'compare', 'sweep']);

/** The hashes of a command's inputs a manifest records, and what each covers, for the message when one changed. */
const INPUT_HASHES = {
  scenarioHash: 'the scenario (its file or a file it extends)',
  sweepFileHash: 'the sweep file',
  planHash: 'the sweep\'s plan (its base scenario, overrides, design points or seeds)',
} as const;

const hashField = z.union([z.string(), z.record(z.string(), z.string())]).optional();

const manifestSchema = z.looseObject({
  dgsimVersion: z.string(),
  command: z.string().min(1),
  scenarioHash: hashField,
  sweepFileHash: hashField,
  planHash: hashField,
  reportFonts: z.record(z.string(), z.string()).optional(),
  // Paths inside the directory only: a manifest must not make verify read outside it.
  outputs: z.array(z.looseObject({ file: z.string().refine(isOutputPath, 'a path inside the directory'), sha256: z.string(), bytes: z.number() })),
});
type Manifest = z.infer<typeof manifestSchema>;

/**
 * The words of a command line as a POSIX shell splits them: blanks separate
 * words, '…' quotes literally, "…" quotes with \" \\ \$ \` escapes, a
 * backslash outside quotes escapes the next character. Undefined when a quote
 * is not closed. Inverse of `commandLine` (paths.ts).
 * @example shellWords("dgsim run 'my city.yaml'") // ['dgsim', 'run', 'my city.yaml']
 */
export function shellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) return undefined;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (char === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1]!)) j++;
        word += text[j]!;
      }
      if (j >= text.length) return undefined;
      inWord = true;
      i = j;
    } else if (char === '\\' && i + 1 < text.length) {
      word += text[++i]!;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** How to re-run a command for verify. */
export interface RerunOptions {
  /** Whether the outputs include a report (the manifest lists report.html): the re-run draws it too, else it gets --no-report. */
  readonly report: boolean;
  /** Threads for a sweep's re-run (verify --workers), instead of the recorded --workers. */
  readonly workers?: number;
}

/**
 * The arguments of the re-run: every `--out X` / `--out=X` replaced by one
 * `--out directory`; the report as the outputs had it (`--no-report` when
 * the manifest lists no report.html, whatever the command said); for a
 * sweep, no progress display and `--workers` when verify was given it
 * (results are byte-identical whatever the number of workers).
 * @example withOutDirectory(['run', 'a.yaml', '--out', 'x'], '/tmp/y', { report: false }) // ['run', 'a.yaml', '--out', '/tmp/y', '--no-report']
 */
export function withOutDirectory(args: readonly string[], directory: string, options: RerunOptions): string[] {
  const command = args[0] ?? '';
  const sweep = command === 'sweep';
  const replaced = (name: string): boolean => name === 'out' || (sweep && name === 'progress') || (sweep && name === 'workers' && options.workers !== undefined);
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = /^--([a-z-]+)(=.*)?$/.exec(arg);
    const name = option?.[1];
    if (name !== undefined && replaced(name)) {
      if (option?.[2] === undefined) i++;
    } else if (REPORTING.has(command) && (name === 'report' || name === 'no-report')) {
      // A boolean option may be given its value as the next word: `--report false`.
      if (option?.[2] === undefined && (args[i + 1] === 'true' || args[i + 1] === 'false')) i++;
    } else {
      kept.push(arg);
    }
  }
  const added = ['--out', directory];
  if (REPORTING.has(command) && !options.report) added.push('--no-report');
  if (sweep) added.push('--progress', 'none');
  if (sweep && options.workers !== undefined) added.push('--workers', String(options.workers));
  return [...kept, ...added];
}

/** Reads and checks the manifest of `directory`, or says why it cannot be verified (exit 2). */
async function readManifest(directory: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(directory, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = systemErrorCode(error);
    if (!existsSync(directory)) throw new UserError(`cannot verify ${directory}: there is no such directory`);
    if (code === 'ENOENT' && existsSync(join(directory, PLAN_FILE))) {
      throw new UserError(`cannot verify ${directory}: it holds a sweep with no ${MANIFEST_FILE}: the sweep has not finished (or was interrupted; the manifest is written last). Run the sweep command again to finish it, then verify`);
    }
    if (code === 'ENOENT') {
      throw new UserError(`cannot verify ${directory}: it has no ${MANIFEST_FILE}, so it is not a dgsim output directory, or the command writing it was interrupted (the manifest is written last)`);
    }
    throw new UserError(`cannot verify ${directory}: cannot read its ${MANIFEST_FILE}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError(`cannot verify ${directory}: its ${MANIFEST_FILE} is not valid JSON (damaged, or not written by dgsim)`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new UserError(`cannot verify ${directory}: its ${MANIFEST_FILE} is not a dgsim manifest (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/** The sha256 of a file, undefined when it cannot be read. */
async function sha256OrUndefined(path: string): Promise<string | undefined> {
  try {
    return (await sha256OfFile(path)).sha256;
  } catch {
    return undefined;
  }
}

/** One file's verdict, as verify prints it. */
interface FileVerdict {
  readonly file: string;
  readonly problem?: string;
}

function verdictLine(verdict: FileVerdict): string {
  return `${verdict.problem === undefined ? 'identical' : 'DIFFERS  '} ${verdict.file}${verdict.problem === undefined ? '' : `: ${verdict.problem}`}\n`;
}

/**
 * The listed outputs that no longer match the manifest: missing, or with
 * another sha256 (changed or damaged since they were written).
 */
async function tamperedOutputs(directory: string, manifest: Manifest): Promise<FileVerdict[]> {
  const tampered: FileVerdict[] = [];
  for (const output of manifest.outputs) {
    const sha256 = await sha256OrUndefined(join(directory, output.file));
    if (sha256 === undefined) tampered.push({ file: output.file, problem: `missing (${MANIFEST_FILE} lists it)` });
    else if (sha256 !== output.sha256) tampered.push({ file: output.file, problem: `changed since it was written (its sha256 does not match ${MANIFEST_FILE})` });
  }
  return tampered;
}

/** The manifest of a re-run, or undefined when it wrote none that parses. */
async function readFreshManifest(directory: string): Promise<Manifest | undefined> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(join(directory, MANIFEST_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `dgsim verify`: prints one line per file to stdout (`identical` or
 * what is wrong), then a summary on stderr.
 * @throws VerifyFailedError (exit 1) when an output differs from the re-run, or the input changed;
 *   UserError (exit 2) when the directory cannot be verified: no manifest, a damaged one, a listed file missing or changed since it was written
 *   (its sha256 no longer the manifest's), an unsupported command, a re-run that fails.
 */
export async function verifyHandler(options: VerifyArguments, io: CliIo, rerun: RerunCli): Promise<void> {
  const directory = options.directory;
  const workers = options.workers === undefined ? undefined : parseWorkers(options.workers);
  const manifest = await readManifest(directory);
  const words = shellWords(manifest.command);
  const command = words?.[1];
  if (words === undefined || words[0] !== 'dgsim' || command === undefined) {
    throw new UserError(`cannot verify ${directory}: the command its ${MANIFEST_FILE} records is not a dgsim command line: ${JSON.stringify(manifest.command)}`);
  }
  if (!(SUPPORTED as readonly string[]).includes(command)) {
    throw new UserError(`cannot verify ${directory}: it was written by "dgsim ${command}"; verify supports the outputs of dgsim run, compare, sweep and merge`);
  }
  if (manifest.dgsimVersion !== dgsimVersion()) {
    io.err(`dgsim: note: ${directory} was written by dgsim ${manifest.dgsimVersion}, this is dgsim ${dgsimVersion()}; outputs are byte-identical only within a version\n`);
  }

  // A directory that no longer matches its own manifest is not the output set dgsim wrote: nothing to re-run against.
  const tampered = await tamperedOutputs(directory, manifest);
  if (tampered.length > 0) {
    for (const verdict of tampered) io.out(verdictLine(verdict));
    const onlyReport = tampered.every((verdict) => /^(report\.html|summary\.md|charts\/)/.test(verdict.file));
    throw new UserError(
      `cannot verify ${directory}: its files no longer match its ${MANIFEST_FILE}, so they are not the outputs dgsim wrote (changed or damaged since): ` +
        `${tampered.map((verdict) => `${verdict.file} ${verdict.problem ?? ''}`).join('; ')}. ` +
        (onlyReport ? 'Only the report changed: redrawn by dgsim report (after dgsim analyze, say), it differs from the one the command drew. ' : '') +
        `Run "${manifest.command}" again to write them afresh`,
    );
  }

  const scratch = await mkdtemp(join(tmpdir(), 'dgsim-verify-'));
  try {
    let stderr = '';
    const quiet: CliIo = { ...io, out: () => undefined, err: (text) => void (stderr += text), color: false, stderrIsTty: false };
    const recorded = words.slice(1);
    const report = manifest.outputs.some((output) => output.file === REPORT_HTML);
    const code = await rerun(withOutDirectory(recorded, scratch, { report, ...(workers === undefined ? {} : { workers }) }), recorded, quiet);
    // Some failed runs of a sweep are results too (recorded with their error): the outputs are whole.
    const wrote = code === 0 || ((command === 'sweep' || command === 'merge') && code === EXIT_RUNS_FAILED);
    if (!wrote) {
      const why = stderr.trim().replace(/^dgsim: /gm, '  ');
      throw new UserError(`cannot verify ${directory}: re-running "${manifest.command}" from ${io.cwd} failed (exit ${code}); run verify from the directory the command was run in\n${why}`);
    }
    const fresh = await readFreshManifest(scratch);

    const verdicts: FileVerdict[] = [];
    for (const output of manifest.outputs) {
      const again = await sha256OrUndefined(join(scratch, output.file));
      if (again === undefined) verdicts.push({ file: output.file, problem: 'not written by the re-run' });
      else if (again !== output.sha256) verdicts.push({ file: output.file, problem: 'differs from the re-run' });
      else verdicts.push({ file: output.file });
    }
    const listed = new Set(manifest.outputs.map((output) => output.file));
    for (const output of fresh?.outputs ?? []) {
      if (!listed.has(output.file)) verdicts.push({ file: output.file, problem: `written by the re-run but not in ${MANIFEST_FILE}` });
    }
    const manifestNow = await sha256OrUndefined(join(directory, MANIFEST_FILE));
    const manifestAgain = await sha256OrUndefined(join(scratch, MANIFEST_FILE));
    verdicts.push(manifestNow !== undefined && manifestNow === manifestAgain ? { file: MANIFEST_FILE } : { file: MANIFEST_FILE, problem: 'differs from the re-run' });
    for (const verdict of verdicts) io.out(verdictLine(verdict));

    const reasons: string[] = [];
    for (const [field, what] of Object.entries(INPUT_HASHES) as [keyof typeof INPUT_HASHES, string][]) {
      const then = manifest[field];
      const now = fresh?.[field];
      if (then !== undefined && fresh !== undefined && canonicalJson(then) !== canonicalJson(now ?? null)) {
        reasons.push(`the input changed: ${what} no longer has the hash the outputs record (${hashText(then)} then, ${hashText(now)} now)`);
      }
    }
    const differing = verdicts.filter((verdict) => verdict.problem !== undefined);
    const fontsChanged = manifest.reportFonts !== undefined && fresh?.reportFonts !== undefined && canonicalJson(manifest.reportFonts) !== canonicalJson(fresh.reportFonts);
    if (fontsChanged && differing.some((verdict) => verdict.file.endsWith('.png'))) {
      reasons.push('the chart fonts here are not the files the report was drawn with (reportFonts in the manifest): the PNG charts are byte-identical only with the same DejaVu Sans files');
    }
    if (differing.length > 0) reasons.push(`${differing.map((verdict) => `${verdict.file} ${verdict.problem ?? ''}`).join('; ')}`);
    if (reasons.length > 0) throw new VerifyFailedError(`verify: ${directory} does not match a re-run of "${manifest.command}": ${reasons.join('; ')}`);
    io.err(`dgsim: verified ${directory}: ${verdicts.length} files byte-identical to a re-run of "${manifest.command}"\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A recorded hash, shortened for a message: `1a2b3c4d…`, or `a 1a2b…, b 5e6f…` for a comparison. */
function hashText(hash: Manifest['scenarioHash']): string {
  if (hash === undefined) return 'none';
  if (typeof hash === 'string') return `${hash.slice(0, 12)}…`;
  return Object.entries(hash)
    .map(([side, value]) => `${side} ${value.slice(0, 12)}…`)
    .join(', ');
}

/** The yargs module of `dgsim verify`; `rerun` runs a dgsim command line in this process. */
export function verifyCommand(io: CliIo, rerun: RerunCli): CommandModule<object, VerifyArguments> {
  return {
    command: 'verify <directory>',
    describe: 'Re-run the command that wrote an output directory and check every output, the report included, is byte-identical',
    builder: (command: Argv<object>): Argv<VerifyArguments> =>
      command
        .positional('directory', { type: 'string', describe: 'an output directory of dgsim run, compare, sweep or merge (with its manifest.json)', demandOption: true })
        .option('workers', { type: 'string', requiresArg: true, describe: 'worker threads for re-running a sweep [default: as recorded, else every core]' })
        .example('$0 verify out/city', 're-run the recorded command and compare every file manifest.json lists, and the manifest, byte for byte')
        .example('$0 verify out/grid --workers 2', 're-run a sweep on two threads (the results are the same whatever the number)')
        .epilogue(
          'Run it from the directory the command was run in (the manifest records paths relative to it). Exit code 0 when every output is identical; 1 when one differs from the re-run or the input changed; 2 when the directory cannot be verified: no manifest or a damaged one, a listed file missing or changed since it was written (its sha256 no longer the manifest\'s), or a re-run that fails.',
        ) as unknown as Argv<VerifyArguments>,
    handler: async (argv) => {
      await verifyHandler(argv, io, rerun);
    },
  };
}
