/**
 * The run journal: an append-only file of finished runs, one JSON line each,
 * written and fsync'd as each run finishes, in finishing order. It is the
 * sweep's only record of results: the results files are rebuilt from it, and
 * a sweep that starts again reads it to skip finished runs.
 *
 * A process killed mid-write (kill -9, power loss) leaves at most a torn last
 * line without its "\n": readers ignore it, and a writer cuts it off before
 * appending.
 */
import { closeSync, createReadStream, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
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

/** Appends rows to a journal, one fsync'd line per row. */
export class JournalWriter {
  private readonly fd: number;

  /** Opens `file` for appending (creating it), after cutting off a torn last line. */
  constructor(readonly file: string) {
    repairJournal(file);
    this.fd = openSync(file, 'a');
  }

  /** Appends a row and waits until it is on disk. */
  append(row: RunRow): void {
    const bytes = Buffer.from(`${encodeJournalLine(row)}\n`, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
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
