/**
 * Phase `expireNeeds`: needs whose patience ends today and that are still
 * waiting give up: they are unmet. Cost O(needs due today).
 * Writes: the expired needs' status and queue counts, unmet counters.
 */
import { needUnmet, UnmetReason } from '../outcomes.js';
import { abandonWaiting, Link, NeedStatus, needCitizen, needStatus, nextByDeadline, NONE, unlinkNeed } from '../queues.js';
import type { SimContext, SimState } from '../state.js';

export function expireNeeds(state: SimState, ctx: SimContext): void {
  const pool = state.pool;
  const lists = state.expiry;
  if (state.day >= lists.head.length) return;
  let slot = lists.head[state.day]!;
  lists.head[state.day] = NONE;
  while (slot !== NONE) {
    const next = nextByDeadline(pool, slot);
    if (needStatus(pool, slot) === NeedStatus.waiting) {
      abandonWaiting(state.queues, pool, slot);
      needUnmet(state, ctx, needCitizen(pool, slot), UnmetReason.timeout);
    }
    unlinkNeed(pool, slot, Link.deadline);
    slot = next;
  }
}
