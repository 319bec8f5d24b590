/**
 * The results files, rebuilt from journals in run-id order by streaming:
 *
 *   journals ──► sortJournals (external merge sort) ──► rows by run id
 *     ──► runs.csv, runs.jsonl (and optionally a sorted journal), each
 *         written to a temporary file and renamed into place
 *
 * Rows are never all in memory; the files are a function of the journal
 * contents only, so they are byte-identical whatever the number of workers,
 * the finishing order, resumes or shards.
 */
import { join } from 'node:path';
import { AtomicWriter } from './atomic-file.js';
import { csvHeader, csvRow, encodeJournalLine, jsonlRow, type ResultColumns, type RunRow } from './row.js';
import { sortJournals } from './ordered-rows.js';
import type { SweepPlan } from './plan.js';

export const RUNS_CSV = 'runs.csv';
export const RUNS_JSONL = 'runs.jsonl';

/** What the results files hold. */
export interface ResultsSummary {
  readonly runs: number;
  readonly failed: number;
}

/**
 * Writes runs.csv and runs.jsonl into `dir` from the rows of `journals`.
 * With `sortedJournal`, also writes the rows, in run-id order, as a journal
 * at that path. The metric columns are the plan's `metrics`, or those the
 * runs reported (the order of the lowest ok run id).
 * @throws Error when a journal is damaged or names a point the plan lacks.
 */
export async function writeResults(dir: string, plan: SweepPlan, journals: readonly string[], sortedJournal?: string): Promise<ResultsSummary> {
  const sorted = await sortJournals(journals, dir);
  const csv = new AtomicWriter(join(dir, RUNS_CSV));
  const jsonl = new AtomicWriter(join(dir, RUNS_JSONL));
  const journal = sortedJournal === undefined ? undefined : new AtomicWriter(sortedJournal);
  try {
    const columns: ResultColumns = { parameters: plan.parameters.map((p) => p.name), metrics: plan.metrics ?? sorted.metricNames };
    csv.write(csvHeader(columns));
    let runs = 0;
    let failed = 0;
    for await (const row of sorted.rows()) {
      const point = plan.points[row.pointId];
      if (point === undefined) throw new Error(`run ${row.runId} names point ${row.pointId}, which the plan does not have`);
      csv.write(csvRow(row, point.values, columns));
      jsonl.write(jsonlRow(row, point.values, columns));
      journal?.write(`${encodeJournalLine(row)}\n`);
      runs++;
      if (row.status === 'failed') failed++;
    }
    csv.commit();
    jsonl.commit();
    journal?.commit();
    return { runs, failed };
  } finally {
    csv.abandon();
    jsonl.abandon();
    journal?.abandon();
    sorted.dispose();
  }
}

/** A row for a run that finished. */
export function rowOf(run: { runId: number; pointId: number; replicate: number; seed: number }, outcome: { status: 'ok'; metrics: Record<string, number> } | { status: 'failed'; error: string }): RunRow {
  return outcome.status === 'ok'
    ? { runId: run.runId, pointId: run.pointId, replicate: run.replicate, seed: run.seed, status: 'ok', metrics: outcome.metrics }
    : { runId: run.runId, pointId: run.pointId, replicate: run.replicate, seed: run.seed, status: 'failed', error: outcome.error, metrics: {} };
}
