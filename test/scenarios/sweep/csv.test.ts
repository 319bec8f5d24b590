import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, csvValue, parseCsv } from '../../../src/scenarios/sweep/csv.js';

describe('csv', () => {
  it('quotes fields that need it', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', ''])).toBe('a,"b,c","say ""hi""","two\nlines",\n');
  });

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parseCsv(rows.map((row) => csvLine(row)).join(''));
        expect(parsed.ok && parsed.rows.map((r) => r.cells)).toEqual(rows);
      }),
    );
  });

  it('gives line numbers and skips blank lines', () => {
    const parsed = parseCsv('a,b\r\n\n1,"x\ny"\n2,3');
    expect(parsed.ok && parsed.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', 'x\ny'] },
      { line: 5, cells: ['2', '3'] },
    ]);
    expect(parseCsv('a\n"open')).toEqual({ ok: false, line: 2, detail: 'a quoted field is not closed' });
  });

  it('reads numbers and booleans as values', () => {
    expect(['1', ' 2.5 ', '-1e-3', 'true', 'false', 'abc', '', '0x10'].map(csvValue)).toEqual([1, 2.5, -0.001, true, false, 'abc', '', '0x10']);
  });
});
