/** Metrics: reporters that turn a run's raw counters into outcomes. */
export { summarize, type RunSummary, type GroupMetrics, type SegmentMetrics, type KpiReport } from './summary.js';
export { headlineMetrics, describeMetric, GROUP_REPORTERS, RUN_REPORTERS, type Reporter } from './headline.js';
export { monthlyRows, monthlyRowsByMonth, type MonthlyRow } from './monthly.js';
export { scorecard, type ScorecardRow, type Verdict } from './scorecard.js';
export { checkInvariants, checkSummaryInvariants, type InvariantViolation } from './invariants.js';
