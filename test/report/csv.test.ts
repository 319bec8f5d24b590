import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../src/report/csv.js';
import { monthlyCsv, MONTHLY_CSV_HEADER } from '../../src/report/run-outputs.js';

describe('csv', () => {
  it('quotes fields holding commas, quotes or line breaks, and only those', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('age:75+')).toBe('age:75+');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('prints numbers exactly with String(x), booleans as true/false', () => {
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(1e21)).toBe('1e+21');
    expect(csvField(Number.NaN)).toBe('NaN');
    expect(csvField(-0)).toBe('0');
    expect(csvField(true)).toBe('true');
    for (const x of [Math.PI, 1 / 3, 123456.789, 5e-324]) expect(Number(csvField(x))).toBe(x);
  });

  it('writes a header then rows, every line ending in LF', () => {
    expect(csvText(['x', 'y'], [[1, 'a,b'], [2, 'c']])).toBe('x,y\n1,"a,b"\n2,c\n');
  });

  it('writes monthly.csv with the header month,segment,metric,value', () => {
    expect(MONTHLY_CSV_HEADER.join(',')).toBe('month,segment,metric,value');
    expect(monthlyCsv([{ month: 0, segment: 'district:a,b', metric: 'needsMet', value: 1 / 3 }])).toBe(
      'month,segment,metric,value\n0,"district:a,b",needsMet,0.3333333333333333\n',
    );
  });
});
