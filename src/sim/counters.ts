/**
 * The raw counters the engine accumulates, by month. Reporters in
 * `metrics/` turn them into rates and headline figures; nothing here is
 * scaled or rounded.
 */

/** Counters kept per month and segment. */
export const SegmentCounter = {
  arrived: 0,
  met: 1,
  unmetNoChannel: 2,
  unmetOnlineFailed: 3,
  unmetTimeout: 4,
  unmetDenied: 5,
  unmetRefused: 6,
  metOnline: 7,
  metPhone: 8,
  metCounter: 9,
  metAssisted: 10,
  onlineAttempts: 11,
  onlineFailures: 12,
  citizenHours: 13,
  daysToServiceSum: 14,
  governmentCostTransactions: 15,
  forced: 16,
  wrongfulDenials: 17,
  appeals: 18,
  corrected: 19,
  /** Citizens affected by a breach for the first time. */
  breachAffected: 20,
  unmetDuringOutage: 21,
  proxyUses: 22,
  goodExperiences: 23,
  badExperiences: 24,
  /** Stocks, sampled at month end: */
  trustSum: 25,
  skillSum: 26,
  accessCount: 27,
  citizensWithUnmet: 28,
  citizens: 29,
  registered: 30,
  trained: 31,
  devicesGiven: 32,
} as const;
export type SegmentCounterName = keyof typeof SegmentCounter;
export const SEGMENT_COUNTER_COUNT = 33;
export const SEGMENT_COUNTER_NAMES = Object.keys(SegmentCounter) as SegmentCounterName[];

/** Counters kept per month for the whole city. */
export const CityCounter = {
  costBuild: 0,
  costRunning: 1,
  costTransactions: 2,
  costTraining: 3,
  costDevices: 4,
  costAppeals: 5,
  costBreaches: 6,
  costApps: 7,
  costSecurity: 8,
  partnerCost: 9,
  staffHoursReporting: 10,
  staffHoursApps: 11,
  appUses: 12,
  outageDays: 13,
  breaches: 14,
  recordsHeld: 15,
  peakBacklog: 16,
  backlogEnd: 17,
  usability: 18,
  kpiProcessingTrue: 19,
  kpiProcessingReported: 20,
  kpiOnlineShareTrue: 21,
  kpiOnlineShareReported: 22,
  kpiRegistrationsTrue: 23,
  kpiRegistrationsReported: 24,
  gamingLevel: 25,
  audits: 26,
  auditsCaught: 27,
  penalties: 28,
  rewards: 29,
  pendingEnd: 30,
  recoveryDays: 31,
  recoveries: 32,
  partnerTransactions: 33,
  assistedTransactions: 34,
  transactions: 35,
  needsServed: 36,
} as const;
export type CityCounterName = keyof typeof CityCounter;
export const CITY_COUNTER_COUNT = 37;
export const CITY_COUNTER_NAMES = Object.keys(CityCounter) as CityCounterName[];

/** Counters kept per month and district. */
export const DistrictCounter = {
  arrived: 0,
  humanDemand: 1,
  recordedDemand: 2,
  counterCapacityShare: 3,
  needShare: 4,
  met: 5,
  unmet: 6,
  counterServed: 7,
  counterWithinTarget: 8,
  onlineTransactions: 9,
  transactions: 10,
  registered: 11,
  citizens: 12,
  counterCapacity: 13,
} as const;
export type DistrictCounterName = keyof typeof DistrictCounter;
export const DISTRICT_COUNTER_COUNT = 14;
export const DISTRICT_COUNTER_NAMES = Object.keys(DistrictCounter) as DistrictCounterName[];
