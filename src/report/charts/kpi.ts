/**
 * Reported vs true KPIs, month by month: offices under a KPI target may game
 * what they report; the gap between the dashed (reported) and solid (true)
 * line of a KPI is the gaming.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MonthlyRow, RunSummary } from '../../sim/metrics/index.js';
import { KPI_LABELS, LABELS, REPORT_TEXT, TITLES } from '../messages.js';
import type { DataTable, TableColumn } from './data-table.js';
import { finiteOrNull, monthlyLookup, monthsOf, tableMonths } from './monthly-select.js';
import { categoryColors } from './palette.js';
import { baseSpec, CHART_HEIGHT, CHART_WIDTH } from './theme.js';

type Kpi = keyof typeof KPI_LABELS;

const KPIS: readonly Kpi[] = ['processing', 'onlineShare', 'registrations'];

const METRICS: Readonly<Record<Kpi, { readonly true: string; readonly reported: string }>> = {
  processing: { true: 'kpiProcessingTrue', reported: 'kpiProcessingReported' },
  onlineShare: { true: 'kpiOnlineShareTrue', reported: 'kpiOnlineShareReported' },
  registrations: { true: 'kpiRegistrationsTrue', reported: 'kpiRegistrationsReported' },
};

/** Which KPIs have a target (from RunSummary.integrity). */
export function kpiTargets(integrity: RunSummary['integrity']): Readonly<Record<Kpi, boolean>> {
  return { processing: integrity.processing.enabled, onlineShare: integrity.onlineShare.enabled, registrations: integrity.registrations.enabled };
}

/**
 * The three KPIs, true (solid) and reported (dashed), month by month.
 * @example const spec = kpiSpec(monthlyRows, kpiTargets(summary.integrity));
 */
export function kpiSpec(rows: readonly MonthlyRow[], targets: Readonly<Record<Kpi, boolean>>): TopLevelSpec {
  const lookup = monthlyLookup(rows);
  const labels = KPIS.map((kpi) => KPI_LABELS[kpi]);
  const figures = [LABELS.trueFigure, LABELS.reportedFigure];
  const values = KPIS.flatMap((kpi) =>
    monthsOf(rows).flatMap((month) => [
      { kpi: KPI_LABELS[kpi], figure: LABELS.trueFigure, month: month + 1, value: finiteOrNull(lookup('all', METRICS[kpi].true, month)) },
      { kpi: KPI_LABELS[kpi], figure: LABELS.reportedFigure, month: month + 1, value: finiteOrNull(lookup('all', METRICS[kpi].reported, month)) },
    ]),
  );
  const title = TITLES.kpi(KPIS.some((kpi) => targets[kpi]));
  return {
    ...baseSpec(),
    title: { text: title.title, subtitle: title.subtitle },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line' },
    encoding: {
      x: { field: 'month', type: 'quantitative', title: LABELS.month, axis: { tickMinStep: 1, format: 'd' }, scale: { nice: false } },
      y: { field: 'value', type: 'quantitative', title: LABELS.kpiPercent, axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      color: { field: 'kpi', type: 'nominal', title: LABELS.kpi, scale: { domain: labels, range: categoryColors(labels.length) } },
      strokeDash: { field: 'figure', type: 'nominal', title: LABELS.figure, scale: { domain: figures, range: [[1, 0], [6, 3]] } },
      detail: { field: 'figure', type: 'nominal' },
    },
  };
}

/** The table beside the KPI chart: true and reported value of each KPI by month. */
export function kpiTable(rows: readonly MonthlyRow[]): DataTable {
  const lookup = monthlyLookup(rows);
  const { months, step } = tableMonths(monthsOf(rows));
  const columns: TableColumn[] = [
    { label: LABELS.month, unit: 'month' },
    ...KPIS.flatMap((kpi) => [
      { label: `${KPI_LABELS[kpi]}, ${LABELS.trueFigure} (%)`, unit: 'share' as const },
      { label: `${KPI_LABELS[kpi]}, ${LABELS.reportedFigure} (%)`, unit: 'share' as const },
    ]),
  ];
  const tableRows = months.map((month) => [month + 1, ...KPIS.flatMap((kpi) => [lookup('all', METRICS[kpi].true, month), lookup('all', METRICS[kpi].reported, month)])]);
  return step > 1 ? { columns, rows: tableRows, note: REPORT_TEXT.everyNthMonth(step) } : { columns, rows: tableRows };
}
