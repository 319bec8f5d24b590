/**
 * Check (a): with failures, queues, habit and trust dynamics off, the
 * channel shares the engine produces equal the multinomial-logit formula.
 *
 *   purpose-built city (two homogeneous segments, one service)
 *     ──► logitShares: utilities computed here from the scenario fields, independently of src/sim
 *     ──► runValidated: the engine's met needs by channel (every need is a first choice)
 *     ──► z = (simulated − formula) / √(p(1 − p)/n) per channel and segment
 */
import { CHANNEL_NAMES, type Scenario } from '../scenarios/schema.js';
import { runValidated } from '../scenarios/run.js';
import { buildScenario, QUIET_POLICY } from './day-loop.js';
import { allPassed, fixed, thousands, type CheckResult, type Criterion } from './types.js';

type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Largest |z| accepted for a simulated share against the formula. */
export const LOGIT_Z_TOLERANCE = 4;

/**
 * The logit utility of each channel open to a citizen of `segmentId` with a
 * need for `serviceId`, written from the choice model's specification
 * (MODEL.md §3.2, src/sim/choice.ts header) on the scenario's own fields and
 * units, with every citizen at the segment means and no queue wait.
 * Channels the citizen cannot use are absent.
 * @throws Error when the segment or the service does not exist.
 */
export function logitUtilities(scenario: Scenario, segmentId: string, serviceId: string): Partial<Record<ChannelName, number>> {
  const segment = scenario.segments.find((s) => s.id === segmentId);
  const service = scenario.services.find((s) => s.id === serviceId);
  if (segment === undefined || service === undefined) throw new Error(`no segment ${segmentId} or service ${serviceId}`);
  const district = scenario.districts.find((d) => d.id === segment.district);
  if (district === undefined) throw new Error(`no district ${segment.district}`);
  const { choice, policy } = scenario;
  const channels = policy.channels;
  const hasAccess = segment.internetAccess === 1;
  const transactions = policy.oneStop ? 1 : service.agencies;
  const work = transactions * (0.5 + service.complexity);
  const travelHours: Record<ChannelName, number> = {
    online: 0,
    phone: 0,
    counter: (2 * district.counterTravelMinutes) / 60,
    assisted: (2 * district.assistedTravelMinutes) / 60,
  };
  const dataIntensity = (service.dataFields * policy.data.collectionMultiplier) / 20;
  const digital =
    choice.betaTrust * segment.trust.mean -
    choice.betaPrivacy * segment.privacyConcern.mean * dataIntensity +
    choice.betaMotivation * (segment.motivation.mean - 0.5);
  const skill = hasAccess ? segment.digitalSkill.mean : choice.helperSkill;
  const effort = transactions * service.complexity * 0.5 * (2 - channels.online.usability - skill);
  const usable: Record<ChannelName, boolean> = {
    online: channels.online.open && (hasAccess || segment.helperAvailable === 1),
    phone: channels.phone.open,
    counter: channels.counter.open,
    assisted:
      (channels.assisted.open || policy.coProduction.partnerCapacityPerDayPer1000 > 0) &&
      (!hasAccess || segment.digitalSkill.mean < channels.assisted.maxSkillToQualify),
  };
  const utilities: Partial<Record<ChannelName, number>> = {};
  for (const name of CHANNEL_NAMES) {
    if (!usable[name] || !service.channels.includes(name)) continue;
    const hours = (channels[name].handlingMinutes / 60) * work + travelHours[name];
    let u = (choice.asc[name] ?? 0) + (segment.asc?.[name] ?? 0) - choice.betaTimePerHour * hours;
    if (name === 'online' || name === 'assisted') u += digital;
    if (name === 'online') u -= choice.betaEffort * effort + (hasAccess ? 0 : choice.proxyPenalty);
    utilities[name] = u;
  }
  return utilities;
}

/** P(c) = exp(U_c) / Σ_j exp(U_j) over the channels present; absent channels get 0. */
export function logitShares(utilities: Partial<Record<ChannelName, number>>): Record<ChannelName, number> {
  const present = CHANNEL_NAMES.filter((name) => utilities[name] !== undefined);
  const top = Math.max(...present.map((name) => utilities[name]!));
  let total = 0;
  for (const name of present) total += Math.exp(utilities[name]! - top);
  const shares = { online: 0, phone: 0, counter: 0, assisted: 0 };
  for (const name of present) shares[name] = Math.exp(utilities[name]! - top) / total;
  return shares;
}

/** Sizes of the check: citizens and months (the test uses a smaller case). */
export interface LogitCheckOptions {
  readonly citizens?: number;
  readonly months?: number;
  readonly seed?: number;
}

