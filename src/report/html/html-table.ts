/**
 * A DataTable as an HTML table: a header row, numbers right-aligned, every
 * cell formatted by its column's unit (format-cell.ts rounds).
 */
import type { DataTable } from '../charts/data-table.js';
import { formatCell, isNumericUnit } from '../model/format-cell.js';
import { escapeHtml } from './escape-html.js';

/**
 * The table's HTML, with an optional caption.
 * @example htmlTable({ columns: [{ label: 'Month', unit: 'month' }], rows: [[1]] })
 */
export function htmlTable(table: DataTable, caption?: string): string {
  const numeric = table.columns.map((column) => isNumericUnit(column.unit));
  const head = table.columns.map((column, k) => `<th scope="col"${numeric[k] ? ' class="num"' : ''}>${escapeHtml(column.label)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = table.columns.map((column, k) => {
        const text = escapeHtml(formatCell(row[k] ?? '', column.unit));
        return k === 0 ? `<th scope="row"${numeric[k] ? ' class="num"' : ''}>${text}</th>` : `<td${numeric[k] ? ' class="num"' : ''}>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const captionHtml = caption === undefined ? '' : `<caption>${escapeHtml(caption)}</caption>`;
  return `<table>${captionHtml}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}
