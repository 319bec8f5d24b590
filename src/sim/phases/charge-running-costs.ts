/**
 * Phase `chargeRunningCosts` (daily): fixed running costs of the open
 * channels, security spending and the running cost of extra apps; staff
 * hours the extra apps take are charged on the first day of each month.
 * Writes: cost and staff-hour counters.
 */
import { CHANNEL_COUNT } from '../config.js';
import { CityCounter as C } from '../counters.js';
import { addCity, type SimContext, type SimState } from '../state.js';

export function chargeRunningCosts(state: SimState, _ctx: SimContext): void {
  const policy = state.policy;
  let running = 0;
  for (let channel = 0; channel < CHANNEL_COUNT; channel++) if (policy.channelOpen[channel] === 1) running += policy.fixedCostPerDay[channel]!;
  addCity(state, C.costRunning, running);
  addCity(state, C.costSecurity, policy.securitySpendPerDay);
  if (policy.extraApps > 0) {
    addCity(state, C.costApps, policy.appRunningCostPerDay * policy.extraApps);
    if (state.day % 30 === 0) addCity(state, C.staffHoursApps, policy.appStaffHoursPerMonth * policy.extraApps);
  }
}
