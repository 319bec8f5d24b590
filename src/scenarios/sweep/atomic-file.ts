/**
 * Files that appear whole or not at all: written to a temporary file in the
 * same directory, fsync'd, then renamed over the target (rename is atomic on
 * POSIX file systems), so a killed process never leaves a half-written file.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
}

/**
 * Removes what a killed process left in `dir`: temporary files of atomic
 * writes (`.<name>.<pid>.tmp`) and sort directories (`.sort-…`). Only names
 * of that shape are touched. Call it before writing into `dir`, while no
 * other process writes there.
 */
export function removeStaleTemporaries(dir: string): void {
  for (const entry of readdirSync(dir)) {
    if (/^\..+\.\d+\.tmp$/.test(entry) || /^\.sort-[A-Za-z0-9]{6}$/.test(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

/** Writes `text` to `file` atomically. */
export function writeFileAtomic(file: string, text: string): void {
  const writer = new AtomicWriter(file);
  try {
    writer.write(text);
    writer.commit();
  } finally {
    writer.abandon();
  }
}

/** Streams text into a file that appears (atomically) only on commit; writes are buffered. */
export class AtomicWriter {
  private readonly temporary: string;
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(readonly file: string, private readonly bufferChars = 1 << 20) {
    this.temporary = temporaryName(file);
    this.fd = openSync(this.temporary, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= this.bufferChars) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined || this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Flushes, syncs and renames the file into place. */
  commit(): void {
    if (this.fd === undefined) throw new Error(`${this.file} was already committed or abandoned`);
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.temporary, this.file);
  }

  /** Drops the temporary file unless committed; safe to call after commit. */
  abandon(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.temporary, { force: true });
  }
}
