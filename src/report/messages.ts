/**
 * Every user-facing string of the report (chart titles, axis labels, table
 * headings, summary sentences, errors), in one module so the wording can be
 * read, reviewed and changed in one place. Numbers arrive here already
 * formatted: this module composes text, it does not round.
 */

/** Errors a report can raise, each naming what to do about it. */
export const REPORT_ERRORS = {
  noDirectory: (directory: string): string => `report: ${directory} is not a directory`,
  notAnOutputDirectory: (directory: string): string =>
    `report: ${directory} holds no dgsim output. Expected summary.json (from dgsim run), compare.json (from dgsim compare) or runs.csv (from dgsim sweep).`,
  unreadable: (file: string, reason: string): string => `report: cannot read ${file}: ${reason}`,
  notJson: (file: string, reason: string): string => `report: ${file} is not valid JSON: ${reason}`,
  missingField: (file: string, path: string): string => `report: ${file} has no ${path}; was it written by this version of dgsim?`,
  badCsv: (file: string, reason: string): string => `report: ${file} is not a readable CSV table: ${reason}`,
  missingColumns: (file: string, columns: readonly string[]): string => `report: ${file} lacks the column(s) ${columns.join(', ')}`,
  fontsMissing: (missing: readonly string[]): string =>
    `report: PNG charts need the DejaVu Sans fonts, and ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing. ` +
    'Install Debian\'s fonts-dejavu-core package (apt-get install fonts-dejavu-core), or pass --font-dir with a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf.',
  chartFailed: (chart: string, reason: string): string => `report: chart ${chart} failed to render: ${reason}`,
} as const;

/** Plain-language names of the groups of citizens in dgsim's outputs. */
export const GROUPS = {
  /** A group id (`all`, `age:75+`, `income:low`, `district:outer`, or a segment id) as a short label. */
  label(group: string): string {
    if (group === 'all') return 'All citizens';
    const [dimension, value] = splitGroup(group);
    if (dimension === 'age') return `Aged ${value}`;
    if (dimension === 'income') return `${capitalise(value)} income`;
    if (dimension === 'district') return `${capitalise(value)} district`;
    return group;
  },
  /** A group id as the citizens it holds, inside a sentence ("citizens aged 75+"). */
  citizens(group: string): string {
    if (group === 'all') return 'all citizens';
    const [dimension, value] = splitGroup(group);
    if (dimension === 'age') return `citizens aged ${value}`;
    if (dimension === 'income') return `${value}-income citizens`;
    if (dimension === 'district') return `citizens of the ${value} district`;
    return `citizens of segment ${group}`;
  },
} as const;

function splitGroup(group: string): [string, string] {
  const colon = group.indexOf(':');
  return colon < 0 ? ['', group] : [group.slice(0, colon), group.slice(colon + 1)];
}

function ordinal(step: number): string {
  return step === 2 ? 'second' : step === 3 ? 'third' : `${step}th`;
}

/** The text with its first letter upper-case. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Channel names as readers know them. */
export const CHANNEL_LABELS = { online: 'Online', phone: 'Phone', counter: 'Counter', assisted: 'Assisted digital' } as const;

/** Cost categories of RunSummary.cost.byCategoryGbp as readers know them. */
export const COST_LABELS = {
  build: 'Building digital services',
  running: 'Running channels and offices',
  transactions: 'Transactions',
  training: 'Digital-skills training',
  devices: 'Devices given',
  appeals: 'Appeals',
  breaches: 'Data breaches',
  apps: 'Scorecard apps',
  security: 'Security',
} as const;

/** The three KPIs offices may be set, as readers know them. */
export const KPI_LABELS = {
  processing: 'Counter cases on time',
  onlineShare: 'Online share',
  registrations: 'Registrations',
} as const;

export const VERDICT_LABELS = { good: 'good', mixed: 'mixed', poor: 'poor', untested: 'untested' } as const;

