/**
 * The hopes-and-fears scorecard: one row per hope (H1–H8) and fear (F1–F5)
 * of Zheng, Zhang & Wang (2022), each with the indicator that shows it, its
 * value and a plain-language verdict. Thresholds are judgement calls, stated
 * here so a reader can disagree with them in one place.
 */
import type { RunSummary } from './summary.js';

export type Verdict = 'good' | 'mixed' | 'poor' | 'untested';

export interface ScorecardRow {
  readonly id: string;
  readonly kind: 'hope' | 'fear';
  readonly name: string;
  readonly indicator: string;
  readonly value: number;
  readonly unit: string;
  /** Whether a higher value is better. */
  readonly higherIsBetter: boolean;
  readonly verdict: Verdict;
  readonly sentence: string;
}

type Input = Omit<RunSummary, 'scorecard'>;

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const gbp = (x: number): string => `£${x.toFixed(2)}`;

/** Grades a value against two thresholds: good beyond `good`, mixed beyond `mixed`, else poor. */
function grade(value: number, good: number, mixed: number, higherIsBetter: boolean): Verdict {
  if (!Number.isFinite(value)) return 'untested';
  if (higherIsBetter) return value >= good ? 'good' : value >= mixed ? 'mixed' : 'poor';
  return value <= good ? 'good' : value <= mixed ? 'mixed' : 'poor';
}

