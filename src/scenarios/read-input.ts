/**
 * Reading an input file (scenario, sweep, design points) with limits, so a
 * file cannot make dgsim hang or fill its memory:
 *
 * - files named by another file (`extends:`, a sweep's `base:` and points
 *   file) must be regular files: never a device (`/dev/zero`, `/dev/stdin`),
 *   a pipe or a socket, which could block forever or never end;
 * - files named by the user on the command line may be pipes too
 *   (`dgsim run <(make-scenario)`, `/dev/stdin`): the user chose them;
 * - no input is read beyond MAX_INPUT_BYTES: scenario and sweep files are
 *   kilobytes, so a bigger one is a mistake (a data file named by accident).
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';

/** The largest input file read: 16 MiB. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** An input file's bytes, or why they could not be read (`detail` says it for a reader, e.g. "it is a directory"). */
export type InputRead = { readonly ok: true; readonly content: Buffer } | { readonly ok: false; readonly reason: 'not-found' | 'unreadable'; readonly detail: string };

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function failure(error: unknown): InputRead {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'not-found', detail: 'no such file' };
  if (code === 'EISDIR') return { ok: false, reason: 'unreadable', detail: 'it is a directory' };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', detail: 'permission denied' };
  return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
}

const tooLarge = (): InputRead => ({ ok: false, reason: 'unreadable', detail: `it is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB, far more than a scenario or sweep file holds` });

/**
 * Reads `path`, at most MAX_INPUT_BYTES of it. With `regularOnly` (files
 * named by another file) anything but a regular file is refused before it is
 * opened. Never throws. Cost: one read of the file.
 * @example const read = readInputFile('scenarios/city.yaml', { regularOnly: false });
 */
export function readInputFile(path: string, options: { readonly regularOnly: boolean }): InputRead {
  try {
    if (options.regularOnly) {
      const stats = statSync(path);
      if (stats.isDirectory()) return { ok: false, reason: 'unreadable', detail: 'it is a directory' };
      if (!stats.isFile()) return { ok: false, reason: 'unreadable', detail: 'it is not a regular file (a device, pipe or socket): only files can be named here' };
      if (stats.size > MAX_INPUT_BYTES) return tooLarge();
    }
    const descriptor = openSync(path, 'r');
    try {
      const stats = fstatSync(descriptor);
      if (stats.isDirectory()) return { ok: false, reason: 'unreadable', detail: 'it is a directory' };
      if (stats.isFile() && stats.size > MAX_INPUT_BYTES) return tooLarge();
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, MAX_INPUT_BYTES + 1 - total));
        const read = readSync(descriptor, chunk, 0, chunk.length, null);
        if (read === 0) break;
        chunks.push(chunk.subarray(0, read));
        total += read;
        if (total > MAX_INPUT_BYTES) return tooLarge();
      }
      return { ok: true, content: Buffer.concat(chunks, total) };
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return failure(error);
  }
}
