/**
 * summary.md: the report as Markdown for mail, issues and wikis. The same
 * model as the HTML page: the sentence with its uncertainty, each chart (as
 * a link to its PNG) with its table, the report's own tables, the scenario
 * and the provenance.
 */
import type { DataTable } from './charts/data-table.js';
import { REPORT_TEXT } from './messages.js';
import { formatCell, isNumericUnit } from './model/format-cell.js';
import type { ReportModel } from './model/report-model.js';

/** Text safe in a Markdown table cell. */
function cellText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * A DataTable as a Markdown (GFM) table, numbers right-aligned.
 * @example markdownTable({ columns: [{ label: 'Month', unit: 'month' }], rows: [[1]] }) === '| Month |\n| ---: |\n| 1 |'
 */
export function markdownTable(table: DataTable): string {
  const header = `| ${table.columns.map((column) => cellText(column.label)).join(' | ')} |`;
  const rule = `| ${table.columns.map((column) => (isNumericUnit(column.unit) ? '---:' : '---')).join(' | ')} |`;
  const rows = table.rows.map((row) => `| ${table.columns.map((column, k) => cellText(formatCell(row[k] ?? '', column.unit))).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

/**
 * The text of summary.md. Pure.
 * @example const text = reportMarkdown(model, '0.1.0');
 */
export function reportMarkdown(model: ReportModel, version: string): string {
  const lines: string[] = [`# ${model.title}`, '', `**${model.headline}**`, ''];
  for (const detail of model.details) lines.push(detail, '');
  lines.push(`*${model.uncertainty}*`, '');
  for (const note of model.notes) lines.push(`> ${note}`, '');
  lines.push(`## ${REPORT_TEXT.chartsHeading}`, '');
  for (const chart of model.charts) {
    lines.push(`### ${chart.title}`, '', `![${chart.title}](charts/${chart.id}.png)`, '', `[SVG](charts/${chart.id}.svg)`, '', markdownTable(chart.table), '');
    if (chart.table.note !== undefined) lines.push(`*${chart.table.note}*`, '');
  }
  for (const table of model.tables) lines.push(`## ${table.heading}`, '', markdownTable(table.table), '');
  lines.push(`## ${REPORT_TEXT.scenarioHeading}`, '');
  for (const [label, value] of model.scenario) lines.push(`- **${label}:** ${value}`);
  lines.push('', `## ${REPORT_TEXT.provenanceHeading}`, '');
  for (const [label, value] of model.provenance) lines.push(`- **${label}:** \`${value.replace(/`/g, "'")}\``);
  lines.push('', REPORT_TEXT.provenanceNote, '', `${REPORT_TEXT.filesNote} ${REPORT_TEXT.generatedBy(version)}`, '');
  return lines.join('\n');
}
