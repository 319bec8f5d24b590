/**
 * Phase `applySchedule` (daily, acts on the first day of a policy phase):
 * switches to the phase's policy and charges one-off build costs (the
 * online service the first time it opens, each extra app when launched).
 * Needs waiting for a channel that closes choose again among what is left.
 * Writes: the current policy, consent flags, build costs, re-routed queues, an event.
 */
import { Channel, CHANNEL_COUNT } from '../config.js';
import { CityCounter as C } from '../counters.js';
import { markConsentRefusers } from '../population.js';
import { addCity, queueKey, type SimContext, type SimState } from '../state.js';
import { rerouteQueue } from './route-needs.js';

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
  if (state.day > 0) rerouteClosedQueues(state, ctx);
  if (!state.onlineBuilt && policy.channelOpen[Channel.online] === 1) {
    state.onlineBuilt = true;
    addCity(state, C.costBuild, policy.onlineBuildCost);
  }
  if (policy.extraApps > state.appsBuilt) {
    addCity(state, C.costApps, (policy.extraApps - state.appsBuilt) * policy.appBuildCost);
    state.appsBuilt = policy.extraApps;
  }
}

/** Needs waiting for a staffed channel that has just closed choose again among what is left. */
function rerouteClosedQueues(state: SimState, ctx: SimContext): void {
  const policy = state.policy;
  const districtCount = ctx.config.districts.ids.length;
  for (let channel: number = Channel.phone; channel < CHANNEL_COUNT; channel++) {
    const open = policy.channelOpen[channel] === 1 || (channel === Channel.assisted && policy.partnerCapacityPerDay > 0);
    if (open) continue;
    const districts = channel === Channel.phone ? 1 : districtCount;
    for (let district = 0; district < districts; district++) {
      const key = queueKey(channel, district, districtCount);
      state.queues.expectedWaitDays[key] = Infinity;
      rerouteQueue(state, ctx, key);
    }
  }
}
