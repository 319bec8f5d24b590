/**
 * Streaming CSV (RFC 4180, as dgsim writes it): records come out as the
 * chunks come in, so a sweep's runs.csv is never all in memory. Quoted
 * fields may hold commas, doubled quotes and line breaks; LF, CRLF or CR end
 * a record; blank lines and a leading byte-order mark are skipped. The state
 * machine keeps its state between chunks, so a chunk may end anywhere.
 */

/** A record and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** Where the parser is: at a field's start, in an unquoted field, in a quoted one, just after a quote inside one, or after a closing quote. */
type State = 'start' | 'plain' | 'quoted' | 'quote' | 'closed';

/**
 * The records of CSV text arriving in `chunks` (strings, or UTF-8 bytes
 * from a file stream).
 * Cost O(text length) time; memory O(longest record).
 * @throws Error naming the line when a quoted field is never closed, text
 * follows a closing quote, or a quote appears inside an unquoted field.
 * @example for await (const { fields } of csvRecords(createReadStream('runs.csv'))) console.log(fields);
 */
export async function* csvRecords(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8');
  let state: State = 'start';
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let atBeginning = true;
  let skipLineFeed = false;
  const ready: CsvRecord[] = [];
  const endRecord = (): void => {
    const blank = state === 'start' && fields.length === 0;
    if (!blank) {
      fields.push(field);
      ready.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    state = 'start';
    line++;
    recordLine = line;
  };
  const consume = (text: string): void => {
    for (let k = 0; k < text.length; k++) {
      const char = text[k]!;
      if (atBeginning) {
        atBeginning = false;
        if (char === '\uFEFF') continue;
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (char === '\n') continue;
      }
      if (state === 'quoted') {
        if (char === '"') state = 'quote';
        else {
          if (char === '\n') line++;
          field += char;
        }
        continue;
      }
      if (state === 'quote') {
        if (char === '"') {
          field += '"';
          state = 'quoted';
          continue;
        }
        state = 'closed';
      }
      if (char === ',') {
        fields.push(field);
        field = '';
        state = 'start';
      } else if (char === '\n' || char === '\r') {
        endRecord();
        skipLineFeed = char === '\r';
      } else if (state === 'closed') {
        throw new Error(`line ${line}: text after a closing quote`);
      } else if (char === '"') {
        if (state === 'plain') throw new Error(`line ${line}: a quote inside an unquoted field (quote the whole field and double the quote)`);
        state = 'quoted';
      } else {
        field += char;
        state = 'plain';
      }
    }
  };
  for await (const chunk of chunks) {
    consume(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    yield* ready.splice(0);
  }
  consume(decoder.decode());
  if ((state as State) === 'quoted') throw new Error(`line ${recordLine}: a quoted field is never closed`);
  if ((state as State) !== 'start' || fields.length > 0) endRecord();
  yield* ready.splice(0);
}
