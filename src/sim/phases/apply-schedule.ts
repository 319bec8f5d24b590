/**
 * Phase `applySchedule` (daily, acts on the first day of a policy phase):
 * switches to the phase's policy and charges one-off build costs (the
 * online service the first time it opens, each extra app when launched).
 * Writes: the current policy, consent flags, build costs, an event.
 */
import { Channel } from '../config.js';
import { CityCounter as C } from '../counters.js';
import { markConsentRefusers } from '../population.js';
import { addCity, type SimContext, type SimState } from '../state.js';

export function applySchedule(state: SimState, ctx: SimContext): void {
  const phases = ctx.config.phases;
  let changed = state.day === 0;
  while (state.phaseIndex + 1 < phases.length && phases[state.phaseIndex + 1]!.startDay <= state.day) {
    const previous = state.policy;
    state.phaseIndex++;
    state.policy = phases[state.phaseIndex]!;
    state.recorder.events.push({ day: state.day, kind: 'policy', detail: `policy phase ${state.phaseIndex} begins` });
    if (previous.refusalThreshold !== state.policy.refusalThreshold) markConsentRefusers(state, state.policy.refusalThreshold);
    changed = true;
  }
  if (!changed) return;
  const policy = state.policy;
  if (!state.onlineBuilt && policy.channelOpen[Channel.online] === 1) {
    state.onlineBuilt = true;
    addCity(state, C.costBuild, policy.onlineBuildCost);
  }
  if (policy.extraApps > state.appsBuilt) {
    addCity(state, C.costApps, (policy.extraApps - state.appsBuilt) * policy.appBuildCost);
    state.appsBuilt = policy.extraApps;
  }
}
