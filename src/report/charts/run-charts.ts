/**
 * The charts of a run report, in reading order: who is left behind (unmet
 * needs over time, met share, channels, waits), what it costs, what happens
 * to trust, whether reports tell the truth, what went wrong and when, and
 * the scorecard. Month-by-month charts need the monthly table and are left
 * out without it.
 */
import type { MonthlyRow, RunSummary } from '../../sim/metrics/index.js';
import { TITLES } from '../messages.js';
import { costBreakdownSpec, costBreakdownTable, costPerMetNeedSpec, costPerMetNeedTable } from './cost.js';
import type { ReportChart } from './data-table.js';
import { eventsTimelineSpec, eventsTimelineTable } from './events-timeline.js';
import { trajectoryTable, trustOverTimeSpec, unmetRateOverTimeSpec } from './group-trajectories.js';
import { kpiSpec, kpiTable, kpiTargets } from './kpi.js';
import { scorecardSpec, scorecardTable } from './scorecard.js';
import { channelMixSpec, channelMixTable, daysToServiceSpec, daysToServiceTable, metShareBySegmentSpec, metShareTable } from './segment-outcomes.js';
import { formatGbp } from '../format-number.js';

/** What the run charts are drawn from. */
export interface RunChartData {
  readonly scenarioName: string;
  readonly summary: RunSummary;
  /** May be empty: month-by-month charts are then left out. */
  readonly monthly: readonly MonthlyRow[];
}

/**
 * Every chart of a run report. Pure: data in, specs and tables out.
 * @example const charts = runCharts({ scenarioName: 'Hybrid', summary, monthly });
 */
export function runCharts(data: RunChartData): ReportChart[] {
  const { summary, monthly } = data;
  const hasMonthly = monthly.length > 0;
  const single = [{ name: data.scenarioName, rows: monthly }];
  const charts: ReportChart[] = [];
  if (hasMonthly) {
    charts.push({ id: 'unmet-rate-over-time', title: TITLES.unmetOverTime.title, spec: unmetRateOverTimeSpec(monthly), table: trajectoryTable(single, 'unmetRate') });
  }
  charts.push(
    { id: 'met-share-by-segment', title: TITLES.metShareBySegment.title, spec: metShareBySegmentSpec(summary.segments), table: metShareTable(summary.segments) },
    { id: 'channel-mix-by-segment', title: TITLES.channelMix.title, spec: channelMixSpec(summary.segments), table: channelMixTable(summary.segments) },
    { id: 'days-to-service', title: TITLES.daysToService.title, spec: daysToServiceSpec(summary.segments), table: daysToServiceTable(summary.segments) },
    { id: 'cost-breakdown', title: TITLES.costBreakdown('').title, spec: costBreakdownSpec(summary.cost), table: costBreakdownTable(summary.cost) },
  );
  if (hasMonthly) {
    charts.push(
      { id: 'cost-per-met-need', title: TITLES.costPerMetNeed(formatGbp(summary.cost.costPerMetNeedGbp)).title, spec: costPerMetNeedSpec(monthly, summary.cost.costPerMetNeedGbp), table: costPerMetNeedTable(monthly) },
      { id: 'trust-over-time', title: TITLES.trustOverTime.title, spec: trustOverTimeSpec(monthly), table: trajectoryTable(single, 'meanTrust') },
      { id: 'kpi-reported-vs-true', title: TITLES.kpi(false).title, spec: kpiSpec(monthly, kpiTargets(summary.integrity)), table: kpiTable(monthly) },
      { id: 'outages-and-breaches', title: TITLES.events.title, spec: eventsTimelineSpec(monthly), table: eventsTimelineTable(monthly) },
    );
  }
  const scorecards = [{ name: data.scenarioName, rows: summary.scorecard }];
  charts.push({ id: 'scorecard', title: TITLES.scorecard(data.scenarioName).title, spec: scorecardSpec(scorecards), table: scorecardTable(scorecards) });
  return charts;
}