/** Axis, legend and table labels. Every quantity names its unit. */
export const LABELS = {
  month: 'Month of the run',
  group: 'Group of citizens',
  segment: 'Segment (age-income-district)',
  ageBand: 'Age band',
  channel: 'Channel',
  category: 'Cost category',
  statistic: 'Statistic',
  metric: 'Metric',
  kpi: 'KPI',
  figure: 'Figure',
  trueFigure: 'true',
  reportedFigure: 'reported',
  unmetRatePercent: 'Unmet needs (% of resolved needs)',
  metSharePercent: 'Needs met (% of resolved needs)',
  channelSharePercent: 'Share of met needs (%)',
  daysToService: 'Days from need to service (days)',
  daysMedian: 'Median (days)',
  daysP90: '90th percentile (days)',
  daysMean: 'Mean (days)',
  costGbp: 'Government cost (£)',
  costShare: 'Share of total (%)',
  costPerMetNeedGbp: 'Cost per met need (£ per need)',
  governmentCostMonthGbp: 'Government cost in the month (£)',
  needsMetMonth: 'Needs met in the month (needs)',
  trust: 'Mean trust in government (0–1 scale)',
  kpiPercent: 'KPI value (%)',
  backlog: 'Needs waiting at month end (needs)',
  outageDays: 'Outage days (days)',
  breaches: 'Data breaches (count)',
  outageMark: 'Month with a digital outage',
  breachMark: 'Month with a data breach',
  eventMarks: 'Events',
  scorecardId: 'Id',
  scorecardName: 'Hope or fear',
  scorecardIndicator: 'Indicator',
  scorecardValue: 'Value',
  scorecardVerdict: 'Verdict',
  scorecardReading: 'What it means',
  difference: 'Difference',
  differenceColumn: (nameA: string, nameB: string): string => `${nameB} − ${nameA}`,
  lower: '95% CI low',
  upper: '95% CI high',
  mean: 'Mean',
  differencePp: (nameA: string, nameB: string): string => `${nameB} minus ${nameA} (percentage points, 95% CI)`,
  differenceTrust: (nameA: string, nameB: string): string => `${nameB} minus ${nameA} (trust, 0–1 scale, 95% CI)`,
  parameterUnits: '(scenario units)',
  parameter: 'Parameter',
  sensitivityIndex: 'Sensitivity index (unitless)',
  index: 'Index',
  primRange: 'Range kept by the box (share of the sampled range, %)',
  run: 'Run',
} as const;

/** How a forest plot's dot reads, naming the second policy. */
export const FOREST_READINGS = (nameB: string): { better: string; worse: string; 'not shown': string } => ({
  better: `${nameB} better (CI excludes 0)`,
  worse: `${nameB} worse (CI excludes 0)`,
  'not shown': 'no clear difference',
});

