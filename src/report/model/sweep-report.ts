/**
 * The report model of a sweep: the spread of the key metric over the runs
 * (median and the middle 90%), what it is most sensitive to when an
 * analysis is present, the sweep charts, and the plan's provenance.
 */
import { quantileSorted } from 'simple-statistics';
import { describeMetric } from '../../sim/metrics/index.js';
import { oldestAgeBand } from '../age-bands.js';
import { metricWords } from '../charts/metric-axis.js';
import { sweepCharts } from '../charts/sweep-charts.js';
import { formatInUnit, formatNumber } from '../format-number.js';
import { parseMetricName } from '../metric-labels.js';
import type { JsonObject } from '../inputs/read-files.js';
import type { SweepInput } from '../inputs/read-sweep.js';
import { REPORT_TEXT, SCENARIO_LABELS, SENTENCES, SWEEP_TEXT } from '../messages.js';
import { provenancePairs, provenanceSources } from './provenance-pairs.js';
import type { ReportModel } from './report-model.js';

/** The metrics a sweep report draws, most important first: the oldest band's unmet rate, overall unmet rate, cost per met need, trust at the end. */
export function keyMetrics(metrics: readonly string[], max = 4): string[] {
  const bands = metrics.map((metric) => parseMetricName(metric)).filter((parsed) => parsed.base === 'unmetRate' && parsed.dimension === 'age').map((parsed) => parsed.group ?? '');
  const band = oldestAgeBand(bands);
  const preferred = [...(band === undefined ? [] : [`unmetRate[age=${band}]`]), 'unmetRate', 'costPerMetNeedGbp', 'meanTrustEnd', 'disparityRatio'];
  const chosen = preferred.filter((metric) => metrics.includes(metric));
  if (chosen.length === 0 && metrics[0] !== undefined) chosen.push(metrics[0]);
  return chosen.slice(0, max);
}

function parameterLabels(input: SweepInput): { name: string; label: string }[] {
  const entries = [...(input.sensitivity?.parameters ?? []), ...(input.prim?.parameters ?? [])];
  return input.parameters.map((name) => ({ name, label: entries.find((entry) => entry.name === name)?.label ?? name }));
}

/** The headline sentence of a sweep and its details. */
export function sweepSentences(input: SweepInput, metrics: readonly string[]): { headline: string; details: string[]; uncertainty: string } {
  const metric = metrics[0];
  const values = metric === undefined ? [] : input.runs.map((run) => run.metrics[metric] ?? Number.NaN).filter(Number.isFinite).sort((a, b) => a - b);
  if (metric === undefined || values.length === 0) return { headline: SENTENCES.sweepNoMetric, details: [], uncertainty: SENTENCES.sweepUncertainty };
  const unit = describeMetric(metric)?.unit ?? '';
  const headline = SENTENCES.sweep({
    metric: metricWords(metric),
    runs: values.length,
    median: formatInUnit(quantileSorted(values, 0.5), unit),
    low: formatInUnit(quantileSorted(values, 0.05), unit),
    high: formatInUnit(quantileSorted(values, 0.95), unit),
  });
  const details: string[] = [];
  const sensitivity = input.sensitivity;
  const measure = sensitivity?.barMeasures[0];
  if (sensitivity !== undefined && measure !== undefined) {
    const top = sensitivity.rows
      .filter((row) => row.metric === metric && row.measure === measure && row.value !== null)
      .sort((p, q) => Math.abs(q.value ?? 0) - Math.abs(p.value ?? 0))[0];
    if (top !== undefined) {
      const label = sensitivity.parameters.find((parameter) => parameter.name === top.parameter)?.label ?? top.parameter;
      details.push(SENTENCES.sweepSensitivity({ metric: metricWords(metric), parameter: label, indexName: SWEEP_TEXT.measure(measure), index: formatNumber(top.value ?? Number.NaN, 3) }));
    }
  }
  const box = input.prim?.boxes[0];
  if (input.prim !== undefined && box !== undefined) details.push(SENTENCES.sweepPrim({ condition: input.prim.condition, description: box.description, coverage: formatInUnit(box.coverage ?? Number.NaN, 'share'), density: formatInUnit(box.density ?? Number.NaN, 'share') }));
  return { headline, details, uncertainty: SENTENCES.sweepUncertainty };
}

/**
 * The report model of a sweep directory. Pure.
 * @example const model = sweepReport(await readSweepDirectory('out/lhs'), manifest);
 */
export function sweepReport(input: SweepInput, manifest: JsonObject | undefined): ReportModel {
  const metrics = keyMetrics(input.metrics);
  const notes = [...(input.sensitivity === undefined ? [REPORT_TEXT.noSensitivity] : []), ...(input.prim === undefined ? [REPORT_TEXT.noPrim] : [])];
  return {
    kind: 'sweep',
    title: REPORT_TEXT.sweepTitle(input.name),
    ...sweepSentences(input, metrics),
    notes,
    charts: sweepCharts({ keyMetrics: metrics, parameters: parameterLabels(input), runs: input.runs, sensitivity: input.sensitivity, prim: input.prim }),
    tables: [],
    scenario: [
      [SCENARIO_LABELS.sweep, input.name],
      ...(input.description === '' ? [] : [[SCENARIO_LABELS.description, input.description] as [string, string]]),
      [SCENARIO_LABELS.parameters, input.parameters.join(', ')],
      [SCENARIO_LABELS.runs, SCENARIO_LABELS.runsText(input.runs.length, input.failedRuns)],
    ],
    provenance: provenancePairs(provenanceSources(input.provenance, manifest)),
  };
}
