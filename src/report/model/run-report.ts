/**
 * The report model of one run: the sentence (the oldest age band's unmet
 * rate against everyone's, with Wilson intervals over the simulated needs),
 * the run charts, the headline metrics, the scenario and the provenance.
 */
import { describeMetric, type GroupMetrics, type RunSummary } from '../../sim/metrics/index.js';
import { wilsonInterval } from '../../stats/wilson-interval.js';
import { oldestAgeBand } from '../age-bands.js';
import type { DataTable } from '../charts/data-table.js';
import { metricAxisTitle } from '../charts/metric-axis.js';
import { runCharts } from '../charts/run-charts.js';
import { formatCount, formatGbp, formatInUnit, formatNumber } from '../format-number.js';
import type { JsonObject } from '../inputs/read-files.js';
import type { RunInput } from '../inputs/read-run.js';
import { REPORT_TEXT, SCENARIO_LABELS, SENTENCES, TABLE_HEADINGS } from '../messages.js';
import { sampleRatio } from '../run-text.js';
import { formatBracket, formatValue } from './intervals.js';
import { provenancePairs, provenanceSources } from './provenance-pairs.js';
import type { ReportModel } from './report-model.js';

/** A group's unmet rate with a 95% Wilson interval over its simulated resolved needs. */
function unmetWithInterval(group: GroupMetrics, sample: number): { rate: string; interval: string } {
  const resolvedSimulated = (group.needsMet + group.needsUnmet) * sample;
  const rate = group.unmetRate;
  const interval = Number.isFinite(rate) && resolvedSimulated > 0 ? wilsonInterval(Math.min(1, Math.max(0, rate)), Math.round(resolvedSimulated)) : undefined;
  return { rate: formatValue(rate, 'share'), interval: interval === undefined ? SENTENCES.noInterval : formatBracket(interval.low, interval.high, 'share') };
}

/** The headline sentence of a run and its details. */
export function runSentences(scenarioName: string, seed: number, summary: RunSummary): { headline: string; details: string[]; uncertainty: string } {
  const band = oldestAgeBand(Object.keys(summary.byAge));
  const group = band === undefined ? undefined : summary.byAge[band];
  const sample = Number.isFinite(summary.sample) && summary.sample > 0 ? summary.sample : 1;
  const all = unmetWithInterval(summary.overall, sample);
  const chosen = group === undefined ? all : unmetWithInterval(group, sample);
  return {
    headline: SENTENCES.run({
      scenario: scenarioName,
      group: band === undefined ? 'all' : `age:${band}`,
      groupRate: chosen.rate,
      groupInterval: chosen.interval,
      allRate: all.rate,
      allInterval: all.interval,
    }),
    details: [
      SENTENCES.runDetail({
        costPerMetNeed: formatGbp(summary.cost.costPerMetNeedGbp),
        trustStart: formatNumber(summary.trust.meanStart, 3),
        trustEnd: formatNumber(summary.trust.meanEnd, 3),
        months: summary.horizonMonths,
      }),
    ],
    uncertainty: SENTENCES.runUncertainty(Number.isFinite(seed) ? String(seed) : '?'),
  };
}

/** Every whole-run headline metric (no group suffix) with its value and what it measures. */
export function headlineTable(headline: Readonly<Record<string, number>>): DataTable {
  const rows = Object.entries(headline)
    .filter(([name]) => !name.includes('['))
    .map(([name, value]) => {
      const described = describeMetric(name);
      return [metricAxisTitle(name), formatInUnit(value, described?.unit ?? ''), described?.description ?? ''];
    });
  return {
    columns: [
      { label: TABLE_HEADINGS.metric, unit: 'text' },
      { label: TABLE_HEADINGS.value, unit: 'text' },
      { label: TABLE_HEADINGS.measures, unit: 'text' },
    ],
    rows,
  };
}

/** The scenario lines at the foot of a run report. */
function scenarioPairs(input: RunInput): [string, string][] {
  const summary = input.summary;
  return [
    [SCENARIO_LABELS.name, input.scenarioName],
    ...(input.scenarioDescription === '' ? [] : [[SCENARIO_LABELS.description, input.scenarioDescription] as [string, string]]),
    [SCENARIO_LABELS.horizon, `${summary.horizonMonths} months`],
    [
      SCENARIO_LABELS.population,
      SCENARIO_LABELS.populationText(
        formatCount(summary.representedCitizens),
        formatCount(summary.simulatedCitizens),
        summary.sample > 0 && summary.sample < 1 ? sampleRatio(summary.sample) : null,
      ),
    ],
    [SCENARIO_LABELS.segments, String(Object.keys(summary.segments).length)],
  ];
}

/**
 * The report model of a run directory. Pure.
 * @example const model = runReport(await readRunDirectory('out/city'), manifest);
 */
export function runReport(input: RunInput, manifest: JsonObject | undefined): ReportModel {
  const sentences = runSentences(input.scenarioName, input.seed, input.summary);
  return {
    kind: 'run',
    title: REPORT_TEXT.runTitle(input.scenarioName),
    ...sentences,
    notes: input.monthly.length === 0 ? [REPORT_TEXT.noMonthly] : [],
    charts: runCharts({ scenarioName: input.scenarioName, summary: input.summary, monthly: input.monthly }),
    tables: [{ heading: REPORT_TEXT.metricsHeading, table: headlineTable(input.headline) }],
    scenario: scenarioPairs(input),
    provenance: provenancePairs([...provenanceSources(input.provenance, manifest), { seed: input.seed }]),
  };
}