/** Chart titles and subtitles. */
export const TITLES = {
  unmetOverTime: { title: 'Unmet needs by age band, month by month', subtitle: 'Share of the needs resolved in each month that went unmet' },
  metShareBySegment: { title: 'Needs met, by segment', subtitle: 'Share of resolved needs that were met over the whole run; bars coloured by age band' },
  channelMix: { title: 'How met needs were served, by segment', subtitle: 'Share of each segment\'s met needs by channel' },
  daysToService: { title: 'Days from need to service, by segment', subtitle: 'Median and 90th percentile of the wait for met needs' },
  costBreakdown: (total: string): { title: string; subtitle: string } => ({ title: 'Government cost over the run, by category', subtitle: `Total ${total}` }),
  costPerMetNeed: (overall: string): { title: string; subtitle: string } => ({ title: 'Government cost per met need, month by month', subtitle: `Over the whole run: ${overall} per met need` }),
  trustOverTime: { title: 'Trust in government by age band', subtitle: 'Mean trust at the end of each month (0 = none, 1 = full)' },
  kpi: (anyTarget: boolean): { title: string; subtitle: string } => ({
    title: 'Reported vs true KPIs',
    subtitle: anyTarget ? 'Dashed: what offices report; solid: the truth. A gap is gaming.' : 'No KPI target is set, so offices have no reason to game: reported equals true.',
  }),
  events: { title: 'Backlog, outages and breaches', subtitle: 'Needs waiting at each month end; shaded months had a digital outage, red rules mark a data breach' },
  eventCounts: (outageMonths: number, outageDays: number, breaches: number): string =>
    outageDays === 0 && breaches === 0
      ? 'No outage and no breach in this run.'
      : `${outageDays === 0 ? 'No outage' : `${outageDays} outage day(s) in ${outageMonths} month(s)`}; ${breaches === 0 ? 'no breach' : `${breaches} breach(es)`}.`,
  scorecard: (policy: string): { title: string; subtitle: string } => ({ title: `Hopes and fears scorecard: ${policy}`, subtitle: 'Verdicts against the thresholds stated in src/sim/metrics/scorecard.ts' }),
  compareScorecard: (nameA: string, nameB: string): { title: string; subtitle: string } => ({
    title: 'Hopes and fears scorecard, side by side',
    subtitle: `${nameA} and ${nameB}, first replicate of each`,
  }),
  compareUnmet: (nameA: string, nameB: string): { title: string; subtitle: string } => ({
    title: 'Unmet needs by age band under each policy',
    subtitle: `${nameA} (left) and ${nameB} (right), first replicate, same seed`,
  }),
  compareTrust: (nameA: string, nameB: string): { title: string; subtitle: string } => ({
    title: 'Trust in government by age band under each policy',
    subtitle: `${nameA} (left) and ${nameB} (right), first replicate, same seed`,
  }),
  forestUnmet: (nameA: string, nameB: string, replications: number): { title: string; subtitle: string } => ({
    title: `Change in unmet needs, ${nameB} vs ${nameA}`,
    subtitle: `Paired difference in unmet rate with 95% CI over ${replications} replication(s); right of zero: more unmet under ${nameB}`,
  }),
  forestTrust: (nameA: string, nameB: string, replications: number): { title: string; subtitle: string } => ({
    title: `Change in trust at the end, ${nameB} vs ${nameA}`,
    subtitle: `Paired difference in mean trust with 95% CI over ${replications} replication(s)`,
  }),
  forestShares: (nameA: string, nameB: string, replications: number): { title: string; subtitle: string } => ({
    title: `Change in city-wide shares, ${nameB} vs ${nameA}`,
    subtitle: `Paired difference with 95% CI over ${replications} replication(s), percentage points`,
  }),
  sweepScatter: (metric: string): { title: string; subtitle: string } => ({ title: `${capitalise(metric)} across the sweep`, subtitle: 'One point per run; one panel per swept parameter' }),
  sensitivity: (metric: string): { title: string; subtitle: string } => ({ title: `What ${metric} is sensitive to`, subtitle: 'Sensitivity index per parameter, with its 95% interval; longer bars matter more' }),
  primTrajectory: 'PRIM peeling trajectory',
  prim: (description: string): { title: string; subtitle: string } => ({ title: 'Scenario discovery (PRIM): where the outcome of interest concentrates', subtitle: description }),
} as const;

/** Words of the sweep charts and tables. */
export const SWEEP_TEXT = {
  point: 'Design point',
  runs: 'Runs (count)',
  meanOf: (metric: string): string => `Mean: ${metric}`,
  firstPoints: (shown: number, total: number): string => `The first ${shown} of ${total} design points; runs.csv holds them all.`,
  measure: (measure: string): string =>
    ({
      mu: 'Morris μ',
      muStar: 'Morris μ*',
      sigma: 'Morris σ',
      muScaled: 'Morris μ (over the range)',
      muStarScaled: 'Morris μ* (over the range)',
      sigmaScaled: 'Morris σ (over the range)',
      S1: 'Sobol first order S1',
      ST: 'Sobol total order ST',
      prcc: 'Partial rank correlation',
      src: 'Standardised regression coefficient',
    })[measure] ?? measure,
  box: (box: number): string => `Box ${box}`,
  boxLegend: 'PRIM box',
  primCondition: (condition: string, description: string): string => `Where ${condition}: ${description}`,
  coverage: 'Coverage (% of cases inside the box)',
  density: 'Density (% of the box that are cases)',
  keepsFrom: 'Keeps from',
  keepsTo: 'to',
  trajectorySubtitle: 'Each step trades coverage for density; the ringed step is the box chosen',
} as const;

