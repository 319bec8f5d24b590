/**
 * Every chart function returns a vega-lite spec that compiles without a
 * warning, is plain JSON, has a title, names the unit of every quantitative
 * axis, draws only with the one palette, and is pure (same data, same spec;
 * the data is not touched).
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compareCharts } from '../../src/report/charts/compare-charts.js';
import type { ReportChart } from '../../src/report/charts/data-table.js';
import { readDifference } from '../../src/report/charts/forest-plot.js';
import { ALL_COLORS, CATEGORY_COLORS } from '../../src/report/charts/palette.js';
import { runCharts } from '../../src/report/charts/run-charts.js';
import { sweepCharts } from '../../src/report/charts/sweep-charts.js';
import { CHART_CONFIG, CHART_FONT } from '../../src/report/charts/theme.js';
import { LABELS } from '../../src/report/messages.js';
import { keyMetrics } from '../../src/report/model/sweep-report.js';
import { compileChart, renderSvg } from '../../src/report/render/render-svg.js';
import { monthlyRows } from '../../src/sim/metrics/index.js';
import { compareChartData, smallComparison, smallRun, syntheticSweep } from './report-fixtures.js';

function runChartList(): ReportChart[] {
  const run = smallRun();
  return runCharts({ scenarioName: run.scenario.name, summary: run.summary, monthly: monthlyRows(run.config, run.output) });
}

function sweepChartList(): ReportChart[] {
  const { runs, sensitivity, prim } = syntheticSweep();
  const parameters = [
    { name: 'usability', label: 'online usability' },
    { name: 'assisted', label: 'assisted digital open' },
  ];
  return sweepCharts({ keyMetrics: keyMetrics(Object.keys(runs[0]!.metrics)), parameters, runs, sensitivity, prim });
}

const FAMILIES: readonly [string, () => ReportChart[]][] = [
  ['run', runChartList],
  ['compare', () => compareCharts(compareChartData(smallComparison()))],
  ['sweep', sweepChartList],
];

/** Every `{ type: 'quantitative', title: '…' }` in a spec, with where it is. */
function quantitativeTitles(value: unknown, path = 'spec'): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, k) => quantitativeTitles(item, `${path}[${k}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own: [string, string][] = record['type'] === 'quantitative' && typeof record['title'] === 'string' ? [[path, record['title']]] : [];
  return [...own, ...Object.entries(record).flatMap(([key, item]) => (key === 'data' || key === 'config' ? [] : quantitativeTitles(item, `${path}.${key}`)))];
}

/** Colours an SVG paints with, upper-case 6-digit hex (or the raw text when not hex). */
function svgColors(svg: string): Set<string> {
  const colors = new Set<string>();
  for (const match of svg.matchAll(/(?:fill|stroke)="([^"]+)"/g)) {
    const value = match[1]!;
    if (value === 'none' || value === 'transparent' || value.startsWith('url(')) continue;
    const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
    colors.add(short === null ? value.toUpperCase() : `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase());
  }
  return colors;
}

describe('the palette', () => {
  it('is the eight Okabe–Ito colours, each once, and the theme gives them to categories', () => {
    expect(new Set(CATEGORY_COLORS).size).toBe(8);
    expect([...CATEGORY_COLORS].sort()).toEqual(['#000000', '#0072B2', '#009E73', '#56B4E9', '#CC79A7', '#D55E00', '#E69F00', '#F0E442']);
    expect(CHART_CONFIG.range?.category).toEqual([...CATEGORY_COLORS]);
    expect(CHART_CONFIG.font).toBe(CHART_FONT);
  });
});

describe.each(FAMILIES)('%s charts', (_family, build) => {
  const charts = build();

  it('exist, with unique file ids', () => {
    expect(charts.length).toBeGreaterThan(2);
    expect(new Set(charts.map((chart) => chart.id)).size).toBe(charts.length);
    for (const chart of charts) expect(chart.id).toMatch(/^[a-z0-9-]+$/);
  });

  it.each(charts.map((chart) => [chart.id, chart] as const))('%s compiles without warnings and is plain JSON', (_id, chart) => {
    const { warnings } = compileChart(chart.spec);
    expect(warnings).toEqual([]);
    expect(JSON.parse(JSON.stringify(chart.spec))).toEqual(chart.spec);
  });

  it.each(charts.map((chart) => [chart.id, chart] as const))('%s has a title and units on every quantitative axis', (_id, chart) => {
    const title = (chart.spec as { title?: { text?: unknown } }).title;
    expect(typeof title?.text === 'string' && title.text.length > 0).toBe(true);
    expect(chart.title.length).toBeGreaterThan(0);
    for (const [path, axisTitle] of quantitativeTitles(chart.spec)) {
      expect(axisTitle === LABELS.month || /\(.+\)/.test(axisTitle), `${path}: "${axisTitle}" names no unit`).toBe(true);
    }
  });

  it.each(charts.map((chart) => [chart.id, chart] as const))('%s renders with the one palette and a table with as many cells as columns', async (_id, chart) => {
    const svg = await renderSvg(chart.spec);
    expect(svg).toMatch(/^<svg/);
    for (const color of svgColors(svg)) expect(ALL_COLORS.has(color), `${chart.id} paints with ${color}`).toBe(true);
    expect(chart.table.columns.length).toBeGreaterThan(0);
    for (const row of chart.table.rows) expect(row.length).toBe(chart.table.columns.length);
  });
});

describe('chart functions are pure', () => {
  it('give equal specs for equal data and leave frozen data untouched', () => {
    const deepFreeze = <T>(value: T): T => {
      if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const item of Object.values(value as object)) deepFreeze(item);
      }
      return value;
    };
    const run = smallRun();
    const data = deepFreeze(structuredClone({ scenarioName: run.scenario.name, summary: run.summary, monthly: monthlyRows(run.config, run.output) }));
    const first: TopLevelSpec[] = runCharts(data).map((chart) => chart.spec);
    const second: TopLevelSpec[] = runCharts(data).map((chart) => chart.spec);
    expect(second).toEqual(first);
    const comparison = deepFreeze(structuredClone(compareChartData(smallComparison())));
    expect(compareCharts(comparison)).toEqual(compareCharts(comparison));
  });

  it('leave out the month-by-month charts without a monthly table', () => {
    const run = smallRun();
    const ids = runCharts({ scenarioName: 'x', summary: run.summary, monthly: [] }).map((chart) => chart.id);
    expect(ids).toEqual(['met-share-by-segment', 'channel-mix-by-segment', 'days-to-service', 'cost-breakdown', 'scorecard']);
  });
});

describe('readDifference', () => {
  const interval = (mean: number, low: number, high: number): { mean: number; low: number; high: number; halfWidth: number; n: number } => ({ mean, low, high, halfWidth: (high - low) / 2, n: 5 });
  it('reads a CI that excludes 0 by the direction of the metric, anything else as not shown', () => {
    expect(readDifference(interval(-0.1, -0.12, -0.08), false)).toBe('better');
    expect(readDifference(interval(-0.1, -0.12, -0.08), true)).toBe('worse');
    expect(readDifference(interval(0.1, -0.01, 0.2), true)).toBe('not shown');
    expect(readDifference(interval(0.1, 0.05, 0.2), undefined)).toBe('not shown');
    expect(readDifference(interval(0.1, Number.NaN, Number.NaN), true)).toBe('not shown');
  });
});
