import { describe, expect, it } from 'vitest';
import { compareCsv, compareJson, COMPARE_CSV_HEADER } from '../../src/report/compare-outputs.js';
import { compareSentence, formatCompareText } from '../../src/report/compare-text.js';
import { tinyComparison } from './fixtures.js';

const PROVENANCE = {
  dgsimVersion: '0.0.0',
  command: 'dgsim compare a.yaml b.yaml',
  a: { name: 'Tiny city', files: ['a.yaml'], hash: 'ha' },
  b: { name: 'Tiny digital-only', files: ['b.yaml'], hash: 'hb' },
  seed: 1,
  replications: 3,
};

describe('compare text and files', () => {
  const comparison = tinyComparison(3);

  it('sums the comparison up in one sentence with intervals, for the oldest age band', () => {
    const sentence = compareSentence(comparison);
    expect(sentence).toMatch(
      /^Under Tiny city, \d+\.\d% \[-?\d+\.\d, \d+\.\d\] of the needs of citizens aged 75\+ go unmet, against \d+\.\d% \[-?\d+\.\d, \d+\.\d\] under Tiny digital-only; government cost per met need £\S+ \[\S+, \S+\] vs £\S+ \[\S+, \S+\]\.$/,
    );
    expect(sentence.split('. ')).toHaveLength(1);
  });

  it('prints the sentence first, then the table with every age band, then the scorecards', () => {
    const text = formatCompareText(comparison);
    expect(text.split('\n')[0]).toBe(compareSentence(comparison));
    for (const band of Object.keys(comparison.firstA.summary.byAge)) expect(text).toContain(`Aged ${band}`);
    expect(text.indexOf('Headline metrics')).toBeLessThan(text.indexOf('Hopes and fears scorecards'));
    for (const row of comparison.firstA.summary.scorecard) expect(text).toContain(row.name);
  });

  it('writes compare.csv with one row per metric in the documented columns', () => {
    const lines = compareCsv(comparison).trimEnd().split('\n');
    expect(lines[0]).toBe(COMPARE_CSV_HEADER.join(','));
    expect(lines).toHaveLength(comparison.metrics.length + 1);
    const unmet = lines.find((line) => line.startsWith('unmetRate,'))!.split(',');
    const metric = comparison.metrics.find((m) => m.metric === 'unmetRate')!;
    expect(Number(unmet[1])).toBe(metric.a.mean);
    expect(Number(unmet[7])).toBe(metric.difference.mean);
    expect(unmet[10]).toBe('false');
  });

  it('writes compare.json with both scenarios, every metric and both scorecards', () => {
    const parsed = JSON.parse(compareJson(comparison, PROVENANCE)) as {
      a: { hash: string };
      metrics: { metric: string; difference: { low: number; high: number; mean: number } }[];
      scorecards: { rows: { id: string; a: unknown; b: unknown }[] };
    };
    expect(parsed.a.hash).toBe('ha');
    expect(parsed.metrics).toHaveLength(comparison.metrics.length);
    expect(parsed.scorecards.rows.map((row) => row.id)).toEqual(comparison.firstA.summary.scorecard.map((row) => row.id));
  });

  it('leaves the intervals out with one replication', () => {
    const single = tinyComparison(1);
    expect(compareSentence(single)).not.toContain('[');
    expect(formatCompareText(single)).toContain('One replication gives no confidence interval');
  });
});
