/**
 * The printable summary of an analysis: which levers matter for each metric
 * (with 95% intervals), how many replications each metric needs, and the
 * PRIM boxes in plain words. Files hold everything; this shows the gist.
 */
import { formatPercent } from '../report/format-number.js';
import { formatHeading, formatTable, type Cell, type Column } from '../report/format-table.js';
import type { MetricEntry, PrimFile, SensitivityFile, SensitivityMeasure, SensitivityRow } from './analysis-files.js';
import { formatSignificant } from './format-significant.js';
import type { ReplicationNeed } from './replication-needs.js';

export interface AnalysisTextOptions {
  /** Most metrics whose sensitivity is printed. */
  readonly printedMetrics: number;
  readonly color: boolean;
}

/** A value with its interval: "0.52 [0.41, 0.63]". */
function withInterval(row: SensitivityRow | undefined): string {
  if (row === undefined || row.value === null) return '—';
  const value = formatSignificant(row.value, 2);
  return row.low === null || row.high === null ? value : `${value} [${formatSignificant(row.low, 2)}, ${formatSignificant(row.high, 2)}]`;
}

/** The columns printed per method, and the measure that orders the parameters. */
const PRINTED: readonly { readonly measure: SensitivityMeasure; readonly header: string }[] = [
  { measure: 'muStarScaled', header: 'Morris μ* (whole range)' },
  { measure: 'sigmaScaled', header: 'σ (whole range)' },
  { measure: 'muScaled', header: 'μ (whole range)' },
  { measure: 'ST', header: 'Sobol total ST' },
  { measure: 'S1', header: 'first-order S1' },
  { measure: 'prcc', header: 'PRCC' },
  { measure: 'src', header: 'SRC' },
];

