/**
 * The run summary: every outcome of the model, overall, by segment and by
 * age band, income band and district, with counts scaled back to the
 * represented population (1 / sample). Values are full precision; rounding
 * belongs to the report.
 */
import { Channel, CHANNEL_NAMES, type ModelConfig } from '../config.js';
import { CityCounter as C, DistrictCounter as D, SegmentCounter as S } from '../counters.js';
import type { RunOutput } from '../engine.js';
import { daysToServiceQuantiles } from './quantiles.js';
import { scorecard, type ScorecardRow } from './scorecard.js';
import { cityMonth, cityTotals, districtMonth, ratio, segmentTotals, unmetOf, type Window } from './totals.js';

/** Outcomes of a group of citizens (a segment, an age band, the whole city). */
export interface GroupMetrics {
  readonly citizens: number;
  readonly needsArrived: number;
  readonly needsMet: number;
  readonly needsUnmet: number;
  /** met / (met + unmet) */
  readonly metShare: number;
  /** unmet / (met + unmet) */
  readonly unmetRate: number;
  readonly unmetByReason: { readonly noChannel: number; readonly onlineFailed: number; readonly timeout: number; readonly denied: number; readonly refused: number };
  readonly shareCitizensWithUnmet: number;
  readonly daysToServiceMean: number;
  readonly daysToServiceMedian: number;
  readonly daysToServiceP90: number;
  /** Share of met needs by channel. */
  readonly channelMix: Readonly<Record<(typeof CHANNEL_NAMES)[number], number>>;
  readonly onlineFailureRate: number;
  readonly proxyShareOfOnline: number;
  readonly forcedShare: number;
  readonly meanTrustStart: number;
  readonly meanTrustEnd: number;
  readonly accessShareEnd: number;
  readonly meanSkillEnd: number;
  readonly registeredShareEnd: number;
  readonly citizenHours: number;
  readonly citizenHoursPerNeed: number;
  readonly governmentCostTransactionsGbp: number;
  readonly wrongfulDenials: number;
  readonly appeals: number;
  readonly corrected: number;
  readonly uncorrectedDenials: number;
  readonly breachAffected: number;
  readonly unmetDuringOutage: number;
  readonly trained: number;
  readonly devicesGiven: number;
}

export interface SegmentMetrics extends GroupMetrics {
  readonly age: string;
  readonly income: string;
  readonly district: string;
}

export interface KpiReport {
  readonly enabled: boolean;
  readonly trueValue: number;
  readonly reportedValue: number;
  readonly gap: number;
}

export interface RunSummary {
  readonly horizonMonths: number;
  readonly simulatedCitizens: number;
  readonly representedCitizens: number;
  readonly sample: number;
  readonly overall: GroupMetrics;
  readonly segments: Readonly<Record<string, SegmentMetrics>>;
  readonly byAge: Readonly<Record<string, GroupMetrics>>;
  readonly byIncome: Readonly<Record<string, GroupMetrics>>;
  readonly byDistrict: Readonly<Record<string, GroupMetrics>>;
  readonly inclusion: {
    /** Worst segment's met share over the best segment's. */
    readonly disparityRatio: number;
    readonly worstSegment: string;
    readonly bestSegment: string;
    readonly needsPendingEnd: number;
  };
  readonly cost: {
    readonly governmentTotalGbp: number;
    readonly byCategoryGbp: {
      readonly build: number;
      readonly running: number;
      readonly transactions: number;
      readonly training: number;
      readonly devices: number;
      readonly appeals: number;
      readonly breaches: number;
      readonly apps: number;
      readonly security: number;
    };
    readonly costPerMetNeedGbp: number;
    readonly partnerCostGbp: number;
    readonly citizenHours: number;
    readonly citizenTimeCostGbp: number;
    readonly staffHoursReporting: number;
    readonly staffHoursApps: number;
  };
  readonly trust: {
    readonly meanStart: number;
    readonly meanEnd: number;
    readonly change: number;
    /** Highest segment mean trust minus the lowest, at the end. */
    readonly gapEnd: number;
  };
  readonly integrity: {
    readonly processing: KpiReport;
    readonly onlineShare: KpiReport;
    readonly registrations: KpiReport;
    readonly meanGamingLevel: number;
    readonly audits: number;
    readonly auditsFindingGaming: number;
    readonly rewardsGbp: number;
    readonly penaltiesGbp: number;
  };
  readonly privacy: {
    readonly recordsHeldEnd: number;
    readonly recordsPerCitizenEnd: number;
    readonly breaches: number;
    readonly citizensAffected: number;
  };
  readonly resilience: {
    readonly outageDays: number;
    readonly peakBacklog: number;
    readonly unmetDuringOutages: number;
    readonly meanDaysToRecover: number;
  };
  readonly decisions: {
    readonly wrongfulDenials: number;
    readonly corrected: number;
    readonly uncorrected: number;
    readonly appeals: number;
    readonly correctedShare: number;
  };
  readonly apps: {
    readonly extraApps: number;
    readonly costGbp: number;
    readonly uses: number;
    readonly costPerActiveUseGbp: number;
  };
  readonly integration: {
    readonly oneStop: boolean;
    readonly transactionsPerNeed: number;
  };
  readonly coProduction: {
    readonly assistedServed: number;
    readonly partnerShareOfAssisted: number;
    readonly partnerCostGbp: number;
    readonly usabilityStart: number;
    readonly usabilityEnd: number;
  };
  readonly allocation: {
    readonly mode: string;
    readonly byDistrict: Readonly<Record<string, { readonly needShare: number; readonly capacityShareEnd: number; readonly unmetRate: number }>>;
    /** Largest gap between a district's need share and its capacity share at the end. */
    readonly maxShareGap: number;
    readonly countersOpenEnd: boolean;
  };
  readonly scorecard: readonly ScorecardRow[];
}

