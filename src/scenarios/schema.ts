/**
 * The scenario schema: the single source of the scenario type, its defaults,
 * units and documentation (the JSON Schema and docs/scenario-reference.md are
 * generated from it).
 *
 * Conventions: money in GBP (the currency of the Socitm channel-cost
 * benchmarks the defaults come from), time in the unit its name says
 * (`...Minutes`, `...Days`, `...PerYear`), capacities per 1,000 citizens so a
 * sampled population keeps the same load, shares and probabilities in [0, 1].
 */
import { z } from 'zod';

/** A field with its documentation and, where it has one, its unit. */
function doc<T extends z.ZodType>(schema: T, description: string, unit?: string): T {
  return schema.meta(unit === undefined ? { description } : { description, unit }) as T;
}

const share = z.number().min(0).max(1);
const nonNegative = z.number().min(0).max(1e12);
const positive = z.number().gt(0).max(1e12);
const identifier = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/, 'an id of letters, digits, ".", "_", "+" or "-"');

/** The four channels, in their engine order. */
export const CHANNEL_NAMES = ['online', 'phone', 'counter', 'assisted'] as const;
export const channelName = z.enum(CHANNEL_NAMES);

/** A quantity in [0, 1] that varies between citizens: a Beta distribution given by its mean and standard deviation. */
const distribution01 = z
  .object({
    mean: doc(share, 'mean of the Beta distribution'),
    sd: doc(z.number().min(0).max(0.5), 'standard deviation; 0 gives every citizen the mean'),
  })
  .strict()
  .refine((d) => d.sd === 0 || d.sd * d.sd < d.mean * (1 - d.mean), {
    message: 'sd too large for this mean: a Beta distribution needs sd² < mean·(1 − mean)',
    path: ['sd'],
  });

const channelAsc = z
  .object({
    online: doc(z.number().min(-20).max(20), 'alternative-specific constant of online').optional(),
    phone: doc(z.number().min(-20).max(20), 'alternative-specific constant of phone').optional(),
    counter: doc(z.number().min(-20).max(20), 'alternative-specific constant of counter').optional(),
    assisted: doc(z.number().min(-20).max(20), 'alternative-specific constant of assisted digital').optional(),
  })
  .strict();

export const districtSchema = z
  .object({
    id: doc(identifier, 'district id, used by segments'),
    counterTravelMinutes: doc(nonNegative.max(600), 'one-way travel time to the nearest counter', 'minutes'),
    assistedTravelMinutes: doc(nonNegative.max(600), 'one-way travel time to the nearest assisted-digital point (community centre, library, NGO)', 'minutes'),
  })
  .strict();

export const segmentSchema = z
  .object({
    id: doc(identifier.refine((id) => id !== 'all', '"all" is reserved for the whole city in outputs'), 'segment id, used in outputs'),
    age: doc(z.string().min(1), 'age band label, e.g. "75+"; outputs group by it'),
    income: doc(z.string().min(1), 'income band label, e.g. "low"; outputs group by it'),
    district: doc(identifier, 'id of the district the segment lives in'),
    share: doc(share, 'share of the population in this segment; all shares sum to 1'),
    internetAccess: doc(share, 'probability a citizen has material access (device and connection) at the start'),
    digitalSkill: doc(distribution01, 'digital skill, 0 none to 1 expert'),
    motivation: doc(distribution01, 'motivation toward digital channels, 0 to 1'),
    privacyConcern: doc(distribution01, 'privacy concern, 0 to 1'),
    trust: doc(distribution01, 'initial trust in government, 0 to 1; its mean is also the baseline trust reverts to'),
    needsPerYear: doc(nonNegative.max(365), 'rate of service needs per citizen (Poisson)', 'needs/year'),
    patienceDays: doc(positive.max(365), 'days a citizen waits for a need to be served before giving up (scaled by the service patienceFactor)', 'days'),
    helperAvailable: doc(share, 'probability a citizen has a helper or proxy (family, neighbour) who can use online services for them'),
    asc: doc(channelAsc, 'segment-specific additions to the channel constants (habit and preference of the segment)').optional(),
  })
  .strict();

