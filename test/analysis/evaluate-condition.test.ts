import { describe, expect, it } from 'vitest';
import { parseCondition, type Condition } from '../../src/analysis/condition.js';
import { evaluateCondition } from '../../src/analysis/evaluate-condition.js';

function condition(text: string): Condition {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.condition;
}

describe('evaluateCondition', () => {
  it('holds when every clause holds, with each operator at its boundary', () => {
    expect(evaluateCondition(condition('a > 1'), { a: 1 })).toBe(false);
    expect(evaluateCondition(condition('a >= 1'), { a: 1 })).toBe(true);
    expect(evaluateCondition(condition('a < 1'), { a: 1 })).toBe(false);
    expect(evaluateCondition(condition('a <= 1'), { a: 1 })).toBe(true);
    expect(evaluateCondition(condition('a > 1 and b < 2'), { a: 2, b: 1 })).toBe(true);
    expect(evaluateCondition(condition('a > 1 and b < 2'), { a: 2, b: 3 })).toBe(false);
  });

  it('reads records and maps; a missing or non-finite value fails its clause', () => {
    expect(evaluateCondition(condition('unmetRate[age=75+] > 0.05'), new Map([['unmetRate[age=75+]', 0.07]]))).toBe(true);
    expect(evaluateCondition(condition('a > 0'), {})).toBe(false);
    expect(evaluateCondition(condition('a < 0'), { a: Number.NaN })).toBe(false);
    expect(evaluateCondition(condition('a > 0'), { a: Number.POSITIVE_INFINITY })).toBe(false);
  });
});
