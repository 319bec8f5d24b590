/**
 * Short labels of headline metrics for printed tables (the long
 * descriptions live with the reporters in src/sim/metrics/headline.ts and
 * go into JSON outputs).
 */

const LABELS: Readonly<Record<string, string>> = {
  unmetRate: 'needs unmet',
  shareCitizensWithUnmet: 'citizens with an unmet need',
  daysToServiceP90: 'days to service, p90',
  onlineShare: 'met needs served online',
  meanTrustEnd: 'trust at the end (0-1)',
  citizenHoursPerNeed: 'citizen hours per need',
  disparityRatio: 'disparity ratio (worst/best met share)',
  costPerMetNeedGbp: 'government cost per met need',
  governmentCostTotalGbp: 'government cost, total',
  citizenTimeCostGbp: 'citizen time, valued',
  trustChange: 'change in trust',
  trustGap: 'trust gap between segments',
  onlineFailureRate: 'online attempts that fail',
  kpiGapMax: 'largest KPI gap (reported - true)',
  gamingLevel: 'gaming level of offices',
  recordsPerCitizen: 'records held per citizen',
  breaches: 'data breaches',
  breachAffectedShare: 'citizens affected by breaches',
  uncorrectedDenials: 'wrongful denials that stand',
  correctedShare: 'wrongful denials corrected',
  transactionsPerNeed: 'transactions per served need',
  partnerShareOfAssisted: 'assisted help done by partners',
  usabilityEnd: 'online usability at the end',
  appCostPerUseGbp: 'cost per use of scorecard apps',
  staffHoursReporting: 'staff hours gaming KPIs',
  staffHoursApps: 'staff hours on scorecard apps',
  peakBacklog: 'peak backlog of needs',
  unmetDuringOutages: 'needs unmet during outages',
  refusedShare: 'needs refused for declining data use',
  noHumanAlternativeShare: 'needs with no human alternative',
  allocationGap: 'largest need-vs-capacity gap',
};

/** Splits a headline metric name into its base and group: `unmetRate[age=75+]` → { base: 'unmetRate', dimension: 'age', group: '75+' }. */
export function parseMetricName(name: string): { base: string; dimension?: string; group?: string } {
  const match = /^([^[]+)\[([^=\]]+)=(.*)\]$/.exec(name);
  if (match === null) return { base: name };
  return { base: match[1]!, dimension: match[2]!, group: match[3]! };
}

/** The short label of a headline metric (its group ignored), or its name if it has none. */
export function metricLabel(name: string): string {
  const { base } = parseMetricName(name);
  return LABELS[base] ?? base;
}
