/**
 * The rows of one or more journals in run-id order, without holding them all
 * in memory: an external merge sort. Journal lines are read in chunks of
 * `chunkRows`; each chunk is sorted by run id, and all but a lone chunk are
 * spilled to temporary files that a k-way merge (a min-heap of each chunk's
 * next row) reads back in order. Memory is O(chunkRows + chunks).
 *
 * The same run id twice is allowed only with identical lines (kept once).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { journalLines, journalRows } from './journal.js';
import { MinHeap } from './min-heap.js';
import { sweepMessage } from './messages.js';
import { decodeJournalLine, type RunRow } from './row.js';

/** Rows sorted by run id, ready to stream. */
export interface SortedRows {
  /** Rows read (duplicates included). */
  readonly count: number;
  /** The metric columns: those of the ok row with the lowest run id, in its order, then any others sorted. */
  readonly metricNames: readonly string[];
  /** The rows in run-id order; call once. */
  rows(): AsyncGenerator<RunRow>;
  /** Removes the temporary files. */
  dispose(): void;
}

interface Entry {
  readonly runId: number;
  readonly line: string;
}

/** Default rows per in-memory chunk. */
export const DEFAULT_CHUNK_ROWS = 20_000;

/**
 * Reads `files` (journals) and prepares their rows in run-id order; temporary
 * chunk files go in a new directory under `tmpParent`.
 * @throws Error when a journal is damaged.
 */
export async function sortJournals(files: readonly string[], tmpParent: string, chunkRows = DEFAULT_CHUNK_ROWS): Promise<SortedRows> {
  let tmpDir: string | undefined;
  const chunkFiles: string[] = [];
  let buffer: Entry[] = [];
  let count = 0;
  let firstOk: { runId: number; names: string[] } | undefined;
  const allNames = new Set<string>();
  const byRunId = (a: Entry, b: Entry): number => a.runId - b.runId;
  const spill = (): void => {
    buffer.sort(byRunId);
    tmpDir ??= mkdtempSync(join(tmpParent, '.sort-'));
    const chunk = join(tmpDir, `chunk-${chunkFiles.length}.jsonl`);
    writeFileSync(chunk, buffer.map((entry) => `${entry.line}\n`).join(''));
    chunkFiles.push(chunk);
    buffer = [];
  };
  for (const file of files) {
    for await (const { row, line } of journalRows(file)) {
      count++;
      if (row.status === 'ok') {
        const names = Object.keys(row.metrics);
        for (const name of names) allNames.add(name);
        if (firstOk === undefined || row.runId < firstOk.runId) firstOk = { runId: row.runId, names };
      }
      buffer.push({ runId: row.runId, line });
      if (buffer.length >= chunkRows) spill();
    }
  }
  const leading = firstOk?.names ?? [];
  const metricNames = [...leading, ...[...allNames].filter((name) => !leading.includes(name)).sort()];

  async function* merged(): AsyncGenerator<Entry> {
    if (chunkFiles.length === 0) {
      buffer.sort(byRunId);
      yield* buffer;
      return;
    }
    if (buffer.length > 0) spill();
    const readers = chunkFiles.map((chunk) => journalLines(chunk));
    const heap = new MinHeap<{ entry: Entry; reader: number }>((a, b) => a.entry.runId - b.entry.runId || a.reader - b.reader);
    const advance = async (reader: number): Promise<void> => {
      const next = await readers[reader]!.next();
      if (next.done === true) return;
      const row = decodeJournalLine(next.value.line);
      if (row === undefined) throw new Error(sweepMessage.journalCorrupt(chunkFiles[reader]!, next.value.lineNumber));
      heap.push({ entry: { runId: row.runId, line: next.value.line }, reader });
    };
    for (let reader = 0; reader < readers.length; reader++) await advance(reader);
    for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
      yield top.entry;
      await advance(top.reader);
    }
  }

  return {
    count,
    metricNames,
    async *rows(): AsyncGenerator<RunRow> {
      let previous: Entry | undefined;
      for await (const entry of merged()) {
        if (previous !== undefined && previous.runId === entry.runId) {
          if (previous.line !== entry.line) throw new Error(sweepMessage.duplicateRun(entry.runId));
          continue;
        }
        previous = entry;
        const row = decodeJournalLine(entry.line);
        if (row !== undefined) yield row;
      }
    },
    dispose(): void {
      if (tmpDir !== undefined) rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}
