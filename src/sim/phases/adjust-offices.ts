/**
 * Phase `adjustOffices` (last day of each month): every office (one per
 * district) reports its KPIs and moves its gaming level toward what pays.
 *
 * For a KPI with true value v (a share, higher is better) and target T, an
 * office gaming at level g reports v + g·(1 − v): late logging hides slow
 * cases, offline pre-approvals count as online, forced registrations pad the
 * app count. Gaming changes what is reported, not what citizens get. The level
 * that just meets the target is g* = (T − v)/(1 − v); the office games to g*
 * if the monthly reward exceeds the expected penalty (audit probability ×
 * penalty × g*), else not at all, moving a share of the way each month. An
 * audit that finds gaming costs the penalty and resets the level to zero.
 * Writes: offices' gaming levels, KPI counters, staff hours, rewards, penalties.
 */
import { CityCounter as C, DISTRICT_COUNTER_COUNT, DistrictCounter as D } from '../counters.js';
import { addCity, setCity, type SimContext, type SimState } from '../state.js';

const KPI_COUNT = 3;
const TRUE_COUNTERS = [C.kpiProcessingTrue, C.kpiOnlineShareTrue, C.kpiRegistrationsTrue] as const;
const REPORTED_COUNTERS = [C.kpiProcessingReported, C.kpiOnlineShareReported, C.kpiRegistrationsReported] as const;

export function adjustOffices(state: SimState, ctx: SimContext): void {
  const policy = state.policy;
  const districtCount = ctx.config.districts.ids.length;
  const rng = ctx.streams.offices;
  const targets = [policy.kpiProcessingDaysTarget > 0 ? 1 : 0, policy.kpiOnlineShareTarget, policy.kpiRegistrationsTarget];
  const thresholds = [policy.kpiProcessingTarget, policy.kpiOnlineShareTarget, policy.kpiRegistrationsTarget];
  const trueSum = [0, 0, 0];
  const reportedSum = [0, 0, 0];
  const weightSum = [0, 0, 0];
  let gamingSum = 0;
  let gamingCount = 0;
  const monthly = state.recorder.districtMonthly;
  for (let district = 0; district < districtCount; district++) {
    const base = (state.month * districtCount + district) * DISTRICT_COUNTER_COUNT;
    const counterServed = monthly[base + D.counterServed]!;
    const transactions = monthly[base + D.transactions]!;
    const citizens = monthly[base + D.citizens]!;
    const values = [
      counterServed > 0 ? monthly[base + D.counterWithinTarget]! / counterServed : 1,
      transactions > 0 ? monthly[base + D.onlineTransactions]! / transactions : 0,
      citizens > 0 ? monthly[base + D.registered]! / citizens : 0,
    ];
    const cases = [counterServed, transactions, citizens];
    for (let k = 0; k < KPI_COUNT; k++) {
      const index = district * KPI_COUNT + k;
      let level = state.offices.gaming[index]!;
      const value = values[k]!;
      if (targets[k]! > 0) {
        const target = thresholds[k]!;
        const needed = value >= target ? 0 : value >= 1 ? 0 : Math.min(1, (target - value) / (1 - value));
        const pays = policy.kpiReward > policy.kpiAuditProb * policy.kpiPenalty * needed;
        const aim = pays ? needed : 0;
        level += policy.kpiAdjustmentRate * (aim - level);
        if (rng.next() < policy.kpiAuditProb) {
          addCity(state, C.audits, 1);
          if (level > 0.01) {
            addCity(state, C.auditsCaught, 1);
            addCity(state, C.penalties, policy.kpiPenalty * level);
            state.recorder.events.push({ day: state.day, kind: 'audit', detail: `audit finds gaming in ${ctx.config.districts.ids[district]}` });
            level = 0;
          }
        }
      } else {
        level = 0;
      }
      state.offices.gaming[index] = level;
      const reported = value + level * (1 - value);
      if (targets[k]! > 0 && reported >= thresholds[k]! - 1e-12) addCity(state, C.rewards, policy.kpiReward);
      addCity(state, C.staffHoursReporting, level * (1 - value) * cases[k]! * policy.kpiStaffHoursPerGamedCase);
      const weight = cases[k]!;
      trueSum[k]! += value * weight;
      reportedSum[k]! += reported * weight;
      weightSum[k]! += weight;
      if (targets[k]! > 0) {
        gamingSum += level;
        gamingCount++;
      }
    }
  }
  for (let k = 0; k < KPI_COUNT; k++) {
    const weight = weightSum[k]!;
    setCity(state, TRUE_COUNTERS[k]!, weight > 0 ? trueSum[k]! / weight : 0);
    setCity(state, REPORTED_COUNTERS[k]!, weight > 0 ? reportedSum[k]! / weight : 0);
  }
  setCity(state, C.gamingLevel, gamingCount > 0 ? gamingSum / gamingCount : 0);
}
