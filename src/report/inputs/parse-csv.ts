/**
 * Reading CSV as dgsim writes it (RFC 4180: comma-separated, fields quoted
 * when they hold a comma, quote or line break, quotes doubled inside).
 */

/** A CSV document: its header and its rows of raw text fields. */
export interface CsvDocument {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * Parses CSV text into a header and rows. A final line break is optional;
 * CRLF and LF both end a line; blank lines are skipped. Cost O(text length).
 * @throws Error on a quote left open at the end of the text.
 * @example parseCsv('x,y\n1,"a,b"\n') // { header: ['x', 'y'], rows: [['1', 'a,b']] }
 */
export function parseCsv(text: string): CsvDocument {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endRecord = (): void => {
    if (fieldStarted || record.length > 0 || field !== '') record.push(field);
    if (record.length > 0 && !(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
    field = '';
    fieldStarted = false;
  };
  for (let k = 0; k < text.length; k++) {
    const char = text[k]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[k + 1] === '"') {
        field += '"';
        k++;
      } else quoted = false;
      continue;
    }
    if (char === '"') {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\n') endRecord();
    else if (char === '\r') {
      if (text[k + 1] !== '\n') endRecord();
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  endRecord();
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** A CSV field read as a number: `NaN` for empty or non-numeric text (as dgsim writes NaN). */
export function csvNumber(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return Number.NaN;
  return Number(text);
}
