/**
 * Headline metrics: the flat, named numbers that comparisons and sweeps
 * carry per run. A reporter table: each entry says what it measures, its
 * unit, which direction is better, and how to read it off a summary.
 * Group metrics repeat for every age band, income band and district as
 * `name[age=75+]`, `name[income=low]`, `name[district=outer]`.
 */
import type { GroupMetrics, RunSummary } from './summary.js';
import { ratio } from './totals.js';

export interface Reporter {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly higherIsBetter: boolean;
  readonly read: (summary: RunSummary) => number;
}

interface GroupReporter {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly higherIsBetter: boolean;
  readonly read: (group: GroupMetrics) => number;
}

/** Metrics defined for every group of citizens. */
export const GROUP_REPORTERS: readonly GroupReporter[] = [
  { name: 'unmetRate', description: 'share of resolved needs that went unmet', unit: 'share', higherIsBetter: false, read: (g) => g.unmetRate },
  { name: 'shareCitizensWithUnmet', description: 'share of citizens with at least one unmet need', unit: 'share', higherIsBetter: false, read: (g) => g.shareCitizensWithUnmet },
  { name: 'daysToServiceP90', description: '90th percentile of days from need to service', unit: 'days', higherIsBetter: false, read: (g) => g.daysToServiceP90 },
  { name: 'onlineShare', description: 'share of met needs served online', unit: 'share', higherIsBetter: true, read: (g) => g.channelMix.online },
  { name: 'meanTrustEnd', description: 'mean trust in government at the end', unit: '0-1', higherIsBetter: true, read: (g) => g.meanTrustEnd },
  { name: 'citizenHoursPerNeed', description: 'citizen hours (travel, handling, failed attempts) per resolved need', unit: 'hours', higherIsBetter: false, read: (g) => g.citizenHoursPerNeed },
];

