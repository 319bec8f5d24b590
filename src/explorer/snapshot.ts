/**
 * What the explorer draws after each simulated month: the month's outcomes
 * by group of citizens (age band, income band, district) and for the city,
 * plus the run to date (headline figures and the hopes-and-fears scorecard).
 * Plain data, posted from the worker to the page. Counts are scaled to the
 * represented population; nothing is rounded here.
 * Browser-safe: no Node or DOM imports.
 */
import type { ModelConfig } from '../sim/config.js';
import { CityCounter as C, SegmentCounter as S } from '../sim/counters.js';
import type { RunOutput } from '../sim/engine.js';
import type { RunSummary, ScorecardRow } from '../sim/metrics/index.js';
import { cityMonth, segmentTotals, unmetOf } from '../sim/metrics/totals.js';
import { GROUPINGS, type Grouping } from './settings.js';

/** The groups of each grouping: their labels and member segments. */
export type GroupLabels = Readonly<Record<Grouping, { readonly labels: readonly string[]; readonly members: readonly (readonly number[])[] }>>;

/** One month's outcomes for each group of a grouping, in label order; NaN where a group had nothing to measure. */
export interface GroupMonth {
  /** Share of the month's resolved needs that were met. */
  readonly metShare: readonly number[];
  /** Mean trust in government at the month's end (0–1). */
  readonly meanTrust: readonly number[];
  /** Citizen hours (travel, waiting in person, handling, failed attempts) per resolved need. */
  readonly hoursPerNeed: readonly number[];
}

export interface MonthSnapshot {
  /** Months done, 1 after the first month. */
  readonly month: number;
  readonly groups: Readonly<Record<Grouping, GroupMonth>>;
  readonly city: {
    readonly metShare: number;
    readonly meanTrust: number;
    readonly hoursPerNeed: number;
    /** Share of the month's met needs by channel: online, phone, counter, assisted. */
    readonly channelMix: readonly [number, number, number, number];
  };
  /** The month's government cost by category, GBP. */
  readonly costGbp: {
    readonly build: number;
    readonly running: number;
    readonly transactions: number;
    readonly programs: number;
    readonly other: number;
  };
  /** KPIs as offices report them and as they truly are (0–1 shares). */
  readonly kpi: {
    readonly onlineShareTrue: number;
    readonly onlineShareReported: number;
    readonly processingTrue: number;
    readonly processingReported: number;
    readonly registrationsTrue: number;
    readonly registrationsReported: number;
    readonly gamingLevel: number;
  };
  readonly privacy: { readonly recordsPerCitizen: number; readonly breaches: number; readonly affectedShare: number };
  readonly resilience: { readonly outageDays: number; readonly backlogPer1000: number };
  /** The run so far. */
  readonly toDate: {
    readonly metShare: number;
    readonly worstSegment: string;
    readonly worstMetShare: number;
    readonly trustStart: number;
    readonly trustNow: number;
    readonly costPerMetNeedGbp: number;
    readonly governmentCostGbp: number;
    readonly shareCitizensWithUnmet: number;
    readonly disparityRatio: number;
  };
  readonly scorecard: readonly ScorecardRow[];
}

/** The groups of a compiled scenario by age band, income band and district, in first-seen order. */
export function groupLabels(config: ModelConfig): GroupLabels {
  const by = (labelOf: (segment: number) => string): { labels: string[]; members: number[][] } => {
    const index = new Map<string, number[]>();
    config.segments.ids.forEach((_, s) => {
      const label = labelOf(s);
      const members = index.get(label) ?? [];
      members.push(s);
      index.set(label, members);
    });
    return { labels: [...index.keys()], members: [...index.values()] };
  };
  return {
    age: by((s) => config.segments.age[s]!),
    income: by((s) => config.segments.income[s]!),
    district: by((s) => config.districts.ids[config.segments.district[s]!]!),
  };
}

const nanRatio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

