/**
 * Invariants every run must satisfy; a violation is a bug in the model, so
 * it is reported by name rather than passed on as a silent number.
 *
 * On the raw counters (`checkInvariants`):
 *   conservation of needs   every need that arrived is met, unmet or still pending,
 *                           over the run and at the end of every month
 *   finite counters         no NaN or ±Infinity in any monthly table
 *   non-negative costs      every cost counter, every month
 *   non-negative counters   every other counter, every month
 *   shares within [0, 1]    usability, KPI values, gaming levels, capacity and need
 *                           shares; stocks per citizen (trust, skill, access,
 *                           registration, citizens with an unmet need)
 * On the summary (`checkSummaryInvariants`):
 *   shares within [0, 1]    every share and mean of a 0–1 quantity, per group and run
 *   non-negative costs      every cost figure
 */
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S, CityCounter as C, CITY_COUNTER_COUNT, DISTRICT_COUNTER_COUNT, DistrictCounter as D, SEGMENT_COUNTER_NAMES, CITY_COUNTER_NAMES, DISTRICT_COUNTER_NAMES } from '../counters.js';
import { CHANNEL_NAMES } from '../config.js';
import type { RunOutput } from '../engine.js';
import type { GroupMetrics, RunSummary } from './summary.js';
import { cityMonth, segmentTotals, unmetOf } from './totals.js';

export interface InvariantViolation {
  readonly invariant: string;
  readonly detail: string;
}

/** Slack for sums of doubles (counts are whole numbers; trust and skill sums are sums of floats). */
const TOLERANCE = 1e-6;

/** The city counters that are costs (GBP). */
const COST_COUNTERS: readonly number[] = [C.costBuild, C.costRunning, C.costTransactions, C.costTraining, C.costDevices, C.costAppeals, C.costBreaches, C.costApps, C.costSecurity, C.partnerCost];
/** The city counters that are shares or levels in [0, 1]. */
const CITY_SHARES: readonly number[] = [C.usability, C.kpiProcessingTrue, C.kpiProcessingReported, C.kpiOnlineShareTrue, C.kpiOnlineShareReported, C.kpiRegistrationsTrue, C.kpiRegistrationsReported, C.gamingLevel];
/** The district counters that are shares in [0, 1]. */
const DISTRICT_SHARES: readonly number[] = [D.counterCapacityShare, D.needShare];
/** Per city counter: 1 for the costs (checked on their own, by month), else 0. */
const IS_COST = new Uint8Array(CITY_COUNTER_COUNT);
for (const counter of COST_COUNTERS) IS_COST[counter] = 1;
/** Segment stocks that are sums over the segment's citizens of something in [0, 1]: at most the number of citizens. */
const PER_CITIZEN_STOCKS: readonly number[] = [S.trustSum, S.skillSum, S.accessCount, S.citizensWithUnmet, S.registered];

interface Table {
  readonly name: string;
  readonly values: Float64Array;
  /** Counters per row. */
  readonly width: number;
  readonly counterNames: readonly string[];
  /** Rows per month (segments, districts, or 1). */
  readonly rowsPerMonth: number;
  readonly rowName: string;
}

function tablesOf(output: RunOutput): Table[] {
  return [
    { name: 'segment', values: output.segmentMonthly, width: SEGMENT_COUNTER_COUNT, counterNames: SEGMENT_COUNTER_NAMES, rowsPerMonth: output.segmentCount, rowName: 'segment' },
    { name: 'city', values: output.cityMonthly, width: CITY_COUNTER_COUNT, counterNames: CITY_COUNTER_NAMES, rowsPerMonth: 1, rowName: '' },
    { name: 'district', values: output.districtMonthly, width: DISTRICT_COUNTER_COUNT, counterNames: DISTRICT_COUNTER_NAMES, rowsPerMonth: output.districtCount, rowName: 'district' },
  ];
}

/** Where entry `index` of a table is, e.g. `segment counter citizenHours, month 3, segment 2`. */
function entryName(table: Table, index: number): string {
  const counter = index % table.width;
  const row = Math.floor(index / table.width);
  const month = Math.floor(row / Math.max(1, table.rowsPerMonth));
  const within = row % Math.max(1, table.rowsPerMonth);
  const where = table.rowName === '' ? '' : `, ${table.rowName} ${within}`;
  return `${table.name} counter ${table.counterNames[counter] ?? counter}, month ${month}${where}`;
}