export const serviceSchema = z
  .object({
    id: doc(identifier, 'service id'),
    share: doc(share, 'share of needs that are for this service; all shares sum to 1'),
    complexity: doc(share, 'complexity, 0 trivial to 1 very complex; raises online effort and handling time'),
    agencies: doc(z.number().int().min(1).max(20), 'number of agencies involved; without one-stop integration each needs its own transaction'),
    patienceFactor: doc(positive.max(10), 'multiplier on the segment patience (urgency: < 1 urgent)'),
    dataFields: doc(z.number().int().min(0).max(1000), 'personal data fields collected per transaction'),
    automatable: doc(z.boolean(), 'whether the decision can be automated'),
    channels: doc(z.array(channelName).min(1), 'channels through which this service can be completed').default([...CHANNEL_NAMES]),
  })
  .strict();

const outageSchema = z
  .object({
    ratePerYear: doc(nonNegative.max(365), 'rate of digital outages (Poisson)', 'outages/year').default(0),
    meanDays: doc(positive.max(365), 'mean outage duration (exponential, at least one day)', 'days').default(2),
  })
  .strict();

const staffedChannel = {
  open: doc(z.boolean(), 'whether the channel is open'),
  capacityPerDayPer1000: doc(nonNegative.max(1e6), 'transactions the channel can serve per day, per 1,000 citizens', 'transactions/day/1000 citizens'),
  costPerTransactionGbp: doc(nonNegative, 'government cost per transaction', 'GBP'),
  fixedCostPerYearPer1000Gbp: doc(nonNegative, 'fixed running cost while open (premises, systems), per 1,000 citizens', 'GBP/year/1000 citizens'),
  handlingMinutes: doc(positive.max(6000), 'citizen time to complete a transaction of average complexity', 'minutes'),
};

export const channelsSchema = z
  .object({
    online: doc(z
      .object({
        open: staffedChannel.open.default(true),
        usability: doc(share, 'usability of the digital service, 0 to 1; lowers online effort').default(0.6),
        failureScale: doc(nonNegative.max(100), 'γ in P(fail) = 1 − exp(−γ·effort)').default(1.2),
        failedAttemptMinutes: doc(nonNegative.max(6000), 'citizen time lost by a failed online attempt', 'minutes').default(30),
        maxAttempts: doc(z.number().int().min(1).max(7), 'online attempts a citizen makes for one need before online is out of their choice set').default(2),
        costPerTransactionGbp: staffedChannel.costPerTransactionGbp.default(0.15),
        fixedCostPerYearPer1000Gbp: staffedChannel.fixedCostPerYearPer1000Gbp.default(400),
        buildCostPer1000Gbp: doc(nonNegative, 'one-off build cost of the digital service, charged at the start, per 1,000 citizens', 'GBP/1000 citizens').default(2000),
        handlingMinutes: staffedChannel.handlingMinutes.default(20),
        outage: doc(outageSchema, 'digital outages').prefault({}),
      })
      .strict()
      .prefault({}), 'the online service (web and app)'),
    phone: doc(z
      .object({
        open: staffedChannel.open.default(true),
        capacityPerDayPer1000: staffedChannel.capacityPerDayPer1000.default(4),
        costPerTransactionGbp: staffedChannel.costPerTransactionGbp.default(2.83),
        fixedCostPerYearPer1000Gbp: staffedChannel.fixedCostPerYearPer1000Gbp.default(300),
        handlingMinutes: staffedChannel.handlingMinutes.default(25),
      })
      .strict()
      .prefault({}), 'the phone line (one citywide queue)'),
    counter: doc(z
      .object({
        open: staffedChannel.open.default(true),
        capacityPerDayPer1000: staffedChannel.capacityPerDayPer1000.default(4),
        costPerTransactionGbp: staffedChannel.costPerTransactionGbp.default(8.62),
        fixedCostPerYearPer1000Gbp: staffedChannel.fixedCostPerYearPer1000Gbp.default(1500),
        handlingMinutes: staffedChannel.handlingMinutes.default(30),
      })
      .strict()
      .prefault({}), 'counters in person (one queue per district)'),
    assisted: doc(z
      .object({
        open: staffedChannel.open.default(false),
        maxSkillToQualify: doc(share, 'assisted digital serves citizens without internet access or with digital skill below this (GDS: for people who cannot use digital services on their own); 1 serves everyone').default(0.5),
        capacityPerDayPer1000: staffedChannel.capacityPerDayPer1000.default(1),
        costPerTransactionGbp: staffedChannel.costPerTransactionGbp.default(5),
        fixedCostPerYearPer1000Gbp: staffedChannel.fixedCostPerYearPer1000Gbp.default(200),
        handlingMinutes: staffedChannel.handlingMinutes.default(40),
      })
      .strict()
      .prefault({}), 'assisted digital: staff or partners help citizens use the online service (one queue per district)'),
  })
  .strict();

