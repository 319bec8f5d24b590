/**
 * The engine's input: a scenario compiled into flat, engine-ready tables
 * (codes instead of names, days instead of months, absolute capacities instead
 * of per-1,000 rates). `src/scenarios/compile.ts` builds it from a validated
 * scenario; the engine never sees YAML, names or defaults.
 */

/** Channel codes, in engine order. */
export const Channel = { online: 0, phone: 1, counter: 2, assisted: 3 } as const;
export type ChannelName = keyof typeof Channel;
export type ChannelCode = (typeof Channel)[ChannelName];
export const CHANNEL_COUNT = 4;
export const CHANNEL_NAMES: readonly ChannelName[] = ['online', 'phone', 'counter', 'assisted'];
/** Bit of a channel in a channel mask. */
export const channelBit = (channel: number): number => 1 << channel;
export const ALL_CHANNELS_MASK = 0b1111;
/**
 * Each channel's bit (`channelBit(Channel.x)`) as a literal, for masks in
 * the engine's loops: a const enum compiles to the number itself, where a
 * module-level constant is a load and a check each time.
 */
export const enum ChannelBit {
  online = 1 << 0,
  phone = 1 << 1,
  counter = 1 << 2,
  assisted = 1 << 3,
}
/** Online and assisted digital are digital channels (data use, privacy, trust in e-government). */
export const DIGITAL_MASK = channelBit(Channel.online) | channelBit(Channel.assisted);
export const HUMAN_MASK = channelBit(Channel.phone) | channelBit(Channel.counter) | channelBit(Channel.assisted);

/** Population segments, one entry per segment in each array. */
export interface SegmentTable {
  readonly ids: readonly string[];
  readonly age: readonly string[];
  readonly income: readonly string[];
  /** District index of each segment. */
  readonly district: Uint8Array;
  /** Simulated citizens per segment (after sampling). */
  readonly citizens: Int32Array;
  readonly accessProb: Float64Array;
  readonly skillMean: Float64Array;
  readonly skillSd: Float64Array;
  readonly motivationMean: Float64Array;
  readonly motivationSd: Float64Array;
  readonly privacyMean: Float64Array;
  readonly privacySd: Float64Array;
  readonly trustMean: Float64Array;
  readonly trustSd: Float64Array;
  readonly needsPerDay: Float64Array;
  readonly patienceDays: Float64Array;
  readonly helperProb: Float64Array;
  /** Segment-specific constant per channel, at [segment * CHANNEL_COUNT + channel]. */
  readonly asc: Float64Array;
}

export interface ServiceTable {
  readonly ids: readonly string[];
  /** Cumulative need shares, last = 1. */
  readonly cumulativeShare: Float64Array;
  readonly complexity: Float64Array;
  readonly agencies: Uint8Array;
  readonly patienceFactor: Float64Array;
  readonly dataFields: Float64Array;
  readonly automatable: Uint8Array;
  /** Mask of channels through which the service can be completed. */
  readonly channelMask: Uint8Array;
}

export interface DistrictTable {
  readonly ids: readonly string[];
  /** Round-trip travel hours to a counter, per district. */
  readonly counterTravelHours: Float64Array;
  readonly assistedTravelHours: Float64Array;
}

/** A program (training, devices) in engine units. */
export interface ProgramParams {
  readonly capacityPerMonth: number;
  readonly costPerPerson: number;
  readonly budget: number;
  /** 1 where the segment is eligible. */
  readonly eligibleSegment: Uint8Array;
}