/** Column headings of the report's own tables. */
export const TABLE_HEADINGS = {
  metric: 'Metric',
  value: 'Value',
  measures: 'What it measures',
  reading: 'Reading',
  meanWithCi: (name: string): string => `${name}: mean [95% CI]`,
  differenceWithCi: (nameA: string, nameB: string): string => `${nameB} − ${nameA} [95% CI]`,
} as const;

/** Labels of the scenario lines at the foot of a report. */
export const SCENARIO_LABELS = {
  name: 'Scenario',
  description: 'Description',
  horizon: 'Horizon',
  population: 'Population',
  populationText: (represented: string, simulated: string, sampleRatio: string | null): string =>
    `${represented} citizens represented by ${simulated} simulated agents${sampleRatio === null ? '' : ` (a 1:${sampleRatio} sample of the city; counts and costs are scaled back)`}`,
  segments: 'Segments',
  scenarioA: 'Scenario A (reference)',
  scenarioB: 'Scenario B',
  replications: 'Replications',
  sweep: 'Sweep',
  baseScenario: 'Base scenario',
  parameters: 'Parameters swept',
  runs: 'Runs',
  runsText: (ok: number, failed: number): string => (failed === 0 ? `${ok} successful` : `${ok} successful, ${failed} failed (left out)`),
} as const;

/** Headings and fixed text of the HTML report and summary.md. */
export const REPORT_TEXT = {
  runTitle: (scenario: string): string => `dgsim run report: ${scenario}`,
  compareTitle: (nameA: string, nameB: string): string => `dgsim comparison: ${nameA} vs ${nameB}`,
  sweepTitle: (name: string): string => `dgsim sweep report: ${name}`,
  kindLabel: { run: 'Run report', compare: 'Comparison report', sweep: 'Sweep report' },
  chartsHeading: 'Charts',
  tableHeading: 'The numbers behind the chart',
  everyNthMonth: (step: number): string => `Every ${ordinal(step)} month shown, and the last; the chart shows every month.`,
  everyNthMonthAndEvents: (step: number): string => `Every ${ordinal(step)} month shown, the last, and every month with an outage or a breach; the chart shows every month.`,
  metricsHeading: 'All headline metrics',
  scenarioHeading: 'Scenario',
  provenanceHeading: 'Provenance',
  provenanceNote: 'Every output is a pure function of the scenario, the seed and the dgsim version: rerunning the command above with this version gives byte-identical files.',
  filesNote: 'Each chart is also in charts/ as SVG (for print) and PNG (for mail and slides).',
  noMonthly: 'monthly.csv is missing, so the month-by-month charts are left out.',
  noTrajectories: 'The comparison directory has no per-policy monthly tables (a/monthly.csv, b/monthly.csv), so trajectories are left out.',
  noPrim: 'No PRIM result (prim.json) in this sweep.',
  noSensitivity: 'No sensitivity analysis (sensitivity.json) in this sweep.',
  chartAlt: (title: string): string => `Chart: ${title}. The table beside it holds the same numbers.`,
  generatedBy: (version: string): string => `Report written by dgsim ${version}.`,
} as const;

