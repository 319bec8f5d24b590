import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currentTrust, experience, trustBad, trustGood, trustShock } from '../../src/sim/trust.js';
import { CitizenRecord, DaySlot, FloatSlot, segmentOf, setStoredTrust, storedTrustOf, trustDayOf } from '../../src/sim/citizens.js';
import { trustDeviationsAt } from '../../src/sim/stocks.js';
import type { ModelConfig } from '../../src/sim/config.js';
import type { SimState } from '../../src/sim/state.js';
import { compile, freshState, tinyScenario } from '../fixtures/scenarios.js';

/** The tiny city with its trust parameters set; baseline (segment mean) 0.5. */
function setup(trust: Record<string, unknown> = {}): { config: ModelConfig; state: SimState } {
  const config = compile(tinyScenario({ trust }, { size: 10, horizonMonths: 12 }));
  return { config, state: freshState(config).state };
}

type Event = { day: number; kind: 'good' } | { day: number; kind: 'bad'; weight: number } | { day: number; kind: 'shock'; loss: number };

/**
 * Trust after the events by the closed form in trust.ts's header, in double
 * precision: reversion b + (τ − b)·exp(−r·Δd) between event days, then
 * good τ + g(1 − τ), bad τ − min(1, l·w)·τ, shock τ·(1 − loss).
 */
function byHand(start: number, baseline: number, r: number, g: number, l: number, events: readonly Event[], endDay: number): number {
  let trust = start;
  let day = 0;
  const revertTo = (d: number): void => {
    trust = baseline + (trust - baseline) * Math.exp(-r * (d - day));
    day = d;
  };
  for (const event of events) {
    revertTo(event.day);
    if (event.kind === 'good') trust += g * (1 - trust);
    else if (event.kind === 'bad') trust -= Math.min(1, l * event.weight) * trust;
    else trust *= 1 - Math.min(1, Math.max(0, event.loss));
  }
  revertTo(endDay);
  return trust;
}

function apply(state: SimState, config: ModelConfig, citizen: number, events: readonly Event[], endDay: number): number {
  for (const event of events) {
    state.day = event.day;
    if (event.kind === 'good') trustGood(state, config, citizen);
    else if (event.kind === 'bad') trustBad(state, config, citizen, event.weight);
    else trustShock(state, config, citizen, event.loss);
  }
  state.day = endDay;
  return currentTrust(state, config, citizen);
}