/** Everything the government sets, as it holds from `startDay` on. */
export interface PolicyParams {
  readonly startDay: number;
  readonly channelOpen: Uint8Array;
  /** Citywide staffed capacity per day, by channel (online unused). */
  readonly capacityPerDay: Float64Array;
  readonly costPerTransaction: Float64Array;
  readonly fixedCostPerDay: Float64Array;
  readonly handlingHours: Float64Array;
  readonly usability: number;
  /** Citizens with access and skill above this are not offered assisted digital. */
  readonly assistedMaxSkill: number;
  readonly failureScale: number;
  readonly failedAttemptHours: number;
  /** Online attempts per need before online leaves the choice set (at most 7). */
  readonly maxOnlineAttempts: number;
  readonly onlineBuildCost: number;
  readonly outageRatePerDay: number;
  readonly outageMeanDays: number;
  readonly learningRate: number;
  readonly bassPPerDay: number;
  readonly bassQPerDay: number;
  readonly training: ProgramParams & { readonly skillGain: number };
  readonly devices: ProgramParams;
  readonly automationShare: number;
  /** Automated wrongful-denial probability per segment (bias included). */
  readonly automatedErrorBySegment: Float64Array;
  readonly humanErrorRate: number;
  readonly appealAvailable: boolean;
  readonly appealProb: number;
  readonly appealCost: number;
  readonly appealDelayDays: number;
  readonly kpiProcessingDaysTarget: number;
  /** Share of counter cases to process within kpiProcessingDaysTarget. */
  readonly kpiProcessingTarget: number;
  readonly kpiOnlineShareTarget: number;
  readonly kpiRegistrationsTarget: number;
  readonly kpiReward: number;
  readonly kpiAuditProb: number;
  readonly kpiPenalty: number;
  readonly kpiAdjustmentRate: number;
  readonly kpiStaffHoursPerGamedCase: number;
  readonly dataCollectionMultiplier: number;
  readonly retentionDays: number;
  readonly securitySpendPerDay: number;
  /** Breach hazard per record held per day, security already applied. */
  readonly breachHazardPerRecordDay: number;
  readonly breachShareAffected: number;
  readonly breachTrustShock: number;
  readonly breachCostPerAffected: number;
  readonly transparency: number;
  readonly consentOrNoService: boolean;
  readonly refusalThreshold: number;
  readonly oneStop: boolean;
  readonly partnerCapacityPerDay: number;
  readonly partnerCostPerTransaction: number;
  readonly feedbackLoop: boolean;
  readonly feedbackRate: number;
  readonly extraApps: number;
  readonly appBuildCost: number;
  readonly appRunningCostPerDay: number;
  readonly appStaffHoursPerMonth: number;
  readonly appUsePerNeed: number;
  readonly allocationMode: 'fixed' | 'recorded-demand' | 'surveyed-need';
  readonly allocationEveryMonths: number;
  /** Share of counter transactions that leave a usable record (digital ones all do). */
  readonly offlineRecordShare: number;
}

export interface ChoiceParams {
  readonly asc: Float64Array;
  readonly betaTimePerHour: number;
  readonly betaWaitPerDay: number;
  readonly betaEffort: number;
  readonly betaPrivacy: number;
  readonly betaTrust: number;
  readonly betaMotivation: number;
  readonly betaHabit: number;
  readonly proxyPenalty: number;
  readonly helperSkill: number;
}

export interface TrustParams {
  readonly gainGood: number;
  readonly lossBad: number;
  readonly reversionPerDay: number;
  readonly longWaitDays: number;
  readonly weightFailedAttempt: number;
  readonly weightLongWait: number;
  readonly weightUnmet: number;
  readonly weightWrongfulDenial: number;
  readonly weightForced: number;
}

/** A compiled scenario: the engine's whole input besides the seed. */
export interface ModelConfig {
  readonly horizonDays: number;
  readonly months: number;
  /** Represented citizens per simulated citizen (1 / sample). */
  readonly scale: number;
  readonly segments: SegmentTable;
  readonly services: ServiceTable;
  readonly districts: DistrictTable;
  readonly choice: ChoiceParams;
  readonly trust: TrustParams;
  readonly valueOfTimePerHour: number;
  /** Policy phases sorted by startDay; the first starts on day 0. */
  readonly phases: readonly PolicyParams[];
}

/** Days in a simulated month (a 360-day year keeps months equal). */
export const DAYS_PER_MONTH = 30;
export const DAYS_PER_YEAR = 360;
