/**
 * CSV as RFC 4180 writes it: comma-separated, a field quoted when it holds a
 * comma, a quote, a CR or an LF (quotes doubled inside), lines ending in LF.
 * Numbers are printed with `String(x)`: the shortest text that reads back as
 * the same double, so a CSV is exact and byte-stable.
 */

/** A CSV field: text, a number (printed exactly; NaN as `NaN`), or a boolean (`true`/`false`). */
export type CsvValue = string | number | boolean;

/**
 * One field, quoted if needed.
 * @example csvField('a,b') === '"a,b"'; csvField(0.1) === '0.1'
 */
export function csvField(value: CsvValue): string {
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: the header then each row, every line ending in LF.
 * Cost O(total size).
 * @example csvText(['x', 'y'], [[1, 'a']]) === 'x,y\n1,a\n'
 */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  return csvLines([header]) + csvLines(rows);
}

/**
 * The lines of some rows, each ending in LF (a part of a document whose
 * header was written before). Cost O(size).
 * @example csvLines([[1, 'a'], [2, 'b']]) === '1,a\n2,b\n'
 */
export function csvLines(rows: Iterable<readonly CsvValue[]>): string {
  let text = '';
  for (const row of rows) text += `${row.map(csvField).join(',')}\n`;
  return text;
}