/**
 * Checks a run's raw counters: conservation of needs (over the run and at
 * the end of every month), finiteness, non-negative costs and counters, and
 * shares within [0, 1] (see the module comment). Reports at most one
 * violation per invariant and table, the first found. Cost O(size of the tables).
 * @example if (checkInvariants(output).length > 0) throw new Error('bug');
 */
export function checkInvariants(output: RunOutput): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const tables = tablesOf(output);

  // Finiteness first: sums below are meaningless over NaN.
  for (const table of tables) {
    const bad = firstNotFinite(table.values);
    if (bad !== -1) violations.push({ invariant: `finite ${table.name} counters`, detail: `${entryName(table, bad)} is ${table.values[bad]}` });
  }
  if (violations.length > 0) return violations;

  const all = Array.from({ length: output.segmentCount }, (_, s) => s);
  if (output.months > 0) {
    const t = segmentTotals(output, all, { from: 0, to: output.months });
    const pending = cityMonth(output, output.months - 1, C.pendingEnd);
    const accounted = t[S.met]! + unmetOf(t) + pending;
    if (Math.abs(accounted - t[S.arrived]!) > TOLERANCE) {
      violations.push({ invariant: 'conservation of needs', detail: `arrived ${t[S.arrived]} ≠ met ${t[S.met]} + unmet ${unmetOf(t)} + pending ${pending}` });
    } else {
      let pendingBefore = 0;
      for (let month = 0; month < output.months; month++) {
        const m = segmentTotals(output, all, { from: month, to: month + 1 });
        const pendingEnd = cityMonth(output, month, C.pendingEnd);
        if (Math.abs(pendingBefore + m[S.arrived]! - m[S.met]! - unmetOf(m) - pendingEnd) > TOLERANCE) {
          violations.push({
            invariant: 'conservation of needs',
            detail: `month ${month}: pending ${pendingBefore} + arrived ${m[S.arrived]} − met ${m[S.met]} − unmet ${unmetOf(m)} ≠ pending ${pendingEnd} at its end`,
          });
          break;
        }
        pendingBefore = pendingEnd;
      }
    }
  }

  const city = tables[1]!;
  costs: for (let month = 0; month < output.months; month++) {
    for (const counter of COST_COUNTERS) {
      const index = month * CITY_COUNTER_COUNT + counter;
      if (output.cityMonthly[index]! < 0) {
        violations.push({ invariant: 'non-negative costs', detail: `${entryName(city, index)} is ${output.cityMonthly[index]}` });
        break costs;
      }
    }
  }
  for (const table of tables) {
    const bad = firstNegative(table.values, table.width, table === city ? IS_COST : null);
    if (bad !== -1) violations.push({ invariant: `non-negative ${table.name} counters`, detail: `${entryName(table, bad)} is ${table.values[bad]}` });
  }

  const shareViolation = (table: Table, index: number, value: number, bound: string): void => {
    violations.push({ invariant: 'shares within [0, 1]', detail: `${entryName(table, index)} is ${value}${bound}` });
  };
  const shares = (): void => {
    for (const [table, counters] of [[city, CITY_SHARES], [tables[2]!, DISTRICT_SHARES]] as const) {
      for (let index = 0; index < table.values.length; index++) {
        const value = table.values[index]!;
        if (counters.includes(index % table.width) && (value < -1e-9 || value > 1 + 1e-9)) return shareViolation(table, index, value, '');
      }
    }
    const segment = tables[0]!;
    for (let row = 0; row * SEGMENT_COUNTER_COUNT < segment.values.length; row++) {
      const base = row * SEGMENT_COUNTER_COUNT;
      const citizens = segment.values[base + S.citizens]!;
      for (const stock of PER_CITIZEN_STOCKS) {
        const value = segment.values[base + stock]!;
        if (value > citizens + TOLERANCE) return shareViolation(segment, base + stock, value, ` > ${citizens} citizens`);
      }
    }
  };
  shares();
  return violations;
}

/**
 * The first index of a value that is NaN or infinite, or −1. (A loop: the
 * `findIndex` with a callback it replaces took two thirds of the check, a
 * tenth of a small run's time after its simulation.)
 */
function firstNotFinite(values: Float64Array): number {
  for (let index = 0; index < values.length; index++) if (!Number.isFinite(values[index]!)) return index;
  return -1;
}

