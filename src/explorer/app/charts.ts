/// <reference lib="dom" />
/**
 * Small SVG charts drawn by hand: a line chart and a stacked bar chart over
 * months. Redrawn whole at each month (a few hundred nodes), which stays
 * smooth at any playback speed. Built for a projector: large labels, thick
 * lines, the Okabe–Ito colour-blind-safe palette, a dash pattern per series
 * and direct labels at line ends, so no reading depends on colour alone.
 */
import { s } from './dom.js';

/** Okabe & Ito (2008), without yellow (too pale on white), in the order series take them. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;
/** Dash patterns, paired with the palette so every series differs in two ways. */
export const DASHES = ['', '12 6', '3 5', '14 5 3 5', '7 4', '2 3', '18 4'] as const;

export interface LineSeries {
  readonly label: string;
  readonly color: string;
  readonly dash: string;
  /** Value at each month (index 0 = month 1); NaN leaves a gap. */
  readonly values: readonly number[];
}

export interface ChartFrame {
  /** Months on the x axis (the horizon). */
  readonly months: number;
  readonly yDomain: readonly [number, number];
  readonly yFormat: (value: number) => string;
  /** Months at which the policy changes (drawn as thin rules). */
  readonly policyMonths: readonly number[];
  /** Month ranges to shade (e.g. outages), 1-based, inclusive. */
  readonly bands?: readonly number[];
  /** Months to mark with a labelled rule (e.g. breaches). */
  readonly marks?: readonly { readonly month: number; readonly label: string }[];
}

const HEIGHT = 270;
const MARGIN = { top: 26, right: 150, bottom: 40, left: 72 };
const FONT = 17;

/** Rounded "nice" bounds around values, for a y axis; shares stay inside [0, 1]. */
export function niceDomain(values: readonly number[], options: { readonly share?: boolean; readonly zero?: boolean; readonly minSpan?: number } = {}): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (options.zero === true) low = Math.min(0, low);
  // A floor on the span keeps month-to-month noise from filling the chart.
  const minSpan = options.minSpan ?? 0;
  if (high - low < minSpan) {
    const middle = (high + low) / 2;
    low = middle - minSpan / 2;
    high = middle + minSpan / 2;
    if (options.share === true && high > 1) [low, high] = [1 - minSpan, 1];
    if ((options.share === true || options.zero === true) && low < 0) [low, high] = [0, minSpan];
  }
  if (high - low < 1e-9) {
    const pad = Math.abs(high) > 0 ? Math.abs(high) * 0.1 : 0.1;
    low -= pad;
    high += pad;
  }
  const span = high - low;
  const step = niceStep(span / 4);
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  if (options.share === true) {
    low = Math.max(0, low);
    high = Math.min(1, high);
  }
  if (options.zero === true) low = Math.min(0, low);
  return [low, high];
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function ticks([low, high]: readonly [number, number]): number[] {
  const step = niceStep((high - low) / 4);
  const result: number[] = [];
  for (let value = Math.ceil(low / step) * step; value <= high + step * 1e-6; value += step) result.push(Math.abs(value) < step * 1e-9 ? 0 : value);
  return result;
}

interface Scales {
  readonly x: (month: number) => number;
  readonly y: (value: number) => number;
  readonly width: number;
}

/** Axes, grid, policy rules, bands and marks; returns the scales. */
/** Room on the right for direct labels or a legend of these texts. */
function rightMarginFor(labels: readonly string[], extra: number): number {
  const longest = Math.max(4, ...labels.map((label) => label.length));
  return Math.min(MARGIN.right + 60, Math.ceil(longest * FONT * 0.62) + extra);
}

function drawFrame(svg: SVGSVGElement, frame: ChartFrame, width: number, rightMargin: number, barSlots: boolean): Scales {
  const innerWidth = Math.max(60, width - MARGIN.left - rightMargin);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const [low, high] = frame.yDomain;
  const months = Math.max(1, frame.months);
  // Lines put month m at its right edge; bars centre month m in its slot.
  const x = barSlots ? (month: number): number => MARGIN.left + ((month - 0.5) / months) * innerWidth : (month: number): number => MARGIN.left + (month / months) * innerWidth;
  const y = (value: number): number => MARGIN.top + innerHeight - ((value - low) / (high - low || 1)) * innerHeight;
  svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(HEIGHT));
  for (const [from, to] of pairs(frame.bands ?? [])) {
    const left = MARGIN.left + ((from - 1) / months) * innerWidth;
    const right = MARGIN.left + (to / months) * innerWidth;
    svg.append(s('rect', { class: 'band', x: left, y: MARGIN.top, width: Math.max(2, right - left), height: innerHeight }));
  }
  for (const value of ticks(frame.yDomain)) {
    svg.append(s('line', { class: 'grid', x1: MARGIN.left, x2: MARGIN.left + innerWidth, y1: y(value), y2: y(value) }));
    svg.append(s('text', { class: 'tick', x: MARGIN.left - 8, y: y(value) + FONT / 3, 'text-anchor': 'end' }, frame.yFormat(value)));
  }
  const every = months <= 24 ? 6 : months <= 60 ? 12 : 24;
  for (let month = 0; month <= months; month += every) {
    const px = MARGIN.left + (month / months) * innerWidth;
    svg.append(s('line', { class: 'axis', x1: px, x2: px, y1: MARGIN.top + innerHeight, y2: MARGIN.top + innerHeight + 6 }));
    svg.append(s('text', { class: 'tick', x: px, y: MARGIN.top + innerHeight + 26, 'text-anchor': 'middle' }, String(month)));
  }
  svg.append(s('text', { class: 'tick axis-title', x: MARGIN.left + innerWidth, y: HEIGHT - 2, 'text-anchor': 'end' }, 'month'));
  svg.append(s('line', { class: 'axis', x1: MARGIN.left, x2: MARGIN.left + innerWidth, y1: MARGIN.top + innerHeight, y2: MARGIN.top + innerHeight }));
  for (const month of frame.policyMonths) {
    const px = MARGIN.left + (month / months) * innerWidth;
    svg.append(s('line', { class: 'policy-rule', x1: px, x2: px, y1: MARGIN.top, y2: MARGIN.top + innerHeight }));
    svg.append(s('text', { class: 'rule-label', x: px + 4, y: MARGIN.top - 8 }, 'policy change'));
  }
  for (const mark of frame.marks ?? []) {
    const px = MARGIN.left + ((mark.month - 0.5) / months) * innerWidth;
    svg.append(s('line', { class: 'mark-rule', x1: px, x2: px, y1: MARGIN.top, y2: MARGIN.top + innerHeight }));
    svg.append(s('text', { class: 'rule-label mark-label', x: px + 4, y: MARGIN.top + FONT }, mark.label));
  }
  return { x, y, width: innerWidth };
}

