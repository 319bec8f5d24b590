/**
 * The printed result of a paired comparison, for a terminal:
 *
 *   one plain-language sentence with uncertainty (the oldest age band's unmet
 *   needs and the cost per met need under both scenarios)
 *   ──► table of headline metrics, overall and by age band: both means, the
 *       difference b − a and its 95% CI, marked where the CI excludes 0
 *   ──► the two first-replicate scorecards side by side
 */
import type { Comparison, MetricComparison } from '../scenarios/compare.js';
import { describeMetric } from '../sim/metrics/index.js';
import type { MeanInterval } from '../stats/mean-ci.js';
import { oldestAgeBand } from './age-bands.js';
import { differenceVerdict } from './compare-outputs.js';
import { formatCount, formatDifferenceBound, formatDifferenceInUnit, formatGbp, formatInUnit, formatNumber, formatPercent, MISSING } from './format-number.js';
import { formatHeading, formatTable, type Cell, type Row } from './format-table.js';
import { metricLabel } from './metric-labels.js';
import { sampleRatio, verdictCell, type TextOptions } from './run-text.js';

/** Metrics of a group of citizens shown for the whole city and for every age band. */
const GROUP_METRICS = ['unmetRate', 'shareCitizensWithUnmet', 'daysToServiceP90', 'onlineShare', 'meanTrustEnd', 'citizenHoursPerNeed'] as const;

/** City-wide metrics shown after the overall group metrics. */
const RUN_METRICS = [
  'costPerMetNeedGbp',
  'governmentCostTotalGbp',
  'citizenTimeCostGbp',
  'trustChange',
  'trustGap',
  'disparityRatio',
  'onlineFailureRate',
  'uncorrectedDenials',
  'breachAffectedShare',
  'peakBacklog',
  'unmetDuringOutages',
  'noHumanAlternativeShare',
  'refusedShare',
  'kpiGapMax',
  'allocationGap',
] as const;

function findMetric(comparison: Comparison, name: string): MetricComparison | undefined {
  return comparison.metrics.find((metric) => metric.metric === name);
}

/** The age bands of a comparison, in the scenario's order. */
function ageBands(comparison: Comparison): string[] {
  return Object.keys(comparison.firstA.summary.byAge);
}

