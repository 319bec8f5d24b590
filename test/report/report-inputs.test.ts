/**
 * Reading output directories for the report: CSV parsing, detecting the
 * kind of directory, the readers of run, comparison and sweep directories
 * (from files the real writers produce), and the helpers the page uses.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectOutputKind, readReportModel, ReportInputError } from '../../src/report/build-report.js';
import { parseCsv } from '../../src/report/inputs/parse-csv.js';
import { readCompareDirectory } from '../../src/report/inputs/read-compare.js';
import { readRunDirectory } from '../../src/report/inputs/read-run.js';
import { readSweepDirectory } from '../../src/report/inputs/read-sweep.js';
import { markdownTable } from '../../src/report/markdown.js';
import { formatCell } from '../../src/report/model/format-cell.js';
import { formatBracket } from '../../src/report/model/intervals.js';
import { scopeSvgIds } from '../../src/report/render/scope-svg-ids.js';
import { monthlyRows } from '../../src/sim/metrics/index.js';
import { smallComparison, smallRun, writeSmallCompareDirectory, writeSmallRunDirectory, writeSyntheticSweepDirectory } from './report-fixtures.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a missing final newline', () => {
    expect(parseCsv('a,b\r\n1,"x, ""y"""\n2,\n"3",z')).toEqual({ header: ['a', 'b'], rows: [['1', 'x, "y"'], ['2', ''], ['3', 'z']] });
  });
  it('reads a quoted line break inside a field and refuses an open quote', () => {
    expect(parseCsv('a\n"x\ny"\n').rows).toEqual([['x\ny']]);
    expect(() => parseCsv('a\n"x')).toThrow(/unterminated/);
  });
});

describe('output directories', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dgsim-report-inputs-'));
    await writeSmallRunDirectory(join(root, 'run'));
    await writeSmallCompareDirectory(join(root, 'compare'));
    await writeSyntheticSweepDirectory(join(root, 'sweep'));
    await mkdir(join(root, 'empty'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('are told apart by their files', async () => {
    expect(await detectOutputKind(join(root, 'run'))).toBe('run');
    expect(await detectOutputKind(join(root, 'compare'))).toBe('compare');
    expect(await detectOutputKind(join(root, 'sweep'))).toBe('sweep');
    await expect(detectOutputKind(join(root, 'empty'))).rejects.toThrow(ReportInputError);
    await expect(detectOutputKind(join(root, 'missing'))).rejects.toThrow(/is not a directory/);
  });

  it('a run reads back the summary and every monthly row the run wrote', async () => {
    const run = smallRun();
    const input = await readRunDirectory(join(root, 'run'));
    expect(input.scenarioName).toBe(run.scenario.name);
    expect(input.seed).toBe(run.seed);
    expect(input.summary.overall.unmetRate).toBe(run.summary.overall.unmetRate);
    expect(input.monthly).toEqual(monthlyRows(run.config, run.output).map((row) => ({ ...row })));
  });

  it('a comparison reads back means, CIs, scorecards and both monthly tables', async () => {
    const comparison = smallComparison();
    const input = await readCompareDirectory(join(root, 'compare'));
    expect([input.nameA, input.nameB, input.replications]).toEqual([comparison.nameA, comparison.nameB, comparison.replications]);
    const unmet = input.metrics.find((metric) => metric.metric === 'unmetRate')!;
    const original = comparison.metrics.find((metric) => metric.metric === 'unmetRate')!;
    expect(unmet.difference.mean).toBe(original.difference.mean);
    expect(unmet.difference.low).toBe(original.difference.low);
    expect(unmet.unit).toBe('share');
    expect(input.scorecardA.map((row) => row.verdict)).toEqual(comparison.firstA.summary.scorecard.map((row) => row.verdict));
    expect(input.monthlyA.length).toBeGreaterThan(0);
    expect(input.monthlyB.length).toBe(input.monthlyA.length);
  });

  it('a sweep reads its parameters, metrics, runs and analysis files', async () => {
    const input = await readSweepDirectory(join(root, 'sweep'));
    expect(input.parameters).toEqual(['usability', 'assisted']);
    expect(input.metrics).toContain('unmetRate[age=75+]');
    expect(input.runs.length).toBe(12);
    expect(input.sensitivity?.barMeasures).toEqual(['prcc']);
    expect(input.prim?.boxes[0]?.limits[1]?.keeps).toEqual(['false']);
  });

  it('every kind gives a report model with a sentence carrying its uncertainty', async () => {
    const run = await readReportModel(join(root, 'run'));
    expect(run.headline).toMatch(/^In “Digital-only”, \d+\.\d% \[\d+\.\d, \d+\.\d\] of the needs of citizens aged 75\+ go unmet, against/);
    const compare = await readReportModel(join(root, 'compare'));
    expect(compare.headline).toMatch(/^Under Digital-only, \d+\.\d% \[\d+\.\d, \d+\.\d\] of the needs of citizens aged 75\+ go unmet, against \d+\.\d% \[\d+\.\d, \d+\.\d\] under Status quo\.$/);
    expect(compare.uncertainty).toMatch(/3 paired replications/);
    const sweep = await readReportModel(join(root, 'sweep'));
    expect(sweep.headline).toMatch(/Across 12 runs/);
    expect(sweep.details.join(' ')).toMatch(/most sensitive to online usability/);
    expect(sweep.charts.map((chart) => chart.id)).toEqual(expect.arrayContaining(['prim-boxes', 'prim-trajectory', 'sensitivity-unmetrate']));
  });

  it('a foreign summary.json is refused with the field it lacks', async () => {
    const directory = join(root, 'foreign');
    await mkdir(directory);
    await writeFile(join(directory, 'summary.json'), '{"summary": {"overall": {}}}');
    await expect(readRunDirectory(directory)).rejects.toThrow(/has no segments/);
  });
});

describe('report helpers', () => {
  it('format cells by unit and brackets like the issue asks ("12.3% [11.8, 12.9]")', () => {
    expect(formatCell(0.1234, 'share')).toBe('12.3%');
    expect(formatCell(-0.0204, 'pp')).toBe('-2.0 pp');
    expect(formatCell(0.0204, 'pp')).toBe('+2.0 pp');
    expect(formatCell(Number.NaN, 'gbp')).toBe('—');
    expect(formatBracket(0.118, 0.129, 'share')).toBe('[11.8, 12.9]');
    expect(formatBracket(Number.NaN, 0.1, 'share')).toBe('(no interval)');
  });

  it('scope SVG ids and their references to one chart', () => {
    const svg = '<svg><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"/><use href="#clip1"/><a href="#elsewhere"/></svg>';
    expect(scopeSvgIds(svg, 'c2-')).toBe('<svg><clipPath id="c2-clip1"><rect/></clipPath><g clip-path="url(#c2-clip1)"/><use href="#c2-clip1"/><a href="#elsewhere"/></svg>');
  });

  it('escape pipes in Markdown tables and align numbers right', () => {
    expect(markdownTable({ columns: [{ label: 'a|b', unit: 'text' }, { label: 'n', unit: 'count' }], rows: [['x|y', 1234]] })).toBe('| a\\|b | n |\n| --- | ---: |\n| x\\|y | 1,234 |');
  });
});