/** The first index of a value below −1e-9, or −1, skipping the counters `skip` marks (of rows `width` long). */
function firstNegative(values: Float64Array, width: number, skip: Uint8Array | null): number {
  for (let index = 0; index < values.length; index++) {
    if (values[index]! < -1e-9 && (skip === null || skip[index % width] !== 1)) return index;
  }
  return -1;
}

/** The names of a group's channel-mix shares, as reported in a violation. */
const CHANNEL_MIX_FIELDS = CHANNEL_NAMES.map((channel) => `channelMix.${channel}`);

/** The fields of GroupMetrics that are shares, or means of quantities in [0, 1]. */
const GROUP_SHARES = ['metShare', 'unmetRate', 'shareCitizensWithUnmet', 'onlineFailureRate', 'proxyShareOfOnline', 'forcedShare', 'meanTrustStart', 'meanTrustEnd', 'accessShareEnd', 'meanSkillEnd', 'registeredShareEnd'] as const satisfies readonly (keyof GroupMetrics)[];

/**
 * Checks a run's summary: every share and 0–1 mean within [0, 1] (per group
 * of citizens and for the run), every cost non-negative. NaN is left to the
 * output guard, which knows where a value is undefined by construction.
 * Cost O(groups).
 */
export function checkSummaryInvariants(summary: RunSummary): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  // A field's name is `group.field` (or the field alone): the name is only built for a violation.
  const share = (field: string, value: number, group?: string): void => {
    if (value < -1e-9 || value > 1 + 1e-9) violations.push({ invariant: 'shares within [0, 1]', detail: `${group === undefined ? '' : `${group}.`}${field} is ${value}` });
  };
  const cost = (field: string, value: number, group?: string): void => {
    if (value < 0) violations.push({ invariant: 'non-negative costs', detail: `${group === undefined ? '' : `${group}.`}${field} is ${value}` });
  };
  const checkGroup = (name: string, group: GroupMetrics): void => {
    for (const field of GROUP_SHARES) share(field, group[field], name);
    CHANNEL_NAMES.forEach((channel, index) => share(CHANNEL_MIX_FIELDS[index]!, group.channelMix[channel], name));
    cost('governmentCostTransactionsGbp', group.governmentCostTransactionsGbp, name);
  };
  checkGroup('overall', summary.overall);
  for (const [dimension, groups] of [
    ['segments', summary.segments],
    ['byAge', summary.byAge],
    ['byIncome', summary.byIncome],
    ['byDistrict', summary.byDistrict],
  ] as const) {
    for (const id of Object.keys(groups)) checkGroup(`${dimension}.${id}`, groups[id]!);
  }
  share('decisions.correctedShare', summary.decisions.correctedShare);
  share('coProduction.partnerShareOfAssisted', summary.coProduction.partnerShareOfAssisted);
  share('coProduction.usabilityStart', summary.coProduction.usabilityStart);
  share('coProduction.usabilityEnd', summary.coProduction.usabilityEnd);
  share('integrity.meanGamingLevel', summary.integrity.meanGamingLevel);
  for (const kpi of ['processing', 'onlineShare', 'registrations'] as const) {
    share(`integrity.${kpi}.trueValue`, summary.integrity[kpi].trueValue);
    share(`integrity.${kpi}.reportedValue`, summary.integrity[kpi].reportedValue);
  }
  share('privacy.citizensAffected / representedCitizens', summary.privacy.citizensAffected / Math.max(1, summary.representedCitizens));
  for (const [district, allocation] of Object.entries(summary.allocation.byDistrict)) {
    share(`allocation.byDistrict.${district}.needShare`, allocation.needShare);
    share(`allocation.byDistrict.${district}.capacityShareEnd`, allocation.capacityShareEnd);
    share(`allocation.byDistrict.${district}.unmetRate`, allocation.unmetRate);
  }
  for (const [category, value] of Object.entries(summary.cost.byCategoryGbp)) cost(`cost.byCategoryGbp.${category}`, value);
  cost('cost.governmentTotalGbp', summary.cost.governmentTotalGbp);
  cost('cost.costPerMetNeedGbp', summary.cost.costPerMetNeedGbp);
  cost('cost.partnerCostGbp', summary.cost.partnerCostGbp);
  cost('cost.citizenTimeCostGbp', summary.cost.citizenTimeCostGbp);
  cost('apps.costGbp', summary.apps.costGbp);
  return violations;
}
