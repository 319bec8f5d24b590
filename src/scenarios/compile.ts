/**
 * Compiles a validated scenario into the engine's tables:
 *
 *   Scenario ──► segments, services, districts (codes, per-day rates, sampled sizes)
 *            ──► schedule ──► policy phases (per-1,000 → absolute, per-year → per-day, months → days)
 *            ──► ModelConfig
 *
 * The engine never sees names, months or defaults; this is the one place that
 * converts units.
 */
import {
  CHANNEL_COUNT,
  CHANNEL_NAMES,
  DAYS_PER_MONTH,
  DAYS_PER_YEAR,
  type ModelConfig,
  type PolicyParams,
  type ProgramParams,
} from '../sim/config.js';
import { stableObject } from '../sim/stable-object.js';
import { policyPhases } from './schedule.js';
import type { Policy, Scenario } from './schema.js';

/** Simulated citizens per segment: the sampled population split by share, rounding by largest remainder. */
export function segmentSizes(scenario: Scenario): Int32Array {
  const total = Math.max(1, Math.round(scenario.population.size * scenario.population.sample));
  const shareSum = scenario.segments.reduce((sum, s) => sum + s.share, 0);
  const exact = scenario.segments.map((s) => (total * s.share) / shareSum);
  const sizes = Int32Array.from(exact, Math.floor);
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) sizes[order[i]!.index]!++;
  return sizes;
}

/**
 * The engine configuration of a valid scenario.
 * @throws Error when the schedule is invalid (the loader reports those issues first).
 */
