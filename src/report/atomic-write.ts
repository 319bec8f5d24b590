/**
 * Writing a file so that readers see either the old file or the whole new
 * one, never a part: write a temporary file in the same directory, flush it
 * to disk, then rename it over the target (rename is atomic within a file
 * system), and flush the directory so the rename itself survives a crash.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file written, as a manifest lists it. */
export interface WrittenFile {
  /** The path written, as given. */
  readonly path: string;
  /** sha256 of the bytes written, hex. */
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * What a file is written from: text (UTF-8), bytes, or parts of either in
 * order (an iterable, read once per write), so a large output can be made
 * and written a part at a time instead of whole in memory.
 */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** Writes are gathered up to this many bytes (fewer system calls for many small parts). */
const WRITE_BUFFER_BYTES = 1 << 18;

/** Prefix of the temporary files, so a crash's leftovers are recognisable (and ignorable) in an output directory. */
export const TEMP_PREFIX = '.dgsim-tmp-';

/** The sha256 (hex) of some bytes. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The sha256 (hex) and size of a file, read in a stream (results files may be larger than memory).
 * @throws the file system error when the file cannot be read.
 */
export async function sha256OfFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const data = chunk as Buffer;
    hash.update(data);
    bytes += data.byteLength;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** fsyncs a directory so a rename in it is durable; some platforms cannot open a directory, which is fine to skip. */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Windows and some file systems refuse fsync on a directory; the rename still happened.
  } finally {
    await handle?.close();
  }
}

/** Bytes of one part of a file's content. */
function bytesOf(part: string | Uint8Array): Uint8Array {
  return typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
}

/**
 * Writes `content` to an open file, hashing it as it goes; parts are
 * gathered into writes of about WRITE_BUFFER_BYTES.
 */
async function writeContent(handle: FileHandle, content: FileContent): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const parts = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    // writeFile writes all of it, from the handle's position (write may write less than it is given).
    await handle.writeFile(pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  for (const part of parts) {
    const data = bytesOf(part);
    hash.update(data);
    bytes += data.byteLength;
    pending.push(data);
    pendingBytes += data.byteLength;
    if (pendingBytes >= WRITE_BUFFER_BYTES) await flush();
  }
  await flush();
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Writes `content` (text as UTF-8, bytes, or parts of either) to `path`
 * atomically: a temporary file next to it, fsync, rename over `path`, fsync
 * of the directory. On failure (a part that throws too) the temporary file is
 * removed and `path` is left as it was. The directory must exist. Parts are
 * written as they come, so only about WRITE_BUFFER_BYTES of them are held.
 * Cost: one write of the content plus two fsyncs.
 * @throws the file system error (ENOENT, EACCES, ENOSPC, EISDIR …) when the file cannot be written, or what a part threw.
 * @example await writeFileAtomic('out/city/summary.json', '{"a":1}\n');
 */
export async function writeFileAtomic(path: string, content: FileContent): Promise<WrittenFile> {
  const directory = dirname(path);
  const temp = join(directory, `${TEMP_PREFIX}${basename(path)}-${process.pid}-${randomBytes(6).toString('hex')}`);
  let written: { sha256: string; bytes: number };
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      written = await writeContent(handle, content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(directory);
  return { path, ...written };
}