/** The purpose-built city: two homogeneous segments (one with access, one through a helper), one service, every channel open with room to spare. */
export function logitScenario(options: LogitCheckOptions = {}): Scenario {
  const fixedAt = (mean: number): { mean: number; sd: number } => ({ mean, sd: 0 });
  return buildScenario({
    name: 'validation: logit shares',
    horizonMonths: options.months ?? 12,
    population: { size: options.citizens ?? 20_000 },
    districts: [
      { id: 'near', counterTravelMinutes: 10, assistedTravelMinutes: 10 },
      { id: 'far', counterTravelMinutes: 45, assistedTravelMinutes: 20 },
    ],
    segments: [
      {
        id: 'with-access', age: 'a', income: 'x', district: 'near', share: 0.5, internetAccess: 1,
        digitalSkill: fixedAt(0.6), motivation: fixedAt(0.6), privacyConcern: fixedAt(0.4), trust: fixedAt(0.5),
        needsPerYear: 10, patienceDays: 30, helperAvailable: 0,
      },
      {
        id: 'via-helper', age: 'b', income: 'y', district: 'far', share: 0.5, internetAccess: 0,
        digitalSkill: fixedAt(0.2), motivation: fixedAt(0.4), privacyConcern: fixedAt(0.6), trust: fixedAt(0.4),
        needsPerYear: 10, patienceDays: 30, helperAvailable: 1, asc: { counter: 0.5 },
      },
    ],
    services: [{ id: 'form', share: 1, complexity: 0.4, agencies: 2, patienceFactor: 1, dataFields: 20, automatable: false }],
    choice: { asc: { online: 0.3, phone: 0, counter: 0, assisted: -0.2 }, betaHabit: 0 },
    trust: { gainGood: 0, lossBad: 0 },
    policy: {
      ...QUIET_POLICY,
      channels: {
        online: { failureScale: 0, outage: { ratePerYear: 0 } },
        phone: { capacityPerDayPer1000: 1e6 },
        counter: { capacityPerDayPer1000: 1e6 },
        assisted: { open: true, capacityPerDayPer1000: 1e6, maxSkillToQualify: 1 },
      },
    },
  }).scenario;
}

/**
 * Runs check (a). Cost: one run of the purpose-built city (about 100,000
 * needs per segment at the default size).
 */
export function logitSharesCheck(options: LogitCheckOptions = {}): CheckResult {
  const scenario = logitScenario(options);
  const seed = options.seed ?? 1;
  const { summary } = runValidated(scenario, seed);
  const rows: string[][] = [];
  const groups: { name: string; values: number[] }[] = [];
  let maxZ = 0;
  let maxDifference = 0;
  let unmet = 0;
  for (const segment of scenario.segments) {
    const expected = logitShares(logitUtilities(scenario, segment.id, 'form'));
    const metrics = summary.segments[segment.id]!;
    const n = metrics.needsMet;
    unmet += metrics.needsUnmet;
    const formulaValues: number[] = [];
    const simulatedValues: number[] = [];
    for (const name of CHANNEL_NAMES) {
      const p = expected[name];
      const simulated = metrics.channelMix[name];
      const standardError = Math.sqrt((p * (1 - p)) / n);
      const z = standardError > 0 ? (simulated - p) / standardError : simulated === p ? 0 : Infinity;
      maxZ = Math.max(maxZ, Math.abs(z));
      maxDifference = Math.max(maxDifference, Math.abs(simulated - p));
      formulaValues.push(p);
      simulatedValues.push(simulated);
      rows.push([segment.id, name, fixed(p, 4), fixed(simulated, 4), fixed(simulated - p, 4), fixed(z, 2)]);
    }
    groups.push({ name: `${segment.id}: formula`, values: formulaValues }, { name: `${segment.id}: simulated`, values: simulatedValues });
  }
  const criteria: Criterion[] = [
    { measure: 'largest |z| of a channel share (8 shares)', tolerance: `≤ ${LOGIT_Z_TOLERANCE}`, measured: fixed(maxZ, 2), passed: maxZ <= LOGIT_Z_TOLERANCE },
    { measure: 'largest |simulated − formula|', tolerance: 'reported', measured: fixed(maxDifference, 4), passed: true },
    { measure: 'needs unmet (every need must be served at its first choice)', tolerance: '= 0', measured: String(unmet), passed: unmet === 0 },
  ];
  return {
    id: 'logit-shares',
    title: '(a) Channel shares equal the multinomial logit',
    claim:
      'With online failures, queue waits, habit and trust dynamics switched off, the share of needs served by each channel is the multinomial-logit probability of choosing it.',
    formula: [
      'U_c = ASC_c + ASC_c,seg − β_time·(handling_c·T·(½ + complexity) + travel_c) + [c digital]·(β_trust·τ − β_priv·privacy·dataFields/20 + β_mot·(motivation − ½)) − [c = online]·(β_effort·effort + proxyPenalty·[via helper])',
      'effort = T·complexity·½·(2 − usability − skill)    P(c) = exp(U_c) / Σ_j exp(U_j)',
    ].join('\n'),
    setup:
      `${thousands(scenario.population.size)} citizens in two homogeneous segments (every attribute at its mean, sd 0): ` +
      '`with-access` (own device, skill 0.6, near a counter) and `via-helper` (no access, a helper of skill 0.7 goes online for them, 45 minutes from a counter, +0.5 counter constant). ' +
      `One service (complexity 0.4, 2 agencies, 20 data fields) open on all four channels. failureScale 0, capacities 10⁶ per 1,000 (no wait), habit 0, trust gain and loss 0, learning 0, no Bass, no errors. ${scenario.horizonMonths} months, seed ${seed}. ` +
      'The utilities are computed in `src/validation/logit-shares.ts` from the scenario fields (minutes, round trips, data intensity), not by calling the engine.',
    criteria,
    passed: allPassed(criteria),
    figures: [{ kind: 'bar', title: 'Channel shares: logit formula vs simulated', yLabel: 'share of needs', categories: [...CHANNEL_NAMES], groups }],
    table: { columns: ['segment', 'channel', 'formula', 'simulated', 'difference', 'z'], rows },
  };
}
