/**
 * The self-contained report page: the sentence with its uncertainty at the
 * top, then each chart (inline SVG, so no script runs and nothing is
 * fetched) beside the table of its numbers, the report's own tables, and the
 * scenario and provenance at the bottom. A Content-Security-Policy that
 * allows nothing but inline styles and data: images makes "no network" a
 * property of the page, not a promise.
 */
import type { DataTable, ReportChart } from '../charts/data-table.js';
import { REPORT_TEXT } from '../messages.js';
import type { ReportModel } from '../model/report-model.js';
import { scopeSvgIds } from '../render/scope-svg-ids.js';
import { escapeHtml } from './escape-html.js';
import { htmlTable } from './html-table.js';
import { formatCell } from '../model/format-cell.js';
import { REPORT_CSS } from './report-styles.js';

/** The page's policy: no script, no fetch, no font or frame; inline styles and data: images only. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A table goes under its chart, not beside it, when its estimated width (in characters) exceeds this, about 450 px of 12.5 px text. */
const MAX_CHARACTERS_BESIDE = 60;

/** A rough width of a table in characters: each column as wide as its longest header word or formatted cell, plus padding. */
function estimatedWidth(table: DataTable): number {
  return table.columns.reduce((total, column, k) => {
    const headerWord = Math.max(...column.label.split(/\s+/).map((word) => word.length));
    const cells = table.rows.map((row) => formatCell(row[k] ?? '', column.unit).length);
    return total + Math.max(headerWord, ...cells) + 2;
  }, 0);
}

function chartSection(chart: ReportChart, svg: string, index: number): string {
  const stacked = estimatedWidth(chart.table) > MAX_CHARACTERS_BESIDE;
  const note = chart.table.note === undefined ? '' : `<p class="note">${escapeHtml(chart.table.note)}</p>`;
  return `<section class="chart" id="${escapeHtml(chart.id)}">
<h2 class="visually-hidden">${escapeHtml(chart.title)}</h2>
<div class="pair${stacked ? ' stacked' : ''}">
<figure data-chart="${escapeHtml(chart.id)}"><figcaption class="visually-hidden">${escapeHtml(REPORT_TEXT.chartAlt(chart.title))}</figcaption>
${scopeSvgIds(svg, `c${index}-`)}
</figure>
<div class="table-wrap"><h3>${escapeHtml(REPORT_TEXT.tableHeading)}</h3>${htmlTable(chart.table)}${note}</div>
</div>
</section>`;
}

function pairsList(pairs: readonly (readonly [string, string])[]): string {
  return `<dl>${pairs.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
}

/**
 * The HTML of a report. `svgs` holds each chart's SVG by chart id.
 * Pure: the same model and SVGs give the same text.
 * @example const html = reportHtml(model, new Map([['scorecard', svg]]), '0.1.0');
 */
export function reportHtml(model: ReportModel, svgs: ReadonlyMap<string, string>, version: string): string {
  const toc = model.charts.map((chart) => `<li><a href="#${escapeHtml(chart.id)}">${escapeHtml(chart.title)}</a></li>`).join('');
  const charts = model.charts.map((chart, index) => chartSection(chart, svgs.get(chart.id) ?? '', index)).join('\n');
  const tables = model.tables
    .map((table) => `<section class="tables"><h2>${escapeHtml(table.heading)}</h2><div class="table-wrap">${htmlTable(table.table)}</div></section>`)
    .join('\n');
  const details = model.details.map((detail) => `<p class="detail">${escapeHtml(detail)}</p>`).join('\n');
  const notes = model.notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dgsim ${escapeHtml(version)}">
<title>${escapeHtml(model.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<p class="kind">${escapeHtml(REPORT_TEXT.kindLabel[model.kind])}</p>
<h1>${escapeHtml(model.title)}</h1>
<p class="lede">${escapeHtml(model.headline)}</p>
${details}
<p class="uncertainty">${escapeHtml(model.uncertainty)}</p>
${notes}
</header>
<nav aria-label="${escapeHtml(REPORT_TEXT.chartsHeading)}"><strong>${escapeHtml(REPORT_TEXT.chartsHeading)}</strong><ol>${toc}</ol></nav>
<main>
${charts}
${tables}
</main>
<footer>
<h2>${escapeHtml(REPORT_TEXT.scenarioHeading)}</h2>
${pairsList(model.scenario)}
<h2>${escapeHtml(REPORT_TEXT.provenanceHeading)}</h2>
${pairsList(model.provenance)}
<p class="note">${escapeHtml(REPORT_TEXT.provenanceNote)}</p>
<p class="note">${escapeHtml(REPORT_TEXT.filesNote)} ${escapeHtml(REPORT_TEXT.generatedBy(version))}</p>
</footer>
</body>
</html>
`;
}
