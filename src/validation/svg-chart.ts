/**
 * Small, dependency-free SVG charts for the validation figures: a line chart
 * (series as lines, dashed lines or markers) and a grouped bar chart.
 * Deterministic text: coordinates have two decimals, no ids or timestamps,
 * so a regenerated figure is byte-identical and the docs test can compare it.
 */
import type { BarFigure, Figure, LineFigure } from './types.js';

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { left: 64, right: 16, top: 36, bottom: 76 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];
const FONT = 'font-family="sans-serif" font-size="12"';

function n(x: number): string {
  const text = x.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "Nice" axis ticks covering [min, max]: about five, at 1, 2 or 5 × 10^k steps. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.round(t / step) * step);
  return ticks;
}

function tickLabel(t: number): string {
  const text = Math.abs(t) >= 1000 ? t.toFixed(0) : Number(t.toPrecision(6)).toString();
  return text === '-0' ? '0' : text;
}

function frame(title: string, body: string[], legend: { name: string; color: string; dashed?: boolean; marker?: boolean }[]): string {
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" ${FONT} font-weight="bold">${escape(title)}</text>`,
    ...body,
  ];
  legend.forEach((item, i) => {
    const x = MARGIN.left + (i % 2) * 290;
    const y = HEIGHT - 26 + Math.floor(i / 2) * 16;
    if (item.marker === true) lines.push(`<circle cx="${x + 9}" cy="${y - 4}" r="3" fill="${item.color}"/>`);
    else lines.push(`<line x1="${x}" y1="${y - 4}" x2="${x + 18}" y2="${y - 4}" stroke="${item.color}" stroke-width="2"${item.dashed === true ? ' stroke-dasharray="5,4"' : ''}/>`);
    lines.push(`<text x="${x + 24}" y="${y}" ${FONT}>${escape(item.name)}</text>`);
  });
  lines.push('</svg>');
  return `${lines.join('\n')}\n`;
}

function axes(xTicks: { at: number; label: string }[], yTicks: { at: number; label: string }[], xLabel: string, yLabel: string): string[] {
  const bottom = HEIGHT - MARGIN.bottom;
  const right = WIDTH - MARGIN.right;
  const out = [`<line x1="${MARGIN.left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#333"/>`, `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="#333"/>`];
  for (const tick of yTicks) {
    out.push(`<line x1="${MARGIN.left}" y1="${n(tick.at)}" x2="${right}" y2="${n(tick.at)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${n(tick.at + 4)}" text-anchor="end" ${FONT}>${escape(tick.label)}</text>`);
  }
  for (const tick of xTicks) {
    out.push(`<line x1="${n(tick.at)}" y1="${bottom}" x2="${n(tick.at)}" y2="${bottom + 4}" stroke="#333"/>`);
    out.push(`<text x="${n(tick.at)}" y="${bottom + 16}" text-anchor="middle" ${FONT}>${escape(tick.label)}</text>`);
  }
  out.push(`<text x="${(MARGIN.left + right) / 2}" y="${bottom + 32}" text-anchor="middle" ${FONT}>${escape(xLabel)}</text>`);
  out.push(`<text x="16" y="${(MARGIN.top + bottom) / 2}" text-anchor="middle" ${FONT} transform="rotate(-90 16 ${(MARGIN.top + bottom) / 2})">${escape(yLabel)}</text>`);
  return out;
}

function lineChart(figure: LineFigure): string {
  const all = figure.series.flatMap((s) => s.points);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const xTicks = niceTicks(Math.min(...xs), Math.max(...xs));
  const yTicks = niceTicks(Math.min(0, ...ys), Math.max(...ys));
  const x0 = Math.min(xTicks[0]!, ...xs);
  const x1 = Math.max(xTicks[xTicks.length - 1]!, ...xs);
  const y0 = Math.min(yTicks[0]!, ...ys);
  const y1 = Math.max(yTicks[yTicks.length - 1]!, ...ys);
  const sx = (x: number): number => MARGIN.left + ((x - x0) / (x1 - x0 || 1)) * (WIDTH - MARGIN.left - MARGIN.right);
  const sy = (y: number): number => HEIGHT - MARGIN.bottom - ((y - y0) / (y1 - y0 || 1)) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const body = axes(
    xTicks.map((t) => ({ at: sx(t), label: tickLabel(t) })),
    yTicks.map((t) => ({ at: sy(t), label: tickLabel(t) })),
    figure.xLabel,
    figure.yLabel,
  );
  figure.series.forEach((series, i) => {
    const color = COLORS[i % COLORS.length]!;
    if (series.style === 'points') {
      for (const [x, y] of series.points) body.push(`<circle cx="${n(sx(x))}" cy="${n(sy(y))}" r="2.5" fill="${color}"/>`);
    } else {
      const path = series.points.map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${n(sx(x))},${n(sy(y))}`).join(' ');
      body.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="${series.style === 'dashed' ? 1.5 : 2}"${series.style === 'dashed' ? ' stroke-dasharray="5,4"' : ''}/>`);
    }
  });
  return frame(
    figure.title,
    body,
    figure.series.map((s, i) => ({ name: s.name, color: COLORS[i % COLORS.length]!, dashed: s.style === 'dashed', marker: s.style === 'points' })),
  );
}

function barChart(figure: BarFigure): string {
  const values = figure.groups.flatMap((g) => g.values);
  const yTicks = niceTicks(0, Math.max(...values));
  const y1 = Math.max(yTicks[yTicks.length - 1]!, ...values);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const band = plotWidth / figure.categories.length;
  const barWidth = (band * 0.8) / figure.groups.length;
  const sy = (y: number): number => HEIGHT - MARGIN.bottom - (y / (y1 || 1)) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const body = axes(
    figure.categories.map((c, i) => ({ at: MARGIN.left + band * (i + 0.5), label: c })),
    yTicks.map((t) => ({ at: sy(t), label: tickLabel(t) })),
    '',
    figure.yLabel,
  );
  figure.groups.forEach((group, g) => {
    const color = COLORS[g % COLORS.length]!;
    group.values.forEach((value, i) => {
      const x = MARGIN.left + band * i + band * 0.1 + barWidth * g;
      body.push(`<rect x="${n(x)}" y="${n(sy(value))}" width="${n(barWidth)}" height="${n(sy(0) - sy(value))}" fill="${color}"/>`);
    });
  });
  return frame(
    figure.title,
    body,
    figure.groups.map((g, i) => ({ name: g.name, color: COLORS[i % COLORS.length]! })),
  );
}

/** The SVG text of a figure. Cost O(points). */
export function figureSvg(figure: Figure): string {
  return figure.kind === 'line' ? lineChart(figure) : barChart(figure);
}