export function compileScenario(scenario: Scenario): ModelConfig {
  const sizes = segmentSizes(scenario);
  const simulated = sizes.reduce((a, b) => a + b, 0);
  const per1000 = simulated / 1000;
  const districtIndex = new Map(scenario.districts.map((d, i) => [d.id, i]));
  const segs = scenario.segments;
  const column = (pick: (s: Scenario['segments'][number]) => number): Float64Array => Float64Array.from(segs, pick);
  const asc = new Float64Array(segs.length * CHANNEL_COUNT);
  segs.forEach((segment, s) => CHANNEL_NAMES.forEach((name, c) => (asc[s * CHANNEL_COUNT + c] = segment.asc?.[name] ?? 0)));
  const serviceShareSum = scenario.services.reduce((sum, s) => sum + s.share, 0);
  let cumulative = 0;
  const cumulativeShare = Float64Array.from(scenario.services, (s, i) => (i === scenario.services.length - 1 ? 1 : (cumulative += s.share / serviceShareSum)));
  const { phases, issues } = policyPhases(scenario);
  if (issues.length > 0) throw new Error(`invalid schedule: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const choice = scenario.choice;
  const trust = scenario.trust;
  // Built twice (stableObject, src/sim/stable-object.ts): compiled code survives from one run's
  // config to the next. Nothing below has a side effect.
  return stableObject(() => ({
    horizonDays: scenario.horizonMonths * DAYS_PER_MONTH,
    months: scenario.horizonMonths,
    scale: 1 / scenario.population.sample,
    segments: {
      ids: segs.map((s) => s.id),
      age: segs.map((s) => s.age),
      income: segs.map((s) => s.income),
      district: Uint8Array.from(segs, (s) => districtIndex.get(s.district) ?? 0),
      citizens: sizes,
      accessProb: column((s) => s.internetAccess),
      skillMean: column((s) => s.digitalSkill.mean),
      skillSd: column((s) => s.digitalSkill.sd),
      motivationMean: column((s) => s.motivation.mean),
      motivationSd: column((s) => s.motivation.sd),
      privacyMean: column((s) => s.privacyConcern.mean),
      privacySd: column((s) => s.privacyConcern.sd),
      trustMean: column((s) => s.trust.mean),
      trustSd: column((s) => s.trust.sd),
      needsPerDay: column((s) => s.needsPerYear / DAYS_PER_YEAR),
      patienceDays: column((s) => s.patienceDays),
      helperProb: column((s) => s.helperAvailable),
      asc,
    },
    services: {
      ids: scenario.services.map((s) => s.id),
      cumulativeShare,
      complexity: Float64Array.from(scenario.services, (s) => s.complexity),
      agencies: Uint8Array.from(scenario.services, (s) => s.agencies),
      patienceFactor: Float64Array.from(scenario.services, (s) => s.patienceFactor),
      dataFields: Float64Array.from(scenario.services, (s) => s.dataFields),
      automatable: Uint8Array.from(scenario.services, (s) => (s.automatable ? 1 : 0)),
      channelMask: Uint8Array.from(scenario.services, (s) => s.channels.reduce((mask, name) => mask | (1 << CHANNEL_NAMES.indexOf(name)), 0)),
    },
    districts: {
      ids: scenario.districts.map((d) => d.id),
      counterTravelHours: Float64Array.from(scenario.districts, (d) => (2 * d.counterTravelMinutes) / 60),
      assistedTravelHours: Float64Array.from(scenario.districts, (d) => (2 * d.assistedTravelMinutes) / 60),
    },
    choice: {
      asc: Float64Array.from(CHANNEL_NAMES, (name) => choice.asc[name] ?? 0),
      betaTimePerHour: choice.betaTimePerHour,
      betaWaitPerDay: choice.betaWaitPerDay,
      betaEffort: choice.betaEffort,
      betaPrivacy: choice.betaPrivacy,
      betaTrust: choice.betaTrust,
      betaMotivation: choice.betaMotivation,
      betaHabit: choice.betaHabit,
      proxyPenalty: choice.proxyPenalty,
      helperSkill: choice.helperSkill,
    },
    trust: {
      gainGood: trust.gainGood,
      lossBad: trust.lossBad,
      reversionPerDay: trust.reversionPerYear / DAYS_PER_YEAR,
      longWaitDays: trust.longWaitDays,
      weightFailedAttempt: trust.weights.failedAttempt,
      weightLongWait: trust.weights.longWait,
      weightUnmet: trust.weights.unmet,
      weightWrongfulDenial: trust.weights.wrongfulDenial,
      weightForced: trust.weights.forced,
    },
    valueOfTimePerHour: scenario.valueOfTimeGbpPerHour,
    phases: phases.map((phase) => compilePolicy(scenario, phase.policy, phase.month * DAYS_PER_MONTH, per1000)),
  }));
}

function program(scenario: Scenario, spec: Policy['adoption']['devices'], per1000: number, sample: number): ProgramParams {
  const eligible = new Set(spec.targetAges);
  return {
    capacityPerMonth: spec.capacityPerMonthPer1000 * per1000,
    costPerPerson: spec.costPerPersonGbp,
    budget: spec.budgetGbp * sample,
    eligibleSegment: Uint8Array.from(scenario.segments, (s) => (eligible.size === 0 || eligible.has(s.age) ? 1 : 0)),
  };
}

function compilePolicy(scenario: Scenario, policy: Policy, startDay: number, per1000: number): PolicyParams {
  const ch = policy.channels;
  const channels = [ch.online, ch.phone, ch.counter, ch.assisted] as const;
  const capacity = (c: (typeof channels)[number]): number => ('capacityPerDayPer1000' in c ? c.capacityPerDayPer1000 : 0) * per1000;
  const data = policy.data;
  const automation = policy.automation;
  const sample = scenario.population.sample;
  // Breach hazard halves for every securityHalvingGbp of spending per 1,000 citizens.
  const securityFactor = Math.pow(0.5, data.securitySpendPer1000Gbp / data.securityHalvingGbp);
  return {
    startDay,
    channelOpen: Uint8Array.from(channels, (c) => (c.open ? 1 : 0)),
    capacityPerDay: Float64Array.from(channels, capacity),
    costPerTransaction: Float64Array.from(channels, (c) => c.costPerTransactionGbp),
    fixedCostPerDay: Float64Array.from(channels, (c) => (c.fixedCostPerYearPer1000Gbp * per1000) / DAYS_PER_YEAR),
    handlingHours: Float64Array.from(channels, (c) => c.handlingMinutes / 60),
    usability: ch.online.usability,
    assistedMaxSkill: ch.assisted.maxSkillToQualify,
    failureScale: ch.online.failureScale,
    failedAttemptHours: ch.online.failedAttemptMinutes / 60,
    maxOnlineAttempts: ch.online.maxAttempts,
    onlineBuildCost: ch.online.buildCostPer1000Gbp * per1000,
    outageRatePerDay: ch.online.outage.ratePerYear / DAYS_PER_YEAR,
    outageMeanDays: ch.online.outage.meanDays,
    learningRate: policy.adoption.learningRate,
    bassPPerDay: policy.adoption.bassP / DAYS_PER_YEAR,
    bassQPerDay: policy.adoption.bassQ / DAYS_PER_YEAR,
    training: { ...program(scenario, policy.adoption.training, per1000, sample), skillGain: policy.adoption.training.skillGain },
    devices: program(scenario, policy.adoption.devices, per1000, sample),
    automationShare: automation.share,
    automatedErrorBySegment: Float64Array.from(scenario.segments, (s) =>
      Math.min(1, automation.errorRate * (automation.errorMultiplierByAge[s.age] ?? 1) * (automation.errorMultiplierByIncome[s.income] ?? 1)),
    ),
    humanErrorRate: automation.humanErrorRate,
    appealAvailable: automation.appeal.available,
    appealProb: automation.appeal.probability,
    appealCost: automation.appeal.costGbp,
    appealDelayDays: Math.round(automation.appeal.delayDays),
    kpiProcessingDaysTarget: policy.kpi.processingDaysTarget,
    kpiProcessingTarget: policy.kpi.processingShareTarget,
    kpiOnlineShareTarget: policy.kpi.onlineShareTarget,
    kpiRegistrationsTarget: policy.kpi.registrationsTarget,
    kpiReward: policy.kpi.rewardPerTargetGbp,
    kpiAuditProb: policy.kpi.auditProbabilityPerMonth,
    kpiPenalty: policy.kpi.penaltyGbp,
    kpiAdjustmentRate: policy.kpi.adjustmentRate,
    kpiStaffHoursPerGamedCase: policy.kpi.staffMinutesPerGamedCase / 60,
    dataCollectionMultiplier: data.collectionMultiplier,
    retentionDays: data.retentionYears * DAYS_PER_YEAR,
    securitySpendPerDay: (data.securitySpendPer1000Gbp * per1000) / DAYS_PER_YEAR,
    // Records are counted on the simulated population; the hazard is per represented record.
    breachHazardPerRecordDay: ((data.breachRatePerBillionRecordsYear / 1e9) * securityFactor * scenario.population.sample ** -1) / DAYS_PER_YEAR,
    breachShareAffected: data.shareAffected,
    breachTrustShock: data.trustShock,
    breachCostPerAffected: data.breachCostPerAffectedGbp,
    transparency: data.transparency,
    consentOrNoService: data.consent === 'consent-or-no-service',
    refusalThreshold: data.refusalThreshold,
    oneStop: policy.oneStop,
    partnerCapacityPerDay: policy.coProduction.partnerCapacityPerDayPer1000 * per1000,
    partnerCostPerTransaction: policy.coProduction.partnerCostPerTransactionGbp,
    feedbackLoop: policy.coProduction.feedbackLoop,
    feedbackRate: policy.coProduction.feedbackRate,
    extraApps: policy.apps.extraApps,
    appBuildCost: policy.apps.buildCostPer1000Gbp * per1000,
    appRunningCostPerDay: (policy.apps.runningCostPerYearPer1000Gbp * per1000) / DAYS_PER_YEAR,
    appStaffHoursPerMonth: policy.apps.staffHoursPerMonthPer1000 * per1000,
    appUsePerNeed: policy.apps.usePerNeed,
    allocationMode: policy.allocation.mode,
    allocationEveryMonths: policy.allocation.everyMonths,
    offlineRecordShare: policy.allocation.offlineRecordShare,
  };
}