export const choiceSchema = z
  .object({
    asc: doc(channelAsc, 'alternative-specific constants shared by all segments').prefault({}),
    betaTimePerHour: doc(nonNegative.max(100), 'disutility per hour of travel and handling', 'utility/hour').default(0.6),
    betaWaitPerDay: doc(nonNegative.max(100), 'disutility per day of expected queue wait', 'utility/day').default(0.15),
    betaEffort: doc(nonNegative.max(100), 'disutility per unit of online effort').default(2.5),
    betaPrivacy: doc(nonNegative.max(100), 'disutility of digital channels per unit of privacy concern × data intensity').default(1),
    betaTrust: doc(nonNegative.max(100), 'utility of digital channels per unit of trust').default(1),
    betaMotivation: doc(nonNegative.max(100), 'utility of digital channels per unit of motivation above 0.5').default(2),
    betaHabit: doc(nonNegative.max(100), 'utility of the channel the citizen used last time (habit)').default(1),
    proxyPenalty: doc(nonNegative.max(100), 'disutility of asking a helper to use the online service for you').default(1),
    helperSkill: doc(share, 'digital skill of a helper or proxy').default(0.7),
  })
  .strict();

const experienceWeights = z
  .object({
    failedAttempt: doc(nonNegative.max(10), 'weight of a failed online attempt').default(0.5),
    longWait: doc(nonNegative.max(10), 'weight of a wait longer than longWaitDays').default(0.5),
    unmet: doc(nonNegative.max(10), 'weight of an unmet need').default(1),
    wrongfulDenial: doc(nonNegative.max(10), 'weight of a wrongful automated denial that stands').default(2),
    forced: doc(nonNegative.max(10), 'weight of being served only because no human channel was left').default(0.3),
  })
  .strict();

export const trustSchema = z
  .object({
    gainGood: doc(share, 'share of the distance to 1 gained after a good experience').default(0.01),
    lossBad: doc(share, 'share of trust lost after a bad experience of weight 1 (Kampen et al. 2006: bad moves trust more than good; the ratio is an assumption)').default(0.04),
    reversionPerYear: doc(nonNegative.max(365), 'rate of reversion toward the baseline (the segment mean)', '1/year').default(0.5),
    longWaitDays: doc(nonNegative.max(365), 'a wait longer than this counts as a bad experience', 'days').default(14),
    weights: doc(experienceWeights, 'weights of bad experiences').prefault({}),
  })
  .strict();

const programSchema = z
  .object({
    capacityPerMonthPer1000: doc(nonNegative.max(1000), 'people the program reaches per month, per 1,000 citizens', 'people/month/1000 citizens').default(0),
    costPerPersonGbp: doc(nonNegative, 'cost per person reached', 'GBP').default(0),
    budgetGbp: doc(nonNegative, 'total budget over the horizon; the program stops when it is spent (scaled to the population)', 'GBP').default(1e12),
    targetAges: doc(z.array(z.string()), 'age bands eligible; empty means everyone').default([]),
  })
  .strict();

export const adoptionSchema = z
  .object({
    learningRate: doc(share, 'share of the distance to skill 1 gained per successful online transaction (learning by doing)').default(0.05),
    bassP: doc(nonNegative.max(10), 'Bass innovation coefficient p of gaining internet access (assumption: cross-product average 0.03, Sultan, Farley & Lehmann 1990)', '1/year').default(0.03),
    bassQ: doc(nonNegative.max(10), 'Bass imitation coefficient q: hazard per unit share of segment peers with access (assumption: 0.38, Sultan, Farley & Lehmann 1990)', '1/year').default(0.38),
    training: doc(programSchema.extend({ skillGain: doc(share, 'skill gained by a trainee, as a share of the distance to 1').default(0.3) }).strict(), 'digital-skills training').prefault({}),
    devices: doc(programSchema, 'device and connection subsidy: gives material access').prefault({}),
  })
  .strict();

