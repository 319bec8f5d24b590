/**
 * Reading CSV as dgsim writes it (RFC 4180: comma-separated, fields quoted
 * when they hold a comma, quote or line break, quotes doubled inside).
 */

/** A CSV document: its header and its rows of raw text fields. */
export interface CsvDocument {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Text that is not CSV (a quote left open). */
export class CsvSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * A CSV parser fed text in pieces, giving each record as it ends (so a large
 * file is read without holding it, or all its rows, in memory). A piece must
 * end just after a line break, except the last: then no quote or CR waits on
 * the next piece to be read. Blank lines are skipped; CRLF and LF both end a
 * line. Cost O(text length).
 *
 * @example
 * const parser = new CsvRecordParser((record) => records.push(record));
 * parser.push('x,y\n1,"a,b"\n');
 * parser.end(); // records: [['x', 'y'], ['1', 'a,b']]
 */
export class CsvRecordParser {
  private record: string[] = [];
  private field = '';
  private quoted = false;
  private fieldStarted = false;

  constructor(private readonly onRecord: (record: string[]) => void) {}

  private endRecord(): void {
    if (this.fieldStarted || this.record.length > 0 || this.field !== '') this.record.push(this.field);
    const record = this.record;
    this.record = [];
    this.field = '';
    this.fieldStarted = false;
    if (record.length > 0 && !(record.length === 1 && record[0] === '')) this.onRecord(record);
  }

  /** Reads one piece of the text (ending just after a line break, unless it is the last). */
  push(text: string): void {
    for (let k = 0; k < text.length; k++) {
      const char = text[k]!;
      if (this.quoted) {
        if (char !== '"') this.field += char;
        else if (text[k + 1] === '"') {
          this.field += '"';
          k++;
        } else this.quoted = false;
        continue;
      }
      if (char === '"') {
        this.quoted = true;
        this.fieldStarted = true;
      } else if (char === ',') {
        this.record.push(this.field);
        this.field = '';
        this.fieldStarted = true;
      } else if (char === '\n') this.endRecord();
      else if (char === '\r') {
        if (text[k + 1] !== '\n') this.endRecord();
      } else {
        this.field += char;
        this.fieldStarted = true;
      }
    }
  }

  /**
   * Ends the text: the last record, if it has no final line break.
   * @throws CsvSyntaxError on a quote left open.
   */
  end(): void {
    if (this.quoted) throw new CsvSyntaxError('unterminated quoted field');
    this.endRecord();
  }
}

/**
 * Parses CSV text into a header and rows. A final line break is optional;
 * CRLF and LF both end a line; blank lines are skipped. Cost O(text length).
 * @throws CsvSyntaxError on a quote left open at the end of the text.
 * @example parseCsv('x,y\n1,"a,b"\n') // { header: ['x', 'y'], rows: [['1', 'a,b']] }
 */
export function parseCsv(text: string): CsvDocument {
  const records: string[][] = [];
  const parser = new CsvRecordParser((record) => records.push(record));
  parser.push(text);
  parser.end();
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** A CSV field read as a number: `NaN` for empty or non-numeric text (as dgsim writes NaN). */
export function csvNumber(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return Number.NaN;
  return Number(text);
}
