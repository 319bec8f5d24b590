/**
 * The explorer's levers: the policy fields a class can move, each with its
 * range, label and the scenario path it writes. A lever's value is either
 * read off the scenario (what the sliders show before anyone touches them)
 * or an override the user set; overrides are laid over the scenario by
 * `applyLevers`, which then validates the result with the scenario schema,
 * so a lever can never produce a scenario `dgsim run` would refuse.
 *
 *   scenario ──► readLevers ──► values shown
 *   scenario + overrides ──► applyLevers ──► validated scenario (or issues)
 *
 * Browser-safe: no Node or DOM imports.
 */
import { policyPhases } from '../scenarios/schedule.js';
import { scenarioSchema, type Scenario } from '../scenarios/schema.js';

/** The four channels, in engine order. */
export const CHANNELS = ['online', 'phone', 'counter', 'assisted'] as const;
export type ChannelId = (typeof CHANNELS)[number];

/** When a channel is open: from the start or not, and the month it switches (null: never). */
export interface ChannelPlan {
  readonly openAtStart: boolean;
  readonly switchMonth: number | null;
}

export type LeverValue = number | boolean | string | ChannelPlan;

/** The panel a lever sits in. */
export const LEVER_GROUPS = [
  { id: 'channels', label: 'Channels' },
  { id: 'skills', label: 'Skills and devices' },
  { id: 'kpi', label: 'KPI targets and audits' },
  { id: 'data', label: 'Data and consent' },
  { id: 'decisions', label: 'Automation and appeals' },
  { id: 'resilience', label: 'Outages and integration' },
] as const;
export type LeverGroup = (typeof LEVER_GROUPS)[number]['id'];

interface LeverBase {
  /** Stable id, also the key in shared links. */
  readonly id: string;
  readonly label: string;
  /** One sentence on what the lever does, shown under it. */
  readonly help: string;
  readonly group: LeverGroup;
}

export interface NumberLever extends LeverBase {
  readonly kind: 'number';
  /** Dotted path under `policy`. */
  readonly path: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly unit: 'share' | 'per1000Day' | 'per1000Month' | 'perYear' | 'days' | 'years' | 'gbp' | 'times';
}

export interface ToggleLever extends LeverBase {
  readonly kind: 'toggle';
  readonly path: string;
}

