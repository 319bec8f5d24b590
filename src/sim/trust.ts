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
import { segmentOf, setStoredTrust, setTrustDay, storedTrustOf, trustDayOf } from './citizens.js';

/** A citizen's trust on the current day, reversion included; writes it back. */
export function currentTrust(state: SimState, config: ModelConfig, citizen: number): number {
  const citizens = state.citizens;
  const elapsed = state.day - trustDayOf(citizens, citizen);
  let trust = storedTrustOf(citizens, citizen);
  if (elapsed > 0) {
    const baseline = config.segments.trustMean[segmentOf(citizens, citizen)]!;
    trust = baseline + (trust - baseline) * state.trustDecay[elapsed]!;
    setStoredTrust(citizens, citizen, trust);
    setTrustDay(citizens, citizen, state.day);
  }
  return trust;
}

/** Applies a good experience. */
export function trustGood(state: SimState, config: ModelConfig, citizen: number): void {
  const trust = currentTrust(state, config, citizen);
  setStoredTrust(state.citizens, citizen, trust + config.trust.gainGood * (1 - trust));
}

/** Applies a bad experience of the given weight. */
export function trustBad(state: SimState, config: ModelConfig, citizen: number, weight: number): void {
  const trust = currentTrust(state, config, citizen);
  setStoredTrust(state.citizens, citizen, trust - Math.min(1, config.trust.lossBad * weight) * trust);
}

/** Applies a shock that removes `loss` (a share in [0, 1]) of the citizen's trust. */
export function trustShock(state: SimState, config: ModelConfig, citizen: number, loss: number): void {
  const trust = currentTrust(state, config, citizen);
  setStoredTrust(state.citizens, citizen, trust * (1 - Math.min(1, Math.max(0, loss))));
}

/**
 * `trustGood` on the record views directly, for the engine's fused loops:
 * brings trust up to date and returns the trust after a good experience
 * (the caller stores it). Small enough for V8 to inline.
 */
export function goodExperience(
  floats: Float32Array,
  days: Uint16Array,
  trustMean: Float64Array,
  decay: Float64Array,
  trustSlot: number,
  daySlot: number,
  segment: number,
  day: number,
  gainGood: number,
): number {
  const trust = upToDate(floats, days, trustMean, decay, trustSlot, daySlot, segment, day);
  return trust + gainGood * (1 - trust);
}

/** `trustBad` on the record views directly (see `goodExperience`). */
export function badExperience(
  floats: Float32Array,
  days: Uint16Array,
  trustMean: Float64Array,
  decay: Float64Array,
  trustSlot: number,
  daySlot: number,
  segment: number,
  day: number,
  lossBad: number,
  weight: number,
): number {
  const trust = upToDate(floats, days, trustMean, decay, trustSlot, daySlot, segment, day);
  return trust - Math.min(1, lossBad * weight) * trust;
}

/** `currentTrust` on the record views directly. */
function upToDate(floats: Float32Array, days: Uint16Array, trustMean: Float64Array, decay: Float64Array, trustSlot: number, daySlot: number, segment: number, day: number): number {
  let trust = floats[trustSlot]!;
  const elapsed = day - days[daySlot]!;
  if (elapsed > 0) {
    const baseline = trustMean[segment]!;
    trust = baseline + (trust - baseline) * decay[elapsed]!;
    floats[trustSlot] = trust;
    days[daySlot] = day;
  }
  return trust;
}