describe('trust', () => {
  const params = { gainGood: 0.03, lossBad: 0.07, reversionPerYear: 3 };
  const r = 3 / 360;

  it('follows the closed form over a sequence of experiences', () => {
    const { config, state } = setup(params);
    const citizen = 4;
    setStoredTrust(state.citizens, citizen, 0.8);
    const events: Event[] = [
      { day: 5, kind: 'good' },
      { day: 5, kind: 'bad', weight: 1 },
      { day: 12, kind: 'bad', weight: 0.5 },
      { day: 30, kind: 'shock', loss: 0.2 },
      { day: 31, kind: 'good' },
      { day: 31, kind: 'good' },
      { day: 200, kind: 'bad', weight: 2 },
    ];
    const expected = byHand(Math.fround(0.8), 0.5, r, 0.03, 0.07, events, 300);
    expect(Math.abs(apply(state, config, citizen, events, 300) - expected)).toBeLessThan(1e-6);
    // Other citizens are untouched and at the baseline.
    expect(currentTrust(state, config, 3)).toBeCloseTo(0.5, 7);
  });

  it('follows the closed form for random sequences', () => {
    const event: fc.Arbitrary<Event> = fc.oneof(
      fc.record({ day: fc.integer({ min: 0, max: 359 }), kind: fc.constant('good' as const) }),
      fc.record({ day: fc.integer({ min: 0, max: 359 }), kind: fc.constant('bad' as const), weight: fc.double({ min: 0, max: 20, noNaN: true }) }),
      fc.record({ day: fc.integer({ min: 0, max: 359 }), kind: fc.constant('shock' as const), loss: fc.double({ min: -0.5, max: 1.5, noNaN: true }) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), (unsorted, start) => {
        const events = [...unsorted].sort((a, b) => a.day - b.day);
        const { config, state } = setup(params);
        setStoredTrust(state.citizens, 0, start);
        const got = apply(state, config, 0, events, 360);
        expect(Math.abs(got - byHand(Math.fround(start), 0.5, r, 0.03, 0.07, events, 360))).toBeLessThan(1e-6);
        expect(got).toBeGreaterThanOrEqual(0);
        expect(got).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('reverts toward the segment baseline, from above and from below', () => {
    const { config, state } = setup({ reversionPerYear: 1 });
    setStoredTrust(state.citizens, 0, 0.9);
    setStoredTrust(state.citizens, 1, 0.1);
    state.day = 360;
    const high = currentTrust(state, config, 0);
    const low = currentTrust(state, config, 1);
    expect(high).toBeCloseTo(0.5 + 0.4 * Math.exp(-1), 6);
    expect(low).toBeCloseTo(0.5 - 0.4 * Math.exp(-1), 6);
    // Reading trust writes the reverted value back and moves the citizen's clock.
    expect(trustDayOf(state.citizens, 0)).toBe(360);
    expect(currentTrust(state, config, 0)).toBe(Math.fround(high));
  });

  it('moves more after a bad experience than after a good one, at the default sizes', () => {
    // Defaults: gainGood 0.01, lossBad 0.04; an unmet need weighs 1. The
    // asymmetry holds where l·w·τ > g·(1 − τ), i.e. τ > 0.2 for weight 1.
    const { config } = setup();
    expect(config.trust.lossBad * config.trust.weightUnmet).toBeGreaterThan(config.trust.gainGood);
    fc.assert(
      fc.property(fc.double({ min: 0.25, max: 1, noNaN: true }), (start) => {
        const good = setup().state;
        const bad = setup().state;
        setStoredTrust(good.citizens, 0, start);
        setStoredTrust(bad.citizens, 0, start);
        const t0 = storedTrustOf(good.citizens, 0);
        trustGood(good, config, 0);
        trustBad(bad, config, 0, config.trust.weightUnmet);
        const up = storedTrustOf(good.citizens, 0) - t0;
        const down = t0 - storedTrustOf(bad.citizens, 0);
        expect(up).toBeGreaterThanOrEqual(0);
        expect(down).toBeGreaterThan(up);
      }),
      { numRuns: 100 },
    );
  });

  it('applies the header formula of each experience bit for bit, without a branch (`experience`)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 359 }),
        fc.boolean(),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (start, day, good, weight, gainGood, lossBad) => {
          const { config, state } = setup({ ...params, gainGood, lossBad });
          const citizen = 2;
          setStoredTrust(state.citizens, citizen, start);
          state.day = day;
          // Up to date: the exact reverted value (the record holds it rounded), then the formula, rounded once.
          const stored = storedTrustOf(state.citizens, citizen);
          const baseline = config.segments.trustMean[segmentOf(state.citizens, citizen)]!;
          const trust = day > 0 ? baseline + (stored - baseline) * state.trustDecay[day]! : stored;
          const expected = Math.fround(good ? trust + gainGood * (1 - trust) : trust - Math.min(1, lossBad * weight) * trust);
          const { floats, days } = state.citizens;
          const deviation = trustDeviationsAt(state.stocks, state.trustDecay, state.day);
          const trustSlot = citizen * CitizenRecord.floats + FloatSlot.trust;
          const daySlot = citizen * CitizenRecord.days + DaySlot.trustDay;
          experience(floats, days, config.segments.trustMean, state.trustDecay, deviation, trustSlot, daySlot, segmentOf(state.citizens, citizen), day, good, gainGood, lossBad, weight);
          expect(Object.is(storedTrustOf(state.citizens, citizen), expected)).toBe(true);
          expect(trustDayOf(state.citizens, citizen)).toBe(day);
        },
      ),
      { numRuns: 300 },
    );
  });
});