/** Metrics of the whole run. */
export const RUN_REPORTERS: readonly Reporter[] = [
  { name: 'disparityRatio', description: 'worst segment met share / best segment met share', unit: 'ratio', higherIsBetter: true, read: (s) => s.inclusion.disparityRatio },
  { name: 'costPerMetNeedGbp', description: 'government cost per met need', unit: 'GBP', higherIsBetter: false, read: (s) => s.cost.costPerMetNeedGbp },
  { name: 'governmentCostTotalGbp', description: 'government cost over the horizon', unit: 'GBP', higherIsBetter: false, read: (s) => s.cost.governmentTotalGbp },
  { name: 'citizenTimeCostGbp', description: 'citizen hours valued at the value of time', unit: 'GBP', higherIsBetter: false, read: (s) => s.cost.citizenTimeCostGbp },
  { name: 'trustChange', description: 'change in mean trust over the horizon', unit: '0-1', higherIsBetter: true, read: (s) => s.trust.change },
  { name: 'trustGap', description: 'highest minus lowest segment mean trust at the end', unit: '0-1', higherIsBetter: false, read: (s) => s.trust.gapEnd },
  { name: 'onlineFailureRate', description: 'share of online attempts that fail', unit: 'share', higherIsBetter: false, read: (s) => s.overall.onlineFailureRate },
  { name: 'kpiGapMax', description: 'largest reported-minus-true KPI gap', unit: 'share', higherIsBetter: false, read: (s) => Math.max(0, s.integrity.processing.gap, s.integrity.onlineShare.gap, s.integrity.registrations.gap) },
  { name: 'gamingLevel', description: 'mean gaming level of offices', unit: '0-1', higherIsBetter: false, read: (s) => s.integrity.meanGamingLevel },
  { name: 'recordsPerCitizen', description: 'personal-data records held per citizen at the end', unit: 'records', higherIsBetter: false, read: (s) => s.privacy.recordsPerCitizenEnd },
  { name: 'breaches', description: 'data breaches', unit: 'count', higherIsBetter: false, read: (s) => s.privacy.breaches },
  { name: 'breachAffectedShare', description: 'citizens affected by breaches, share of population', unit: 'share', higherIsBetter: false, read: (s) => s.privacy.citizensAffected / Math.max(1, s.representedCitizens) },
  { name: 'uncorrectedDenials', description: 'wrongful denials that stand', unit: 'count', higherIsBetter: false, read: (s) => s.decisions.uncorrected },
  { name: 'correctedShare', description: 'share of wrongful denials corrected', unit: 'share', higherIsBetter: true, read: (s) => s.decisions.correctedShare },
  { name: 'transactionsPerNeed', description: 'transactions per served need', unit: 'count', higherIsBetter: false, read: (s) => s.integration.transactionsPerNeed },
  { name: 'partnerShareOfAssisted', description: 'share of assisted transactions done by partners', unit: 'share', higherIsBetter: true, read: (s) => s.coProduction.partnerShareOfAssisted },
  { name: 'usabilityEnd', description: 'online usability at the end', unit: '0-1', higherIsBetter: true, read: (s) => s.coProduction.usabilityEnd },
  { name: 'appCostPerUseGbp', description: 'cost per active use of scorecard apps', unit: 'GBP', higherIsBetter: false, read: (s) => s.apps.costPerActiveUseGbp },
  { name: 'staffHoursReporting', description: 'staff hours spent gaming KPIs', unit: 'hours', higherIsBetter: false, read: (s) => s.cost.staffHoursReporting },
  { name: 'staffHoursApps', description: 'staff hours spent on scorecard apps', unit: 'hours', higherIsBetter: false, read: (s) => s.cost.staffHoursApps },
  { name: 'peakBacklog', description: 'largest number of needs waiting at once', unit: 'needs', higherIsBetter: false, read: (s) => s.resilience.peakBacklog },
  { name: 'unmetDuringOutages', description: 'needs unmet during digital outages', unit: 'needs', higherIsBetter: false, read: (s) => s.resilience.unmetDuringOutages },
  { name: 'refusedShare', description: 'share of needs refused service because the citizen declined data use', unit: 'share', higherIsBetter: false, read: (s) => ratio(s.overall.unmetByReason.refused, s.overall.needsArrived) },
  { name: 'noHumanAlternativeShare', description: 'share of needs served online only because no human channel was open, or unmet for want of any channel', unit: 'share', higherIsBetter: false, read: (s) => s.overall.forcedShare + ratio(s.overall.unmetByReason.noChannel, s.overall.needsArrived) },
  { name: 'allocationGap', description: 'largest gap between a district\'s need share and counter-capacity share', unit: 'share', higherIsBetter: false, read: (s) => s.allocation.maxShareGap },
];

/** Direction and description of a headline metric by its name (group suffix ignored). */
export function describeMetric(name: string): { description: string; unit: string; higherIsBetter: boolean } | undefined {
  const base = name.replace(/\[.*\]$/, '');
  return GROUP_REPORTERS.find((r) => r.name === base) ?? RUN_REPORTERS.find((r) => r.name === base);
}

/**
 * The headline metrics of a run, in a stable order: overall group metrics,
 * run metrics, then group metrics by age, income and district.
 */
export function headlineMetrics(summary: RunSummary): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const reporter of GROUP_REPORTERS) metrics[reporter.name] = reporter.read(summary.overall);
  for (const reporter of RUN_REPORTERS) metrics[reporter.name] = reporter.read(summary);
  const groups: [string, Readonly<Record<string, GroupMetrics>>][] = [
    ['age', summary.byAge],
    ['income', summary.byIncome],
    ['district', summary.byDistrict],
  ];
  for (const [dimension, byLabel] of groups) {
    for (const [label, group] of Object.entries(byLabel)) {
      for (const reporter of GROUP_REPORTERS) metrics[`${reporter.name}[${dimension}=${label}]`] = reporter.read(group);
    }
  }
  return metrics;
}
