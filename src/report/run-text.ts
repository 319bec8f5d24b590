/**
 * The printed summary of one run, for a terminal:
 *
 *   title ──► who is served (overall, by age, by income) ──► why needs go unmet
 *         ──► cost ──► integrity ──► privacy ──► decisions ──► resilience
 *         ──► allocation by district ──► hopes-and-fears scorecard
 *
 * Rounding happens here and nowhere earlier.
 */
import type { RunResult } from '../scenarios/run.js';
import type { GroupMetrics, KpiReport, RunSummary, ScorecardRow } from '../sim/metrics/index.js';
import { formatCount, formatGbp, formatInUnit, formatNumber, formatPercent } from './format-number.js';
import { formatHeading, formatKeyValues, formatTable, type Cell, type CellStyle, type Column, type Row } from './format-table.js';

export interface TextOptions {
  /** ANSI styles for a colour terminal. Default false. */
  readonly color?: boolean;
}

/** The style of a scorecard verdict on a colour terminal. */
export function verdictCell(verdict: ScorecardRow['verdict']): Cell {
  const styles: Readonly<Record<ScorecardRow['verdict'], CellStyle>> = { good: 'good', mixed: 'mixed', poor: 'poor', untested: 'dim' };
  return { text: verdict, style: styles[verdict] };
}

const SERVED_COLUMNS: readonly Column[] = [
  { header: 'Group' },
  { header: 'Citizens', align: 'right' },
  { header: 'Needs', align: 'right' },
  { header: 'Met', align: 'right' },
  { header: 'Unmet', align: 'right' },
  { header: 'With unmet', align: 'right' },
  { header: 'Days med', align: 'right' },
  { header: 'Days p90', align: 'right' },
  { header: 'Online', align: 'right' },
  { header: 'Phone', align: 'right' },
  { header: 'Counter', align: 'right' },
  { header: 'Assisted', align: 'right' },
  { header: 'Trust end', align: 'right' },
];

function servedRow(label: string, group: GroupMetrics): Cell[] {
  return [
    label,
    formatCount(group.citizens),
    formatCount(group.needsArrived),
    formatPercent(group.metShare),
    formatPercent(group.unmetRate),
    formatPercent(group.shareCitizensWithUnmet),
    formatNumber(group.daysToServiceMedian, 1),
    formatNumber(group.daysToServiceP90, 1),
    formatPercent(group.channelMix.online),
    formatPercent(group.channelMix.phone),
    formatPercent(group.channelMix.counter),
    formatPercent(group.channelMix.assisted),
    formatNumber(group.meanTrustEnd, 3),
  ];
}

function servedBlock(summary: RunSummary, color: boolean): string {
  const rows: Row[] = [servedRow('All', summary.overall)];
  rows.push({ section: 'By age' });
  for (const [label, group] of Object.entries(summary.byAge)) rows.push(servedRow(`  ${label}`, group));
  rows.push({ section: 'By income' });
  for (const [label, group] of Object.entries(summary.byIncome)) rows.push(servedRow(`  ${label}`, group));
  const note =
    'Met and Unmet: shares of resolved needs; With unmet: citizens with at least one unmet need; Days: from need to service;\n' +
    'Online … Assisted: channel mix of met needs; Trust end: mean trust in government at the end (0-1).';
  return `${formatHeading('Who is served', color)}\n${formatTable(SERVED_COLUMNS, rows, { color })}\n${note}`;
}

function unmetReasonsBlock(summary: RunSummary, color: boolean): string {
  const reasons = summary.overall.unmetByReason;
  const unmet = summary.overall.needsUnmet;
  const share = (count: number): string => (unmet > 0 ? ` (${formatPercent(count / unmet)})` : '');
  const pairs: [string, string][] = [
    ['No channel open to them', formatCount(reasons.noChannel) + share(reasons.noChannel)],
    ['Online attempts failed', formatCount(reasons.onlineFailed) + share(reasons.onlineFailed)],
    ['Gave up waiting', formatCount(reasons.timeout) + share(reasons.timeout)],
    ['Wrongly denied', formatCount(reasons.denied) + share(reasons.denied)],
    ['Refused to hand over data', formatCount(reasons.refused) + share(reasons.refused)],
    ['Still pending at the end', formatCount(summary.inclusion.needsPendingEnd)],
  ];
  const worst = summary.inclusion.worstSegment === '' ? '' : `\n  Worst-served segment ${summary.inclusion.worstSegment}, best ${summary.inclusion.bestSegment}; disparity ratio ${formatNumber(summary.inclusion.disparityRatio, 3)}.`;
  return `${formatHeading(`Why needs go unmet (${formatCount(unmet)} needs)`, color)}\n${formatKeyValues(pairs)}${worst}`;
}

