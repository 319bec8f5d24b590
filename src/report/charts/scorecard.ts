/**
 * The hopes-and-fears scorecard as a chart: one row per hope (H1–H8) and
 * fear (F1–F5), one column per policy, each cell coloured by its verdict and
 * labelled with the verdict and the indicator's value.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ScorecardRow } from '../../sim/metrics/index.js';
import { formatInUnit } from '../format-number.js';
import { LABELS, TITLES, VERDICT_LABELS } from '../messages.js';
import type { DataTable, TableColumn } from './data-table.js';
import { INK, VERDICT_COLORS } from './palette.js';
import { baseSpec } from './theme.js';

/** One policy's scorecard, named. */
export interface PolicyScorecard {
  readonly name: string;
  readonly rows: readonly ScorecardRow[];
}

const VERDICTS = ['good', 'mixed', 'poor', 'untested'] as const;

function rowLabel(row: ScorecardRow): string {
  return `${row.id} ${row.name}`;
}

/**
 * The scorecard grid for one policy (a run) or two (a comparison).
 * @example const spec = scorecardSpec([{ name: 'Hybrid', rows: summary.scorecard }]);
 */
export function scorecardSpec(policies: readonly PolicyScorecard[]): TopLevelSpec {
  const first = policies[0];
  const order = first === undefined ? [] : first.rows.map(rowLabel);
  const values = policies.flatMap((policy) =>
    policy.rows.map((row) => ({
      row: rowLabel(row),
      policy: policy.name,
      verdict: VERDICT_LABELS[row.verdict],
      label: `${VERDICT_LABELS[row.verdict]} · ${formatInUnit(row.value, row.unit)}`,
    })),
  );
  const title = policies.length === 2 ? TITLES.compareScorecard(policies[0]!.name, policies[1]!.name) : TITLES.scorecard(first?.name ?? '');
  const y = { field: 'row', type: 'nominal', title: null, sort: order, axis: { labelFontSize: 11, domain: false, ticks: false, labelLimit: 600 } } as const;
  const x = { field: 'policy', type: 'nominal', title: null, sort: policies.map((policy) => policy.name), axis: { orient: 'top', labelAngle: 0, domain: false, ticks: false, labelFontWeight: 'bold' } } as const;
  return {
    ...baseSpec(),
    title: { text: title.title, subtitle: title.subtitle },
    width: { step: 200 },
    height: { step: 24 },
    data: { values },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', stroke: INK.background, strokeWidth: 2, opacity: 0.9 },
        encoding: {
          color: {
            field: 'verdict',
            type: 'nominal',
            title: LABELS.scorecardVerdict,
            scale: { domain: VERDICTS.map((verdict) => VERDICT_LABELS[verdict]), range: VERDICTS.map((verdict) => VERDICT_COLORS[verdict]) },
          },
        },
      },
      { mark: { type: 'text', color: INK.text, fontSize: 11 }, encoding: { text: { field: 'label', type: 'nominal' } } },
    ],
  };
}

/** The scorecard as a table: id, name, indicator, then value and verdict for each policy, and (for one policy) what it means. */
export function scorecardTable(policies: readonly PolicyScorecard[]): DataTable {
  const first = policies[0];
  if (first === undefined) return { columns: [], rows: [] };
  const single = policies.length === 1;
  const columns: TableColumn[] = [
    { label: LABELS.scorecardId, unit: 'text' },
    { label: LABELS.scorecardName, unit: 'text' },
    { label: LABELS.scorecardIndicator, unit: 'text' },
    ...policies.flatMap((policy) => [
      { label: single ? LABELS.scorecardValue : `${LABELS.scorecardValue}, ${policy.name}`, unit: 'text' as const },
      { label: single ? LABELS.scorecardVerdict : `${LABELS.scorecardVerdict}, ${policy.name}`, unit: 'text' as const },
    ]),
    ...(single ? [{ label: LABELS.scorecardReading, unit: 'text' as const }] : []),
  ];
  const rows = first.rows.map((row, k) => [
    row.id,
    row.name,
    row.indicator,
    ...policies.flatMap((policy) => {
      const cell = policy.rows[k];
      return cell === undefined ? ['', ''] : [formatInUnit(cell.value, cell.unit), VERDICT_LABELS[cell.verdict]];
    }),
    ...(single ? [row.sentence] : []),
  ]);
  return { columns, rows };
}
