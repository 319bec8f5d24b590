/**
 * Phase `resolveAppeals` (daily): appeals whose review is due today correct
 * the wrongful denial; the need is met, late.
 * Writes: the appeal list head, met and corrected counters.
 */
import { SegmentCounter as S } from '../counters.js';
import { needMet } from '../outcomes.js';
import { addSegment, type SimContext, type SimState } from '../state.js';
import { segmentOf } from '../citizens.js';

export function resolveAppeals(state: SimState, ctx: SimContext): void {
  const appeals = state.appeals;
  const segmentCount = ctx.config.segments.ids.length;
  while (state.appealsHead < appeals.length && appeals[state.appealsHead]!.day <= state.day) {
    const appeal = appeals[state.appealsHead]!;
    state.appealsHead++;
    addSegment(state, segmentOf(state.citizens, appeal.citizen), S.corrected, 1, segmentCount);
    needMet(state, ctx, appeal.citizen, appeal.channel, appeal.arrivalDay);
  }
  if (state.appealsHead > 4096 && state.appealsHead * 2 > appeals.length) {
    appeals.splice(0, state.appealsHead);
    state.appealsHead = 0;
  }
}

/** Appeals still under review. */
export function appealsPending(state: SimState): number {
  return state.appeals.length - state.appealsHead;
}
