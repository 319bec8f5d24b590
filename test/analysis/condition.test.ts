import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../src/analysis/condition.js';

const METRICS = ['unmetRate', 'unmetRate[age=75+]', 'unmetRate[age=18-64]', 'costPerMetNeedGbp', 'meanTrustEnd[income=low]'];

describe('parseCondition', () => {
  it('parses one clause, and the example in its doc comment', () => {
    expect(parseCondition('unmetRate[age=75+] > 0.05', METRICS)).toEqual({
      ok: true,
      condition: { clauses: [{ metric: 'unmetRate[age=75+]', operator: '>', threshold: 0.05 }], text: 'unmetRate[age=75+] > 0.05' },
    });
    const percent = parseCondition('unmetRate[age=75+] > 5%', METRICS);
    expect(percent.ok && percent.condition.clauses[0]!.threshold).toBe(0.05);
  });

  it('parses every operator, "and", unicode ≥ ≤, exponents, negatives and no spaces', () => {
    const result = parseCondition('unmetRate>=1e-2 and costPerMetNeedGbp<40 AND meanTrustEnd[income=low] <= -0.5 and unmetRate ≥ .1 && unmetRate≤2', METRICS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.condition.clauses.map(({ operator, threshold }) => [operator, threshold])).toEqual([
      ['>=', 0.01],
      ['<', 40],
      ['<=', -0.5],
      ['>=', 0.1],
      ['<=', 2],
    ]);
    expect(result.condition.text).toBe('unmetRate >= 0.01 and costPerMetNeedGbp < 40 and meanTrustEnd[income=low] <= -0.5 and unmetRate >= 0.1 and unmetRate <= 2');
  });

  it('matches names loosely: snake case, other case, a space for "="', () => {
    const result = parseCondition('unmet_rate[age 75+] > 0.05', METRICS);
    expect(result.ok && result.condition.clauses[0]!.metric).toBe('unmetRate[age=75+]');
    const upper = parseCondition('COSTPERMETNEEDGBP > 1', METRICS);
    expect(upper.ok && upper.condition.clauses[0]!.metric).toBe('costPerMetNeedGbp');
  });

  it('names an unknown metric and suggests the closest', () => {
    const result = parseCondition('unmetRat[age=75+] > 0.05', METRICS);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown-metric',
        message: 'unknown metric "unmetRat[age=75+]" in the condition; did you mean "unmetRate[age=75+]"?',
        position: 0,
        metric: 'unmetRat[age=75+]',
        suggestion: 'unmetRate[age=75+]',
      },
    });
    const far = parseCondition('unmetRate > 0 and queueLength > 3', METRICS);
    expect(far.ok).toBe(false);
    if (far.ok) return;
    expect(far.error.position).toBe(18);
    expect(far.error.message).toMatch(/unknown metric "queueLength".*5 metrics/);
  });

  it('accepts any name when no metric list is given', () => {
    expect(parseCondition('anything[x=y] < 3').ok).toBe(true);
  });

  it('explains syntax errors with the position', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['   ', /empty/],
      ['> 0.05', /expected a metric name at character 1/],
      ['unmetRate 0.05', /expected >, >=, < or <= after "unmetRate" at character 11/],
      ['unmetRate = 0.05', /only >, >=, < and <= compare/],
      ['unmetRate > high', /expected a number after "unmetRate >"/],
      ['unmetRate > 0.05 or unmetRate < 0.01', /only "and" joins clauses/],
      ['unmetRate > 0.05 unmetRate < 1', /expected "and" or the end/],
      ['unmetRate[age=75+ > 0.05', /never closed/],
      ['unmetRate > 0.05 and', /expected a metric name/],
    ];
    for (const [text, message] of cases) {
      const result = parseCondition(text, METRICS);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error.message, text).toMatch(message);
    }
  });
});
