/**
 * The run journal: an append-only file of finished runs, one JSON line each,
 * written as each run finishes, in finishing order, and fsync'd right after
 * (group commit: one fsync in the background covers every line written
 * before it started, so the event loop never waits on the disk and workers
 * are never kept waiting for their next run). It is the sweep's only record
 * of results: the results files are rebuilt from it, and a sweep that starts
 * again reads it to skip finished runs.
 *
 * A line is in the file the moment `append` returns, so a killed process
 * (kill -9) loses none; an fsync a moment later makes it survive a crash of
 * the machine too; `close` waits for the last one.
 *
 * A process killed mid-write (kill -9, power loss) leaves at most a torn last
 * line without its "\n": readers ignore it, and a writer cuts it off before
 * appending.
 */
import { closeSync, createReadStream, existsSync, fstatSync, fsync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { sweepMessage } from './messages.js';
import { decodeJournalLine, encodeJournalLine, type RunRow } from './row.js';

/** The journal's file name in a sweep's output directory. */
export const JOURNAL_FILE = 'runs.journal.jsonl';

/**
 * Cuts a torn last line (bytes after the last "\n") off the journal, so that
 * appending starts on a fresh line. Returns the number of bytes cut.
 * Cost O(length of the last line).
 */
export function repairJournal(file: string): number {
  if (!existsSync(file)) return 0;
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const block = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      const read = readSync(fd, block, 0, end - start, start);
      const newline = block.subarray(0, read).lastIndexOf(0x0a);
      if (newline !== -1) {
        const keep = start + newline + 1;
        if (keep < size) {
          ftruncateSync(fd, keep);
          fsyncSync(fd);
        }
        return size - keep;
      }
      end = start;
    }
    if (size > 0) {
      ftruncateSync(fd, 0);
      fsyncSync(fd);
    }
    return size;
  } finally {
    closeSync(fd);
  }
}

/** Appends rows to a journal, one line per row, fsync'd in the background (group commit). */
export class JournalWriter {
  private readonly fd: number;
  /** The fsync in flight, if any. */
  private syncing: Promise<void> | undefined;
  /** Lines written since the fsync in flight started. */
  private unsynced = false;
  private failure: Error | undefined;

  /** Opens `file` for appending (creating it), after cutting off a torn last line. */
  constructor(readonly file: string) {
    repairJournal(file);
    this.fd = openSync(file, 'a');
  }

  /**
   * Appends a row: in the file when this returns, on disk once the next
   * fsync completes (it starts now, or when the one in flight ends).
   * @throws Error when writing fails, or when a background fsync failed.
   */
  append(row: RunRow): void {
    if (this.failure !== undefined) throw this.failure;
    const bytes = Buffer.from(`${encodeJournalLine(row)}\n`, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    this.unsynced = true;
    if (this.syncing === undefined) this.sync();
  }

  /** Starts an fsync covering every line written so far; another follows if lines arrive meanwhile. */
  private sync(): void {
    this.unsynced = false;
    this.syncing = new Promise<void>((resolve) => {
      fsync(this.fd, (error) => {
        if (error !== null) this.failure ??= error;
        this.syncing = undefined;
        if (this.unsynced && this.failure === undefined) this.sync();
        resolve();
      });
    });
  }

  /** Waits for the fsyncs in flight, makes sure every line is on disk, and closes the file. */
  async close(): Promise<void> {
    while (this.syncing !== undefined) await this.syncing;
    try {
      if (this.failure !== undefined) throw this.failure;
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }
}

/**
 * The complete lines of a journal, streamed (a torn last line is skipped),
 * each with its 1-based line number. A missing file has no lines.
 */
export async function* journalLines(file: string): AsyncGenerator<{ line: string; lineNumber: number }> {
  if (!existsSync(file)) return;
  let rest = '';
  let lineNumber = 0;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    const text = rest + (chunk as string);
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      lineNumber++;
      if (line.trim() !== '') yield { line, lineNumber };
    }
  }
}

/**
 * The rows of a journal, streamed in file order.
 * @throws Error naming the file and line when a complete line is not a journal row (a damaged file).
 */
export async function* journalRows(file: string): AsyncGenerator<{ row: RunRow; line: string }> {
  for await (const { line, lineNumber } of journalLines(file)) {
    const row = decodeJournalLine(line);
    if (row === undefined) throw new Error(sweepMessage.journalCorrupt(file, lineNumber));
    yield { row, line };
  }
}
