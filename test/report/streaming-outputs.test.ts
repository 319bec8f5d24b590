/**
 * Point 5 of the performance issue: outputs stream, so a long horizon does
 * not grow memory. monthly.csv is made and written a month at a time (the
 * atomic writer takes parts and writes them as they come), the report reads
 * CSV in a stream, and the charts share one lookup of the monthly table.
 * (How much memory that saves is a figure of `npm run bench`, not a test.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex, TEMP_PREFIX, writeFileAtomic } from '../../src/report/atomic-write.js';
import { monthlyLookup } from '../../src/report/charts/monthly-select.js';
import { FINITE_OUTPUTS_INVARIANT } from '../../src/report/finite-guard.js';
import { parseCsv } from '../../src/report/inputs/parse-csv.js';
import { forEachCsvRecord, readCsv, ReportInputError } from '../../src/report/inputs/read-files.js';
import { readMonthlyCsv } from '../../src/report/inputs/read-run.js';
import { monthlyCsv, monthlyCsvFile, monthlyCsvParts, runOutputFiles } from '../../src/report/run-outputs.js';
import { InvariantError, runValidated } from '../../src/scenarios/run.js';
import { monthlyRows, monthlyRowsByMonth, type MonthlyRow } from '../../src/sim/metrics/index.js';
import { smallCity } from './report-fixtures.js';

let directory = '';
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'dgsim-streaming-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** The temporary file writeFileAtomic is writing in `directory`, and its size so far. */
function temporarySize(): number {
  const temporary = readdirSync(directory).filter((name) => name.startsWith(TEMP_PREFIX));
  expect(temporary).toHaveLength(1);
  return statSync(join(directory, temporary[0]!)).size;
}

describe('writeFileAtomic with content in parts', () => {
  it('writes each part before it asks for the next one past its buffer, and hashes the whole', async () => {
    const part = 'x'.repeat(300_000);
    const onDisk: number[] = [];
    function* parts(): Generator<string> {
      for (let k = 0; k < 4; k++) {
        if (k > 0) onDisk.push(temporarySize());
        yield `${k}${part}\n`;
      }
    }
    const path = join(directory, 'big.txt');
    const written = await writeFileAtomic(path, parts());
    const whole = [0, 1, 2, 3].map((k) => `${k}${part}\n`).join('');
    // Each part is larger than the write buffer, so by the time the next one is made it is on disk.
    expect(onDisk).toEqual([300_002, 600_004, 900_006]);
    expect(readFileSync(path, 'utf8')).toBe(whole);
    expect(written.bytes).toBe(Buffer.byteLength(whole));
    expect(written.sha256).toBe(sha256Hex(Buffer.from(whole)));
  });

  it('takes text and bytes mixed, in order', async () => {
    const path = join(directory, 'mixed.txt');
    await writeFileAtomic(path, ['é', new Uint8Array([0x41]), '\n']);
    expect(readFileSync(path, 'utf8')).toBe('éA\n');
  });

  it('leaves the old file and no temporary file when a part throws', async () => {
    const path = join(directory, 'a.txt');
    writeFileSync(path, 'old');
    function* failing(): Generator<string> {
      yield 'new, half';
      throw new Error('a part failed');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('a part failed');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(directory)).toEqual(['a.txt']);
  });
});

describe('monthly.csv, a month at a time', () => {
  const run = runValidated(smallCity({ horizonMonths: 9, size: 800 }), 2);

  it('is given as parts, the header then one per month, that make the whole table', () => {
    const file = monthlyCsvFile('monthly.csv', run.config, run.output);
    expect(typeof file.content).not.toBe('string');
    const parts = [...(file.content as Iterable<string>)];
    expect(parts).toHaveLength(run.output.months + 1);
    expect(parts[0]).toBe('month,segment,metric,value\n');
    parts.slice(1).forEach((part, month) => {
      const months = new Set(parseCsv(`h\n${part}`).rows.map((row) => row[0]));
      expect(months).toEqual(new Set([String(month)]));
    });
    expect(parts.join('')).toBe(monthlyCsv(monthlyRows(run.config, run.output)));
    // The content can be read again (a retried write makes it anew).
    expect([...(file.content as Iterable<string>)].join('')).toBe(parts.join(''));
  });

  it('monthlyRowsByMonth gives monthlyRows month by month', () => {
    const byMonth = [...monthlyRowsByMonth(run.config, run.output)];
    expect(byMonth).toHaveLength(run.output.months);
    byMonth.forEach((rows, month) => expect(rows.every((row) => row.month === month)).toBe(true));
    expect(byMonth.flat()).toEqual(monthlyRows(run.config, run.output));
  });

  it('a bad value is refused before anything is written, naming its row in the whole table', () => {
    const good = [...monthlyRowsByMonth(run.config, run.output)];
    const broken = [good[0]!, good[1]!.map((row, k) => (k === 2 ? { ...row, value: Number.POSITIVE_INFINITY } : row))];
    let error: unknown;
    try {
      for (const part of monthlyCsvParts(broken)) void part;
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvariantError);
    expect((error as InvariantError).violations).toEqual([{ invariant: FINITE_OUTPUTS_INVARIANT, detail: `monthly.csv: row ${good[0]!.length + 3}, column value is Infinity` }]);
    // runOutputFiles checks the whole table when it is called, before a writer asks for a part.
    const tampered = { ...run, output: { ...run.output, segmentMonthly: run.output.segmentMonthly.map((value, k) => (k === 5 ? Number.NaN : value)) } };
    const provenance = { dgsimVersion: '0', command: 'dgsim run x', scenarioFiles: ['x'], scenarioHash: 'h', seed: 2 };
    expect(() => runOutputFiles(tampered, provenance)).toThrow(InvariantError);
  });
});

