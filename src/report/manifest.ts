/**
 * An output directory with a manifest: every output is written atomically,
 * then `manifest.json` LAST, listing each output with its sha256 and size.
 * A directory whose manifest is missing, or disagrees with its files, holds
 * an interrupted or tampered run. The manifest of an earlier run is removed
 * before the first output is written, so it never vouches for new files.
 *
 * Temporary files a killed writer left for these outputs are removed on the
 * next write (those of live processes are left alone).
 *
 *   outputs ──► remove old manifest (and dead writers' temporaries) ──► write each (atomic) ──► manifest.json (atomic)
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_PREFIX, writeFileAtomic } from './atomic-write.js';

/** The name of the manifest in an output directory. */
export const MANIFEST_FILE = 'manifest.json';

/** One file to write: its name inside the directory and its content. */
export interface OutputFile {
  /** A plain file name (no directory part), e.g. `summary.json`. */
  readonly file: string;
  readonly content: string | Uint8Array;
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

/** Whether process `pid` is alive on this machine (a process we may not signal is alive too). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed writer left for `files` in
 * `directory` (`.dgsim-tmp-<file>-<pid>-<random>`, see atomic-write.ts).
 * Only those of processes no longer alive: a live writer keeps its own.
 */
async function removeDeadTemporaries(directory: string, files: readonly string[]): Promise<void> {
  for (const entry of await readdir(directory)) {
    const file = files.find((name) => entry.startsWith(`${TEMP_PREFIX}${name}-`));
    if (file === undefined) continue;
    const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(entry.slice(`${TEMP_PREFIX}${file}-`.length))?.[1]);
    if (Number.isSafeInteger(pid) && pid > 0 && !processAlive(pid)) await rm(join(directory, entry), { force: true });
  }
}

/**
 * Writes `outputs` into `directory` (created if needed), then
 * `manifest.json` with the fields of `manifest` followed by
 * `outputs: [{ file, sha256, bytes }]`. Nothing in it depends on the time or
 * the machine, so the same inputs give a byte-identical directory.
 * @throws Error when a file name is not a plain name or is `manifest.json`; the file system error when writing fails.
 * @example await writeOutputSet('out/city', [{ file: 'summary.json', content: '{}\n' }], { createdBy: 'dgsim' });
 */
export async function writeOutputSet(directory: string, outputs: readonly OutputFile[], manifest: Readonly<Record<string, unknown>>): Promise<WrittenOutputs> {
  for (const { file } of outputs) {
    if (file === MANIFEST_FILE || file === '' || /[\\/]/.test(file) || file === '.' || file === '..') {
      throw new Error(`writeOutputSet: "${file}" is not a plain output file name`);
    }
  }
  await mkdir(directory, { recursive: true });
  const manifestPath = join(directory, MANIFEST_FILE);
  await rm(manifestPath, { force: true });
  await removeDeadTemporaries(directory, [...outputs.map((output) => output.file), MANIFEST_FILE]);
  const entries: ManifestEntry[] = [];
  for (const { file, content } of outputs) {
    const written = await writeFileAtomic(join(directory, file), content);
    entries.push({ file, sha256: written.sha256, bytes: written.bytes });
  }
  await writeFileAtomic(manifestPath, jsonText({ ...manifest, outputs: entries }));
  return { directory, outputs: entries, manifestPath };
}
