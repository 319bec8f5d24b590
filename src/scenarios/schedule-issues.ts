/**
 * The issues of a scenario's policy schedule, as `policyPhases()` finds them,
 * made precise: unknown policy paths get a did-you-mean, invalid values are
 * validated again on their own so the message says what was expected, and
 * each issue points at the `set:` key or value that caused it.
 */
import { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import type { DocumentPath, ScenarioIssue } from './issues.js';
import { message } from './messages.js';
import { policyPhases } from './schedule.js';
import { policySchema, scenarioSchema, type Scenario } from './schema.js';
import { knownKeys, schemaAt, unwrap, type AnySchema } from './schema-walk.js';
import type { Located } from './source-map.js';
import { fromZodIssues, issueAt } from './zod-issues.js';

/** How a dotted policy path resolves against the policy schema. */
type Resolution =
  | { readonly kind: 'field'; readonly schema: AnySchema }
  | { readonly kind: 'unknown'; readonly index: number; readonly known: readonly string[] }
  | { readonly kind: 'not-a-group'; readonly index: number }
  | { readonly kind: 'inside-record'; readonly index: number };

function resolve(keys: readonly string[]): Resolution {
  let current: AnySchema = policySchema;
  for (let index = 0; index < keys.length; index++) {
    const inner = unwrap(current);
    const type = inner._zod.def.type;
    if (type === 'record') return { kind: 'inside-record', index };
    const known = knownKeys(inner);
    if (known === undefined) return { kind: 'not-a-group', index };
    const next = schemaAt(inner, [keys[index]!]);
    if (next === undefined || !known.includes(keys[index]!)) return { kind: 'unknown', index, known };
    current = next;
  }
  return { kind: 'field', schema: current };
}

/** Every dotted path of a policy field or group, in schema order. */
function policyPaths(schema: AnySchema = policySchema, prefix = ''): string[] {
  const keys = knownKeys(schema) ?? [];
  return keys.flatMap((key) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const child = schemaAt(schema, [key]);
    return [path, ...(child === undefined ? [] : policyPaths(child, path))];
  });
}

function unknownPathHint(keys: readonly string[], resolution: Resolution & { kind: 'unknown' }): string {
  const dotted = keys.join('.');
  const prefix = keys.slice(0, resolution.index);
  const suggestion = didYouMean(keys[resolution.index]!, resolution.known);
  if (suggestion !== undefined) return message.didYouMean([...prefix, suggestion, ...keys.slice(resolution.index + 1)].join('.'));
  const full = policyPaths().find((path) => path.endsWith(`.${dotted}`));
  if (full !== undefined) return message.didYouMean(full);
  return message.knownNames(prefix.length === 0 ? 'policy fields' : `fields of ${prefix.join('.')}`, resolution.known);
}

/** The issue for a `set:` key that names no policy field, or undefined when it names one. */
function unknownPathIssue(root: Located, path: DocumentPath, setKey: string): ScenarioIssue | undefined {
  const keys = setKey.split('.');
  const resolution = resolve(keys);
  const upTo = (index: number): string => keys.slice(0, index + 1).join('.');
  switch (resolution.kind) {
    case 'field':
      return undefined;
    case 'unknown':
      return issueAt(root, path, 'unknown_policy_field', message.notAPolicyField(upTo(resolution.index)), unknownPathHint(keys, resolution));
    case 'not-a-group':
      return issueAt(root, path, 'unknown_policy_field', message.notAGroup(upTo(resolution.index - 1)));
    case 'inside-record':
      return issueAt(root, path, 'unknown_policy_field', message.notAPolicyField(setKey), message.setWholeRecordHint(keys.slice(0, resolution.index).join('.')));
  }
}

/**
 * The issues of the scenario's schedule, located in `root`; empty when
 * `policyPhases()` finds none. Each issue is reported once, at the entry
 * that caused it.
 */
export function scheduleIssues(scenario: Scenario, root: Located, extended: boolean): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const reported = new Set<string>();
  const report = (key: string, make: () => ScenarioIssue[]): void => {
    if (reported.has(key)) return;
    reported.add(key);
    issues.push(...make());
  };
  for (const issue of policyPhases(scenario).issues) {
    const [, entryIndex, field, dotted] = issue.path;
    const entry = typeof entryIndex === 'number' ? scenario.schedule[entryIndex] : undefined;
    if (entry === undefined || typeof entryIndex !== 'number' || field !== 'set' || typeof dotted !== 'string') {
      issues.push(issueAt(root, issue.path, field === 'month' ? 'schedule_outside_horizon' : 'invalid_schedule_value', issue.message));
      continue;
    }
    const setPath = (key: string): DocumentPath => ['schedule', entryIndex, 'set', key];
    // The set: keys this issue may come from: the key itself, a group it is inside, or a key inside it.
    const related = Object.keys(entry.set).filter((key) => key === dotted || dotted.startsWith(`${key}.`) || key.startsWith(`${dotted}.`) || dotted === '');
    const unknown = related.map((key) => ({ key, issue: unknownPathIssue(root, setPath(key), key) })).filter((found) => found.issue !== undefined);
    if (unknown.length > 0) {
      for (const found of unknown) report(`${entryIndex}:${found.key}`, () => [found.issue!]);
      continue;
    }
    const setKey = related.find((key) => key === dotted || dotted.startsWith(`${key}.`));
    if (setKey === undefined) {
      // policyPhases carries an invalid value on to the entries after the one that set it: report it once.
      report(`value:${dotted}`, () => [issueAt(root, issue.path, 'invalid_schedule_value', message.scheduleValue(issue.message))]);
      continue;
    }
    report(`value:${dotted}`, () => {
      const resolution = resolve(setKey.split('.'));
      const result = resolution.kind === 'field' ? z.safeParse(resolution.schema, entry.set[setKey], { reportInput: true }) : undefined;
      if (result === undefined || result.success) return [issueAt(root, issue.path, 'invalid_schedule_value', message.scheduleValue(issue.message))];
      return fromZodIssues(result.error.issues, { schema: resolution.kind === 'field' ? resolution.schema : policySchema, prefix: setPath(setKey), root, documentSchema: scenarioSchema, extended });
    });
  }
  return issues;
}