export const automationSchema = z
  .object({
    share: doc(share, 'share of decisions on automatable services taken automatically').default(0),
    errorRate: doc(share, 'probability an automated decision wrongly denies').default(0.02),
    errorMultiplierByAge: doc(z.record(z.string(), nonNegative.max(100)), 'multiplier on errorRate by age band (bias)').default({}),
    errorMultiplierByIncome: doc(z.record(z.string(), nonNegative.max(100)), 'multiplier on errorRate by income band (bias)').default({}),
    humanErrorRate: doc(share, 'probability a human decision wrongly denies').default(0.005),
    appeal: doc(
      z
        .object({
          available: doc(z.boolean(), 'whether a human review path exists').default(true),
          probability: doc(share, 'probability a wrongly denied citizen of average trust appeals (× (0.7 + 0.6 × trust), at most 1)').default(0.7),
          costGbp: doc(nonNegative, 'government cost per appeal reviewed', 'GBP').default(40),
          delayDays: doc(nonNegative.max(365), 'days to correct a decision on appeal', 'days').default(20),
        })
        .strict(),
      'human review and appeal',
    ).prefault({}),
  })
  .strict();

export const kpiSchema = z
  .object({
    processingDaysTarget: doc(nonNegative.max(365), 'target: counter cases processed within this many days; 0 disables the KPI', 'days').default(0),
    processingShareTarget: doc(share, 'share of counter cases that must meet processingDaysTarget').default(0.9),
    onlineShareTarget: doc(share, 'target share of transactions done online; 0 disables the KPI').default(0),
    registrationsTarget: doc(share, 'target share of citizens registered on the app; 0 disables the KPI').default(0),
    rewardPerTargetGbp: doc(nonNegative, 'reward to an office per month per target it reports met', 'GBP').default(1000),
    auditProbabilityPerMonth: doc(share, 'probability an office is audited in a month').default(0.05),
    penaltyGbp: doc(nonNegative, 'penalty when an audit finds gaming, times the gaming level', 'GBP').default(5000),
    adjustmentRate: doc(share, 'how far an office moves its gaming level toward what pays, per month').default(0.3),
    staffMinutesPerGamedCase: doc(nonNegative.max(600), 'staff time gaming takes per case affected', 'minutes').default(5),
  })
  .strict();

export const dataSchema = z
  .object({
    collectionMultiplier: doc(nonNegative.max(100), 'multiplier on every service dataFields (1 = as listed; > 1 excessive collection)').default(1),
    retentionYears: doc(positive.max(100), 'how long records are kept', 'years').default(5),
    securitySpendPer1000Gbp: doc(nonNegative, 'security spending per year per 1,000 citizens', 'GBP/year/1000 citizens').default(200),
    breachRatePerBillionRecordsYear: doc(nonNegative.max(1e6), 'breach hazard per billion records held per year, before security', 'breaches/year/1e9 records').default(5),
    securityHalvingGbp: doc(positive, 'security spending per 1,000 citizens per year that halves the breach hazard', 'GBP/year/1000 citizens').default(400),
    shareAffected: doc(share, 'share of citizens affected by a breach').default(0.1),
    trustShock: doc(share, 'trust lost by an affected citizen of privacy concern 1').default(0.15),
    transparency: doc(share, 'transparency of processing and algorithms, 0 to 1; softens the trust shock of a breach (by 70% at 1)').default(0.3),
    consent: doc(z.enum(['informed-opt-in', 'consent-or-no-service']), 'consent model for digital channels').default('informed-opt-in'),
    refusalThreshold: doc(share, 'privacy concern above which a citizen refuses consent to digital data use').default(0.8),
    breachCostPerAffectedGbp: doc(nonNegative, 'government cost per affected citizen of a breach', 'GBP').default(20),
  })
  .strict();

export const coProductionSchema = z
  .object({
    partnerCapacityPerDayPer1000: doc(nonNegative.max(1e6), 'assisted-digital capacity added by partners (NGOs, community centres, firms)', 'transactions/day/1000 citizens').default(0),
    partnerCostPerTransactionGbp: doc(nonNegative, 'partners\' own cost per assisted transaction (not government cost)', 'GBP').default(3),
    feedbackLoop: doc(z.boolean(), 'whether complaints from failed online attempts improve usability').default(false),
    feedbackRate: doc(share, 'usability gained per month per unit of failure share, as a share of the distance to 1').default(0.2),
  })
  .strict();