function groupMetrics(output: RunOutput, segments: readonly number[], window: Window): GroupMetrics {
  const t = segmentTotals(output, segments, window);
  let initialTrust = 0;
  for (const s of segments) initialTrust += output.initialTrustSum[s]!;
  const scale = output.scale;
  const [median, p90] = daysToServiceQuantiles(output, segments, [0.5, 0.9]);
  const unmet = unmetOf(t);
  const met = t[S.met]!;
  const resolved = met + unmet;
  const citizens = t[S.citizens]!;
  return {
    citizens: citizens * scale,
    needsArrived: t[S.arrived]! * scale,
    needsMet: met * scale,
    needsUnmet: unmet * scale,
    metShare: ratio(met, resolved, 1),
    unmetRate: ratio(unmet, resolved),
    unmetByReason: {
      noChannel: t[S.unmetNoChannel]! * scale,
      onlineFailed: t[S.unmetOnlineFailed]! * scale,
      timeout: t[S.unmetTimeout]! * scale,
      denied: t[S.unmetDenied]! * scale,
      refused: t[S.unmetRefused]! * scale,
    },
    shareCitizensWithUnmet: ratio(t[S.citizensWithUnmet]!, citizens),
    daysToServiceMean: ratio(t[S.daysToServiceSum]!, met),
    daysToServiceMedian: median!,
    daysToServiceP90: p90!,
    channelMix: {
      online: ratio(t[S.metOnline]!, met),
      phone: ratio(t[S.metPhone]!, met),
      counter: ratio(t[S.metCounter]!, met),
      assisted: ratio(t[S.metAssisted]!, met),
    },
    onlineFailureRate: ratio(t[S.onlineFailures]!, t[S.onlineAttempts]!),
    proxyShareOfOnline: ratio(t[S.proxyUses]!, t[S.onlineAttempts]!),
    forcedShare: ratio(t[S.forced]!, met),
    meanTrustStart: ratio(initialTrust, citizens),
    meanTrustEnd: ratio(t[S.trustSum]!, citizens),
    accessShareEnd: ratio(t[S.accessCount]!, citizens),
    meanSkillEnd: ratio(t[S.skillSum]!, citizens),
    registeredShareEnd: ratio(t[S.registered]!, citizens),
    citizenHours: t[S.citizenHours]! * scale,
    citizenHoursPerNeed: ratio(t[S.citizenHours]!, resolved),
    governmentCostTransactionsGbp: t[S.governmentCostTransactions]! * scale,
    wrongfulDenials: t[S.wrongfulDenials]! * scale,
    appeals: t[S.appeals]! * scale,
    corrected: t[S.corrected]! * scale,
    uncorrectedDenials: t[S.unmetDenied]! * scale,
    breachAffected: t[S.breachAffected]! * scale,
    unmetDuringOutage: t[S.unmetDuringOutage]! * scale,
    trained: t[S.trained]! * scale,
    devicesGiven: t[S.devicesGiven]! * scale,
  };
}

