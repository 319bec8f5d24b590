import { describe, expect, it } from 'vitest';
import { CITY_COUNTER_COUNT, CityCounter as C, SegmentCounter as S } from '../../../src/sim/counters.js';
import { simulate, type RunOutput } from '../../../src/sim/engine.js';
import { checkInvariants, checkSummaryInvariants } from '../../../src/sim/metrics/invariants.js';
import { summarize } from '../../../src/sim/metrics/summary.js';
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

  it('names the first bad entry of a table, to its last month', () => {
    const lastMonth = (output.months - 1) * CITY_COUNTER_COUNT;
    const [infinite] = checkInvariants(tampered((o) => (o.cityMonthly[lastMonth + C.peakBacklog] = Number.POSITIVE_INFINITY)));
    expect(infinite).toEqual({ invariant: 'finite city counters', detail: `city counter peakBacklog, month ${output.months - 1} is Infinity` });
    const negative = checkInvariants(tampered((o) => (o.cityMonthly[lastMonth + C.peakBacklog] = -3)));
    expect(negative).toEqual([{ invariant: 'non-negative city counters', detail: `city counter peakBacklog, month ${output.months - 1} is -3` }]);
  });

  it('reports a negative cost as a cost, not again as a negative counter', () => {
    const invariants = checkInvariants(tampered((o) => (o.cityMonthly[C.costRunning] = -5))).map((v) => v.invariant);
    expect(invariants).toEqual(['non-negative costs']);
  });
});

describe('checkSummaryInvariants', () => {
  const config = compile(cityScenario({ size: 500, horizonMonths: 2 }));
  const summary = summarize(config, simulate(config, 1));

  it('passes a real summary', () => {
    expect(checkSummaryInvariants(summary)).toEqual([]);
  });

  it('names the group and field of a share out of [0, 1] and of a negative cost', () => {
    const segment = Object.keys(summary.segments)[0]!;
    const broken = {
      ...summary,
      segments: { ...summary.segments, [segment]: { ...summary.segments[segment]!, metShare: 1.5, channelMix: { ...summary.segments[segment]!.channelMix, phone: -0.2 } } },
      byAge: Object.fromEntries(Object.entries(summary.byAge).map(([age, group]) => [age, { ...group, governmentCostTransactionsGbp: -1 }])),
    };
    const details = checkSummaryInvariants(broken).map((v) => `${v.invariant}: ${v.detail}`);
    expect(details).toContain(`shares within [0, 1]: segments.${segment}.metShare is 1.5`);
    expect(details).toContain(`shares within [0, 1]: segments.${segment}.channelMix.phone is -0.2`);
    const age = Object.keys(summary.byAge)[0]!;
    expect(details).toContain(`non-negative costs: byAge.${age}.governmentCostTransactionsGbp is -1`);
    expect(details).toHaveLength(2 + Object.keys(summary.byAge).length);
  });
});
