/**
 * Formatting a table cell for people, by its column's unit. The one place
 * the report's tables round (through format-number.ts).
 */
import type { ColumnUnit, TableCell } from '../charts/data-table.js';
import { formatCount, formatGbp, formatNumber, formatPercent, MISSING } from '../format-number.js';

/**
 * A cell as text: shares as percentages, differences of shares in signed
 * percentage points, money in pounds, days to one decimal, trust to three.
 * @example formatCell(0.1234, 'share') === '12.3%'; formatCell(-0.02, 'pp') === '-2.0 pp'
 */
export function formatCell(cell: TableCell, unit: ColumnUnit): string {
  if (typeof cell === 'string') return cell;
  if (!Number.isFinite(cell)) return MISSING;
  switch (unit) {
    case 'text':
    case 'month':
      return String(cell);
    case 'share':
      return formatPercent(cell);
    case 'pp': {
      const text = formatNumber(100 * cell, 1);
      return `${cell > 0 && text !== '0.0' ? '+' : ''}${text} pp`;
    }
    case 'gbp':
      return formatGbp(cell);
    case 'days':
      return formatNumber(cell, 1);
    case 'trust':
      return formatNumber(cell, 3);
    case 'count':
      return formatCount(cell);
    case 'number':
      return Math.abs(cell) >= 100 ? formatNumber(cell, 0) : formatNumber(cell, 3);
  }
}

/** Whether a column's cells read best right-aligned (numbers). */
export function isNumericUnit(unit: ColumnUnit): boolean {
  return unit !== 'text';
}
