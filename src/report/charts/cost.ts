/**
 * What the policy costs the government: the total by category over the run,
 * and the cost per met need month by month.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MonthlyRow, RunSummary } from '../../sim/metrics/index.js';
import { formatGbp } from '../format-number.js';
import { COST_LABELS, LABELS, REPORT_TEXT, TITLES } from '../messages.js';
import type { DataTable } from './data-table.js';
import { finiteOrNull, monthlyLookup, monthsOf, tableMonths } from './monthly-select.js';
import { OKABE_ITO } from './palette.js';
import { baseSpec, CHART_HEIGHT, CHART_WIDTH } from './theme.js';

type CostCategory = keyof RunSummary['cost']['byCategoryGbp'];

const CATEGORIES: readonly CostCategory[] = ['build', 'running', 'transactions', 'training', 'devices', 'appeals', 'breaches', 'apps', 'security'];

/** The monthly metric of each cost category (monthly.csv, group `all`). */
const MONTHLY_COST_METRICS: Readonly<Record<CostCategory, string>> = {
  build: 'costBuildGbp',
  running: 'costRunningGbp',
  transactions: 'costTransactionsGbp',
  training: 'costTrainingGbp',
  devices: 'costDevicesGbp',
  appeals: 'costAppealsGbp',
  breaches: 'costBreachesGbp',
  apps: 'costAppsGbp',
  security: 'costSecurityGbp',
};

/**
 * The government's cost over the run by category, as horizontal bars, largest first.
 * @example const spec = costBreakdownSpec(summary.cost);
 */
export function costBreakdownSpec(cost: RunSummary['cost']): TopLevelSpec {
  const title = TITLES.costBreakdown(formatGbp(cost.governmentTotalGbp));
  return {
    ...baseSpec(),
    title: { text: title.title, subtitle: title.subtitle },
    width: CHART_WIDTH,
    height: { step: 22 },
    data: { values: CATEGORIES.map((category) => ({ category: COST_LABELS[category], costGbp: finiteOrNull(cost.byCategoryGbp[category]) })) },
    mark: { type: 'bar', color: OKABE_ITO.blue },
    encoding: {
      y: { field: 'category', type: 'nominal', title: LABELS.category, sort: '-x' },
      x: { field: 'costGbp', type: 'quantitative', title: LABELS.costGbp, axis: { format: ',.0f' } },
    },
  };
}

/** The table beside the cost breakdown: each category, its cost and its share of the total. */
export function costBreakdownTable(cost: RunSummary['cost']): DataTable {
  const total = cost.governmentTotalGbp;
  return {
    columns: [
      { label: LABELS.category, unit: 'text' },
      { label: LABELS.costGbp, unit: 'gbp' },
      { label: LABELS.costShare, unit: 'share' },
    ],
    rows: [
      ...CATEGORIES.map((category) => [COST_LABELS[category], cost.byCategoryGbp[category], total > 0 ? cost.byCategoryGbp[category] / total : Number.NaN]),
      ['Total', total, total > 0 ? 1 : Number.NaN],
      [LABELS.costPerMetNeedGbp, cost.costPerMetNeedGbp, Number.NaN],
    ],
  };
}

interface MonthCost {
  readonly month: number;
  readonly costGbp: number;
  readonly needsMet: number;
}

function monthlyCosts(rows: readonly MonthlyRow[]): MonthCost[] {
  const lookup = monthlyLookup(rows);
  return monthsOf(rows).map((month) => {
    let costGbp = 0;
    for (const category of CATEGORIES) {
      const value = lookup('all', MONTHLY_COST_METRICS[category], month);
      if (Number.isFinite(value)) costGbp += value;
    }
    return { month, costGbp, needsMet: lookup('all', 'needsMet', month) };
  });
}

/** The government cost per met need in each month (build costs land in the months they are spent). */
export function costPerMetNeedSpec(rows: readonly MonthlyRow[], overallCostPerMetNeedGbp: number): TopLevelSpec {
  const title = TITLES.costPerMetNeed(formatGbp(overallCostPerMetNeedGbp));
  const values = monthlyCosts(rows).map((row) => ({ month: row.month + 1, costPerMetNeedGbp: finiteOrNull(row.needsMet > 0 ? row.costGbp / row.needsMet : Number.NaN) }));
  return {
    ...baseSpec(),
    title: { text: title.title, subtitle: title.subtitle },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line', color: OKABE_ITO.blue, point: { color: OKABE_ITO.blue, size: 20 } },
    encoding: {
      x: { field: 'month', type: 'quantitative', title: LABELS.month, axis: { tickMinStep: 1, format: 'd' }, scale: { nice: false } },
      y: { field: 'costPerMetNeedGbp', type: 'quantitative', title: LABELS.costPerMetNeedGbp, axis: { format: ',.2f' }, scale: { zero: true } },
    },
  };
}

/** The table beside the cost-per-met-need chart. */
export function costPerMetNeedTable(rows: readonly MonthlyRow[]): DataTable {
  const costs = monthlyCosts(rows);
  const { months, step } = tableMonths(costs.map((row) => row.month));
  const picked = costs.filter((row) => months.includes(row.month));
  const columns = [
    { label: LABELS.month, unit: 'month' as const },
    { label: LABELS.governmentCostMonthGbp, unit: 'gbp' as const },
    { label: LABELS.needsMetMonth, unit: 'count' as const },
    { label: LABELS.costPerMetNeedGbp, unit: 'gbp' as const },
  ];
  const tableRows = picked.map((row) => [row.month + 1, row.costGbp, row.needsMet, row.needsMet > 0 ? row.costGbp / row.needsMet : Number.NaN]);
  return step > 1 ? { columns, rows: tableRows, note: REPORT_TEXT.everyNthMonth(step) } : { columns, rows: tableRows };
}
