/**
 * The charts of a comparison report, in reading order: both policies'
 * trajectories side by side (when the monthly tables are there), forest
 * plots of the paired differences (unmet needs by group, trust by group,
 * city-wide shares), and both scorecards.
 */
import type { MonthlyRow, ScorecardRow } from '../../sim/metrics/index.js';
import type { MeanInterval } from '../../stats/mean-ci.js';
import { metricLabel as shortMetricLabel, parseMetricName } from '../metric-labels.js';
import { capitalise, GROUPS, LABELS, TITLES } from '../messages.js';
import type { ReportChart } from './data-table.js';
import { forestPlotSpec, forestTable, type ForestData, type ForestRow } from './forest-plot.js';
import { policyTrajectoriesSpec, trajectoryTable } from './group-trajectories.js';
import { scorecardSpec, scorecardTable } from './scorecard.js';

/** One headline metric of a comparison, as the charts need it. */
export interface ComparedMetricData {
  readonly metric: string;
  readonly unit: string | undefined;
  readonly higherIsBetter: boolean | undefined;
  readonly a: MeanInterval;
  readonly b: MeanInterval;
  readonly difference: MeanInterval;
}

/** What the comparison charts are drawn from. */
export interface CompareChartData {
  readonly nameA: string;
  readonly nameB: string;
  readonly replications: number;
  readonly metrics: readonly ComparedMetricData[];
  readonly scorecardA: readonly ScorecardRow[];
  readonly scorecardB: readonly ScorecardRow[];
  /** May be empty: the trajectories are then left out. */
  readonly monthlyA: readonly MonthlyRow[];
  readonly monthlyB: readonly MonthlyRow[];
}

const DIMENSIONS = ['age', 'income', 'district'] as const;

function forestRow(metric: ComparedMetricData, label: string): ForestRow {
  return { label, a: metric.a, b: metric.b, difference: metric.difference, higherIsBetter: metric.higherIsBetter };
}

/** A group metric (unmetRate, meanTrustEnd) for all citizens, then each age, income and district group. */
function groupRows(metrics: readonly ComparedMetricData[], base: string): ForestRow[] {
  const rows: ForestRow[] = [];
  const overall = metrics.find((metric) => metric.metric === base);
  if (overall !== undefined) rows.push(forestRow(overall, GROUPS.label('all')));
  for (const dimension of DIMENSIONS) {
    for (const metric of metrics) {
      const parsed = parseMetricName(metric.metric);
      if (parsed.base === base && parsed.dimension === dimension && parsed.group !== undefined) rows.push(forestRow(metric, GROUPS.label(`${dimension}:${parsed.group}`)));
    }
  }
  return rows;
}

/** City-wide metrics measured as shares (other than the unmet rate, which has its own plot). */
function shareRows(metrics: readonly ComparedMetricData[]): ForestRow[] {
  return metrics
    .filter((metric) => metric.unit === 'share' && parseMetricName(metric.metric).dimension === undefined && metric.metric !== 'unmetRate')
    .map((metric) => forestRow(metric, capitalise(shortMetricLabel(metric.metric))));
}

/**
 * Every chart of a comparison report. Pure: data in, specs and tables out.
 * @example const charts = compareCharts(input);
 */
export function compareCharts(data: CompareChartData): ReportChart[] {
  const { nameA, nameB, replications } = data;
  const charts: ReportChart[] = [];
  if (data.monthlyA.length > 0 && data.monthlyB.length > 0) {
    const policies = [{ name: nameA, rows: data.monthlyA }, { name: nameB, rows: data.monthlyB }] as const;
    charts.push(
      { id: 'compare-unmet-rate-over-time', title: TITLES.compareUnmet(nameA, nameB).title, spec: policyTrajectoriesSpec(policies, 'unmetRate'), table: trajectoryTable(policies, 'unmetRate') },
      { id: 'compare-trust-over-time', title: TITLES.compareTrust(nameA, nameB).title, spec: policyTrajectoriesSpec(policies, 'meanTrust'), table: trajectoryTable(policies, 'meanTrust') },
    );
  }
  const forests: [string, ForestData][] = [
    ['forest-unmet-rate-by-group', { title: TITLES.forestUnmet(nameA, nameB, replications), nameA, nameB, rows: groupRows(data.metrics, 'unmetRate'), scale: 'percentagePoints', axisTitle: LABELS.differencePp(nameA, nameB) }],
    ['forest-trust-by-group', { title: TITLES.forestTrust(nameA, nameB, replications), nameA, nameB, rows: groupRows(data.metrics, 'meanTrustEnd'), scale: 'asIs', axisTitle: LABELS.differenceTrust(nameA, nameB) }],
    ['forest-city-wide-shares', { title: TITLES.forestShares(nameA, nameB, replications), nameA, nameB, rows: shareRows(data.metrics), scale: 'percentagePoints', axisTitle: LABELS.differencePp(nameA, nameB) }],
  ];
  for (const [id, forest] of forests) {
    if (forest.rows.length > 0) charts.push({ id, title: forest.title.title, spec: forestPlotSpec(forest), table: forestTable(forest) });
  }
  const scorecards = [{ name: nameA, rows: data.scorecardA }, { name: nameB, rows: data.scorecardB }];
  if (data.scorecardA.length > 0) {
    charts.push({ id: 'scorecards', title: TITLES.compareScorecard(nameA, nameB).title, spec: scorecardSpec(scorecards), table: scorecardTable(scorecards) });
  }
  return charts;
}
