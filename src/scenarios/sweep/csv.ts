/**
 * CSV as RFC 4180 writes it: comma-separated, fields with a comma, quote or
 * line break in double quotes (quotes doubled), lines ended by "\n".
 */

const NEEDS_QUOTES = /[",\r\n]/;

/** A CSV field for `text`, quoted when needed. Cost O(length). */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV line (with its "\n") of the fields. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/** A parsed CSV row with the 1-based line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/**
 * The rows of CSV text ("\n" or "\r\n" line ends, quoted fields may span
 * lines); blank lines are skipped. Returns the line of the first problem
 * instead of throwing. Cost O(length).
 * @example parseCsv('a,b\n1,"x,y"\n') // { ok: true, rows: [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', 'x,y'] }] }
 */
export function parseCsv(text: string): { ok: true; rows: CsvRow[] } | { ok: false; line: number; detail: string } {
  const rows: CsvRow[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let endOfRow = false;
    while (!endOfRow) {
      if (source[i] === '"' && cell === '') {
        i++;
        for (;;) {
          if (i >= source.length) return { ok: false, line: start, detail: 'a quoted field is not closed' };
          const char = source[i]!;
          if (char === '"') {
            if (source[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (char === '\n') line++;
          cell += char;
          i++;
        }
        const next = source[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') return { ok: false, line, detail: 'text after a closing quote' };
      }
      const char = source[i];
      if (char === undefined) {
        cells.push(cell);
        endOfRow = true;
      } else if (char === ',') {
        cells.push(cell);
        cell = '';
        i++;
      } else if (char === '\n' || (char === '\r' && source[i + 1] === '\n')) {
        cells.push(cell);
        i += char === '\r' ? 2 : 1;
        line++;
        endOfRow = true;
      } else if (char === '"') {
        return { ok: false, line, detail: 'a quote inside an unquoted field (quote the whole field and double the quote)' };
      } else {
        cell += char;
        i++;
      }
    }
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ line: start, cells });
  }
  return { ok: true, rows };
}

/** A CSV cell as a value: a number when it reads as one, true/false, otherwise the text. */
export function csvValue(cell: string): number | boolean | string {
  const trimmed = cell.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return Number(trimmed);
  return cell;
}
