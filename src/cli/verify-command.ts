/**
 * `dgsim verify <output-dir>`: re-runs the command that wrote an output
 * directory and checks that every output comes out byte for byte the same.
 *
 *   manifest.json ──► command, files, sha256s, scenario hash, version
 *     ──► each listed file still matches its sha256?
 *     ──► re-run the same command (same recorded command line) into a temporary directory
 *     ──► scenario hash of the re-run = the recorded one? (else the input changed)
 *     ──► every listed file and the manifest byte-identical to the re-run's?
 *     ──► exit 0 | exit 1 naming what differs
 *
 * Paths in a manifest are relative to the directory the command ran in, so
 * verify runs from there too. Supports the outputs of `dgsim run` and
 * `dgsim compare`; sweep directories have no manifest yet. The report
 * (report.html, summary.md, charts/) is derived from the outputs and not in
 * the manifest, so it is not re-made or compared.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { z } from 'zod';
import { sha256Hex } from '../report/atomic-write.js';
import { MANIFEST_FILE } from '../report/manifest.js';
import { dgsimVersion } from '../report/version.js';
import { canonicalJson } from '../scenarios/canonical-json.js';
import { systemErrorCode, UserError } from './errors.js';
import type { CliIo } from './io.js';

/** Exit code when the outputs do not match a re-run. */
export const EXIT_VERIFY_MISMATCH = 1;

/** The outputs differ from a re-run (or from their manifest): exit 1, the message says which. */
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
}

/** The commands whose outputs verify can re-run. */
const SUPPORTED = ['run', 'compare'] as const;

const manifestSchema = z.looseObject({
  dgsimVersion: z.string(),
  command: z.string().min(1),
  scenarioHash: z.union([z.string(), z.record(z.string(), z.string())]).optional(),
  // Plain file names only: a manifest must not make verify read outside its directory.
  outputs: z.array(z.looseObject({ file: z.string().regex(/^(?!\.\.?$)[^/\\]+$/, 'a plain file name'), sha256: z.string(), bytes: z.number() })),
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

/**
 * The arguments of the re-run: every `--out X` / `--out=X` replaced by one
 * `--out directory`, and `--no-report` (the report is derived from the
 * outputs and not in the manifest; its PNGs depend on the machine's fonts).
 */
export function withOutDirectory(args: readonly string[], directory: string): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out') i++;
    else if (!arg.startsWith('--out=') && !/^--(no-)?report(=.*)?$/.test(arg)) kept.push(arg);
  }
  return [...kept, '--out', directory, '--no-report'];
}