function sensitivityBlock(entry: MetricEntry, sensitivity: SensitivityFile, color: boolean): string {
  const rows = sensitivity.rows.filter((row) => row.metric === entry.metric);
  const lines = [formatHeading(`${entry.label}  [${entry.metric}]`, color)];
  const printed = PRINTED.filter(({ measure }) => rows.some((row) => row.measure === measure));
  if (printed.length > 0) {
    const order = sensitivity.barMeasures.find((measure) => rows.some((row) => row.measure === measure)) ?? printed[0]!.measure;
    const key = (parameter: string): number => Math.abs(rows.find((row) => row.parameter === parameter && row.measure === order)?.value ?? 0);
    const parameters = [...sensitivity.parameters].sort((a, b) => key(b.name) - key(a.name));
    const columns: Column[] = [{ header: 'parameter' }, ...printed.map(({ header }) => ({ header, align: 'right' as const }))];
    const body: Cell[][] = parameters.map((parameter) => [
      parameter.label,
      ...printed.map(({ measure }) => withInterval(rows.find((row) => row.parameter === parameter.name && row.measure === measure))),
    ]);
    lines.push(formatTable(columns, body, { color, indent: 2 }));
  }
  if (entry.rSquared !== null) lines.push(`  R² of the linear fit behind SRC: ${formatSignificant(entry.rSquared, 2)}`);
  for (const note of entry.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

function replicationsBlock(needs: readonly ReplicationNeed[], color: boolean): string {
  const columns: Column[] = [
    { header: 'metric' },
    { header: 'replicates', align: 'right' },
    { header: 'sd between replicates', align: 'right' },
    { header: '95% CI ± now (median point)', align: 'right' },
    { header: 'target ±', align: 'right' },
    { header: 'replicates needed (typical / noisiest point)', align: 'right' },
  ];
  const body: Cell[][] = needs.map((need) => {
    const enough = Number.isFinite(need.needed) && need.needed <= need.replicatesMin;
    const needed = Number.isFinite(need.needed) ? `${need.needed} / ${formatSignificant(need.neededWorstPoint)}` : '—';
    return [
      need.metric,
      need.replicatesMin === need.replicatesMax ? String(need.replicatesMin) : `${need.replicatesMin}-${need.replicatesMax}`,
      formatSignificant(need.pooledSd),
      formatSignificant(need.halfWidthMedian),
      `${formatSignificant(need.targetHalfWidth)}${need.targetFrom === 'option' ? '' : ' (5% of mean)'}`,
      { text: needed, style: enough ? 'good' : 'mixed' },
    ];
  });
  return formatTable(columns, body, { color, indent: 2 });
}

function primBlock(prim: PrimFile, color: boolean): string {
  const lines = [
    `  condition: ${prim.condition} (on each point's mean over its replicates)`,
    `  holds at ${prim.cases} of ${prim.points} points (${formatPercent(prim.baseDensity ?? Number.NaN)})`,
  ];
  for (const note of prim.notes) lines.push(`  note: ${note}`);
  for (const box of prim.boxes) {
    lines.push('');
    lines.push(formatHeading(`  Box ${box.box}: ${box.description}`, color));
    lines.push(
      `    coverage ${formatPercent(box.coverage ?? Number.NaN)} of the points where it holds, density ${formatPercent(box.density ?? Number.NaN)}, ` +
        `mass ${formatPercent(box.mass)} of all points (step ${box.chosen} of ${box.trajectory.length - 1})`,
    );
    // A few steps of the trajectory to show the trade-off: evenly spaced, with the chosen one.
    const last = box.trajectory.length - 1;
    const picks = new Set([0, box.chosen, last]);
    for (let k = 1; k < 6; k++) picks.add(Math.round((k * last) / 6));
    const steps = [...picks].sort((a, b) => a - b).map((index) => box.trajectory[index]!);
    const table = formatTable(
      [{ header: 'step', align: 'right' }, { header: 'phase' }, { header: 'coverage', align: 'right' }, { header: 'density', align: 'right' }, { header: 'mass', align: 'right' }, { header: 'box' }],
      steps.map((step) => [
        step.step === box.chosen ? { text: `${step.step}*`, style: 'bold' } : String(step.step),
        step.phase,
        formatPercent(step.coverage ?? Number.NaN),
        formatPercent(step.density ?? Number.NaN),
        formatPercent(step.mass),
        step.description,
      ]),
      { color, indent: 4 },
    );
    lines.push(table);
  }
  return lines.join('\n');
}

/**
 * The summary text, ending in a newline.
 * Cost O(rows of the analysis).
 * @example process.stdout.write(analysisText({ sensitivity, replications, prim: undefined }, { printedMetrics: 6, color: false }))
 */
export function analysisText(analysis: { readonly sensitivity: SensitivityFile; readonly replications: readonly ReplicationNeed[]; readonly prim: PrimFile | undefined }, options: AnalysisTextOptions): string {
  const { sensitivity, replications, prim } = analysis;
  const sweep = sensitivity.sweep;
  const replicates = sweep.replicatesMin === sweep.replicatesMax ? `${sweep.replicatesMin}` : `${sweep.replicatesMin}-${sweep.replicatesMax}`;
  const parts = [
    `Sweep ${JSON.stringify(sweep.name)}: ${sweep.design} design, ${sweep.points} points × ${replicates} replicates, ${sweep.runs} runs (${sweep.failedRuns} failed)`,
    '',
    formatHeading(`Sensitivity (95% intervals in brackets; parameters ordered by ${PRINTED.find(({ measure }) => measure === sensitivity.barMeasures[0])?.header ?? 'PRCC'})`, options.color),
  ];
  const shown = sensitivity.metrics.slice(0, options.printedMetrics);
  for (const entry of shown) parts.push(sensitivityBlock(entry, sensitivity, options.color), '');
  const hidden = sensitivity.metrics.length - shown.length;
  if (hidden > 0) parts.push(`  … ${hidden} more metric${hidden === 1 ? '' : 's'} in analysis/sensitivity.csv (choose with --metric)`, '');
  if (sensitivity.metrics.length === 0) parts.push('  no metric varies across the design points', '');
  const shownMetrics = new Set(shown.map((entry) => entry.metric));
  const needs = replications.filter((need) => shownMetrics.has(need.metric) || need.targetFrom === 'option');
  parts.push(formatHeading('Replications per point for a 95% CI of the target half-width', options.color), replicationsBlock(needs, options.color), '');
  if (prim !== undefined) parts.push(formatHeading('Scenario discovery (PRIM)', options.color), primBlock(prim, options.color), '');
  return `${parts.join('\n').trimEnd()}\n`;
}
