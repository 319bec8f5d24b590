/**
 * Trust dynamics. After a good experience trust gains a share of its distance
 * to 1; after a bad one it loses a larger share of itself, scaled by the
 * experience's weight (negative experiences weigh more: Kampen, Van de Walle
 * & Bouckaert 2006). Between experiences trust reverts exponentially toward
 * the segment baseline; the reversion is applied lazily, when the citizen is
 * next touched, so no phase scans every citizen every day.
 *
 *   good:  τ ← τ + g·(1 − τ)        bad of weight w:  τ ← τ − min(1, l·w)·τ
 *   between days d₀ and d:  τ ← b + (τ − b)·exp(−r·(d − d₀))
 */
import type { ModelConfig } from './config.js';
import type { SimState } from './state.js';
import { ByteSlot, DaySlot, FloatSlot, CitizenRecord } from './citizens.js';
import { trustDeviationsAt } from './stocks.js';

/** A citizen's trust on the current day, reversion included; writes it back. */
export function currentTrust(state: SimState, config: ModelConfig, citizen: number): number {
  const { floats, days, bytes } = state.citizens;
  const deviation = trustDeviationsAt(state.stocks, state.trustDecay, state.day);
  const segment = bytes[citizen * CitizenRecord.bytes + ByteSlot.segment]!;
  return upToDate(floats, days, config.segments.trustMean, state.trustDecay, deviation, citizen * CitizenRecord.floats + FloatSlot.trust, citizen * CitizenRecord.days + DaySlot.trustDay, segment, state.day);
}

/** Applies a good experience. */
export function trustGood(state: SimState, config: ModelConfig, citizen: number): void {
  trustExperience(state, config, citizen, true, 0);
}

/** Applies a bad experience of the given weight. */
export function trustBad(state: SimState, config: ModelConfig, citizen: number, weight: number): void {
  trustExperience(state, config, citizen, false, weight);
}

/** Applies a good experience when `good`, else a bad one of the given weight, without a branch (`experience`). */
export function trustExperience(state: SimState, config: ModelConfig, citizen: number, good: boolean, weight: number): void {
  const { floats, days, bytes } = state.citizens;
  const deviation = trustDeviationsAt(state.stocks, state.trustDecay, state.day);
  const segment = bytes[citizen * CitizenRecord.bytes + ByteSlot.segment]!;
  const { gainGood, lossBad } = config.trust;
  experience(floats, days, config.segments.trustMean, state.trustDecay, deviation, citizen * CitizenRecord.floats + FloatSlot.trust, citizen * CitizenRecord.days + DaySlot.trustDay, segment, state.day, good, gainGood, lossBad, weight);
}

/** Applies a shock that removes `loss` (a share in [0, 1]) of the citizen's trust. */
export function trustShock(state: SimState, config: ModelConfig, citizen: number, loss: number): void {
  const { floats, days, bytes } = state.citizens;
  const deviation = trustDeviationsAt(state.stocks, state.trustDecay, state.day);
  const segment = bytes[citizen * CitizenRecord.bytes + ByteSlot.segment]!;
  const trustSlot = citizen * CitizenRecord.floats + FloatSlot.trust;
  const trust = upToDate(floats, days, config.segments.trustMean, state.trustDecay, deviation, trustSlot, citizen * CitizenRecord.days + DaySlot.trustDay, segment, state.day);
  storeTrust(floats, deviation, trustSlot, segment, trust * (1 - Math.min(1, Math.max(0, loss))));
}

/*
 * The same on the record views directly, for the engine's fused loops
 * (route-needs.ts, serve-queues.ts) and the functions above. Each is small
 * enough for V8 to inline. `deviation` is the segments' trust tally as of
 * `day` (stocks.ts), which every change of a stored trust updates.
 */

/**
 * `trustExperience`: brings trust up to date, then applies a good
 * experience when `good`, else a bad one of weight `weight`, without a
 * branch: the other experience's term is an exact 0 (τ + 0 = τ, τ − 0 = τ),
 * so the result is that of the formula in this file's header for either,
 * bit for bit (tested). For loops whose first bad experience of a kind
 * comes months into a run: a branch first taken then made V8 throw away
 * the loop's compiled code. With `good` a constant, V8 folds the other term
 * away.
 */
export function experience(
  floats: Float32Array,
  days: Uint16Array,
  trustMean: Float64Array,
  decay: Float64Array,
  deviation: Float64Array,
  trustSlot: number,
  daySlot: number,
  segment: number,
  day: number,
  good: boolean,
  gainGood: number,
  lossBad: number,
  weight: number,
): void {
  const trust = upToDate(floats, days, trustMean, decay, deviation, trustSlot, daySlot, segment, day);
  const loss = Math.min(1, lossBad * weight);
  const gainShare = good ? gainGood : 0;
  const lossShare = good ? 0 : loss;
  storeTrust(floats, deviation, trustSlot, segment, trust + gainShare * (1 - trust) - lossShare * trust);
}

/**
 * `currentTrust`: trust as of `day`, reversion applied and written back
 * (the stored float32; the value returned is the exact one).
 */
export function upToDate(
  floats: Float32Array,
  days: Uint16Array,
  trustMean: Float64Array,
  decay: Float64Array,
  deviation: Float64Array,
  trustSlot: number,
  daySlot: number,
  segment: number,
  day: number,
): number {
  const stored = floats[trustSlot]!;
  const elapsed = day - days[daySlot]!;
  // Computed and written back even when no day has passed (then the reversion is discarded, and what is written
  // back is what was there, and the tally moves by 0): without a branch, V8 has the types of every operation here
  // from the first day, when no citizen has yet waited a day — a branch first taken on day 1 made it throw away
  // and recompile every loop that inlines this.
  const baseline = trustMean[segment]!;
  const reverted = baseline + (stored - baseline) * decay[elapsed]!;
  const trust = elapsed > 0 ? reverted : stored;
  floats[trustSlot] = trust;
  days[daySlot] = day;
  // The tally held the exact reverted value; the record now holds it rounded to float32.
  deviation[segment]! += floats[trustSlot]! - trust;
  return trust;
}

/** Stores a trust already up to date today, and moves the segment's tally by the change. */
function storeTrust(floats: Float32Array, deviation: Float64Array, trustSlot: number, segment: number, value: number): void {
  const before = floats[trustSlot]!;
  floats[trustSlot] = value;
  deviation[segment]! += floats[trustSlot]! - before;
}
