/**
 * Check (d): under a fixed sequence of experiences, a citizen's trust equals
 * the closed form of the update rule (src/sim/trust.ts):
 *
 *   good:  τ ← τ + g·(1 − τ)        bad of weight w:  τ ← τ − min(1, l·w)·τ
 *   between days d₀ and d:  τ ← b + (τ − b)·e^{−r·(d − d₀)}
 *
 * Each rule is affine in τ (τ ← a·τ + c), so a cycle of experiences and
 * reversion is one affine map, and k repetitions of it have the closed form
 *
 *   τ_k = τ* + (τ₀ − τ*)·a^k,   τ* = c / (1 − a)
 *
 * τ* being the level trust settles at under that pattern of experiences.
 *
 *   schedule of phases (cycle, repetitions) ──► closed form at each cycle end
 *   the same schedule through trustGood / trustBad / currentTrust on a one-citizen state ──► compare
 */
import { DAYS_PER_YEAR } from '../sim/config.js';
import { createContext, initialState } from '../sim/engine.js';
import { currentTrust, trustBad, trustGood } from '../sim/trust.js';
import { buildScenario } from './day-loop.js';
import { allPassed, fixed, scientific, type CheckResult, type Criterion } from './types.js';

/** An affine map τ ↦ a·τ + c. */
export interface Affine {
  readonly a: number;
  readonly c: number;
}

/** `first` then `second`. */
export function thenApply(first: Affine, second: Affine): Affine {
  return { a: second.a * first.a, c: second.a * first.c + second.c };
}

/** An experience: good, or bad with a weight. */
export type Experience = { readonly kind: 'good' } | { readonly kind: 'bad'; readonly weight: number };

/** The trust parameters of the closed form, per day. */
export interface TrustRule {
  readonly gainGood: number;
  readonly lossBad: number;
  readonly reversionPerDay: number;
  readonly baseline: number;
}

/** The map of one experience. */
export function experienceMap(rule: TrustRule, experience: Experience): Affine {
  return experience.kind === 'good' ? { a: 1 - rule.gainGood, c: rule.gainGood } : { a: 1 - Math.min(1, rule.lossBad * experience.weight), c: 0 };
}

/** The map of `days` days of reversion toward the baseline. */
export function reversionMap(rule: TrustRule, days: number): Affine {
  const decay = Math.exp(-rule.reversionPerDay * days);
  return { a: decay, c: rule.baseline * (1 - decay) };
}

/** A phase: a cycle of `cycleDays` days with experiences at given day offsets, repeated `cycles` times. */
export interface TrustPhase {
  readonly label: string;
  readonly cycleDays: number;
  readonly cycles: number;
  readonly events: readonly { readonly offset: number; readonly experience: Experience }[];
}

/** The affine map of one cycle of a phase (experiences in offset order, reversion between them and to the cycle's end). */
export function cycleMap(rule: TrustRule, phase: TrustPhase): Affine {
  let map: Affine = { a: 1, c: 0 };
  let day = 0;
  for (const event of [...phase.events].sort((x, y) => x.offset - y.offset)) {
    map = thenApply(thenApply(map, reversionMap(rule, event.offset - day)), experienceMap(rule, event.experience));
    day = event.offset;
  }
  return thenApply(map, reversionMap(rule, phase.cycleDays - day));
}

/** τ after k repetitions of `map` from τ₀: τ* + (τ₀ − τ*)·a^k, or τ₀ + k·c when a = 1. */
export function repeated(map: Affine, start: number, k: number): number {
  if (map.a === 1) return start + k * map.c;
  const fixedPoint = map.c / (1 - map.a);
  return fixedPoint + (start - fixedPoint) * Math.pow(map.a, k);
}

/** Largest |engine − closed form| accepted (trust is stored as a 32-bit float). */
export const TRUST_TOLERANCE = 1e-5;

/** The schedule of the check: good experiences, a quiet spell, bad experiences, a mix, and quiet again. */
export const TRUST_SCHEDULE: readonly TrustPhase[] = [
  { label: 'a good experience every 3 days', cycleDays: 3, cycles: 60, events: [{ offset: 0, experience: { kind: 'good' } }] },
  { label: 'no experience (reversion)', cycleDays: 10, cycles: 18, events: [] },
  { label: 'an unmet need (bad, weight 1) every 6 days', cycleDays: 6, cycles: 30, events: [{ offset: 0, experience: { kind: 'bad', weight: 1 } }] },
  {
    label: 'two good and a failed attempt (bad, weight 0.5) every 10 days',
    cycleDays: 10,
    cycles: 18,
    events: [
      { offset: 0, experience: { kind: 'good' } },
      { offset: 3, experience: { kind: 'good' } },
      { offset: 6, experience: { kind: 'bad', weight: 0.5 } },
    ],
  },
  { label: 'no experience (reversion)', cycleDays: 10, cycles: 18, events: [] },
];

/**
 * Runs check (d) with the scenario defaults of the trust rule. Cost
 * O(experiences); the engine's functions act on a one-citizen state.
 */