export interface ChoiceLever extends LeverBase {
  readonly kind: 'choice';
  readonly path: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

export interface ChannelLever extends LeverBase {
  readonly kind: 'channel';
  readonly channel: ChannelId;
}

export type Lever = NumberLever | ToggleLever | ChoiceLever | ChannelLever;

/** Cost per person of a program switched on in a scenario that gives it none (the h2 scenario's assumptions). */
export const DEFAULT_PROGRAM_COST_GBP = { training: 60, devices: 150 } as const;

/** Every lever, in panel order. */
export const LEVERS: readonly Lever[] = [
  { kind: 'channel', id: 'online', channel: 'online', group: 'channels', label: 'Online service', help: 'The web and app service.' },
  { kind: 'channel', id: 'phone', channel: 'phone', group: 'channels', label: 'Phone line', help: 'One citywide phone queue.' },
  { kind: 'channel', id: 'counter', channel: 'counter', group: 'channels', label: 'Counters', help: 'Service in person, one queue per district.' },
  { kind: 'channel', id: 'assisted', channel: 'assisted', group: 'channels', label: 'Assisted digital', help: 'Staff or partners help people use the online service.' },
  { kind: 'number', id: 'counterCapacity', path: 'channels.counter.capacityPerDayPer1000', group: 'channels', label: 'Counter capacity', help: 'Cases the counters serve a day, per 1,000 citizens.', min: 0, max: 15, step: 0.5, unit: 'per1000Day' },
  { kind: 'number', id: 'phoneCapacity', path: 'channels.phone.capacityPerDayPer1000', group: 'channels', label: 'Phone capacity', help: 'Calls answered a day, per 1,000 citizens.', min: 0, max: 10, step: 0.5, unit: 'per1000Day' },
  { kind: 'number', id: 'assistedCapacity', path: 'channels.assisted.capacityPerDayPer1000', group: 'channels', label: 'Assisted-digital capacity', help: 'People helped a day, per 1,000 citizens.', min: 0, max: 10, step: 0.1, unit: 'per1000Day' },
  { kind: 'number', id: 'usability', path: 'channels.online.usability', group: 'channels', label: 'Online usability', help: 'How easy the online service is: 0 very hard, 1 very easy.', min: 0, max: 1, step: 0.05, unit: 'share' },
  { kind: 'number', id: 'training', path: 'adoption.training.capacityPerMonthPer1000', group: 'skills', label: 'Digital-skills training', help: 'Places a month per 1,000 citizens (£60 a person unless the scenario says otherwise).', min: 0, max: 20, step: 1, unit: 'per1000Month' },
  { kind: 'number', id: 'devices', path: 'adoption.devices.capacityPerMonthPer1000', group: 'skills', label: 'Device and connection subsidy', help: 'People equipped a month per 1,000 citizens (£150 a person unless the scenario says otherwise).', min: 0, max: 20, step: 1, unit: 'per1000Month' },
  { kind: 'number', id: 'onlineShareTarget', path: 'kpi.onlineShareTarget', group: 'kpi', label: 'Online-share target', help: 'Offices are rewarded for reporting this share of transactions online; 0 switches the KPI off.', min: 0, max: 1, step: 0.05, unit: 'share' },
  { kind: 'number', id: 'processingTarget', path: 'kpi.processingDaysTarget', group: 'kpi', label: 'Processing-time target', help: 'Counter cases must be processed within this many days; 0 switches the KPI off.', min: 0, max: 60, step: 1, unit: 'days' },
  { kind: 'number', id: 'registrationsTarget', path: 'kpi.registrationsTarget', group: 'kpi', label: 'App-registration target', help: 'Share of citizens to register on the app; 0 switches the KPI off.', min: 0, max: 1, step: 0.05, unit: 'share' },
  { kind: 'number', id: 'auditProbability', path: 'kpi.auditProbabilityPerMonth', group: 'kpi', label: 'Audit probability', help: 'Chance an office is audited in a month.', min: 0, max: 1, step: 0.05, unit: 'share' },
  { kind: 'number', id: 'dataCollection', path: 'data.collectionMultiplier', group: 'data', label: 'Data collected', help: 'Times the data fields each service needs (1 = only what is needed).', min: 0, max: 5, step: 0.25, unit: 'times' },
  { kind: 'number', id: 'retention', path: 'data.retentionYears', group: 'data', label: 'Data kept for', help: 'Years records are kept.', min: 1, max: 20, step: 1, unit: 'years' },
  { kind: 'number', id: 'breachRate', path: 'data.breachRatePerBillionRecordsYear', group: 'data', label: 'Breach hazard', help: 'Breaches a year per billion records held, before security spending.', min: 0, max: 200, step: 5, unit: 'perYear' },
  { kind: 'number', id: 'security', path: 'data.securitySpendPer1000Gbp', group: 'data', label: 'Security spending', help: 'Pounds a year per 1,000 citizens; each £400 halves the breach hazard.', min: 0, max: 2000, step: 50, unit: 'gbp' },
  { kind: 'number', id: 'transparency', path: 'data.transparency', group: 'data', label: 'Transparency', help: 'How open processing is: softens the trust lost in a breach.', min: 0, max: 1, step: 0.05, unit: 'share' },
  {
    kind: 'choice', id: 'consent', path: 'data.consent', group: 'data', label: 'Consent model', help: 'Whether people who refuse to share data can still be served.',
    options: [
      { value: 'informed-opt-in', label: 'Informed opt-in (a real way to say no)' },
      { value: 'consent-or-no-service', label: 'Consent or no service' },
    ],
  },
  { kind: 'number', id: 'automation', path: 'automation.share', group: 'decisions', label: 'Automated decisions', help: 'Share of decisions on automatable services taken by a machine.', min: 0, max: 1, step: 0.05, unit: 'share' },
  { kind: 'toggle', id: 'appeal', path: 'automation.appeal.available', group: 'decisions', label: 'Human review and appeal', help: 'Wrongly denied people can ask a person to look again.' },
  { kind: 'number', id: 'outageRate', path: 'channels.online.outage.ratePerYear', group: 'resilience', label: 'Digital outages', help: 'Outages a year of the online and assisted-digital services.', min: 0, max: 24, step: 1, unit: 'perYear' },
  { kind: 'toggle', id: 'oneStop', path: 'oneStop', group: 'resilience', label: 'One-stop service', help: 'One transaction per need instead of one per agency.' },
  { kind: 'number', id: 'partners', path: 'coProduction.partnerCapacityPerDayPer1000', group: 'resilience', label: 'Partner help (NGOs, libraries)', help: 'Assisted-digital capacity partners add, per 1,000 citizens a day.', min: 0, max: 5, step: 0.1, unit: 'per1000Day' },
];

/** The lever with this id. */
export function leverById(id: string): Lever | undefined {
  return LEVERS.find((lever) => lever.id === id);
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value at a dotted path in a tree, or undefined. */
function readPath(tree: unknown, dotted: string): unknown {
  let node: unknown = tree;
  for (const key of dotted.split('.')) {
    if (!isTree(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets a dotted path in a tree in place, creating groups on the way. */
function writePath(tree: Tree, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    if (isTree(child)) node = child;
    else {
      const created: Tree = {};
      node[key] = created;
      node = created;
    }
  }
  node[keys[keys.length - 1]!] = value;
}

/** The value a schedule entry's `set` gives a dotted policy path, directly or inside a group it sets. */
function scheduledValue(set: Readonly<Record<string, unknown>>, dotted: string): { found: boolean; value: unknown } {
  for (const [key, value] of Object.entries(set)) {
    if (key === dotted) return { found: true, value };
    if (dotted.startsWith(`${key}.`)) {
      const inner = readPath(value, dotted.slice(key.length + 1));
      if (inner !== undefined) return { found: true, value: inner };
    }
  }
  return { found: false, value: undefined };
}

/** The schedule in time order (stable for equal months), as the engine applies it. */
function orderedSchedule(scenario: Scenario): Scenario['schedule'] {
  return scenario.schedule.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.month - b.entry.month || a.index - b.index).map(({ entry }) => entry);
}

/** The plan of a channel as the scenario writes it: open at the start or not, and the first month the schedule flips it. */
export function channelPlanOf(scenario: Scenario, channel: ChannelId): ChannelPlan {
  const openAtStart = scenario.policy.channels[channel].open;
  for (const entry of orderedSchedule(scenario)) {
    const { found, value } = scheduledValue(entry.set, `channels.${channel}.open`);
    if (found && value === !openAtStart) return { openAtStart, switchMonth: entry.month };
  }
  return { openAtStart, switchMonth: null };
}

/** The value a lever has in a scenario (at the start, for policy fields a schedule changes later). */
export function leverValueIn(scenario: Scenario, lever: Lever): LeverValue {
  if (lever.kind === 'channel') return channelPlanOf(scenario, lever.channel);
  const value = readPath(scenario.policy, lever.path);
  if (lever.kind === 'number') return typeof value === 'number' ? value : lever.min;
  if (lever.kind === 'toggle') return value === true;
  return typeof value === 'string' ? value : lever.options[0]!.value;
}

/** Every lever's value in a scenario, by lever id. */
export function readLevers(scenario: Scenario): Record<string, LeverValue> {
  return Object.fromEntries(LEVERS.map((lever) => [lever.id, leverValueIn(scenario, lever)]));
}

/** Months at which the scenario's schedule changes the field a lever writes (so the panel can say so). */
export function scheduledMonths(scenario: Scenario, lever: Lever): number[] {
  const path = lever.kind === 'channel' ? `channels.${lever.channel}.open` : lever.path;
  const months = new Set<number>();
  for (const entry of scenario.schedule) if (scheduledValue(entry.set, path).found) months.add(entry.month);
  return [...months].sort((a, b) => a - b);
}

/** Whether a value is a valid value of a lever (type, range, options); channel switch months must fall inside the horizon. */
export function isValidLeverValue(lever: Lever, value: LeverValue, horizonMonths = 1200): boolean {
  switch (lever.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= lever.min && value <= lever.max;
    case 'toggle':
      return typeof value === 'boolean';
    case 'choice':
      return typeof value === 'string' && lever.options.some((option) => option.value === value);
    case 'channel':
      return (
        typeof value === 'object' &&
        typeof value.openAtStart === 'boolean' &&
        (value.switchMonth === null || (Number.isSafeInteger(value.switchMonth) && value.switchMonth >= 1 && value.switchMonth < horizonMonths))
      );
  }
}

/** Removes a policy path from every schedule entry (a group set keeps its other fields); drops entries left empty. */
function unschedule(schedule: unknown[], dotted: string): unknown[] {
  const kept: unknown[] = [];
  for (const entry of schedule) {
    if (!isTree(entry) || !isTree(entry.set)) {
      kept.push(entry);
      continue;
    }
    const set: Tree = {};
    for (const [key, value] of Object.entries(entry.set)) {
      if (key === dotted) continue;
      if (dotted.startsWith(`${key}.`) && isTree(value)) {
        const copy = structuredClone(value);
        const inner = dotted.slice(key.length + 1).split('.');
        let node: unknown = copy;
        for (const part of inner.slice(0, -1)) node = isTree(node) ? node[part] : undefined;
        if (isTree(node)) delete node[inner[inner.length - 1]!];
        if (Object.keys(copy).length > 0) set[key] = copy;
        continue;
      }
      set[key] = value;
    }
    if (Object.keys(set).length > 0) kept.push({ ...entry, set });
  }
  return kept;
}

/** What `applyLevers` gives: the scenario to run, or why the levers cannot make one. */
export type ApplyResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The scenario with lever overrides laid over it and its simulated
 * population set: each override sets its policy field from month 0 and
 * removes the schedule's changes to that field (a channel plan writes its own
 * schedule entry). The result is validated again with the scenario schema
 * and the schedule rules. Pure; cost O(size of the scenario).
 * @example applyLevers(city, { counter: { openAtStart: true, switchMonth: 6 } }, 10_000)
 */
export function applyLevers(scenario: Scenario, overrides: Readonly<Record<string, LeverValue>>, population?: number): ApplyResult {
  const problems: string[] = [];
  const tree = structuredClone(scenario) as unknown as Tree;
  const policy = tree.policy as Tree;
  let schedule = [...(tree.schedule as unknown[])];
  const added: Tree[] = [];
  for (const [id, value] of Object.entries(overrides)) {
    const lever = leverById(id);
    if (lever === undefined) {
      problems.push(`unknown lever "${id}"`);
      continue;
    }
    if (!isValidLeverValue(lever, value, scenario.horizonMonths)) {
      problems.push(`"${lever.label}" cannot be ${JSON.stringify(value)}`);
      continue;
    }
    if (lever.kind === 'channel') {
      const plan = value as ChannelPlan;
      const path = `channels.${lever.channel}.open`;
      writePath(policy, path, plan.openAtStart);
      schedule = unschedule(schedule, path);
      if (plan.switchMonth !== null) {
        added.push({ month: plan.switchMonth, set: { [path]: !plan.openAtStart }, note: `${lever.label} ${plan.openAtStart ? 'closes' : 'opens'} (explorer)` });
      }
      continue;
    }
    writePath(policy, lever.path, value);
    schedule = unschedule(schedule, lever.path);
    if ((lever.id === 'training' || lever.id === 'devices') && typeof value === 'number' && value > 0) {
      const costPath = `adoption.${lever.id}.costPerPersonGbp`;
      if (readPath(policy, costPath) === 0) writePath(policy, costPath, DEFAULT_PROGRAM_COST_GBP[lever.id]);
    }
  }
  tree.schedule = [...schedule, ...added];
  if (population !== undefined) writePath(tree, 'population.size', population);
  if (problems.length > 0) return { ok: false, problems };
  const parsed = scenarioSchema.safeParse(tree);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const { $schema: _schema, extends: _extends, ...result } = parsed.data;
  const phases = policyPhases(result);
  if (phases.issues.length > 0) return { ok: false, problems: phases.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  return { ok: true, scenario: result };
}

/** Two lever values are the same setting. */
export function sameLeverValue(a: LeverValue, b: LeverValue): boolean {
  if (typeof a === 'object' && typeof b === 'object') return a.openAtStart === b.openAtStart && a.switchMonth === b.switchMonth;
  return a === b;
}
