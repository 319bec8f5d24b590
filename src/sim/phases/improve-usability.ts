/**
 * Phase `improveUsability` (end of each month): with a feedback loop,
 * complaints from failed online attempts lead to fixes; usability gains
 * feedbackRate × (failure share of the month) of its distance to 1.
 * Writes: the usability gain.
 */
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../counters.js';
import type { SimContext, SimState } from '../state.js';

export function improveUsability(state: SimState, ctx: SimContext): void {
  const policy = state.policy;
  if (!policy.feedbackLoop) return;
  const segmentCount = ctx.config.segments.ids.length;
  let attempts = 0;
  let failures = 0;
  for (let s = 0; s < segmentCount; s++) {
    const base = (state.month * segmentCount + s) * SEGMENT_COUNTER_COUNT;
    attempts += state.recorder.segmentMonthly[base + S.onlineAttempts]!;
    failures += state.recorder.segmentMonthly[base + S.onlineFailures]!;
  }
  if (attempts === 0) return;
  const usability = Math.min(1, policy.usability + state.usabilityGain);
  state.usabilityGain += policy.feedbackRate * (failures / attempts) * (1 - usability);
}
