/**
 * Phase `expireNeeds`: needs whose patience ends today and that are still
 * waiting give up: they are unmet. Cost O(needs due today).
 * Writes: the expired needs' status and queue counts, unmet counters.
 */
import { needUnmet, UnmetReason } from '../outcomes.js';
import { abandonWaiting, dueWaiting, needCitizen } from '../queues.js';
import type { SimContext, SimState } from '../state.js';

export function expireNeeds(state: SimState, ctx: SimContext): void {
  const pool = state.pool;
  const due = state.dueToday;
  dueWaiting(state.expiry, pool, state.day, due);
  for (const slot of due) {
    abandonWaiting(state.queues, pool, slot);
    needUnmet(state, ctx, needCitizen(pool, slot), UnmetReason.timeout);
  }
}
