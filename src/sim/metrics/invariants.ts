/**
 * Invariants every run must satisfy; a violation is a bug in the model, so
 * it is reported by name rather than passed on as a silent number.
 */
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S, CityCounter as C, CITY_COUNTER_COUNT } from '../counters.js';
import type { RunOutput } from '../engine.js';
import { cityMonth, segmentTotals, unmetOf } from './totals.js';

export interface InvariantViolation {
  readonly invariant: string;
  readonly detail: string;
}

/** Checks conservation of needs, finiteness and signs of every counter. */
export function checkInvariants(output: RunOutput): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const all = Array.from({ length: output.segmentCount }, (_, s) => s);
  const t = segmentTotals(output, all, { from: 0, to: output.months });
  const pending = cityMonth(output, output.months - 1, C.pendingEnd);
  const accounted = t[S.met]! + unmetOf(t) + pending;
  if (Math.abs(accounted - t[S.arrived]!) > 1e-6) {
    violations.push({ invariant: 'conservation of needs', detail: `arrived ${t[S.arrived]} ≠ met ${t[S.met]} + unmet ${unmetOf(t)} + pending ${pending}` });
  }
  const tables: [string, Float64Array, number][] = [
    ['segment counters', output.segmentMonthly, SEGMENT_COUNTER_COUNT],
    ['city counters', output.cityMonthly, CITY_COUNTER_COUNT],
    ['district counters', output.districtMonthly, 1],
  ];
  for (const [name, table] of tables) {
    for (let i = 0; i < table.length; i++) {
      const value = table[i]!;
      if (!Number.isFinite(value)) {
        violations.push({ invariant: `finite ${name}`, detail: `entry ${i} is ${value}` });
        break;
      }
      if (value < -1e-9) {
        violations.push({ invariant: `non-negative ${name}`, detail: `entry ${i} is ${value}` });
        break;
      }
    }
  }
  return violations;
}
