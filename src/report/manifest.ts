/**
 * An output directory with a manifest: every output is written atomically,
 * then `manifest.json` LAST, listing each output with its sha256 and size.
 * A directory whose manifest is missing, or disagrees with its files, holds
 * an interrupted or tampered run. The manifest of an earlier run is removed
 * before the first output is written, so it never vouches for new files.
 *
 * Outputs may sit in a folder of the directory (`charts/kpi.svg`); their
 * names in the manifest are relative to it, with forward slashes. Temporary
 * files a killed writer left in a folder written to are removed on the next
 * write (those of live processes are left alone).
 *
 *   start: remove old manifest (and dead writers' temporaries)
 *     ──► write each output (atomic), or include one another writer made (a sweep's results: hashed from disk)
 *     ──► finish: manifest.json (atomic), listing them in order
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sha256OfFile, TEMP_PREFIX, writeFileAtomic, type FileContent } from './atomic-write.js';

/** The name of the manifest in an output directory. */
export const MANIFEST_FILE = 'manifest.json';

/** One file to write: its name inside the directory and its content. */
export interface OutputFile {
  /** A path inside the directory, e.g. `summary.json` or `charts/kpi.svg` (see isOutputPath). */
  readonly file: string;
  /** Text, bytes, or parts of either, written as they come (see FileContent). */
  readonly content: FileContent;
}

/** An output as the manifest lists it. */
export interface ManifestEntry {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** What was written: the outputs in order, and the manifest's path. */
export interface WrittenOutputs {
  readonly directory: string;
  readonly outputs: readonly ManifestEntry[];
  readonly manifestPath: string;
}

/** Text of a JSON document as dgsim writes it: two-space indent, final newline; non-finite numbers become null. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Whether `file` may name an output in a manifest: a relative path of plain
 * names joined by `/` (`summary.json`, `charts/kpi.svg`), never empty, `.`,
 * `..`, absolute, with a backslash, or the manifest itself. So a manifest
 * can never make a reader (`dgsim verify`) look outside its directory.
 * @example isOutputPath('charts/kpi.svg') === true; isOutputPath('../x') === false
 */
export function isOutputPath(file: string): boolean {
  if (file === MANIFEST_FILE || file === '' || file.includes('\\') || file.startsWith('/')) return false;
  return file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function checkOutputPath(file: string): void {
  if (!isOutputPath(file)) throw new Error(`writeOutputSet: "${file}" is not an output path inside the directory (plain names, e.g. summary.json or charts/kpi.svg)`);
}

/** Whether process `pid` is alive on this machine (a process we may not signal is alive too). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** A temporary file of writeFileAtomic: `.dgsim-tmp-<file>-<pid>-<random hex>`; group 1 is the pid. */
const TEMPORARY = new RegExp(`^${TEMP_PREFIX.replace(/[.-]/g, '\\$&')}.+-(\\d+)-[0-9a-f]+$`);

/**
 * Removes the temporary files killed writers left in `folder` (see
 * atomic-write.ts). Only those of processes no longer alive: a live writer
 * keeps its own. A missing folder has none.
 */
async function removeDeadTemporaries(folder: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = Number(TEMPORARY.exec(entry)?.[1]);
    if (Number.isSafeInteger(pid) && pid > 0 && !processAlive(pid)) await rm(join(folder, entry), { force: true });
  }
}

/**
 * An output set being written into a directory: `start` removes the old
 * manifest, each `write` (or `include`) adds an output, `finish` writes the
 * manifest listing them in order. A writer killed before `finish` leaves no
 * manifest, so the directory reads as incomplete.
 *
 * @example
 * const set = await OutputSetWriter.start('out/city');
 * await set.write('summary.json', '{}\n');
 * await set.finish({ createdBy: 'dgsim' });
 */
export class OutputSetWriter {
  private readonly entries: ManifestEntry[] = [];
  private readonly cleaned = new Set<string>();

  private constructor(readonly directory: string) {}

  /**
   * Starts an output set in `directory` (created if needed): removes its
   * manifest and the temporary files of dead writers.
   * @throws the file system error when the directory cannot be made or the old manifest removed.
   */
  static async start(directory: string): Promise<OutputSetWriter> {
    await mkdir(directory, { recursive: true });
    await rm(join(directory, MANIFEST_FILE), { force: true });
    const writer = new OutputSetWriter(directory);
    await writer.prepareFolder(directory);
    return writer;
  }

  private async prepareFolder(folder: string): Promise<void> {
    if (this.cleaned.has(folder)) return;
    await mkdir(folder, { recursive: true });
    await removeDeadTemporaries(folder);
    this.cleaned.add(folder);
  }

  private add(entry: ManifestEntry): ManifestEntry {
    // Written twice (a report redrawn): listed once, with the last content, where it was first listed.
    const index = this.entries.findIndex((known) => known.file === entry.file);
    if (index === -1) this.entries.push(entry);
    else this.entries[index] = entry;
    return entry;
  }

  /** The outputs so far, in the order the manifest will list them. */
  get outputs(): readonly ManifestEntry[] {
    return [...this.entries];
  }

  /**
   * Writes one output atomically (its folder created if needed).
   * @throws Error when `file` is not an output path; the file system error when writing fails.
   */
  async write(file: string, content: FileContent): Promise<ManifestEntry> {
    checkOutputPath(file);
    const path = join(this.directory, file);
    await this.prepareFolder(dirname(path));
    const written = await writeFileAtomic(path, content);
    return this.add({ file, sha256: written.sha256, bytes: written.bytes });
  }

  /**
   * Lists an output another writer has already put in the directory (a
   * sweep's plan and results, written atomically as the sweep goes), with
   * the sha256 and size of its bytes on disk. Cost: one read of the file.
   * @throws Error when `file` is not an output path; the file system error when it cannot be read.
   */
  async include(file: string): Promise<ManifestEntry> {
    checkOutputPath(file);
    const { sha256, bytes } = await sha256OfFile(join(this.directory, file));
    return this.add({ file, sha256, bytes });
  }

  /**
   * Writes `manifest.json` (atomically, last): the fields of `manifest`
   * followed by `outputs: [{ file, sha256, bytes }]`.
   * @throws the file system error when writing fails.
   */
  async finish(manifest: Readonly<Record<string, unknown>>): Promise<WrittenOutputs> {
    const manifestPath = join(this.directory, MANIFEST_FILE);
    const outputs = this.outputs;
    await writeFileAtomic(manifestPath, jsonText({ ...manifest, outputs }));
    return { directory: this.directory, outputs, manifestPath };
  }
}

/**
 * Writes `outputs` into `directory` (created if needed), then
 * `manifest.json` with the fields of `manifest` followed by
 * `outputs: [{ file, sha256, bytes }]`. Nothing in it depends on the time or
 * the machine, so the same inputs give a byte-identical directory.
 * @throws Error when a file name is not an output path (see isOutputPath); the file system error when writing fails.
 * @example await writeOutputSet('out/city', [{ file: 'summary.json', content: '{}\n' }], { createdBy: 'dgsim' });
 */
export async function writeOutputSet(directory: string, outputs: readonly OutputFile[], manifest: Readonly<Record<string, unknown>>): Promise<WrittenOutputs> {
  for (const { file } of outputs) checkOutputPath(file);
  const set = await OutputSetWriter.start(directory);
  for (const { file, content } of outputs) await set.write(file, content);
  return set.finish(manifest);
}
