/**
 * The report model of a paired comparison: the sentence (the oldest age
 * band's unmet rate under each policy, with 95% CIs over the replications),
 * the paired difference and the cost per met need, the comparison charts,
 * every headline metric with its CIs, and the provenance.
 */
import { oldestAgeBand } from '../age-bands.js';
import { compareCharts } from '../charts/compare-charts.js';
import type { DataTable } from '../charts/data-table.js';
import { readDifference } from '../charts/forest-plot.js';
import { metricAxisTitle } from '../charts/metric-axis.js';
import { formatDifferenceInUnit, formatInUnit } from '../format-number.js';
import { parseMetricName } from '../metric-labels.js';
import type { JsonObject } from '../inputs/read-files.js';
import type { ComparedMetric, CompareInput } from '../inputs/read-compare.js';
import { FOREST_READINGS, REPORT_TEXT, SCENARIO_LABELS, SENTENCES, TABLE_HEADINGS } from '../messages.js';
import { formatBracket, formatValue } from './intervals.js';
import { provenancePairs, provenanceSources } from './provenance-pairs.js';
import type { ReportModel } from './report-model.js';

function find(input: CompareInput, name: string): ComparedMetric | undefined {
  return input.metrics.find((metric) => metric.metric === name);
}

/** The headline sentence of a comparison and its details. */
export function compareSentences(input: CompareInput): { headline: string; details: string[]; uncertainty: string } {
  const bands = input.metrics.map((metric) => parseMetricName(metric.metric)).filter((parsed) => parsed.base === 'unmetRate' && parsed.dimension === 'age').map((parsed) => parsed.group ?? '');
  const band = oldestAgeBand(bands);
  const byBand = band === undefined ? undefined : find(input, `unmetRate[age=${band}]`);
  const unmet = byBand ?? find(input, 'unmetRate');
  const cost = find(input, 'costPerMetNeedGbp');
  const details: string[] = [];
  let headline = SENTENCES.compareNoMetric(input.nameA, input.nameB);
  if (unmet !== undefined) {
    headline = SENTENCES.compare({
      nameA: input.nameA,
      nameB: input.nameB,
      group: byBand === undefined ? 'all' : `age:${band ?? ''}`,
      rateA: formatValue(unmet.a.mean, 'share'),
      intervalA: formatBracket(unmet.a.low, unmet.a.high, 'share'),
      rateB: formatValue(unmet.b.mean, 'share'),
      intervalB: formatBracket(unmet.b.low, unmet.b.high, 'share'),
    });
    if (cost !== undefined) {
      details.push(
        SENTENCES.compareDetail({
          nameA: input.nameA,
          nameB: input.nameB,
          difference: formatValue(unmet.difference.mean, 'pp'),
          differenceInterval: formatBracket(unmet.difference.low, unmet.difference.high, 'pp'),
          costA: `${formatValue(cost.a.mean, 'gbp')} ${formatBracket(cost.a.low, cost.a.high, 'gbp')}`,
          costB: `${formatValue(cost.b.mean, 'gbp')} ${formatBracket(cost.b.low, cost.b.high, 'gbp')}`,
          costDifference: formatDifferenceInUnit(cost.difference.mean, 'GBP'),
          costInterval: formatBracket(cost.difference.low, cost.difference.high, 'gbp'),
        }),
      );
    }
  }
  return { headline, details, uncertainty: SENTENCES.compareUncertainty(input.replications) };
}

function withInterval(value: { mean: number; low: number; high: number }, unit: string): string {
  const mean = formatInUnit(value.mean, unit);
  return Number.isFinite(value.low) && Number.isFinite(value.high) ? `${mean} [${formatInUnit(value.low, unit)}, ${formatInUnit(value.high, unit)}]` : mean;
}

function differenceWithInterval(value: { mean: number; low: number; high: number }, unit: string): string {
  const mean = formatDifferenceInUnit(value.mean, unit);
  return Number.isFinite(value.low) && Number.isFinite(value.high) ? `${mean} [${formatDifferenceInUnit(value.low, unit)}, ${formatDifferenceInUnit(value.high, unit)}]` : mean;
}

/** Every headline metric: both means with CIs, the paired difference with its CI, and how it reads. */
export function compareMetricsTable(input: CompareInput): DataTable {
  const readings = FOREST_READINGS(input.nameB);
  return {
    columns: [
      { label: TABLE_HEADINGS.metric, unit: 'text' },
      { label: TABLE_HEADINGS.meanWithCi(input.nameA), unit: 'text' },
      { label: TABLE_HEADINGS.meanWithCi(input.nameB), unit: 'text' },
      { label: TABLE_HEADINGS.differenceWithCi(input.nameA, input.nameB), unit: 'text' },
      { label: TABLE_HEADINGS.reading, unit: 'text' },
    ],
    rows: input.metrics.map((metric) => {
      const unit = metric.unit ?? '';
      return [
        metricAxisTitle(metric.metric),
        withInterval(metric.a, unit),
        withInterval(metric.b, unit),
        differenceWithInterval(metric.difference, unit),
        readings[readDifference(metric.difference, metric.higherIsBetter)],
      ];
    }),
  };
}

/**
 * The report model of a comparison directory. Pure.
 * @example const model = compareReport(await readCompareDirectory('out/compare'), manifest);
 */
export function compareReport(input: CompareInput, manifest: JsonObject | undefined): ReportModel {
  const hasTrajectories = input.monthlyA.length > 0 && input.monthlyB.length > 0;
  return {
    kind: 'compare',
    title: REPORT_TEXT.compareTitle(input.nameA, input.nameB),
    ...compareSentences(input),
    notes: hasTrajectories ? [] : [REPORT_TEXT.noTrajectories],
    charts: compareCharts(input),
    tables: [{ heading: REPORT_TEXT.metricsHeading, table: compareMetricsTable(input) }],
    scenario: [
      [SCENARIO_LABELS.scenarioA, input.nameA],
      [SCENARIO_LABELS.scenarioB, input.nameB],
      [SCENARIO_LABELS.replications, Number.isFinite(input.replications) ? String(input.replications) : '—'],
    ],
    provenance: provenancePairs(provenanceSources(input.provenance, manifest)),
  };
}
