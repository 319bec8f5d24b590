/**
 * Plain-text tables for a terminal: aligned columns, a rule under the
 * header, optional section rows, and ANSI styles only when asked for (the
 * CLI asks when stdout is a TTY), so piped output is plain text.
 */

/** How a cell may be styled on a colour terminal. */
export type CellStyle = 'bold' | 'dim' | 'good' | 'mixed' | 'poor';

/** A cell: its text, and optionally a style. Width is measured on the text alone. */
export type Cell = string | { readonly text: string; readonly style: CellStyle };

export interface Column {
  readonly header: string;
  /** Numbers read best right-aligned; default left. */
  readonly align?: 'left' | 'right';
}

/** A row of cells, or a section heading spanning the table. */
export type Row = readonly Cell[] | { readonly section: string };

export interface TableOptions {
  /** Emit ANSI styles (bold header, coloured verdicts). Default false. */
  readonly color?: boolean;
  /** Spaces between columns. Default 2. */
  readonly gap?: number;
  /** Spaces before every line. Default 0. */
  readonly indent?: number;
}

const ANSI: Readonly<Record<CellStyle, string>> = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  good: '\u001b[32m',
  mixed: '\u001b[33m',
  poor: '\u001b[31m',
};
const RESET = '\u001b[0m';

/** Display width of plain text: code points (dgsim prints no wide or combining characters). */
function widthOf(text: string): number {
  let width = 0;
  for (const _ of text) width++;
  return width;
}

function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

function styled(text: string, style: CellStyle | undefined, color: boolean): string {
  return color && style !== undefined && text !== '' ? `${ANSI[style]}${text}${RESET}` : text;
}

/** The cell padded to `width`, styled after padding is computed so escape codes never count as width. */
function pad(cell: Cell, width: number, align: 'left' | 'right', color: boolean): string {
  const text = cellText(cell);
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  const body = styled(text, typeof cell === 'string' ? undefined : cell.style, color);
  return align === 'right' ? fill + body : body + fill;
}

/**
 * Formats rows under column headers, each column as wide as its widest cell.
 * Lines have no trailing spaces; the result ends without a newline. Missing
 * cells print empty; extra cells are ignored. Cost O(cells).
 *
 * @example
 * formatTable([{ header: 'Group' }, { header: 'Unmet', align: 'right' }], [['75+', '30.1%'], ['All', '6.2%']])
 * // Group  Unmet
 * // -----  -----
 * // 75+    30.1%
 * // All     6.2%
 */
export function formatTable(columns: readonly Column[], rows: readonly Row[], options: TableOptions = {}): string {
  const color = options.color ?? false;
  const gap = ' '.repeat(options.gap ?? 2);
  const indent = ' '.repeat(options.indent ?? 0);
  const widths = columns.map((column) => widthOf(column.header));
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    columns.forEach((_, index) => {
      const cell = (row as readonly Cell[])[index];
      if (cell !== undefined) widths[index] = Math.max(widths[index] ?? 0, widthOf(cellText(cell)));
    });
  }
  const line = (cells: readonly Cell[]): string =>
    (indent + columns.map((column, index) => pad(cells[index] ?? '', widths[index] ?? 0, column.align ?? 'left', color)).join(gap)).trimEnd();
  const header = line(columns.map((column) => ({ text: column.header, style: 'bold' as const })));
  const rule = (indent + widths.map((width) => '-'.repeat(width)).join(gap)).trimEnd();
  const body = rows.map((row) => (Array.isArray(row) ? line(row as readonly Cell[]) : `${indent}${styled((row as { section: string }).section, 'bold', color)}`));
  return [header, rule, ...body].join('\n');
}

/**
 * A block of `label: value` lines with the values aligned, e.g. for totals.
 * @example formatKeyValues([['Total', '£1,772,123'], ['Per met need', '£1.86']])
 */
export function formatKeyValues(pairs: readonly (readonly [string, string])[], options: { readonly indent?: number } = {}): string {
  const indent = ' '.repeat(options.indent ?? 2);
  const width = Math.max(0, ...pairs.map(([label]) => widthOf(label)));
  return pairs.map(([label, value]) => `${indent}${label}${' '.repeat(width - widthOf(label))}  ${value}`.trimEnd()).join('\n');
}

/** A section title for terminal output, bold on a colour terminal. */
export function formatHeading(title: string, color: boolean): string {
  return styled(title, 'bold', color);
}
