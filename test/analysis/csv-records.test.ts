import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/analysis/csv-records.js';
import { csvText } from '../../src/report/csv.js';

async function collect(chunks: Iterable<string | Uint8Array>): Promise<{ line: number; fields: string[] }[]> {
  const records = [];
  for await (const record of csvRecords(chunks)) records.push(record);
  return records;
}

describe('csvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, with the line each record starts on', async () => {
    const text = 'a,b,c\n1,"x,y","say ""hi"""\n2,"two\nlines",\n\n3,,z';
    expect(await collect([text])).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x,y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', ''] },
      { line: 6, fields: ['3', '', 'z'] },
    ]);
  });

  it('handles CRLF, a byte-order mark, and bytes split inside a UTF-8 character', async () => {
    const bytes = new TextEncoder().encode('\uFEFFname,ok\r\n75+ – £,true\r\n');
    const split = [bytes.slice(0, 5), bytes.slice(5, 16), bytes.slice(16)];
    expect((await collect(split)).map((record) => record.fields)).toEqual([
      ['name', 'ok'],
      ['75+ – £', 'true'],
    ]);
  });

  it('reads back whatever the CSV writer writes, however the text is chunked', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é'), maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), async (rows, cuts) => {
        const text = csvText(['x', 'y'], rows);
        const chunks: string[] = [];
        let at = 0;
        for (let k = 0; at < text.length; k++) {
          const size = cuts[k % cuts.length]!;
          chunks.push(text.slice(at, at + size));
          at += size;
        }
        const records = await collect(chunks);
        // Rows of two empty fields are written as "," and read back as such.
        expect(records.map((record) => record.fields)).toEqual([['x', 'y'], ...rows]);
      }),
    );
  });

  it('reports broken quoting with the line', async () => {
    await expect(collect(['a\n"open'])).rejects.toThrow(/line 2: a quoted field is never closed/);
    await expect(collect(['"a"b\n'])).rejects.toThrow(/line 1: text after a closing quote/);
    await expect(collect(['a"b\n'])).rejects.toThrow(/quote inside an unquoted field/);
  });
});