function costBlock(result: RunResult, color: boolean): string {
  const cost = result.summary.cost;
  const total = cost.governmentTotalGbp;
  const part = (amount: number): string => `${formatGbp(amount)}${total > 0 ? `  (${formatPercent(amount / total)})` : ''}`;
  const byCategory = cost.byCategoryGbp;
  const pairs: [string, string][] = [
    ['Government, total', formatGbp(total)],
    ['Per met need', formatGbp(cost.costPerMetNeedGbp)],
    ['  build', part(byCategory.build)],
    ['  running', part(byCategory.running)],
    ['  transactions', part(byCategory.transactions)],
    ['  training', part(byCategory.training)],
    ['  devices', part(byCategory.devices)],
    ['  appeals', part(byCategory.appeals)],
    ['  breaches', part(byCategory.breaches)],
    ['  apps', part(byCategory.apps)],
    ['  security', part(byCategory.security)],
    ['Partners\' own cost', formatGbp(cost.partnerCostGbp)],
    ['Citizen time', `${formatCount(cost.citizenHours)} hours, ${formatGbp(cost.citizenTimeCostGbp)} at ${formatGbp(result.scenario.valueOfTimeGbpPerHour)}/hour`],
    ['Staff hours gaming KPIs', formatCount(cost.staffHoursReporting)],
    ['Staff hours on scorecard apps', formatCount(cost.staffHoursApps)],
  ];
  return `${formatHeading('Cost', color)}\n${formatKeyValues(pairs)}`;
}

function integrityBlock(summary: RunSummary, color: boolean): string {
  const integrity = summary.integrity;
  const kpiRow = (name: string, kpi: KpiReport): Cell[] => [
    name,
    kpi.enabled ? 'yes' : 'no',
    formatPercent(kpi.trueValue),
    formatPercent(kpi.reportedValue),
    formatNumber(100 * kpi.gap, 1),
  ];
  const table = formatTable(
    [{ header: 'KPI' }, { header: 'Targeted' }, { header: 'True', align: 'right' }, { header: 'Reported', align: 'right' }, { header: 'Gap (pp)', align: 'right' }],
    [kpiRow('cases processed in time', integrity.processing), kpiRow('online share', integrity.onlineShare), kpiRow('registrations', integrity.registrations)],
    { color, indent: 2 },
  );
  const line =
    `  Mean gaming level ${formatNumber(integrity.meanGamingLevel, 3)}; audits ${formatCount(integrity.audits)} (${formatCount(integrity.auditsFindingGaming)} found gaming); ` +
    `rewards ${formatGbp(integrity.rewardsGbp)}, penalties ${formatGbp(integrity.penaltiesGbp)}.`;
  return `${formatHeading('Integrity: KPIs reported vs true (monthly means)', color)}\n${table}\n${line}`;
}

function privacyBlock(summary: RunSummary, color: boolean): string {
  const privacy = summary.privacy;
  const affectedShare = privacy.citizensAffected / Math.max(1, summary.representedCitizens);
  return `${formatHeading('Privacy', color)}\n${formatKeyValues([
    ['Records held at the end', `${formatCount(privacy.recordsHeldEnd)} (${formatNumber(privacy.recordsPerCitizenEnd, 1)} per citizen)`],
    ['Breaches', formatCount(privacy.breaches)],
    ['Citizens affected', `${formatCount(privacy.citizensAffected)} (${formatPercent(affectedShare)} of citizens)`],
  ])}`;
}

