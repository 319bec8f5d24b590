import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JournalWriter, journalRows, repairJournal } from '../../../src/scenarios/sweep/journal.js';
import { sortJournals } from '../../../src/scenarios/sweep/ordered-rows.js';
import { decodeJournalLine, encodeJournalLine, type RunRow } from '../../../src/scenarios/sweep/row.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

function row(runId: number, metrics: Record<string, number> = { m: runId / 3 }): RunRow {
  return { runId, pointId: Math.floor(runId / 2), replicate: runId % 2, seed: 1 + (runId % 2), status: 'ok', metrics };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('journal lines', () => {
  it('round-trip rows, non-finite numbers and failures included', () => {
    const rows: RunRow[] = [
      row(0, { a: 0.1, b: Number.NaN, c: Number.POSITIVE_INFINITY, d: -Number.MAX_VALUE, e: 5e-324 }),
      { runId: 1, pointId: 0, replicate: 1, seed: 2, status: 'failed', error: 'boom "x"\nline', metrics: {} },
    ];
    for (const original of rows) expect(decodeJournalLine(encodeJournalLine(original))).toEqual(original);
    expect(decodeJournalLine('{"run_id":1')).toBeUndefined();
    expect(decodeJournalLine('{"run_id":-1,"point_id":0,"replicate":0,"seed":1,"status":"ok","metrics":{}}')).toBeUndefined();
  });
});

describe('JournalWriter and journalRows', () => {
  it('ignore a torn last line, and cut it off before appending', async () => {
    const dir = tempDir();
    const file = join(dir, 'j.jsonl');
    const writer = new JournalWriter(file);
    writer.append(row(0));
    writer.append(row(1));
    // In the file at once, before any fsync has completed (a killed process loses no line).
    expect((await collect(journalRows(file))).map((r) => r.row.runId)).toEqual([0, 1]);
    await writer.close();
    appendFileSync(file, encodeJournalLine(row(2)).slice(0, 25));
    expect((await collect(journalRows(file))).map((r) => r.row.runId)).toEqual([0, 1]);
    const again = new JournalWriter(file);
    again.append(row(3));
    await again.close();
    expect((await collect(journalRows(file))).map((r) => r.row.runId)).toEqual([0, 1, 3]);
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });

  it('writes many lines while fsyncs are in flight, and has them all once closed', async () => {
    const dir = tempDir();
    const file = join(dir, 'j.jsonl');
    const writer = new JournalWriter(file);
    for (let i = 0; i < 50; i++) {
      writer.append(row(i));
      if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await writer.close();
    expect((await collect(journalRows(file))).map((r) => r.row.runId)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('repairs a journal that is all torn line', () => {
    const dir = tempDir();
    const file = join(dir, 'j.jsonl');
    writeFileSync(file, '{"run_id":0,"po');
    expect(repairJournal(file)).toBe(15);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('refuses a damaged line in the middle', async () => {
    const dir = tempDir();
    const file = join(dir, 'j.jsonl');
    writeFileSync(file, `${encodeJournalLine(row(0))}\nnot json\n${encodeJournalLine(row(1))}\n`);
    await expect(collect(journalRows(file))).rejects.toThrow(/j\.jsonl:2: not a journal line/);
  });
});

describe('sortJournals', () => {
  it('streams rows of several journals in run-id order through spilled chunks, without duplicates', async () => {
    const dir = tempDir();
    const ids = Array.from({ length: 57 }, (_, i) => (i * 23) % 57); // a permutation
    const files = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
    writeFileSync(files[0]!, ids.slice(0, 30).map((id) => `${encodeJournalLine(row(id))}\n`).join(''));
    // The second journal repeats run 5 identically (kept once).
    writeFileSync(files[1]!, [...ids.slice(30), 5].map((id) => `${encodeJournalLine(row(id))}\n`).join(''));
    const sorted = await sortJournals(files, dir, 7);
    try {
      expect(sorted.count).toBe(58);
      expect((await collect(sorted.rows())).map((r) => r.runId)).toEqual(Array.from({ length: 57 }, (_, i) => i));
    } finally {
      sorted.dispose();
    }
  });

  it('takes metric columns from the lowest ok run id, then others sorted', async () => {
    const dir = tempDir();
    const file = join(dir, 'j.jsonl');
    writeFileSync(file, [row(3, { z: 1, y: 2 }), { ...row(0), status: 'failed' as const, error: 'x', metrics: {} }, row(1, { b: 1, a: 2 })].map((r) => `${encodeJournalLine(r)}\n`).join(''));
    const sorted = await sortJournals([file], dir);
    expect(sorted.metricNames).toEqual(['b', 'a', 'y', 'z']);
    sorted.dispose();
  });

  it('refuses the same run twice with different results', async () => {
    const dir = tempDir();
    const file = join(dir, 'j.jsonl');
    writeFileSync(file, `${encodeJournalLine(row(1))}\n${encodeJournalLine(row(1, { m: 9 }))}\n`);
    const sorted = await sortJournals([file], dir);
    await expect(collect(sorted.rows())).rejects.toThrow(/run 1 appears twice/);
    sorted.dispose();
  });
});

describe('removeStaleTemporaries', () => {
  it('removes what a killed writer left, and nothing else', async () => {
    const { removeStaleTemporaries, writeFileAtomic } = await import('../../../src/scenarios/sweep/atomic-file.js');
    const { mkdirSync, readdirSync } = await import('node:fs');
    const dir = tempDir();
    writeFileSync(join(dir, '.runs.csv.12345.tmp'), 'half');
    mkdirSync(join(dir, '.sort-AbC123'));
    writeFileSync(join(dir, 'runs.journal.jsonl'), '');
    writeFileAtomic(join(dir, 'plan.json'), '{}');
    removeStaleTemporaries(dir);
    expect(readdirSync(dir).sort()).toEqual(['plan.json', 'runs.journal.jsonl']);
  });
});