/** The 13 rows of the scorecard, computed from a summary. */
export function scorecard(summary: Input): ScorecardRow[] {
  const rows: ScorecardRow[] = [];
  const add = (row: Omit<ScorecardRow, 'kind'>): void => {
    rows.push({ ...row, kind: row.id.startsWith('H') ? 'hope' : 'fear' });
  };
  const overall = summary.overall;

  const partnerShare = summary.coProduction.partnerShareOfAssisted;
  add({
    id: 'H1', name: 'Symphony, not a solo', indicator: 'share of assisted-digital transactions done by partners',
    value: partnerShare, unit: 'share', higherIsBetter: true, verdict: grade(partnerShare, 0.3, 0.01, true),
    sentence: partnerShare > 0 ? `Partners carry ${pct(partnerShare)} of assisted-digital help.` : 'Government serves alone: no partner adds assisted capacity.',
  });
  const inclusion = summary.inclusion;
  add({
    id: 'H2', name: 'Inclusive', indicator: 'disparity ratio: worst segment met share / best segment met share',
    value: inclusion.disparityRatio, unit: 'ratio', higherIsBetter: true, verdict: grade(inclusion.disparityRatio, 0.95, 0.85, true),
    sentence: inclusion.worstSegment === ''
      ? 'No segment had a need resolved: there is no disparity to measure.'
      : `The worst-served segment (${inclusion.worstSegment}) has ${pct(summary.segments[inclusion.worstSegment]?.metShare ?? NaN)} of its needs met, against ${pct(summary.segments[inclusion.bestSegment]?.metShare ?? NaN)} for the best (${inclusion.bestSegment}).`,
  });
  add({
    id: 'H3', name: 'Tailored', indicator: 'online attempts that fail',
    value: overall.onlineFailureRate, unit: 'share', higherIsBetter: false, verdict: grade(overall.onlineFailureRate, 0.15, 0.3, false),
    sentence: `${pct(overall.onlineFailureRate)} of online attempts fail; usability goes from ${summary.coProduction.usabilityStart.toFixed(2)} to ${summary.coProduction.usabilityEnd.toFixed(2)}.`,
  });
  const decisions = summary.decisions;
  add({
    id: 'H4', name: 'Intelligent and human', indicator: 'share of wrongful denials corrected by a human review',
    value: decisions.correctedShare, unit: 'share', higherIsBetter: true,
    verdict: decisions.wrongfulDenials === 0 ? 'untested' : grade(decisions.correctedShare, 0.6, 0.3, true),
    sentence: decisions.wrongfulDenials === 0 ? 'No wrongful denial occurred.' : `${pct(decisions.correctedShare)} of wrongful denials are corrected; ${Math.round(decisions.uncorrected)} stand.`,
  });
  const transactionsPerNeed = summary.integration.transactionsPerNeed;
  add({
    id: 'H5', name: 'Integrated', indicator: 'transactions per served need (1 = one-stop)',
    value: transactionsPerNeed, unit: 'transactions/need', higherIsBetter: false, verdict: grade(transactionsPerNeed, 1.05, 1.5, false),
    sentence: Number.isFinite(transactionsPerNeed) ? `A served need takes ${transactionsPerNeed.toFixed(2)} transactions with the administration.` : 'No need was served: there are no transactions per need to count.',
  });
  const costPerNeed = summary.cost.costPerMetNeedGbp;
  add({
    id: 'H6', name: 'Sustainable', indicator: 'government cost per met need (build, running, transactions, programs, appeals, breaches)',
    value: costPerNeed, unit: 'GBP/need', higherIsBetter: false, verdict: grade(costPerNeed, 4, 8, false),
    sentence: `Each met need costs the government ${gbp(costPerNeed)} in all.`,
  });
  const resilience = summary.resilience;
  const unmetPerOutageDay = resilience.outageDays > 0 ? resilience.unmetDuringOutages / resilience.outageDays : NaN;
  const unmetPer1000 = (unmetPerOutageDay * 1000) / Math.max(1, summary.representedCitizens);
  add({
    id: 'H7', name: 'Agile and resilient', indicator: 'needs unmet per outage day, per 1,000 citizens',
    value: resilience.outageDays > 0 ? unmetPer1000 : NaN, unit: 'needs/day/1000 citizens', higherIsBetter: false,
    verdict: resilience.outageDays > 0 ? grade(unmetPer1000, 0.05, 0.5, false) : 'untested',
    sentence: resilience.outageDays > 0
      ? `${resilience.outageDays} outage days left ${Math.round(resilience.unmetDuringOutages)} needs unmet; recovery took ${resilience.meanDaysToRecover.toFixed(1)} days on average.`
      : 'No digital outage occurred in this run.',
  });
  const refused = overall.unmetByReason.refused;
  const refusedShare = overall.needsArrived > 0 ? refused / overall.needsArrived : 0;
  add({
    id: 'H8', name: 'Open', indicator: 'needs refused service for declining data use (consent or no service)',
    value: refusedShare, unit: 'share of needs', higherIsBetter: false, verdict: grade(refusedShare, 0.001, 0.01, false),
    sentence: refused > 0 ? `${Math.round(refused)} needs went unserved because the citizen declined to hand over data.` : 'Citizens who decline data use keep a way to be served.',
  });
  const apps = summary.apps;
  add({
    id: 'F1', name: 'Castle in the air', indicator: 'cost per active use of apps built for scorecards',
    value: apps.extraApps > 0 ? apps.costPerActiveUseGbp : 0, unit: 'GBP/use', higherIsBetter: false,
    verdict: apps.extraApps === 0 ? 'good' : grade(apps.costPerActiveUseGbp, 1, 5, false),
    sentence: apps.extraApps === 0 ? 'No app was built for a scorecard.' : `${apps.extraApps} scorecard app(s) cost ${gbp(apps.costPerActiveUseGbp)} per use and ${Math.round(summary.cost.staffHoursApps)} staff hours.`,
  });
  const privacy = summary.privacy;
  const affectedShare = privacy.citizensAffected / Math.max(1, summary.representedCitizens);
  add({
    id: 'F2', name: 'Running naked', indicator: 'citizens affected by data breaches, share of population',
    value: affectedShare, unit: 'share', higherIsBetter: false, verdict: privacy.breaches === 0 ? 'good' : grade(affectedShare, 0.01, 0.1, false),
    sentence: privacy.breaches === 0 ? `No breach; ${privacy.recordsPerCitizenEnd.toFixed(0)} records held per citizen.` : `${privacy.breaches} breach(es) exposed ${pct(affectedShare)} of citizens; ${privacy.recordsPerCitizenEnd.toFixed(0)} records held per citizen.`,
  });
  const noChoice = overall.forcedShare + (overall.needsArrived > 0 ? overall.unmetByReason.noChannel / overall.needsArrived : 0);
  add({
    id: 'F3', name: 'No choice, no escape', indicator: 'needs served only online with no human channel open, or unmet for want of any channel',
    value: noChoice, unit: 'share of needs', higherIsBetter: false, verdict: grade(noChoice, 0.02, 0.2, false),
    sentence: `${pct(noChoice)} of needs had no human alternative.`,
  });
  const integrity = summary.integrity;
  const kpis = [integrity.processing, integrity.onlineShare, integrity.registrations].filter((k) => k.enabled);
  const gap = kpis.length > 0 ? Math.max(...kpis.map((k) => k.gap)) : 0;
  add({
    id: 'F4', name: 'Technology everywhere (governed by indicators)', indicator: 'largest gap between a reported KPI and its true value',
    value: gap, unit: 'share points', higherIsBetter: false, verdict: kpis.length === 0 ? 'good' : grade(gap, 0.02, 0.1, false),
    sentence: kpis.length === 0 ? 'Offices face no KPI target.' : `Reported KPIs exceed the truth by up to ${pct(gap)}; mean gaming level ${integrity.meanGamingLevel.toFixed(2)}.`,
  });
  const allocation = summary.allocation;
  add({
    id: 'F5', name: 'Sticking to old ways', indicator: 'largest gap between a district\'s share of need and its share of counter capacity',
    value: allocation.countersOpenEnd ? allocation.maxShareGap : NaN, unit: 'share points', higherIsBetter: false,
    verdict: allocation.countersOpenEnd ? grade(allocation.maxShareGap, 0.05, 0.15, false) : 'untested',
    sentence: allocation.countersOpenEnd
      ? `Counter capacity is allocated ${allocation.mode === 'fixed' ? 'by population (fixed)' : `by ${allocation.mode}`}; the largest need-vs-capacity gap is ${pct(allocation.maxShareGap)}.`
      : 'Counters are closed at the end: there is no counter capacity to allocate.',
  });
  return rows;
}
