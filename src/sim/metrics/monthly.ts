/**
 * The monthly table in tidy form: one row per (month, group, metric).
 * Groups are each segment id, `age:…`, `income:…`, `district:…` and `all`;
 * city-wide metrics (costs, KPIs, privacy, resilience) are under `all`.
 */
import type { ModelConfig } from '../config.js';
import { CityCounter as C, DistrictCounter as D, SegmentCounter as S } from '../counters.js';
import type { RunOutput } from '../engine.js';
import { cityMonth, districtMonth, ratio, segmentTotals, unmetOf } from './totals.js';

export interface MonthlyRow {
  readonly month: number;
  readonly segment: string;
  readonly metric: string;
  readonly value: number;
}

const CITY_METRICS: readonly [string, number, boolean][] = [
  // name, counter, scaled by 1/sample
  ['costBuildGbp', C.costBuild, true],
  ['costRunningGbp', C.costRunning, true],
  ['costTransactionsGbp', C.costTransactions, true],
  ['costTrainingGbp', C.costTraining, true],
  ['costDevicesGbp', C.costDevices, true],
  ['costAppealsGbp', C.costAppeals, true],
  ['costBreachesGbp', C.costBreaches, true],
  ['costAppsGbp', C.costApps, true],
  ['costSecurityGbp', C.costSecurity, true],
  ['partnerCostGbp', C.partnerCost, true],
  ['staffHoursReporting', C.staffHoursReporting, true],
  ['staffHoursApps', C.staffHoursApps, true],
  ['outageDays', C.outageDays, false],
  ['breaches', C.breaches, false],
  ['recordsHeld', C.recordsHeld, true],
  ['peakBacklog', C.peakBacklog, true],
  ['backlogEnd', C.backlogEnd, true],
  ['usability', C.usability, false],
  ['kpiProcessingTrue', C.kpiProcessingTrue, false],
  ['kpiProcessingReported', C.kpiProcessingReported, false],
  ['kpiOnlineShareTrue', C.kpiOnlineShareTrue, false],
  ['kpiOnlineShareReported', C.kpiOnlineShareReported, false],
  ['kpiRegistrationsTrue', C.kpiRegistrationsTrue, false],
  ['kpiRegistrationsReported', C.kpiRegistrationsReported, false],
  ['gamingLevel', C.gamingLevel, false],
];

function groupRows(output: RunOutput, month: number, group: string, members: readonly number[], rows: MonthlyRow[]): void {
  const t = segmentTotals(output, members, { from: month, to: month + 1 });
  const scale = output.scale;
  const met = t[S.met]!;
  const unmet = unmetOf(t);
  const citizens = t[S.citizens]!;
  const push = (metric: string, value: number): void => {
    rows.push({ month, segment: group, metric, value });
  };
  push('needsArrived', t[S.arrived]! * scale);
  push('needsMet', met * scale);
  push('needsUnmet', unmet * scale);
  push('unmetRate', ratio(unmet, met + unmet));
  push('metOnline', t[S.metOnline]! * scale);
  push('metPhone', t[S.metPhone]! * scale);
  push('metCounter', t[S.metCounter]! * scale);
  push('metAssisted', t[S.metAssisted]! * scale);
  push('onlineFailureRate', ratio(t[S.onlineFailures]!, t[S.onlineAttempts]!));
  push('daysToServiceMean', ratio(t[S.daysToServiceSum]!, met));
  push('meanTrust', ratio(t[S.trustSum]!, citizens));
  push('accessShare', ratio(t[S.accessCount]!, citizens));
  push('meanSkill', ratio(t[S.skillSum]!, citizens));
  push('shareCitizensWithUnmet', ratio(t[S.citizensWithUnmet]!, citizens));
  push('citizenHours', t[S.citizenHours]! * scale);
  push('governmentCostTransactionsGbp', t[S.governmentCostTransactions]! * scale);
  push('wrongfulDenials', t[S.wrongfulDenials]! * scale);
  push('breachAffected', t[S.breachAffected]! * scale);
}

/**
 * The tidy monthly rows of a run, one month at a time (each array is that
 * month's rows, in the table's order), so a writer can stream the table and
 * hold one month in memory, whatever the horizon. Cost O((segments + groups) × metrics) per month.
 */
export function* monthlyRowsByMonth(config: ModelConfig, output: RunOutput): Generator<MonthlyRow[], void, undefined> {
  const all = config.segments.ids.map((_, s) => s);
  const groups: [string, number[]][] = [];
  const addGroups = (prefix: string, labels: readonly string[]): void => {
    const byLabel = new Map<string, number[]>();
    labels.forEach((label, s) => byLabel.set(label, [...(byLabel.get(label) ?? []), s]));
    for (const [label, members] of byLabel) groups.push([`${prefix}:${label}`, members]);
  };
  addGroups('age', config.segments.age);
  addGroups('income', config.segments.income);
  addGroups('district', Array.from(config.segments.district, (d) => config.districts.ids[d]!));
  for (let month = 0; month < output.months; month++) {
    const rows: MonthlyRow[] = [];
    groupRows(output, month, 'all', all, rows);
    for (const [group, members] of groups) groupRows(output, month, group, members, rows);
    config.segments.ids.forEach((id, s) => groupRows(output, month, id, [s], rows));
    for (const [name, counter, scaled] of CITY_METRICS) {
      rows.push({ month, segment: 'all', metric: name, value: cityMonth(output, month, counter) * (scaled ? output.scale : 1) });
    }
    config.districts.ids.forEach((id, d) => {
      rows.push({ month, segment: `district:${id}`, metric: 'counterCapacityShare', value: districtMonth(output, month, d, D.counterCapacityShare) });
      rows.push({ month, segment: `district:${id}`, metric: 'humanDemand', value: districtMonth(output, month, d, D.humanDemand) * output.scale });
      rows.push({ month, segment: `district:${id}`, metric: 'recordedDemand', value: districtMonth(output, month, d, D.recordedDemand) * output.scale });
    });
    yield rows;
  }
}

/** The tidy monthly rows of a run, all months. Cost O(months × (segments + groups) × metrics). */
export function monthlyRows(config: ModelConfig, output: RunOutput): MonthlyRow[] {
  const rows: MonthlyRow[] = [];
  for (const month of monthlyRowsByMonth(config, output)) rows.push(...month);
  return rows;
}
