import { describe, expect, it } from 'vitest';
import { CityCounter as C, SegmentCounter as S } from '../../../src/sim/counters.js';
import { simulate, type RunOutput } from '../../../src/sim/engine.js';
import { checkInvariants } from '../../../src/sim/metrics/invariants.js';
import { cityScenario, compile } from '../../fixtures/scenarios.js';

describe('checkInvariants', () => {
  const output = simulate(compile(cityScenario({ size: 500, horizonMonths: 2 })), 1);
  const tampered = (edit: (copy: RunOutput & { segmentMonthly: Float64Array; cityMonthly: Float64Array }) => void): RunOutput => {
    const copy = { ...output, segmentMonthly: output.segmentMonthly.slice(), cityMonthly: output.cityMonthly.slice() };
    edit(copy);
    return copy;
  };

  it('passes a real run', () => {
    expect(checkInvariants(output)).toEqual([]);
  });

  it('notices a need that went missing or appeared from nowhere', () => {
    expect(checkInvariants(tampered((o) => (o.segmentMonthly[S.met]! -= 1))).map((v) => v.invariant)).toContain('conservation of needs');
    expect(checkInvariants(tampered((o) => (o.segmentMonthly[S.unmetTimeout]! += 1))).map((v) => v.invariant)).toContain('conservation of needs');
  });

  it('notices a non-finite or negative counter', () => {
    expect(checkInvariants(tampered((o) => (o.cityMonthly[C.costRunning] = Number.NaN))).map((v) => v.invariant)).toContain('finite city counters');
    expect(checkInvariants(tampered((o) => (o.segmentMonthly[S.citizenHours] = -2))).map((v) => v.invariant)).toContain('non-negative segment counters');
  });
});
