/**
 * Month-by-month lines of a group metric (unmet rate, trust), one line per
 * age band plus all citizens, for one policy or for two side by side.
 *
 *   monthly rows ──► pick metric for `age:*` and `all` ──► long values ──► line spec
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MonthlyRow } from '../../sim/metrics/index.js';
import { GROUPS, LABELS, REPORT_TEXT, TITLES } from '../messages.js';
import type { ColumnUnit, DataTable, TableColumn } from './data-table.js';
import { finiteOrNull, groupsOf, monthlyLookup, monthsOf, tableMonths } from './monthly-select.js';
import { categoryColors, OKABE_ITO } from './palette.js';
import { baseSpec, CHART_HEIGHT, CHART_WIDTH } from './theme.js';

/** The two group metrics drawn over time. */
export type TrajectoryMetric = 'unmetRate' | 'meanTrust';

/** One policy's monthly table, named. */
export interface PolicyMonthly {
  readonly name: string;
  readonly rows: readonly MonthlyRow[];
}

interface Encoding {
  readonly groups: string[];
  readonly labels: string[];
  readonly colors: string[];
  readonly dashes: number[][];
}

/** Age bands in order, then all citizens (black, dashed). */
function groupEncoding(rows: readonly MonthlyRow[]): Encoding {
  const ages = groupsOf(rows, 'age');
  const groups = [...ages, 'all'];
  return {
    groups,
    labels: groups.map((group) => GROUPS.label(group)),
    colors: [...categoryColors(ages.length).map((color) => (color === OKABE_ITO.black ? OKABE_ITO.yellow : color)), OKABE_ITO.black],
    dashes: [...ages.map(() => [1, 0]), [6, 3]],
  };
}

interface TrajectoryValue {
  readonly policy: string;
  readonly group: string;
  readonly month: number;
  readonly value: number | null;
}

function values(policy: string, rows: readonly MonthlyRow[], metric: TrajectoryMetric, groups: readonly string[]): TrajectoryValue[] {
  const lookup = monthlyLookup(rows);
  const out: TrajectoryValue[] = [];
  for (const group of groups) {
    for (const month of monthsOf(rows)) {
      out.push({ policy, group: GROUPS.label(group), month: month + 1, value: finiteOrNull(lookup(group, metric, month)) });
    }
  }
  return out;
}

function yAxis(metric: TrajectoryMetric) {
  return metric === 'unmetRate'
    ? ({ title: LABELS.unmetRatePercent, axis: { format: '.0%' }, scale: { zero: true } } as const)
    : ({ title: LABELS.trust, axis: { format: '.2f' }, scale: { zero: false } } as const);
}

/** The line mark and its encoding, shared by the single and side-by-side charts. */
function lineLayer(metric: TrajectoryMetric, encoding: Encoding) {
  return {
    mark: { type: 'line', interpolate: 'linear' },
    encoding: {
      x: { field: 'month', type: 'quantitative', title: LABELS.month, axis: { tickMinStep: 1, format: 'd' }, scale: { nice: false } },
      y: { field: 'value', type: 'quantitative', ...yAxis(metric) },
      color: { field: 'group', type: 'nominal', title: LABELS.group, scale: { domain: encoding.labels, range: encoding.colors } },
      strokeDash: { field: 'group', type: 'nominal', title: LABELS.group, scale: { domain: encoding.labels, range: encoding.dashes } },
    },
  } as const;
}

function lineSpec(title: { title: string; subtitle: string }, data: TrajectoryValue[], metric: TrajectoryMetric, encoding: Encoding): TopLevelSpec {
  return {
    ...baseSpec(),
    title: { text: title.title, subtitle: title.subtitle },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: data },
    ...lineLayer(metric, encoding),
  };
}

/**
 * Unmet rate by age band and overall, month by month, for one run.
 * @example const spec = unmetRateOverTimeSpec(monthlyRows);
 */
export function unmetRateOverTimeSpec(rows: readonly MonthlyRow[]): TopLevelSpec {
  const encoding = groupEncoding(rows);
  return lineSpec(TITLES.unmetOverTime, values('', rows, 'unmetRate', encoding.groups), 'unmetRate', encoding);
}

/** Mean trust by age band and overall, month by month, for one run. */
export function trustOverTimeSpec(rows: readonly MonthlyRow[]): TopLevelSpec {
  const encoding = groupEncoding(rows);
  return lineSpec(TITLES.trustOverTime, values('', rows, 'meanTrust', encoding.groups), 'meanTrust', encoding);
}

/**
 * Two policies' trajectories side by side (one panel each, shared y scale),
 * for a comparison. Groups come from the first policy's table.
 */
export function policyTrajectoriesSpec(policies: readonly [PolicyMonthly, PolicyMonthly], metric: TrajectoryMetric): TopLevelSpec {
  const [a, b] = policies;
  const encoding = groupEncoding(a.rows);
  const data = [...values(a.name, a.rows, metric, encoding.groups), ...values(b.name, b.rows, metric, encoding.groups)];
  const title = metric === 'unmetRate' ? TITLES.compareUnmet(a.name, b.name) : TITLES.compareTrust(a.name, b.name);
  return {
    ...baseSpec(),
    title: { text: title.title, subtitle: title.subtitle },
    data: { values: data },
    facet: { column: { field: 'policy', type: 'nominal', title: null, sort: [a.name, b.name] } },
    spec: { width: Math.round(CHART_WIDTH * 0.6), height: CHART_HEIGHT, ...lineLayer(metric, encoding) },
    resolve: { scale: { y: 'shared' } },
  };
}

/**
 * The table beside a trajectory chart: one row per listed month, one column
 * per group (and per policy when there are two).
 */
export function trajectoryTable(policies: readonly PolicyMonthly[], metric: TrajectoryMetric): DataTable {
  const first = policies[0];
  if (first === undefined) return { columns: [], rows: [] };
  const { groups } = groupEncoding(first.rows);
  const { months, step } = tableMonths(monthsOf(first.rows));
  const lookups = policies.map((policy) => monthlyLookup(policy.rows));
  const unit: ColumnUnit = metric === 'unmetRate' ? 'share' : 'trust';
  const columns: TableColumn[] = [
    { label: LABELS.month, unit: 'month' },
    ...policies.flatMap((policy) => groups.map((group) => ({ label: policies.length > 1 ? `${GROUPS.label(group)}, ${policy.name}` : GROUPS.label(group), unit }))),
  ];
  const rows = months.map((month) => [month + 1, ...lookups.flatMap((lookup) => groups.map((group) => lookup(group, metric, month)))]);
  return step > 1 ? { columns, rows, note: REPORT_TEXT.everyNthMonth(step) } : { columns, rows };
}