function groupBy(config: ModelConfig, output: RunOutput, labels: readonly string[], window: Window): Record<string, GroupMetrics> {
  const groups = new Map<string, number[]>();
  labels.forEach((label, s) => {
    const members = groups.get(label) ?? [];
    members.push(s);
    groups.set(label, members);
  });
  void config;
  return Object.fromEntries([...groups].map(([label, members]) => [label, groupMetrics(output, members, window)]));
}

function kpi(output: RunOutput, enabled: boolean, trueCounter: number, reportedCounter: number, months: number): KpiReport {
  let trueSum = 0;
  let reportedSum = 0;
  for (let month = 0; month < months; month++) {
    trueSum += cityMonth(output, month, trueCounter);
    reportedSum += cityMonth(output, month, reportedCounter);
  }
  const trueValue = trueSum / months;
  const reportedValue = reportedSum / months;
  return { enabled, trueValue, reportedValue, gap: reportedValue - trueValue };
}

/**
 * Summarizes a run. Cost O(months × segments × counters).
 * @example const summary = summarize(config, simulate(config, 1));
 */
export function summarize(config: ModelConfig, output: RunOutput): RunSummary {
  const months = output.months;
  const window: Window = { from: 0, to: months };
  const scale = output.scale;
  const segmentIds = config.segments.ids;
  const all = segmentIds.map((_, s) => s);
  const overall = groupMetrics(output, all, window);
  const segments: Record<string, SegmentMetrics> = {};
  segmentIds.forEach((id, s) => {
    // The group's own new object, given the three labels (a spread copied its 35 fields: an eighth of summarize).
    segments[id] = Object.assign(groupMetrics(output, [s], window), {
      age: config.segments.age[s]!,
      income: config.segments.income[s]!,
      district: config.districts.ids[config.segments.district[s]!]!,
    });
  });
  const city = cityTotals(output, window);
  const last = months - 1;
  const costs = {
    build: city[C.costBuild]! * scale,
    running: city[C.costRunning]! * scale,
    transactions: city[C.costTransactions]! * scale,
    training: city[C.costTraining]! * scale,
    devices: city[C.costDevices]! * scale,
    appeals: city[C.costAppeals]! * scale,
    breaches: city[C.costBreaches]! * scale,
    apps: city[C.costApps]! * scale,
    security: city[C.costSecurity]! * scale,
  };
  const governmentTotalGbp = Object.values(costs).reduce((a, b) => a + b, 0);
  // Disparity over segments with needs resolved.
  let worst = '';
  let best = '';
  let worstShare = Infinity;
  let bestShare = -Infinity;
  for (const [id, metrics] of Object.entries(segments)) {
    if (metrics.needsMet + metrics.needsUnmet === 0) continue;
    if (metrics.metShare < worstShare) [worstShare, worst] = [metrics.metShare, id];
    if (metrics.metShare > bestShare) [bestShare, best] = [metrics.metShare, id];
  }
  const trustEnds = Object.values(segments).map((m) => m.meanTrustEnd);
  const policyEnd = config.phases[config.phases.length - 1]!;
  const policyStart = config.phases[0]!;
  const byDistrictAllocation: Record<string, { needShare: number; capacityShareEnd: number; unmetRate: number }> = {};
  let arrivedAll = 0;
  const arrivedByDistrict = config.districts.ids.map((_, d) => {
    let sum = 0;
    for (let month = 0; month < months; month++) sum += districtMonth(output, month, d, D.humanDemand);
    arrivedAll += sum;
    return sum;
  });
  let maxShareGap = 0;
  config.districts.ids.forEach((id, d) => {
    let met = 0;
    let unmet = 0;
    for (let month = 0; month < months; month++) {
      met += districtMonth(output, month, d, D.met);
      unmet += districtMonth(output, month, d, D.unmet);
    }
    const needShare = ratio(arrivedByDistrict[d]!, arrivedAll);
    const capacityShareEnd = districtMonth(output, last, d, D.counterCapacityShare);
    maxShareGap = Math.max(maxShareGap, Math.abs(needShare - capacityShareEnd));
    byDistrictAllocation[id] = { needShare, capacityShareEnd, unmetRate: ratio(unmet, met + unmet) };
  });
  const appCost = costs.apps;
  const appUses = city[C.appUses]! * scale;
  const summaryWithoutScorecard: Omit<RunSummary, 'scorecard'> = {
    horizonMonths: months,
    simulatedCitizens: output.simulatedCitizens,
    representedCitizens: output.simulatedCitizens * scale,
    sample: 1 / scale,
    overall,
    segments,
    byAge: groupBy(config, output, config.segments.age, window),
    byIncome: groupBy(config, output, config.segments.income, window),
    byDistrict: groupBy(config, output, config.segments.district.reduce<string[]>((ids, d) => [...ids, config.districts.ids[d]!], []), window),
    inclusion: {
      disparityRatio: bestShare > 0 ? worstShare / bestShare : 1,
      worstSegment: worst,
      bestSegment: best,
      needsPendingEnd: cityMonth(output, last, C.pendingEnd) * scale,
    },
    cost: {
      governmentTotalGbp,
      byCategoryGbp: costs,
      costPerMetNeedGbp: ratio(governmentTotalGbp, overall.needsMet),
      partnerCostGbp: city[C.partnerCost]! * scale,
      citizenHours: overall.citizenHours,
      citizenTimeCostGbp: overall.citizenHours * config.valueOfTimePerHour,
      staffHoursReporting: city[C.staffHoursReporting]! * scale,
      staffHoursApps: city[C.staffHoursApps]! * scale,
    },
    trust: {
      meanStart: overall.meanTrustStart,
      meanEnd: overall.meanTrustEnd,
      change: overall.meanTrustEnd - overall.meanTrustStart,
      gapEnd: trustEnds.length > 0 ? Math.max(...trustEnds) - Math.min(...trustEnds) : 0,
    },
    integrity: {
      processing: kpi(output, policyEnd.kpiProcessingDaysTarget > 0, C.kpiProcessingTrue, C.kpiProcessingReported, months),
      onlineShare: kpi(output, policyEnd.kpiOnlineShareTarget > 0, C.kpiOnlineShareTrue, C.kpiOnlineShareReported, months),
      registrations: kpi(output, policyEnd.kpiRegistrationsTarget > 0, C.kpiRegistrationsTrue, C.kpiRegistrationsReported, months),
      meanGamingLevel: city[C.gamingLevel]! / months,
      audits: city[C.audits]!,
      auditsFindingGaming: city[C.auditsCaught]!,
      rewardsGbp: city[C.rewards]!,
      penaltiesGbp: city[C.penalties]!,
    },
    privacy: {
      recordsHeldEnd: cityMonth(output, last, C.recordsHeld) * scale,
      recordsPerCitizenEnd: ratio(cityMonth(output, last, C.recordsHeld), output.simulatedCitizens),
      breaches: city[C.breaches]!,
      citizensAffected: overall.breachAffected,
    },
    resilience: {
      outageDays: city[C.outageDays]!,
      peakBacklog: Math.max(...Array.from({ length: months }, (_, m) => cityMonth(output, m, C.peakBacklog))) * scale,
      unmetDuringOutages: overall.unmetDuringOutage,
      meanDaysToRecover: ratio(city[C.recoveryDays]!, city[C.recoveries]!),
    },
    decisions: {
      wrongfulDenials: overall.wrongfulDenials,
      corrected: overall.corrected,
      uncorrected: overall.uncorrectedDenials,
      appeals: overall.appeals,
      correctedShare: ratio(overall.corrected, overall.corrected + overall.uncorrectedDenials, 1),
    },
    apps: {
      extraApps: policyEnd.extraApps,
      costGbp: appCost,
      uses: appUses,
      costPerActiveUseGbp: ratio(appCost, appUses),
    },
    integration: {
      oneStop: policyEnd.oneStop,
      transactionsPerNeed: ratio(city[C.transactions]!, city[C.needsServed]!, NaN),
    },
    coProduction: {
      assistedServed: overall.needsMet * overall.channelMix.assisted,
      partnerShareOfAssisted: ratio(city[C.partnerTransactions]!, city[C.assistedTransactions]!),
      partnerCostGbp: city[C.partnerCost]! * scale,
      usabilityStart: policyStart.usability,
      usabilityEnd: cityMonth(output, last, C.usability),
    },
    allocation: {
      mode: policyEnd.allocationMode,
      byDistrict: byDistrictAllocation,
      maxShareGap,
      countersOpenEnd: policyEnd.channelOpen[Channel.counter] === 1,
    },
  };
  return { ...summaryWithoutScorecard, scorecard: scorecard(summaryWithoutScorecard) };
}