/** "30.1% [29.5, 30.7]" or "£3.07 [3.05, 3.09]": a mean and its CI, the bounds without the unit sign. */
function withInterval(interval: MeanInterval, unit: 'share' | 'GBP'): string {
  const mean = unit === 'share' ? formatPercent(interval.mean) : formatGbp(interval.mean);
  if (!Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return mean;
  const bound = (x: number): string => (unit === 'share' ? formatNumber(100 * x, 1) : formatGbp(x).replace('£', ''));
  return `${mean} [${bound(interval.low)}, ${bound(interval.high)}]`;
}

/**
 * One plain-language sentence summing up the comparison, with 95% CIs, e.g.
 * "Under Digital-only, 30.1% [29.5, 30.7] of the needs of citizens aged 75+
 * go unmet, against 0.3% [0.2, 0.4] under Hybrid; government cost per met
 * need £3.07 [3.05, 3.09] vs £7.64 [7.60, 7.68]." The age band is the oldest
 * (largest lower bound in its label); without one, all needs. CIs are left
 * out when undefined (one replication).
 */
export function compareSentence(comparison: Comparison): string {
  const band = oldestAgeBand(ageBands(comparison));
  const byBand = band === undefined ? undefined : findMetric(comparison, `unmetRate[age=${band}]`);
  const unmet = byBand ?? findMetric(comparison, 'unmetRate');
  const whose = byBand !== undefined ? `of the needs of citizens aged ${band}` : 'of needs';
  const cost = findMetric(comparison, 'costPerMetNeedGbp');
  const parts: string[] = [];
  if (unmet !== undefined) {
    parts.push(`Under ${comparison.nameA}, ${withInterval(unmet.a, 'share')} ${whose} go unmet, against ${withInterval(unmet.b, 'share')} under ${comparison.nameB}`);
  }
  if (cost !== undefined) {
    const costText = `government cost per met need ${withInterval(cost.a, 'GBP')} vs ${withInterval(cost.b, 'GBP')}`;
    parts.push(unmet === undefined ? `Under ${comparison.nameA} vs ${comparison.nameB}, ${costText}` : costText);
  }
  return parts.length === 0 ? `${comparison.nameA} and ${comparison.nameB} have no comparable headline metric.` : `${parts.join('; ')}.`;
}

function metricRow(comparison: Comparison, name: string, label: string): Cell[] {
  const metric = findMetric(comparison, name);
  const unit = describeMetric(name)?.unit ?? '';
  if (metric === undefined) return [label, MISSING, MISSING, MISSING, MISSING, ''];
  const difference = metric.difference;
  const interval = Number.isFinite(difference.low) && Number.isFinite(difference.high)
    ? `[${formatDifferenceBound(difference.low, unit)}, ${formatDifferenceBound(difference.high, unit)}]`
    : MISSING;
  const verdict = differenceVerdict(metric);
  const mark: Cell = verdict === 'not significant' ? '' : { text: `* ${verdict}`, style: verdict === 'better' ? 'good' : 'poor' };
  return [label, formatInUnit(metric.a.mean, unit), formatInUnit(metric.b.mean, unit), formatDifferenceInUnit(difference.mean, unit), interval, mark];
}

/** The table of headline metrics: overall (group and city-wide metrics), then each age band. */
export function compareTable(comparison: Comparison, options: TextOptions = {}): string {
  const rows: Row[] = [{ section: 'All citizens' }];
  for (const name of GROUP_METRICS) rows.push(metricRow(comparison, name, `  ${metricLabel(name)}`));
  // City-wide metrics a model version does not report are left out rather than shown empty.
  for (const name of RUN_METRICS) if (findMetric(comparison, name) !== undefined) rows.push(metricRow(comparison, name, `  ${metricLabel(name)}`));
  for (const band of ageBands(comparison)) {
    rows.push({ section: `Aged ${band}` });
    for (const name of GROUP_METRICS) rows.push(metricRow(comparison, `${name}[age=${band}]`, `  ${metricLabel(name)}`));
  }
  return formatTable(
    [
      { header: 'Metric' },
      { header: `A: ${comparison.nameA}`, align: 'right' },
      { header: `B: ${comparison.nameB}`, align: 'right' },
      { header: 'B - A', align: 'right' },
      { header: '95% CI of B - A', align: 'right' },
      { header: 'B vs A' },
    ],
    rows,
    { color: options.color ?? false },
  );
}

/** The two first-replicate scorecards side by side: id, name, then value and verdict under each scenario. */
export function compareScorecardTable(comparison: Comparison, options: TextOptions = {}): string {
  const rowsB = comparison.firstB.summary.scorecard;
  const rows: Row[] = comparison.firstA.summary.scorecard.map((rowA) => {
    const rowB = rowsB.find((row) => row.id === rowA.id);
    return [
      rowA.id,
      rowA.name,
      formatInUnit(rowA.value, rowA.unit),
      verdictCell(rowA.verdict),
      rowB === undefined ? MISSING : formatInUnit(rowB.value, rowB.unit),
      rowB === undefined ? MISSING : verdictCell(rowB.verdict),
    ];
  });
  return formatTable(
    [
      { header: 'ID' },
      { header: 'Name' },
      { header: `A: ${comparison.nameA}`, align: 'right' },
      { header: 'Verdict' },
      { header: `B: ${comparison.nameB}`, align: 'right' },
      { header: 'Verdict' },
    ],
    rows,
    { color: options.color ?? false },
  );
}

/**
 * The printed comparison: the sentence, the metric table with a note on how
 * to read it, and the scorecards. Ends with a newline. Pure.
 * @example process.stdout.write(formatCompareText(compareScenarios(a, b, { replications: 10, seed: 1 })));
 */
export function formatCompareText(comparison: Comparison, options: TextOptions = {}): string {
  const color = options.color ?? false;
  const seeds = comparison.seeds;
  const seedText = seeds.length === 1 ? `seed ${seeds[0]}` : `seeds ${seeds[0]}-${seeds[seeds.length - 1]}`;
  const caption =
    `A = ${comparison.nameA}, B = ${comparison.nameB}: means of ${comparison.replications} paired replication${comparison.replications === 1 ? '' : 's'} (${seedText}, common random numbers).\n` +
    (comparison.replications > 1
      ? `B - A is the mean paired difference with its 95% t interval; * marks a difference whose interval excludes 0, and says whether B is better or worse.`
      : `One replication gives no confidence interval: run with --reps 2 or more to see the uncertainty.`);
  const sample = comparison.firstA.summary.sample;
  const sampled =
    sample < 1
      ? `\nSimulated a 1:${sampleRatio(sample)} sample (${formatCount(comparison.firstA.summary.simulatedCitizens)} of ${formatCount(comparison.firstA.summary.representedCitizens)} citizens), outputs scaled back.`
      : '';
  const blocks = [
    compareSentence(comparison) + sampled,
    `${formatHeading('Headline metrics', color)}\n${caption}\n\n${compareTable(comparison, { color })}`,
    `${formatHeading(`Hopes and fears scorecards (first replicate, seed ${comparison.firstA.seed})`, color)}\n${compareScorecardTable(comparison, { color })}`,
  ];
  return `${blocks.join('\n\n')}\n`;
}