function groupMonth(output: RunOutput, members: readonly (readonly number[])[], month: number): GroupMonth {
  const metShare: number[] = [];
  const meanTrust: number[] = [];
  const hoursPerNeed: number[] = [];
  for (const segments of members) {
    const t = segmentTotals(output, segments, { from: month, to: month + 1 });
    const resolved = t[S.met]! + unmetOf(t);
    metShare.push(nanRatio(t[S.met]!, resolved));
    meanTrust.push(nanRatio(t[S.trustSum]!, t[S.citizens]!));
    hoursPerNeed.push(nanRatio(t[S.citizenHours]!, resolved));
  }
  return { metShare, meanTrust, hoursPerNeed };
}

/**
 * The snapshot of the last month of `output` (a run recorded so far), with
 * `summary` the summary of that run to date. Cost O(segments × counters).
 */
export function monthSnapshot(config: ModelConfig, output: RunOutput, labels: GroupLabels, summary: RunSummary): MonthSnapshot {
  const month = output.months - 1;
  const all = config.segments.ids.map((_, s) => s);
  const t = segmentTotals(output, all, { from: month, to: month + 1 });
  const met = t[S.met]!;
  const resolved = met + unmetOf(t);
  const scale = output.scale;
  const city = (counter: number): number => cityMonth(output, month, counter);
  const groups = Object.fromEntries(GROUPINGS.map((grouping) => [grouping, groupMonth(output, labels[grouping].members, month)])) as Record<Grouping, GroupMonth>;
  const worst = summary.segments[summary.inclusion.worstSegment];
  const represented = Math.max(1, summary.representedCitizens);
  return {
    month: output.months,
    groups,
    city: {
      metShare: nanRatio(met, resolved),
      meanTrust: nanRatio(t[S.trustSum]!, t[S.citizens]!),
      hoursPerNeed: nanRatio(t[S.citizenHours]!, resolved),
      channelMix: [nanRatio(t[S.metOnline]!, met), nanRatio(t[S.metPhone]!, met), nanRatio(t[S.metCounter]!, met), nanRatio(t[S.metAssisted]!, met)],
    },
    costGbp: {
      build: (city(C.costBuild) + city(C.costApps)) * scale,
      running: (city(C.costRunning) + city(C.costSecurity)) * scale,
      transactions: city(C.costTransactions) * scale,
      programs: (city(C.costTraining) + city(C.costDevices)) * scale,
      other: (city(C.costAppeals) + city(C.costBreaches)) * scale,
    },
    kpi: {
      onlineShareTrue: city(C.kpiOnlineShareTrue),
      onlineShareReported: city(C.kpiOnlineShareReported),
      processingTrue: city(C.kpiProcessingTrue),
      processingReported: city(C.kpiProcessingReported),
      registrationsTrue: city(C.kpiRegistrationsTrue),
      registrationsReported: city(C.kpiRegistrationsReported),
      gamingLevel: city(C.gamingLevel),
    },
    privacy: {
      recordsPerCitizen: city(C.recordsHeld) / Math.max(1, output.simulatedCitizens),
      breaches: city(C.breaches),
      affectedShare: (t[S.breachAffected]! * scale) / represented,
    },
    resilience: {
      outageDays: city(C.outageDays),
      backlogPer1000: (city(C.backlogEnd) * 1000) / Math.max(1, output.simulatedCitizens),
    },
    toDate: {
      metShare: summary.overall.metShare,
      worstSegment: summary.inclusion.worstSegment,
      worstMetShare: worst?.metShare ?? Number.NaN,
      trustStart: summary.trust.meanStart,
      trustNow: summary.trust.meanEnd,
      costPerMetNeedGbp: summary.cost.costPerMetNeedGbp,
      governmentCostGbp: summary.cost.governmentTotalGbp,
      shareCitizensWithUnmet: summary.overall.shareCitizensWithUnmet,
      disparityRatio: summary.inclusion.disparityRatio,
    },
    scorecard: summary.scorecard,
  };
}