export function trustClosedFormCheck(schedule: readonly TrustPhase[] = TRUST_SCHEDULE): CheckResult {
  const days = schedule.reduce((sum, phase) => sum + phase.cycleDays * phase.cycles, 0);
  const { scenario, config } = buildScenario({
    name: 'validation: trust closed form',
    horizonMonths: Math.ceil(days / 30) + 1,
    population: { size: 1 },
    districts: [{ id: 'town', counterTravelMinutes: 20, assistedTravelMinutes: 20 }],
    segments: [
      {
        id: 'one', age: 'all', income: 'all', district: 'town', share: 1, internetAccess: 1,
        digitalSkill: { mean: 0.5, sd: 0 }, motivation: { mean: 0.5, sd: 0 }, privacyConcern: { mean: 0.4, sd: 0 }, trust: { mean: 0.45, sd: 0 },
        needsPerYear: 0, patienceDays: 30, helperAvailable: 0,
      },
    ],
    services: [{ id: 'any', share: 1, complexity: 0.3, agencies: 1, patienceFactor: 1, dataFields: 5, automatable: false }],
  });
  const rule: TrustRule = {
    gainGood: scenario.trust.gainGood,
    lossBad: scenario.trust.lossBad,
    reversionPerDay: scenario.trust.reversionPerYear / DAYS_PER_YEAR,
    baseline: scenario.segments[0]!.trust.mean,
  };
  const state = initialState(config, createContext(config, 1));
  const citizen = 0;
  let closedForm = currentTrust(state, config, citizen);
  let day = 0;
  const engine: [number, number][] = [[0, closedForm]];
  const closed: [number, number][] = [[0, closedForm]];
  const rows: string[][] = [];
  let maxDifference = 0;
  for (const phase of schedule) {
    const map = cycleMap(rule, phase);
    const phaseStart = closedForm;
    for (let k = 1; k <= phase.cycles; k++) {
      for (const event of phase.events) {
        state.day = day + event.offset;
        if (event.experience.kind === 'good') trustGood(state, config, citizen);
        else trustBad(state, config, citizen, event.experience.weight);
      }
      day += phase.cycleDays;
      state.day = day;
      const fromEngine = currentTrust(state, config, citizen);
      const fromClosedForm = repeated(map, phaseStart, k);
      maxDifference = Math.max(maxDifference, Math.abs(fromEngine - fromClosedForm));
      engine.push([day, fromEngine]);
      closed.push([day, fromClosedForm]);
    }
    closedForm = repeated(map, phaseStart, phase.cycles);
    const settle = map.a === 1 ? Number.NaN : map.c / (1 - map.a);
    rows.push([phase.label, String(day), fixed(closedForm, 5), fixed(engine[engine.length - 1]![1], 5), Number.isNaN(settle) ? '—' : fixed(settle, 4)]);
  }
  const criteria: Criterion[] = [
    { measure: `largest |engine − closed form| at the ${engine.length - 1} cycle ends`, tolerance: `≤ ${scientific(TRUST_TOLERANCE, 0)} (32-bit storage)`, measured: scientific(maxDifference), passed: maxDifference <= TRUST_TOLERANCE },
  ];
  return {
    id: 'trust-closed-form',
    title: '(d) Trust follows the closed form of its update rule',
    claim: 'Under a fixed sequence of good and bad experiences, with reversion toward the baseline in between, a citizen\'s trust in the engine equals the closed form of the update rule at every step.',
    formula: [
      'good: τ ← (1 − g)·τ + g      bad of weight w: τ ← (1 − min(1, l·w))·τ      d days apart: τ ← e^{−r·d}·τ + b·(1 − e^{−r·d})',
      'each is affine, so a cycle of them is one map τ ← a·τ + c, and k cycles give τ_k = τ* + (τ₀ − τ*)·a^k with τ* = c/(1 − a)',
      'e.g. a good experience every m days: a = (1 − g)·e^{−r·m}, c = b·(1 − e^{−r·m}) + g·e^{−r·m}',
    ].join('\n'),
    setup:
      `One citizen of baseline (and initial) trust b = ${rule.baseline}, the scenario defaults g = ${rule.gainGood}, l = ${rule.lossBad}, r = ${scenario.trust.reversionPerYear} a year. ` +
      `The engine's own functions (\`trustGood\`, \`trustBad\`, \`currentTrust\` with its lazy reversion) are applied to a one-citizen state on the scheduled days, over ${days} days; ` +
      'the closed form is evaluated at every cycle end. τ* is the level the phase\'s pattern would settle at.',
    criteria,
    passed: allPassed(criteria),
    figures: [
      {
        kind: 'line',
        title: 'Trust under a fixed sequence of experiences',
        xLabel: 'day',
        yLabel: 'trust',
        series: [
          { name: 'closed form', style: 'line', points: closed },
          { name: 'engine (cycle ends)', style: 'points', points: engine.filter((_, index) => index % 3 === 0) },
        ],
      },
    ],
    table: { columns: ['phase', 'ends on day', 'closed form', 'engine', 'τ* of the phase'], rows },
  };
}
