/**
 * The policy schedule: time-phased changes to the policy, each a set of
 * dotted paths under `policy` with new values ("channels.counter.open":
 * false). Changes accumulate: a phase's policy is the start policy with every
 * change up to its month applied, in order.
 */
import { policySchema, type Policy, type Scenario } from './schema.js';

/** A policy in force from a month on. */
export interface PolicyPhase {
  readonly month: number;
  readonly policy: Policy;
}

/** A problem with one schedule entry: where it is and what is wrong. */
export interface ScheduleIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** `value` merged into `base` where both are mappings (so setting a group changes only the fields given). */
function mergeInto(base: unknown, value: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(value)) return value;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, child] of Object.entries(value)) merged[key] = Object.hasOwn(base, key) ? mergeInto(base[key], child) : child;
  return merged;
}

/** Sets a dotted path in a plain-object tree, copying along the path. Throws on a path that does not exist. */
function setPath(target: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
  const keys = dotted.split('.');
  const root: Record<string, unknown> = { ...target };
  let node = root;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (!Object.hasOwn(node, key)) throw new Error(`"${keys.slice(0, i + 1).join('.')}" is not a policy field`);
    if (i === keys.length - 1) {
      node[key] = mergeInto(node[key], value);
    } else {
      const child = node[key];
      if (!isPlainObject(child)) {
        throw new Error(`"${keys.slice(0, i + 1).join('.')}" is a value, not a group of fields`);
      }
      const copy = { ...(child as Record<string, unknown>) };
      node[key] = copy;
      node = copy;
    }
  }
  return root;
}

/**
 * The policy phases of a scenario: the start policy, then one phase per
 * distinct month of the schedule. Returns the issues instead when a change
 * names an unknown field, gives an invalid value, or falls outside the horizon.
 */
export function policyPhases(scenario: Scenario): { phases: PolicyPhase[]; issues: ScheduleIssue[] } {
  const issues: ScheduleIssue[] = [];
  const entries = scenario.schedule.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.month - b.entry.month || a.index - b.index);
  const phases: PolicyPhase[] = [{ month: 0, policy: scenario.policy }];
  let current = scenario.policy as unknown as Record<string, unknown>;
  for (const { entry, index } of entries) {
    // An invalid entry is reported once; later entries build on the last valid policy.
    current = phases[phases.length - 1]!.policy as unknown as Record<string, unknown>;
    if (entry.month >= scenario.horizonMonths) {
      issues.push({ path: ['schedule', index, 'month'], message: `month ${entry.month} is outside the horizon of ${scenario.horizonMonths} months (0 to ${scenario.horizonMonths - 1})` });
      continue;
    }
    for (const [dotted, value] of Object.entries(entry.set)) {
      try {
        current = setPath(current, dotted, value);
      } catch (error) {
        issues.push({ path: ['schedule', index, 'set', dotted], message: (error as Error).message });
      }
    }
    const parsed = policySchema.safeParse(current);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const dotted = issue.path.join('.');
        issues.push({ path: ['schedule', index, 'set', dotted], message: issue.message });
      }
      continue;
    }
    const last = phases[phases.length - 1]!;
    if (last.month === entry.month) phases[phases.length - 1] = { month: entry.month, policy: parsed.data };
    else phases.push({ month: entry.month, policy: parsed.data });
  }
  return { phases, issues };
}
