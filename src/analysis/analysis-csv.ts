/**
 * The CSV tables of an analysis, each a pure function of the analysis's
 * data. Numbers are written exactly (`String(x)`); a number that could not be
 * estimated is an empty field.
 */
import { csvText, type CsvValue } from '../report/csv.js';
import type { PrimFile, SensitivityRow } from './analysis-files.js';
import type { ReplicationNeed } from './replication-needs.js';
import type { SweepResults } from './read-sweep.js';

/** A number as a CSV field: empty when missing or not finite. */
function numberField(value: number | null): CsvValue {
  return value === null || !Number.isFinite(value) ? '' : value;
}

/** The columns of sensitivity.csv. */
export const SENSITIVITY_CSV_HEADER = ['metric', 'parameter', 'method', 'measure', 'value', 'low', 'high'] as const;

/**
 * sensitivity.csv: one row per metric, parameter and measure.
 * Cost O(rows).
 * @example sensitivityCsv([{ metric: 'unmetRate', parameter: 'x', method: 'prcc', measure: 'prcc', value: 0.5, low: 0.3, high: 0.7 }])
 */
export function sensitivityCsv(rows: readonly SensitivityRow[]): string {
  return csvText(
    SENSITIVITY_CSV_HEADER,
    rows.map((row) => [row.metric, row.parameter, row.method, row.measure, numberField(row.value), numberField(row.low), numberField(row.high)]),
  );
}

/**
 * points.csv: per design point and metric, the mean over replicates with its
 * 95% CI, the standard deviation and the number of replicates; parameter
 * values as encoded (numbers; yes/no as 0/1; categories as codes).
 * Cost O(points · metrics).
 */
export function pointsCsv(sweep: SweepResults, metrics: readonly string[], level: number): string {
  const header = ['point_id', ...sweep.parameters.map((p) => p.name), 'metric', 'mean', 'low', 'high', 'sd', 'n'];
  const rows: CsvValue[][] = [];
  sweep.points.forEach((point, position) => {
    for (const metric of metrics) {
      const summary = sweep.moments.get(metric)!.summary(position, level);
      rows.push([point.id, ...point.values, metric, numberField(summary.mean), numberField(summary.low), numberField(summary.high), numberField(summary.sd), summary.n]);
    }
  });
  return csvText(header, rows);
}

/** The columns of replications.csv. */
export const REPLICATIONS_CSV_HEADER = [
  'metric',
  'points',
  'replicates_min',
  'replicates_max',
  'mean',
  'pooled_sd',
  'max_sd',
  'half_width_median',
  'half_width_max',
  'target_half_width',
  'target_from',
  'replications_needed',
  'replications_needed_worst_point',
  'note',
] as const;

/**
 * replications.csv: per metric, the spread between replicates, the CI
 * half-width now, and the replicates per point needed for the target.
 * Cost O(metrics).
 */
export function replicationsCsv(needs: readonly ReplicationNeed[]): string {
  return csvText(
    REPLICATIONS_CSV_HEADER,
    needs.map((need) => [
      need.metric,
      need.points,
      need.replicatesMin,
      need.replicatesMax,
      numberField(need.meanOverPoints),
      numberField(need.pooledSd),
      numberField(need.maxSd),
      numberField(need.halfWidthMedian),
      numberField(need.halfWidthMax),
      numberField(need.targetHalfWidth),
      need.targetFrom,
      numberField(need.needed),
      numberField(need.neededWorstPoint),
      need.note,
    ]),
  );
}

/** The columns of prim.csv. */
export const PRIM_CSV_HEADER = ['box', 'step', 'phase', 'chosen', 'coverage', 'density', 'mass', 'count', 'cases', 'description'] as const;

/**
 * prim.csv: every step of every box's trajectory, the suggested ones marked.
 * Cost O(steps).
 */
export function primCsv(prim: PrimFile): string {
  return csvText(
    PRIM_CSV_HEADER,
    prim.boxes.flatMap((box) =>
      box.trajectory.map((step) => [box.box, step.step, step.phase, step.step === box.chosen, numberField(step.coverage), numberField(step.density), step.mass, step.count, step.cases, step.description]),
    ),
  );
}