export const appsSchema = z
  .object({
    extraApps: doc(z.number().int().min(0).max(100), 'apps launched for superiors\' scorecards').default(0),
    buildCostPer1000Gbp: doc(nonNegative, 'build cost of each app, per 1,000 citizens', 'GBP/1000 citizens').default(1000),
    runningCostPerYearPer1000Gbp: doc(nonNegative, 'running cost of each app per year, per 1,000 citizens', 'GBP/year/1000 citizens').default(300),
    staffHoursPerMonthPer1000: doc(nonNegative, 'staff hours per app per month spent feeding it and reporting, per 1,000 citizens', 'hours/month/1000 citizens').default(2),
    usePerNeed: doc(share, 'probability a need also uses one of the extra apps (usage follows real need)').default(0.01),
  })
  .strict();

export const allocationSchema = z
  .object({
    mode: doc(z.enum(['fixed', 'recorded-demand', 'surveyed-need']), 'how counter capacity is shared between districts each period').default('fixed'),
    everyMonths: doc(z.number().int().min(1).max(120), 'reallocation period', 'months').default(3),
    offlineRecordShare: doc(share, 'share of counter transactions that leave a usable record for allocation by recorded demand (digital ones all do)').default(0.3),
  })
  .strict();

/** The parts of a scenario a policy schedule may change over time. */
export const policySchema = z
  .object({
    channels: doc(channelsSchema, 'the channels the government offers').prefault({}),
    adoption: doc(adoptionSchema, 'skills and access over time').prefault({}),
    automation: doc(automationSchema, 'automated decisions, bias and appeal').prefault({}),
    kpi: doc(kpiSchema, 'office KPI targets, rewards and audits').prefault({}),
    data: doc(dataSchema, 'data collection, consent, breaches').prefault({}),
    oneStop: doc(z.boolean(), 'one-stop integration: one transaction per need instead of one per agency').default(false),
    coProduction: doc(coProductionSchema, 'co-production with partners and feedback').prefault({}),
    apps: doc(appsSchema, 'apps built for scorecards').prefault({}),
    allocation: doc(allocationSchema, 'allocation of counter capacity between districts').prefault({}),
  })
  .strict();

export const scheduleEntrySchema = z
  .object({
    month: doc(z.number().int().min(0).max(1200), 'month from which the change holds (0 = start)', 'month'),
    set: doc(z.record(z.string(), z.unknown()), 'policy fields to set, by dotted path under policy, e.g. "channels.counter.open": false'),
    note: doc(z.string(), 'what the change is').optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    name: doc(z.string().min(1), 'scenario name'),
    description: doc(z.string(), 'what the scenario represents').default(''),
    extends: doc(z.string(), 'a local scenario file this one builds on, relative to this file').optional(),
    horizonMonths: doc(z.number().int().min(1).max(120), 'simulated horizon', 'months').default(36),
    population: doc(
      z
        .object({
          size: doc(z.number().int().min(1).max(100_000_000), 'number of citizens the scenario represents', 'citizens').default(100_000),
          sample: doc(z.number().gt(0).max(1), 'fraction of the citizens simulated; counts are scaled back by 1/sample').default(1),
        })
        .strict(),
      'population size and sampling',
    ).prefault({}),
    districts: doc(z.array(districtSchema).min(1).max(255), 'districts'),
    segments: doc(z.array(segmentSchema).min(1).max(255), 'population segments'),
    services: doc(z.array(serviceSchema).min(1).max(255), 'service catalogue'),
    choice: doc(choiceSchema, 'channel-choice model (multinomial logit)').prefault({}),
    trust: doc(trustSchema, 'trust dynamics').prefault({}),
    valueOfTimeGbpPerHour: doc(nonNegative.max(10000), 'value of a citizen hour', 'GBP/hour').default(10),
    policy: doc(policySchema, 'the government policy at the start').prefault({}),
    schedule: doc(z.array(scheduleEntrySchema), 'time-phased policy changes').default([]),
  })
  .strict();

/** A scenario as written (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default applied. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Policy = Scenario['policy'];
export type Segment = Scenario['segments'][number];
export type Service = Scenario['services'][number];
export type District = Scenario['districts'][number];