/** Labels of provenance fields, in the order readers look for them (other fields follow, flattened). */
export const PROVENANCE_LABELS: Readonly<Record<string, string>> = {
  dgsimVersion: 'dgsim version',
  command: 'Command',
  seed: 'Seed',
  seeds: 'Seeds of the replicates',
  replications: 'Replications',
  confidenceLevel: 'Confidence level',
  scenarioHash: 'Scenario hash (sha256 of canonical JSON)',
  scenarioFiles: 'Scenario files',
  name: 'Name',
  hash: 'Scenario hash (sha256 of canonical JSON)',
  files: 'Scenario files',
  sweepHash: 'Sweep hash (plan.json)',
  // The manifest's name for the same hash: one label, so the report shows it once.
  planHash: 'Sweep hash (plan.json)',
  sweepFile: 'Sweep file',
  sweepFileHash: 'Sweep file hash (sha256 of canonical JSON)',
  shard: 'Shard',
  baseScenario: 'Base scenario',
  design: 'Design',
  designSeed: 'Design seed',
  runSeed: 'Run seed (replicate k uses run seed + k)',
  pointCount: 'Design points',
  plannedRuns: 'Planned runs',
  a: 'Scenario A',
  b: 'Scenario B',
};

/** Summary sentences. Arguments are formatted numbers ("12.3%", "[11.8%, 12.9%]"). */
export const SENTENCES = {
  run: (args: { scenario: string; group: string; groupRate: string; groupInterval: string; allRate: string; allInterval: string }): string =>
    `In “${args.scenario}”, ${args.groupRate} ${args.groupInterval} of the needs of ${GROUPS.citizens(args.group)} go unmet, against ${args.allRate} ${args.allInterval} for all citizens.`,
  runDetail: (args: { costPerMetNeed: string; trustStart: string; trustEnd: string; months: number }): string =>
    `Each met need costs the government ${args.costPerMetNeed}, and mean trust moves from ${args.trustStart} to ${args.trustEnd} over ${args.months} months.`,
  runUncertainty: (seed: string): string =>
    `One run (seed ${seed}). Brackets are 95% intervals for the chance variation of needs within this run (Wilson intervals on the simulated needs); run-to-run variation is larger, and dgsim compare with replications measures it.`,
  compare: (args: { nameA: string; nameB: string; group: string; rateA: string; intervalA: string; rateB: string; intervalB: string }): string =>
    `Under ${args.nameA}, ${args.rateA} ${args.intervalA} of the needs of ${GROUPS.citizens(args.group)} go unmet, against ${args.rateB} ${args.intervalB} under ${args.nameB}.`,
  compareDetail: (args: { nameA: string; nameB: string; difference: string; differenceInterval: string; costA: string; costB: string; costDifference: string; costInterval: string }): string =>
    `The paired difference is ${args.difference} ${args.differenceInterval}; a met need costs ${args.costA} under ${args.nameA} and ${args.costB} under ${args.nameB} (difference ${args.costDifference} ${args.costInterval}).`,
  compareNoMetric: (nameA: string, nameB: string): string => `${nameA} and ${nameB} have no unmet-need metric in common to compare.`,
  compareUncertainty: (replications: number): string =>
    replications > 1
      ? `Brackets are 95% confidence intervals over ${replications} paired replications with common random numbers.`
      : 'One replication only: no interval can be given; rerun with more replications (--reps) to measure uncertainty.',
  sweep: (args: { metric: string; runs: number; median: string; low: string; high: string }): string =>
    `Across ${args.runs} runs of the sweep, ${args.metric} has median ${args.median}, and 90% of runs lie between ${args.low} and ${args.high}.`,
  sweepSensitivity: (args: { metric: string; parameter: string; index: string; indexName: string }): string =>
    `${capitalise(args.metric)} is most sensitive to ${args.parameter} (${args.indexName} ${args.index}).`,
  sweepNoMetric: 'The sweep holds no successful run with a metric, so no summary can be given.',
  sweepPrim: (args: { condition: string; description: string; coverage: string; density: string }): string =>
    `Where ${args.condition}: ${args.description} (coverage ${args.coverage}, density ${args.density}).`,
  sweepUncertainty:
    'The spread is over the runs of the design (parameters and seeds together), not a confidence interval; sensitivity bars carry 95% intervals where the method gives one.',
  noInterval: '(no interval)',
} as const;
