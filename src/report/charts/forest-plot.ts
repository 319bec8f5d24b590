/**
 * A forest plot of paired differences (b − a) with their 95% confidence
 * intervals: one row per metric or group, a dot at the mean difference, a
 * line across the interval, and a rule at zero. A dot is green where b is
 * better and the interval excludes zero, vermillion where b is worse, grey
 * where the difference is not shown to be real.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MeanInterval } from '../../stats/mean-ci.js';
import { FOREST_READINGS, LABELS } from '../messages.js';
import type { ColumnUnit, DataTable } from './data-table.js';
import { finiteOrNull } from './monthly-select.js';
import { INK, OKABE_ITO } from './palette.js';
import { baseSpec, CHART_WIDTH } from './theme.js';

/** One row of a forest plot. */
export interface ForestRow {
  readonly label: string;
  readonly a: MeanInterval;
  readonly b: MeanInterval;
  readonly difference: MeanInterval;
  /** Undefined when the metric has no better direction. */
  readonly higherIsBetter: boolean | undefined;
}

/** What a forest plot draws. */
export interface ForestData {
  readonly title: { readonly title: string; readonly subtitle: string };
  readonly nameA: string;
  readonly nameB: string;
  readonly rows: readonly ForestRow[];
  /** Differences of shares are drawn in percentage points (× 100); trust and others as they are. */
  readonly scale: 'percentagePoints' | 'asIs';
  readonly axisTitle: string;
}

/** How a difference reads: better or worse for b, or not shown. */
export type DifferenceReading = 'better' | 'worse' | 'not shown';

/** Whether b is better, worse, or not shown to differ, from the CI and the metric's direction. */
export function readDifference(difference: MeanInterval, higherIsBetter: boolean | undefined): DifferenceReading {
  const excludesZero = difference.low > 0 || difference.high < 0;
  if (!excludesZero || higherIsBetter === undefined) return 'not shown';
  return difference.mean > 0 === higherIsBetter ? 'better' : 'worse';
}

/**
 * The forest plot spec.
 * @example const spec = forestPlotSpec({ title, nameA: 'Digital-only', nameB: 'Hybrid', rows, scale: 'percentagePoints', axisTitle: 'Hybrid minus Digital-only (pp)' });
 */
export function forestPlotSpec(data: ForestData): TopLevelSpec {
  const factor = data.scale === 'percentagePoints' ? 100 : 1;
  const order = data.rows.map((row) => row.label);
  const labels = FOREST_READINGS(data.nameB);
  const readings = (['better', 'worse', 'not shown'] as const).map((reading) => labels[reading]);
  const values = data.rows.map((row) => ({
    label: row.label,
    mean: finiteOrNull(row.difference.mean * factor),
    low: finiteOrNull(row.difference.low * factor),
    high: finiteOrNull(row.difference.high * factor),
    reading: labels[readDifference(row.difference, row.higherIsBetter)],
  }));
  const y = { field: 'label', type: 'nominal', title: null, sort: order } as const;
  const x = { type: 'quantitative', title: data.axisTitle, axis: { format: data.scale === 'percentagePoints' ? '+.1f' : '+.3f' } } as const;
  return {
    ...baseSpec(),
    title: { text: data.title.title, subtitle: data.title.subtitle },
    width: CHART_WIDTH,
    height: { step: 22 },
    data: { values },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: INK.axis, strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'zero' } } },
      { mark: { type: 'rule', color: OKABE_ITO.black, strokeWidth: 1.5 }, encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' } } },
      {
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          y,
          x: { ...x, field: 'mean' },
          color: { field: 'reading', type: 'nominal', title: LABELS.difference, scale: { domain: readings, range: [OKABE_ITO.green, OKABE_ITO.vermillion, INK.axis] } },
        },
      },
    ],
  };
}

/** The table beside a forest plot: both means, the difference and its CI, per row. */
export function forestTable(data: ForestData): DataTable {
  const valueUnit: ColumnUnit = data.scale === 'percentagePoints' ? 'share' : 'trust';
  const differenceUnit: ColumnUnit = data.scale === 'percentagePoints' ? 'pp' : 'trust';
  return {
    columns: [
      { label: '', unit: 'text' },
      { label: data.nameA, unit: valueUnit },
      { label: data.nameB, unit: valueUnit },
      { label: LABELS.differenceColumn(data.nameA, data.nameB), unit: differenceUnit },
      { label: LABELS.lower, unit: differenceUnit },
      { label: LABELS.upper, unit: differenceUnit },
    ],
    rows: data.rows.map((row) => [row.label, row.a.mean, row.b.mean, row.difference.mean, row.difference.low, row.difference.high]),
  };
}
