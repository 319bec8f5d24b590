/**
 * The simulated figure a target is compared with, read off a run: either a
 * number of the run summary by its path (`byAge.75+.accessShareEnd`), or a
 * stock at the end of a given month or a flow over a window of months, for
 * a group of segments chosen by age, income, district or id.
 *
 *   stocks (sampled on the last day of the month): accessShare, registeredShare
 *     (citizens served online at least once so far, proxies included), meanTrust,
 *     meanSkill, shareWithUnmet
 *   flows (summed over months [from, to)): onlineShare, phoneShare, counterShare,
 *     assistedShare (of met needs), metShare, unmetRate, onlineFailureRate, needsPerCitizenYear
 */
import type { ModelConfig } from '../sim/config.js';
import { SegmentCounter as S } from '../sim/counters.js';
import type { RunOutput } from '../sim/engine.js';
import type { RunSummary } from '../sim/metrics/index.js';
import { ratio, segmentTotals, unmetOf } from '../sim/metrics/totals.js';

export const STOCK_METRICS = ['accessShare', 'registeredShare', 'meanTrust', 'meanSkill', 'shareWithUnmet'] as const;
export const FLOW_METRICS = ['onlineShare', 'phoneShare', 'counterShare', 'assistedShare', 'metShare', 'unmetRate', 'onlineFailureRate', 'needsPerCitizenYear'] as const;
export type StockMetric = (typeof STOCK_METRICS)[number];
export type FlowMetric = (typeof FLOW_METRICS)[number];

export function isStockMetric(name: string): name is StockMetric {
  return (STOCK_METRICS as readonly string[]).includes(name);
}

export function isFlowMetric(name: string): name is FlowMetric {
  return (FLOW_METRICS as readonly string[]).includes(name);
}

/** Segments chosen by label; every listed dimension must match (an empty filter is everyone). */
export interface GroupFilter {
  readonly age?: readonly string[];
  readonly income?: readonly string[];
  readonly district?: readonly string[];
  readonly segment?: readonly string[];
}

/** Where a target's simulated figure comes from. */
export type MetricSpec =
  | { readonly kind: 'summary'; readonly path: string }
  | { readonly kind: 'stock'; readonly metric: StockMetric; readonly month?: number; readonly group: GroupFilter }
  | { readonly kind: 'flow'; readonly metric: FlowMetric; readonly fromMonth?: number; readonly toMonth?: number; readonly group: GroupFilter };

/** What a run offers to read from. */
export interface RunView {
  readonly config: ModelConfig;
  readonly output: RunOutput;
  readonly summary: RunSummary;
}

/**
 * The segments a filter selects, by index.
 * @throws Error naming the label when a filter names a label no segment has.
 */
export function selectSegments(config: ModelConfig, group: GroupFilter): number[] {
  const districtOf = (s: number): string => config.districts.ids[config.segments.district[s]!]!;
  const dimensions: [keyof GroupFilter, (s: number) => string][] = [
    ['age', (s) => config.segments.age[s]!],
    ['income', (s) => config.segments.income[s]!],
    ['district', districtOf],
    ['segment', (s) => config.segments.ids[s]!],
  ];
  const all = config.segments.ids.map((_, s) => s);
  for (const [dimension, label] of dimensions) {
    const wanted = group[dimension];
    if (wanted === undefined) continue;
    const known = new Set(all.map(label));
    const missing = wanted.filter((value) => !known.has(value));
    if (missing.length > 0) throw new Error(`no segment has ${dimension} ${missing.map((m) => `"${m}"`).join(', ')} (known: ${[...known].join(', ')})`);
  }
  return all.filter((s) => dimensions.every(([dimension, label]) => group[dimension]?.includes(label(s)) ?? true));
}

/**
 * A number inside `value` by a dotted path. Keys may themselves hold dots:
 * at each level the longest key that matches the start of the rest is taken.
 * Returns undefined when the path does not lead to a finite number.
 * @example readPath({ byAge: { '75+': { metShare: 0.9 } } }, 'byAge.75+.metShare') === 0.9
 */