function decisionsBlock(summary: RunSummary, color: boolean): string {
  const decisions = summary.decisions;
  return `${formatHeading('Decisions', color)}\n${formatKeyValues([
    ['Wrongful denials', formatCount(decisions.wrongfulDenials)],
    ['Appeals', formatCount(decisions.appeals)],
    ['Corrected', `${formatCount(decisions.corrected)} (${formatPercent(decisions.correctedShare)} of wrongful denials)`],
    ['Uncorrected (stand)', formatCount(decisions.uncorrected)],
  ])}`;
}

function resilienceBlock(summary: RunSummary, color: boolean): string {
  const resilience = summary.resilience;
  return `${formatHeading('Resilience', color)}\n${formatKeyValues([
    ['Outage days', formatCount(resilience.outageDays)],
    ['Peak backlog', `${formatCount(resilience.peakBacklog)} needs`],
    ['Unmet during outages', `${formatCount(resilience.unmetDuringOutages)} needs`],
    ['Days to recover (mean)', resilience.outageDays > 0 ? formatNumber(resilience.meanDaysToRecover, 1) : '— (no outage)'],
  ])}`;
}

function allocationBlock(summary: RunSummary, color: boolean): string {
  const allocation = summary.allocation;
  const rows: Row[] = Object.entries(allocation.byDistrict).map(([district, shares]) => [
    district,
    formatPercent(shares.needShare),
    formatPercent(shares.capacityShareEnd),
    formatNumber(100 * (shares.capacityShareEnd - shares.needShare), 1),
    formatPercent(shares.unmetRate),
  ]);
  const table = formatTable(
    [{ header: 'District' }, { header: 'Need share', align: 'right' }, { header: 'Counter capacity (end)', align: 'right' }, { header: 'Gap (pp)', align: 'right' }, { header: 'Unmet', align: 'right' }],
    rows,
    { color, indent: 2 },
  );
  return `${formatHeading(`Allocation of counter capacity by district (mode: ${allocation.mode})`, color)}\n${table}`;
}

/** The hopes-and-fears scorecard as a table: id, kind, name, value, verdict, sentence. */
export function scorecardTable(rows: readonly ScorecardRow[], options: TextOptions = {}): string {
  return formatTable(
    [{ header: 'ID' }, { header: 'Name' }, { header: 'Value', align: 'right' }, { header: 'Verdict' }, { header: 'In a sentence' }],
    rows.map((row) => [row.id, row.name, formatInUnit(row.value, row.unit), verdictCell(row.verdict), row.sentence]),
    { color: options.color ?? false },
  );
}

/** A sample as a ratio's second term: 0.01 → "100", 0.3 → "3.33". */
export function sampleRatio(sample: number): string {
  const ratio = 1 / sample;
  return formatNumber(ratio, Math.abs(ratio - Math.round(ratio)) < 1e-9 ? 0 : 2);
}

/** The title line of a run: scenario, seed, horizon and population. */
export function runTitle(result: RunResult): string {
  const summary = result.summary;
  const population =
    summary.sample >= 1
      ? `${formatCount(summary.representedCitizens)} citizens (all simulated)`
      : `simulated a 1:${sampleRatio(summary.sample)} sample (${formatCount(summary.simulatedCitizens)} of ${formatCount(summary.representedCitizens)} citizens), outputs scaled back`;
  return `${result.scenario.name}: seed ${result.seed}, ${summary.horizonMonths} months, ${population}`;
}

/**
 * The printed summary of a run: who is served (overall, by age and income),
 * why needs go unmet, cost, integrity, privacy, decisions, resilience,
 * allocation by district and the scorecard. Ends with a newline. Pure.
 * @example process.stdout.write(formatRunText(runValidated(scenario, 1)));
 */
export function formatRunText(result: RunResult, options: TextOptions = {}): string {
  const color = options.color ?? false;
  const summary = result.summary;
  const blocks = [
    formatHeading(runTitle(result), color),
    servedBlock(summary, color),
    unmetReasonsBlock(summary, color),
    costBlock(result, color),
    integrityBlock(summary, color),
    privacyBlock(summary, color),
    decisionsBlock(summary, color),
    resilienceBlock(summary, color),
    allocationBlock(summary, color),
    `${formatHeading('Hopes and fears scorecard', color)}\n${scorecardTable(summary.scorecard, { color })}`,
  ];
  return `${blocks.join('\n\n')}\n`;
}
