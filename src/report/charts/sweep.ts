/**
 * Sweep charts: each headline metric against each swept parameter (one
 * point per run), the sensitivity of a metric to each parameter (bars with
 * CIs, from `dgsim analyze`), and PRIM's scenario-discovery boxes (the
 * parameter ranges where an outcome of interest concentrates, and the
 * coverage–density trade-off of the peeling trajectory).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ParameterEntry, PrimFile, SensitivityMeasure, SensitivityRow } from '../../analysis/analysis-files.js';
import { LABELS, SWEEP_TEXT, TITLES } from '../messages.js';
import type { DataTable, TableColumn } from './data-table.js';
import { metricAxisTitle, metricColumnUnit, metricTickFormat, metricWords } from './metric-axis.js';
import { finiteOrNull } from './monthly-select.js';
import { categoryColors, INK, OKABE_ITO } from './palette.js';
import { baseSpec } from './theme.js';

/** A successful run of a sweep: parameter values as written, metric values. */
export interface SweepRunData {
  readonly pointId: number;
  readonly parameters: Readonly<Record<string, string>>;
  readonly metrics: Readonly<Record<string, number>>;
}

/** A swept parameter: its column name and its words. */
export interface SweepParameterData {
  readonly name: string;
  readonly label: string;
}

/** What a metric-vs-parameter chart draws. */
export interface SweepScatterData {
  readonly metric: string;
  readonly parameters: readonly SweepParameterData[];
  readonly runs: readonly SweepRunData[];
}

const PANEL_WIDTH = 220;
const PANEL_HEIGHT = 170;