/** Reads and checks the manifest of `directory`, or says why it cannot be verified. */
async function readManifest(directory: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(directory, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = systemErrorCode(error);
    if (!existsSync(directory)) throw new UserError(`cannot verify ${directory}: there is no such directory`);
    if (existsSync(join(directory, 'plan.json'))) {
      throw new UserError(`cannot verify ${directory}: it holds a sweep, which has no ${MANIFEST_FILE} yet; verify supports the outputs of dgsim run and dgsim compare`);
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
    throw new UserError(`cannot verify ${directory}: its ${MANIFEST_FILE} is not valid JSON`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new UserError(`cannot verify ${directory}: its ${MANIFEST_FILE} is not a dgsim manifest (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/** One file's verdict, as verify prints it. */
interface FileVerdict {
  readonly file: string;
  readonly problem?: string;
}

/**
 * Runs `dgsim verify`: prints one line per file to stdout (`identical` or
 * what is wrong), then a summary on stderr.
 * @throws VerifyFailedError (exit 1) when an output differs from the re-run or its manifest, or the input changed;
 *   UserError (exit 2) when the directory cannot be verified (no manifest, unsupported command, the re-run fails).
 */
export async function verifyHandler(options: VerifyArguments, io: CliIo, rerun: RerunCli): Promise<void> {
  const directory = options.directory;
  const manifest = await readManifest(directory);
  const words = shellWords(manifest.command);
  const command = words?.[1];
  if (words === undefined || words[0] !== 'dgsim' || command === undefined) {
    throw new UserError(`cannot verify ${directory}: the command its ${MANIFEST_FILE} records is not a dgsim command line: ${JSON.stringify(manifest.command)}`);
  }
  if (!(SUPPORTED as readonly string[]).includes(command)) {
    throw new UserError(`cannot verify ${directory}: it was written by "dgsim ${command}"; verify supports the outputs of dgsim run and dgsim compare`);
  }
  if (manifest.dgsimVersion !== dgsimVersion()) {
    io.err(`dgsim: note: ${directory} was written by dgsim ${manifest.dgsimVersion}, this is dgsim ${dgsimVersion()}; outputs are byte-identical only within a version\n`);
  }

  const verdicts: FileVerdict[] = [];
  const originals = new Map<string, Buffer | undefined>();
  for (const output of manifest.outputs) {
    const bytes = await readOrUndefined(join(directory, output.file));
    originals.set(output.file, bytes);
    if (bytes === undefined) verdicts.push({ file: output.file, problem: 'missing' });
    else if (sha256Hex(bytes) !== output.sha256) verdicts.push({ file: output.file, problem: `changed since it was written (its sha256 does not match ${MANIFEST_FILE})` });
  }

  const scratch = await mkdtemp(join(tmpdir(), 'dgsim-verify-'));
  try {
    let stderr = '';
    const quiet: CliIo = { ...io, out: () => undefined, err: (text) => void (stderr += text), color: false, stderrIsTty: false };
    const recorded = words.slice(1);
    const code = await rerun(withOutDirectory(recorded, scratch), recorded, quiet);
    if (code !== 0) {
      const why = stderr.trim().replace(/^dgsim: /gm, '  ');
      throw new UserError(`cannot verify ${directory}: re-running "${manifest.command}" from ${io.cwd} failed (exit ${code}); run verify from the directory the command was run in\n${why}`);
    }
    const fresh = manifestSchema.safeParse(JSON.parse(await readFile(join(scratch, MANIFEST_FILE), 'utf8')));
    const inputChanged = fresh.success && canonicalJson(fresh.data.scenarioHash ?? null) !== canonicalJson(manifest.scenarioHash ?? null);

    for (const output of manifest.outputs) {
      if (verdicts.some((verdict) => verdict.file === output.file)) continue;
      const again = await readOrUndefined(join(scratch, output.file));
      if (again === undefined) verdicts.push({ file: output.file, problem: 'not written by the re-run' });
      else if (!again.equals(originals.get(output.file)!)) verdicts.push({ file: output.file, problem: 'differs from the re-run' });
      else verdicts.push({ file: output.file });
    }
    const manifestNow = await readOrUndefined(join(directory, MANIFEST_FILE));
    const manifestAgain = await readOrUndefined(join(scratch, MANIFEST_FILE));
    const manifestSame = manifestNow !== undefined && manifestAgain !== undefined && manifestNow.equals(manifestAgain);
    verdicts.push(manifestSame ? { file: MANIFEST_FILE } : { file: MANIFEST_FILE, problem: 'differs from the re-run' });

    const order = new Map([...manifest.outputs.map((output) => output.file), MANIFEST_FILE].map((file, index) => [file, index]));
    verdicts.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
    for (const verdict of verdicts) io.out(`${verdict.problem === undefined ? 'identical' : 'DIFFERS  '} ${verdict.file}${verdict.problem === undefined ? '' : `: ${verdict.problem}`}\n`);

    const differing = verdicts.filter((verdict) => verdict.problem !== undefined);
    const reasons: string[] = [];
    if (inputChanged) {
      reasons.push(`the input changed: the scenario (its file or a file it extends) no longer has the hash the outputs record (${hashText(manifest.scenarioHash)} then, ${hashText(fresh.success ? fresh.data.scenarioHash : undefined)} now)`);
    }
    if (differing.length > 0) reasons.push(`${differing.map((verdict) => `${verdict.file} ${verdict.problem ?? ''}`).join('; ')}`);
    if (reasons.length > 0) throw new VerifyFailedError(`verify: ${directory} does not match a re-run of "${manifest.command}": ${reasons.join('; ')}`);
    io.err(`dgsim: verified ${directory}: ${verdicts.length} files byte-identical to a re-run of "${manifest.command}"\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A recorded scenario hash, shortened for a message: `1a2b3c4d…`, or `a 1a2b…, b 5e6f…` for a comparison. */
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
    describe: 'Re-run the command that wrote an output directory and check every output is byte-identical',
    builder: (command: Argv<object>): Argv<VerifyArguments> =>
      command
        .positional('directory', { type: 'string', describe: 'an output directory of dgsim run or dgsim compare (with its manifest.json)', demandOption: true })
        .example('$0 verify out/city', 're-run the recorded command and compare summary.json, monthly.csv and manifest.json byte for byte')
        .epilogue(
          'Run it from the directory the command was run in (the manifest records paths relative to it). Exit code 0 when every output is identical, 1 when one differs, is missing or no longer matches its checksum, or the scenario changed; 2 when the directory cannot be verified.',
        ) as unknown as Argv<VerifyArguments>,
    handler: async (argv) => {
      await verifyHandler(argv, io, rerun);
    },
  };
}