export function readPath(value: unknown, path: string): number | undefined {
  let node: unknown = value;
  let rest = path;
  while (rest.length > 0) {
    if (typeof node !== 'object' || node === null) return undefined;
    const keys = Object.keys(node).filter((key) => rest === key || rest.startsWith(`${key}.`));
    if (keys.length === 0) return undefined;
    const key = keys.reduce((a, b) => (b.length > a.length ? b : a));
    node = (node as Record<string, unknown>)[key];
    rest = rest.slice(key.length + 1);
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : undefined;
}

function stock(totals: Float64Array, metric: StockMetric): number {
  const citizens = totals[S.citizens]!;
  switch (metric) {
    case 'accessShare':
      return ratio(totals[S.accessCount]!, citizens);
    case 'registeredShare':
      return ratio(totals[S.registered]!, citizens);
    case 'meanTrust':
      return ratio(totals[S.trustSum]!, citizens);
    case 'meanSkill':
      return ratio(totals[S.skillSum]!, citizens);
    case 'shareWithUnmet':
      return ratio(totals[S.citizensWithUnmet]!, citizens);
  }
}

function flow(totals: Float64Array, metric: FlowMetric, months: number): number {
  const met = totals[S.met]!;
  const resolved = met + unmetOf(totals);
  switch (metric) {
    case 'onlineShare':
      return ratio(totals[S.metOnline]!, met);
    case 'phoneShare':
      return ratio(totals[S.metPhone]!, met);
    case 'counterShare':
      return ratio(totals[S.metCounter]!, met);
    case 'assistedShare':
      return ratio(totals[S.metAssisted]!, met);
    case 'metShare':
      return ratio(met, resolved, 1);
    case 'unmetRate':
      return ratio(unmetOf(totals), resolved);
    case 'onlineFailureRate':
      return ratio(totals[S.onlineFailures]!, totals[S.onlineAttempts]!);
    case 'needsPerCitizenYear':
      return ratio(totals[S.arrived]! * 12, totals[S.citizens]! * months);
  }
}

/**
 * Reads the simulated figure of `spec` off a run.
 * @throws Error when the summary path is not a number, a month lies outside the run, or a group is empty.
 */
export function readMetric(run: RunView, spec: MetricSpec): number {
  if (spec.kind === 'summary') {
    const value = readPath(run.summary, spec.path);
    if (value === undefined) throw new Error(`the run summary has no number at "${spec.path}"`);
    return value;
  }
  const months = run.output.months;
  const segments = selectSegments(run.config, spec.group);
  if (segments.length === 0) throw new Error('the group selects no segment');
  if (spec.kind === 'stock') {
    const month = spec.month ?? months - 1;
    if (month < 0 || month >= months) throw new Error(`month ${month} is outside the run (months 0 to ${months - 1})`);
    return stock(segmentTotals(run.output, segments, { from: month, to: month + 1 }), spec.metric);
  }
  const from = spec.fromMonth ?? 0;
  const to = spec.toMonth ?? months;
  if (from < 0 || to > months || from >= to) throw new Error(`months [${from}, ${to}) are not a window of the run (months 0 to ${months - 1})`);
  // Flows need the citizen count for per-citizen rates: take it from the window's last month.
  return flow(segmentTotals(run.output, segments, { from, to }), spec.metric, to - from);
}

/** The last month a spec reads (to check it fits a shortened horizon), or undefined for summary paths. */
export function lastMonthRead(spec: MetricSpec): number | undefined {
  if (spec.kind === 'stock') return spec.month;
  if (spec.kind === 'flow') return spec.toMonth === undefined ? undefined : spec.toMonth - 1;
  return undefined;
}

/** A short description of where a figure comes from, e.g. `accessShare at the end of month 0 [age 75+]`. */
export function describeMetric(spec: MetricSpec): string {
  if (spec.kind === 'summary') return `summary ${spec.path}`;
  const group = (['age', 'income', 'district', 'segment'] as const)
    .filter((dimension) => spec.group[dimension] !== undefined)
    .map((dimension) => `${dimension} ${spec.group[dimension]!.join('/')}`)
    .join(', ');
  const where = group === '' ? 'everyone' : group;
  if (spec.kind === 'stock') return `${spec.metric} at the end of month ${spec.month ?? 'last'} [${where}]`;
  return `${spec.metric} over months ${spec.fromMonth ?? 0}–${spec.toMonth === undefined ? 'end' : spec.toMonth - 1} [${where}]`;
}
