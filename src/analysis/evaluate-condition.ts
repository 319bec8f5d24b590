/**
 * Whether a condition holds for one set of outcomes (a design point's means).
 */
import type { Condition } from './condition.js';

/**
 * True when every clause holds for `values` (metric name → value). A metric
 * that is missing or not finite makes its clause false: an outcome that could
 * not be measured does not count as meeting a condition.
 * Cost O(clauses).
 * @example evaluateCondition(parsed, { 'unmetRate[age=75+]': 0.07 }) // true for "unmetRate[age=75+] > 0.05"
 */
export function evaluateCondition(condition: Condition, values: Readonly<Record<string, number>> | ReadonlyMap<string, number>): boolean {
  const read = (metric: string): number | undefined => (values instanceof Map ? values.get(metric) : (values as Readonly<Record<string, number>>)[metric]);
  return condition.clauses.every(({ metric, operator, threshold }) => {
    const value = read(metric);
    if (value === undefined || !Number.isFinite(value)) return false;
    switch (operator) {
      case '>':
        return value > threshold;
      case '>=':
        return value >= threshold;
      case '<':
        return value < threshold;
      case '<=':
        return value <= threshold;
    }
  });
}
