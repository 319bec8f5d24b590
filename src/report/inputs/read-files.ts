/**
 * Reading an output directory's files for the report: JSON with dgsim's
 * conventions (null stands for a non-finite number) and CSV tables, with
 * errors that name the file.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { REPORT_ERRORS } from '../messages.js';
import { CsvRecordParser, CsvSyntaxError, type CsvDocument } from './parse-csv.js';

/** Raised when an output directory cannot be read as a report input. */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

/** A JSON object, as read from an output file. */
export type JsonObject = { readonly [key: string]: unknown };

/** Whether a path exists and is a regular file. */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ReportInputError(REPORT_ERRORS.unreadable(path, error instanceof Error ? error.message : String(error)));
  }
}

/**
 * A JSON file as an object. With `nullAsNaN` (the default) `null` values are
 * read as NaN, since run and comparison files write a non-finite number (a
 * rate of nothing) as null; analysis files keep null, which their types allow.
 * @throws ReportInputError when the file cannot be read, is not JSON, or is not an object.
 */
export async function readJsonObject(path: string, nullAsNaN = true): Promise<JsonObject> {
  const text = await readText(path);
  let value: unknown;
  try {
    value = nullAsNaN ? JSON.parse(text, (_key, item: unknown) => (item === null ? Number.NaN : item)) : JSON.parse(text);
  } catch (error) {
    throw new ReportInputError(REPORT_ERRORS.notJson(path, error instanceof Error ? error.message : String(error)));
  }
  if (!isObject(value)) throw new ReportInputError(REPORT_ERRORS.notJson(path, 'the top level is not an object'));
  return value;
}

/**
 * Reads a CSV file in a stream, giving each record (the header first) to
 * `onRecord` as it is parsed: the file's text and its rows are never held
 * whole. Cost O(file size); memory one read chunk plus what `onRecord` keeps.
 * @throws ReportInputError when the file cannot be read or parsed; what `onRecord` throws.
 */
export async function forEachCsvRecord(path: string, onRecord: (record: string[]) => void): Promise<void> {
  const parser = new CsvRecordParser(onRecord);
  const stream = createReadStream(path, { encoding: 'utf8' });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  let rest = '';
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw new ReportInputError(REPORT_ERRORS.unreadable(path, error instanceof Error ? error.message : String(error)));
      }
      if (next.done === true) break;
      const text = rest + next.value;
      // The parser is given whole lines, so no quote or CR waits on the next chunk.
      const cut = text.lastIndexOf('\n') + 1;
      rest = text.slice(cut);
      if (cut > 0) parser.push(text.slice(0, cut));
    }
  } finally {
    stream.destroy();
  }
  try {
    parser.push(rest);
    parser.end();
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ReportInputError(REPORT_ERRORS.badCsv(path, error.message));
    throw error;
  }
}

/** A CSV file: its header and rows. @throws ReportInputError when it cannot be read or parsed. */
export async function readCsv(path: string): Promise<CsvDocument> {
  const records: string[][] = [];
  await forEachCsvRecord(path, (record) => records.push(record));
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value at a dotted path of an object, or undefined. */
export function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The object at `path`, or a ReportInputError naming the file and path. */
export function requireObject(value: unknown, path: string, file: string): JsonObject {
  const found = at(value, path);
  if (!isObject(found)) throw new ReportInputError(REPORT_ERRORS.missingField(file, path));
  return found;
}

/** A string at `path`, or `fallback`. */
export function stringAt(value: unknown, path: string, fallback: string): string {
  const found = at(value, path);
  return typeof found === 'string' ? found : fallback;
}

/** A number at `path`, or NaN. */
export function numberAt(value: unknown, path: string): number {
  const found = at(value, path);
  return typeof found === 'number' ? found : Number.NaN;
}