/** [a, b, c, d] → [[a, b], [c, d]]. */
function pairs(values: readonly number[]): [number, number][] {
  const result: [number, number][] = [];
  for (let i = 0; i + 1 < values.length; i += 2) result.push([values[i]!, values[i + 1]!]);
  return result;
}

/** Spreads label positions apart so they do not overlap, keeping their order. */
function spreadLabels(positions: { y: number }[], gap: number, top: number, bottom: number): void {
  positions.sort((a, b) => a.y - b.y);
  for (let i = 1; i < positions.length; i++) positions[i]!.y = Math.max(positions[i]!.y, positions[i - 1]!.y + gap);
  const overflow = positions.length > 0 ? positions[positions.length - 1]!.y - bottom : 0;
  if (overflow > 0) for (const position of positions) position.y -= overflow;
  for (let i = positions.length - 2; i >= 0; i--) positions[i]!.y = Math.min(positions[i]!.y, positions[i + 1]!.y - gap);
  for (const position of positions) position.y = Math.max(top, position.y);
}

/**
 * Draws a line chart into `svg` (emptied first), `width` pixels wide.
 * Cost O(series × months).
 */
export function drawLineChart(svg: SVGSVGElement, frame: ChartFrame, series: readonly LineSeries[], width: number): void {
  svg.replaceChildren();
  const rightMargin = rightMarginFor(series.map((line) => line.label), 22);
  const { x, y } = drawFrame(svg, frame, width, rightMargin, false);
  const labels: { y: number; text: string; color: string }[] = [];
  for (const line of series) {
    let path = '';
    let pen = false;
    let last: { month: number; value: number } | undefined;
    line.values.forEach((value, index) => {
      if (!Number.isFinite(value)) {
        pen = false;
        return;
      }
      const month = index + 1;
      path += `${pen ? 'L' : 'M'}${x(month).toFixed(1)},${y(value).toFixed(1)}`;
      pen = true;
      last = { month, value };
    });
    if (path !== '') svg.append(s('path', { class: 'series', d: path, stroke: line.color, 'stroke-dasharray': line.dash === '' ? null : line.dash }));
    if (last !== undefined) {
      svg.append(s('circle', { cx: x(last.month), cy: y(last.value), r: 5, fill: line.color }));
      labels.push({ y: y(last.value) + FONT / 3, text: line.label, color: line.color });
    }
  }
  spreadLabels(labels, FONT + 2, MARGIN.top + FONT / 2, HEIGHT - MARGIN.bottom);
  const right = width - rightMargin + 12;
  for (const label of labels) svg.append(s('text', { class: 'direct-label', x: right, y: label.y, fill: label.color }, label.text));
}

export interface BarStack {
  readonly label: string;
  readonly color: string;
  /** Value at each month (index 0 = month 1). */
  readonly values: readonly number[];
}

/** Draws a stacked bar chart into `svg` (emptied first). Cost O(stacks × months). */
export function drawStackedBars(svg: SVGSVGElement, frame: ChartFrame, stacks: readonly BarStack[], width: number): void {
  svg.replaceChildren();
  const rightMargin = rightMarginFor(stacks.map((stack) => stack.label), 44);
  const { x, y, width: innerWidth } = drawFrame(svg, frame, width, rightMargin, true);
  const months = Math.max(1, frame.months);
  const barWidth = Math.max(2, (innerWidth / months) * 0.8);
  const length = Math.max(0, ...stacks.map((stack) => stack.values.length));
  const high = frame.yDomain[1];
  for (let index = 0; index < length; index++) {
    let base = 0;
    for (const stack of stacks) {
      const value = stack.values[index] ?? 0;
      if (!(value > 0) || base >= high) {
        base += Math.max(0, value);
        continue;
      }
      const top = y(Math.min(high, base + value));
      svg.append(s('rect', { x: x(index + 1) - barWidth / 2, y: top, width: barWidth, height: Math.max(0, y(base) - top), fill: stack.color }));
      base += value;
    }
    // A bar above the scale is cut at the top and labelled with its total.
    if (base > high * 1.0001) {
      svg.append(s('text', { class: 'tick clipped', x: x(index + 1) - barWidth / 2, y: y(high) - 6, 'text-anchor': 'start' }, `▲ ${frame.yFormat(base)}`));
    }
  }
  // A legend down the right margin, in stack order from the top.
  const right = width - rightMargin + 12;
  [...stacks].reverse().forEach((stack, i) => {
    const top = MARGIN.top + i * (FONT + 8);
    svg.append(s('rect', { x: right, y: top, width: 16, height: 16, fill: stack.color }));
    svg.append(s('text', { class: 'direct-label legend', x: right + 22, y: top + 14 }, stack.label));
  });
}