function isNumeric(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

/**
 * The metric against each parameter: one panel per parameter, three to a row.
 * Numeric parameters get a continuous axis, others (booleans, categories) a discrete one.
 * @example const spec = sweepScatterSpec({ metric: 'unmetRate', parameters, runs });
 */
export function sweepScatterSpec(data: SweepScatterData): TopLevelSpec {
  const title = TITLES.sweepScatter(metricWords(data.metric));
  const y = { field: 'y', type: 'quantitative', title: metricAxisTitle(data.metric), axis: { format: metricTickFormat(data.metric) }, scale: { zero: false } } as const;
  const panels = data.parameters.map((parameter) => {
    const numeric = data.runs.every((run) => isNumeric(run.parameters[parameter.name] ?? ''));
    const values = data.runs.map((run) => {
      const text = run.parameters[parameter.name] ?? '';
      return { x: numeric ? Number(text) : text, y: finiteOrNull(run.metrics[data.metric] ?? Number.NaN) };
    });
    return {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      data: { values },
      mark: { type: 'point' as const, filled: true, size: 30, opacity: 0.6, color: OKABE_ITO.blue },
      encoding: {
        x: numeric
          ? { field: 'x', type: 'quantitative' as const, title: `${parameter.label} ${LABELS.parameterUnits}`, scale: { zero: false } }
          : { field: 'x', type: 'nominal' as const, title: parameter.label, axis: { labelAngle: 0 } },
        y,
      },
    };
  });
  return { ...baseSpec(), title: { text: title.title, subtitle: title.subtitle }, columns: 3, concat: panels };
}

/** The table beside a metric-vs-parameter chart: the mean of the metric at each design point. */
export function sweepScatterTable(data: SweepScatterData, maxRows = 40): DataTable {
  const byPoint = new Map<number, { parameters: Readonly<Record<string, string>>; sum: number; n: number }>();
  for (const run of data.runs) {
    const value = run.metrics[data.metric] ?? Number.NaN;
    const entry = byPoint.get(run.pointId) ?? { parameters: run.parameters, sum: 0, n: 0 };
    if (Number.isFinite(value)) {
      entry.sum += value;
      entry.n += 1;
    }
    byPoint.set(run.pointId, entry);
  }
  const points = [...byPoint].sort((p, q) => p[0] - q[0]);
  const numeric = data.parameters.map((parameter) => data.runs.every((run) => isNumeric(run.parameters[parameter.name] ?? '')));
  const columns: TableColumn[] = [
    { label: SWEEP_TEXT.point, unit: 'text' },
    ...data.parameters.map((parameter, k) => ({ label: parameter.label, unit: numeric[k] ? ('number' as const) : ('text' as const) })),
    { label: SWEEP_TEXT.meanOf(metricAxisTitle(data.metric)), unit: metricColumnUnit(data.metric) },
    { label: SWEEP_TEXT.runs, unit: 'count' },
  ];
  const rows = points.slice(0, maxRows).map(([pointId, entry]) => [
    String(pointId),
    ...data.parameters.map((parameter, k) => {
      const text = entry.parameters[parameter.name] ?? '';
      return numeric[k] ? Number(text) : text;
    }),
    entry.n > 0 ? entry.sum / entry.n : Number.NaN,
    entry.n,
  ]);
  return points.length > maxRows ? { columns, rows, note: SWEEP_TEXT.firstPoints(maxRows, points.length) } : { columns, rows };
}

/** What a sensitivity chart draws: one metric's rows for the bar measures. */
export interface SensitivityData {
  readonly metric: string;
  readonly measures: readonly SensitivityMeasure[];
  readonly parameters: readonly ParameterEntry[];
  readonly rows: readonly SensitivityRow[];
}

function parameterLabel(parameters: readonly ParameterEntry[], name: string): string {
  return parameters.find((parameter) => parameter.name === name)?.label ?? name;
}

function sensitivityRows(data: SensitivityData): SensitivityRow[] {
  return data.rows.filter((row) => row.metric === data.metric && data.measures.includes(row.measure));
}

/** Parameters ordered by the first measure, largest magnitude first. */
function parameterOrder(data: SensitivityData): string[] {
  const first = data.measures[0];
  const rows = sensitivityRows(data).filter((row) => row.measure === first);
  return rows.sort((p, q) => Math.abs(q.value ?? 0) - Math.abs(p.value ?? 0)).map((row) => parameterLabel(data.parameters, row.parameter));
}

/**
 * Sensitivity bars: one row per parameter, one bar per measure, with the 95% interval where the method gives one.
 * @example const spec = sensitivitySpec({ metric: 'unmetRate', measures: ['muStarScaled', 'sigmaScaled'], parameters, rows });
 */
export function sensitivitySpec(data: SensitivityData): TopLevelSpec {
  const title = TITLES.sensitivity(metricWords(data.metric));
  const measures = data.measures.map((measure) => SWEEP_TEXT.measure(measure));
  const values = sensitivityRows(data).map((row) => ({
    parameter: parameterLabel(data.parameters, row.parameter),
    measure: SWEEP_TEXT.measure(row.measure),
    value: row.value,
    low: row.low,
    high: row.high,
  }));
  const y = { field: 'parameter', type: 'nominal', title: LABELS.parameter, sort: parameterOrder(data) } as const;
  const yOffset = { field: 'measure', type: 'nominal', sort: measures } as const;
  return {
    ...baseSpec(),
    title: { text: title.title, subtitle: title.subtitle },
    width: 420,
    height: { step: 16 * Math.max(1, measures.length) + 8 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          yOffset,
          x: { field: 'value', type: 'quantitative', title: LABELS.sensitivityIndex },
          color: { field: 'measure', type: 'nominal', title: LABELS.index, scale: { domain: measures, range: categoryColors(measures.length) } },
        },
      },
      {
        mark: { type: 'rule', color: INK.text },
        encoding: { y, yOffset, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
    ],
  };
}

/** The table beside a sensitivity chart. */
export function sensitivityTable(data: SensitivityData): DataTable {
  return {
    columns: [
      { label: LABELS.parameter, unit: 'text' },
      { label: LABELS.index, unit: 'text' },
      { label: LABELS.sensitivityIndex, unit: 'number' },
      { label: LABELS.lower, unit: 'number' },
      { label: LABELS.upper, unit: 'number' },
    ],
    rows: sensitivityRows(data).map((row) => [
      parameterLabel(data.parameters, row.parameter),
      SWEEP_TEXT.measure(row.measure),
      row.value ?? Number.NaN,
      row.low ?? Number.NaN,
      row.high ?? Number.NaN,
    ]),
  };
}

/**
 * An edge of a limit as a share of the parameter's range (0 = its lowest
 * sampled value, 1 = its highest). Boolean and category codes are bands one
 * code wide, so a box keeping one value still shows as a bar.
 */
function rangeShare(parameter: ParameterEntry, value: number, edge: 'low' | 'high'): number {
  if (parameter.encoding !== 'number') {
    const codes = parameter.high - parameter.low + 1;
    return (value - parameter.low + (edge === 'low' ? 0 : 1)) / codes;
  }
  const span = parameter.high - parameter.low;
  return span > 0 ? (value - parameter.low) / span : 0.5;
}

/**
 * The chosen box of each PRIM box found: for every parameter, the part of its
 * sampled range the box keeps (a parameter the box does not restrict keeps all of it).
 */
export function primLimitsSpec(prim: PrimFile): TopLevelSpec {
  const boxes = prim.boxes.map((box) => SWEEP_TEXT.box(box.box));
  const values = prim.boxes.flatMap((box) =>
    prim.parameters.map((parameter) => {
      const limit = box.limits.find((entry) => entry.parameter === parameter.name);
      return {
        parameter: parameter.label,
        box: SWEEP_TEXT.box(box.box),
        low: limit === undefined ? 0 : rangeShare(parameter, limit.low, 'low'),
        high: limit === undefined ? 1 : rangeShare(parameter, limit.high, 'high'),
      };
    }),
  );
  const title = TITLES.prim(SWEEP_TEXT.primCondition(prim.condition, prim.boxes[0]?.description ?? ''));
  const y = { field: 'parameter', type: 'nominal', title: LABELS.parameter, sort: prim.parameters.map((parameter) => parameter.label) } as const;
  const yOffset = { field: 'box', type: 'nominal', sort: boxes } as const;
  return {
    ...baseSpec(),
    title: { text: title.title, subtitle: title.subtitle },
    width: 420,
    height: { step: 16 * Math.max(1, boxes.length) + 8 },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y,
      yOffset,
      x: { field: 'low', type: 'quantitative', title: LABELS.primRange, axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      x2: { field: 'high' },
      color: { field: 'box', type: 'nominal', title: SWEEP_TEXT.boxLegend, scale: { domain: boxes, range: categoryColors(boxes.length) } },
    },
  };
}

/** The PRIM peeling trajectories: coverage against density, each box's chosen step ringed. */
export function primTrajectorySpec(prim: PrimFile): TopLevelSpec {
  const boxes = prim.boxes.map((box) => SWEEP_TEXT.box(box.box));
  const steps = prim.boxes.flatMap((box) =>
    box.trajectory.map((step) => ({ box: SWEEP_TEXT.box(box.box), step: step.step, coverage: step.coverage, density: step.density, chosen: step.step === box.chosen })),
  );
  const color = { field: 'box', type: 'nominal', title: SWEEP_TEXT.boxLegend, scale: { domain: boxes, range: categoryColors(boxes.length) } } as const;
  const x = { field: 'coverage', type: 'quantitative' as const, title: SWEEP_TEXT.coverage, axis: { format: '.0%' }, scale: { domain: [0, 1] } };
  const y = { field: 'density', type: 'quantitative' as const, title: SWEEP_TEXT.density, axis: { format: '.0%' }, scale: { domain: [0, 1] } };
  return {
    ...baseSpec(),
    title: { text: TITLES.primTrajectory, subtitle: SWEEP_TEXT.trajectorySubtitle },
    width: 320,
    height: 240,
    data: { values: steps },
    layer: [
      { mark: { type: 'line', point: { filled: true, size: 25 } }, encoding: { x, y, color, order: { field: 'step', type: 'quantitative' } } },
      { transform: [{ filter: 'datum.chosen' }], mark: { type: 'point', size: 160, strokeWidth: 2, filled: false }, encoding: { x, y, color } },
    ],
  };
}

/** The table beside the PRIM charts: each box's limits, coverage and density. */
export function primTable(prim: PrimFile): DataTable {
  const rows = prim.boxes.flatMap((box) =>
    box.limits.map((limit) => [
      SWEEP_TEXT.box(box.box),
      parameterLabel(prim.parameters, limit.parameter),
      limit.keeps === null ? limit.low : limit.keeps.join(', '),
      limit.keeps === null ? limit.high : '',
      box.coverage ?? Number.NaN,
      box.density ?? Number.NaN,
    ]),
  );
  return {
    columns: [
      { label: SWEEP_TEXT.boxLegend, unit: 'text' },
      { label: LABELS.parameter, unit: 'text' },
      { label: SWEEP_TEXT.keepsFrom, unit: 'number' },
      { label: SWEEP_TEXT.keepsTo, unit: 'number' },
      { label: SWEEP_TEXT.coverage, unit: 'share' },
      { label: SWEEP_TEXT.density, unit: 'share' },
    ],
    rows,
  };
}