describe('reading CSV in a stream', () => {
  /** A CSV of about 400 KB whose fields hold commas, quotes, line breaks and CRLF, so the stream's chunks end inside them. */
  function awkwardCsv(): string {
    const lines = ['month,segment,metric,value'];
    for (let k = 0; k < 6000; k++) {
      const segment = k % 3 === 0 ? `"district:a,""b""\r\nc${k % 7}"` : `age:${k % 5}`;
      lines.push(`${k % 120},${segment},metric-${k % 11}-${'m'.repeat(k % 40)},${k / 7}`);
    }
    // CRLF after every other line, LF after the rest.
    return lines.map((line, k) => `${line}${k % 2 === 0 ? '\r\n' : '\n'}`).join('');
  }

  it('gives the records parseCsv gives for the whole text, across chunk ends', async () => {
    const text = awkwardCsv();
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * 65_536);
    const path = join(directory, 'awkward.csv');
    writeFileSync(path, text);
    const whole = parseCsv(text);
    const streamed: string[][] = [];
    await forEachCsvRecord(path, (record) => streamed.push(record));
    expect(streamed).toEqual([whole.header, ...whole.rows]);
    expect(await readCsv(path)).toEqual(whole);
    const rows = await readMonthlyCsv(path);
    expect(rows).toHaveLength(6000);
    expect(rows[3]).toEqual({ month: 3, segment: 'district:a,"b"\r\nc3', metric: 'metric-3-mmm', value: 3 / 7 });
  });

  it('reads a doubled quote or a CRLF that a chunk end splits', async () => {
    // A file stream reads 64 KiB at a time: put each character of an awkward line across that boundary in turn.
    const awkward = '1,"a""b",c\r\n2,"x\r\ny",z\r\n';
    const header = 'p,q,r\r\n';
    for (let shift = 1; shift <= awkward.length; shift++) {
      const padding = 65_536 - shift - header.length - '0,,\r\n'.length;
      const text = `${header}0,${'w'.repeat(padding)},\r\n${awkward}3,end,\r\n`;
      expect(text.indexOf(awkward)).toBe(65_536 - shift);
      const path = join(directory, `split-${shift}.csv`);
      writeFileSync(path, text);
      expect(await readCsv(path), `the line split ${shift} characters before its end`).toEqual(parseCsv(text));
    }
  });

  it('refuses an open quote and an unreadable file, naming the file', async () => {
    const path = join(directory, 'open.csv');
    writeFileSync(path, 'a,b\n1,"x\n'.padEnd(200_000, 'y'));
    await expect(readCsv(path)).rejects.toThrow(ReportInputError);
    await expect(readCsv(path)).rejects.toThrow(`${path}`);
    await expect(readCsv(join(directory, 'missing.csv'))).rejects.toThrow(ReportInputError);
    await expect(readMonthlyCsv(join(directory, 'missing.csv'))).rejects.toThrow(/missing\.csv/);
  });

  it('stops at the header when the monthly columns are not there, naming them', async () => {
    const path = join(directory, 'no-columns.csv');
    writeFileSync(path, `month,x,y\n${'1,2,3\n'.repeat(100_000)}`);
    await expect(readMonthlyCsv(path)).rejects.toThrow(`${path} lacks the column(s) segment, metric, value`);
    writeFileSync(path, '');
    await expect(readMonthlyCsv(path)).rejects.toThrow(`${path} lacks the column(s) month, segment, metric, value`);
  });
});

describe('the charts share one lookup of the monthly table', () => {
  it('is built once per table and answers as a scan of the rows would', () => {
    const rows: MonthlyRow[] = [
      { month: 0, segment: 'all', metric: 'a', value: 1 },
      { month: 1, segment: 'all', metric: 'a', value: 2 },
      { month: 1, segment: 'age:75+', metric: 'a', value: 3 },
      { month: 1, segment: 'all', metric: 'a', value: 4 },
    ];
    const lookup = monthlyLookup(rows);
    expect(monthlyLookup(rows)).toBe(lookup);
    expect(monthlyLookup([...rows])).not.toBe(lookup);
    expect(lookup('all', 'a', 0)).toBe(1);
    // The last row wins, as the lookup by key did.
    expect(lookup('all', 'a', 1)).toBe(4);
    expect(lookup('age:75+', 'a', 1)).toBe(3);
    expect(lookup('age:75+', 'a', 0)).toBeNaN();
    expect(lookup('all', 'b', 0)).toBeNaN();
    expect(lookup('nobody', 'a', 0)).toBeNaN();
  });
});
