/**
 * The charts of a sweep report: key metrics against every parameter, then,
 * when `dgsim analyze` has written them, sensitivity bars and PRIM's boxes.
 */
import type { PrimFile, SensitivityFile } from '../../analysis/analysis-files.js';
import { TITLES } from '../messages.js';
import type { ReportChart } from './data-table.js';
import { metricWords } from './metric-axis.js';
import {
  primLimitsSpec,
  primTable,
  primTrajectorySpec,
  sensitivitySpec,
  sensitivityTable,
  sweepScatterSpec,
  sweepScatterTable,
  type SweepParameterData,
  type SweepRunData,
} from './sweep.js';

/** What the sweep charts are drawn from. */
export interface SweepChartData {
  /** The metrics to draw, most important first. */
  readonly keyMetrics: readonly string[];
  readonly parameters: readonly SweepParameterData[];
  readonly runs: readonly SweepRunData[];
  readonly sensitivity: SensitivityFile | undefined;
  readonly prim: PrimFile | undefined;
}

function fileId(metric: string): string {
  return metric.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}

/**
 * Every chart of a sweep report. Pure: data in, specs and tables out.
 * @example const charts = sweepCharts({ keyMetrics: ['unmetRate'], parameters, runs, sensitivity: undefined, prim: undefined });
 */
export function sweepCharts(data: SweepChartData): ReportChart[] {
  const charts: ReportChart[] = [];
  if (data.parameters.length > 0 && data.runs.length > 0) {
    for (const metric of data.keyMetrics) {
      const scatter = { metric, parameters: data.parameters, runs: data.runs };
      charts.push({ id: `sweep-${fileId(metric)}`, title: TITLES.sweepScatter(metricWords(metric)).title, spec: sweepScatterSpec(scatter), table: sweepScatterTable(scatter) });
    }
  }
  const sensitivity = data.sensitivity;
  if (sensitivity !== undefined && sensitivity.barMeasures.length > 0) {
    for (const metric of data.keyMetrics) {
      const rows = sensitivity.rows.filter((row) => row.metric === metric && sensitivity.barMeasures.includes(row.measure));
      if (rows.length === 0) continue;
      const input = { metric, measures: sensitivity.barMeasures, parameters: sensitivity.parameters, rows };
      charts.push({ id: `sensitivity-${fileId(metric)}`, title: TITLES.sensitivity(metricWords(metric)).title, spec: sensitivitySpec(input), table: sensitivityTable(input) });
    }
  }
  const prim = data.prim;
  if (prim !== undefined && prim.boxes.length > 0) {
    const table = primTable(prim);
    charts.push(
      { id: 'prim-boxes', title: TITLES.prim('').title, spec: primLimitsSpec(prim), table },
      { id: 'prim-trajectory', title: TITLES.primTrajectory, spec: primTrajectorySpec(prim), table },
    );
  }
  return charts;
}
