/**
 * Conditions on outcomes, as scenario discovery states them:
 *
 *   unmetRate[age=75+] > 0.05 and costPerMetNeedGbp <= 40
 *
 * Clauses are `metric operator number` joined by `and`; operators are
 * `>`, `>=`, `<`, `<=` (or `≥`, `≤`); a number may end in `%` (5% is 0.05).
 * Metric names are matched exactly, then loosely (case, `_`, spaces and `=`
 * ignored, so `unmet_rate[age 75+]` finds `unmetRate[age=75+]`); an unknown
 * name gets an error that names it and suggests the closest metric.
 * Parsing returns a result rather than throwing.
 */
import { didYouMean } from '../scenarios/did-you-mean.js';

export type ConditionOperator = '>' | '>=' | '<' | '<=';

/** One comparison: metric operator threshold. */
export interface ConditionClause {
  readonly metric: string;
  readonly operator: ConditionOperator;
  readonly threshold: number;
}

/** A parsed condition: every clause must hold. */
export interface Condition {
  readonly clauses: readonly ConditionClause[];
  /** The condition written back in canonical form, e.g. `unmetRate[age=75+] > 0.05`. */
  readonly text: string;
}

/** Why a condition could not be parsed; `position` is the 0-based character offset. */
export interface ConditionError {
  readonly code: 'empty' | 'syntax' | 'unknown-metric';
  readonly message: string;
  readonly position: number;
  /** For unknown-metric: the name as written, and the closest known one if any. */
  readonly metric?: string;
  readonly suggestion?: string;
}

export type ConditionParse = { readonly ok: true; readonly condition: Condition } | { readonly ok: false; readonly error: ConditionError };

const OPERATORS: readonly [string, ConditionOperator][] = [
  ['>=', '>='],
  ['<=', '<='],
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
];

/** A loose key for matching metric names: case, `_`, `-`, spaces, `=` and `:` ignored. */
function looseKey(name: string): string {
  return name.toLowerCase().replace(/[\s_=:-]/g, '');
}

/**
 * Parses `text` into a condition. When `metrics` is given every metric must
 * be one of them (matched exactly or loosely, see the module comment);
 * without it names are taken as written.
 * Cost O(length of text + metrics · name length²) for the suggestion.
 * @example parseCondition('unmetRate[age=75+] > 5%', ['unmetRate', 'unmetRate[age=75+]'])
 * // { ok: true, condition: { clauses: [{ metric: 'unmetRate[age=75+]', operator: '>', threshold: 0.05 }], text: 'unmetRate[age=75+] > 0.05' } }
 */
export function parseCondition(text: string, metrics?: readonly string[]): ConditionParse {
  const fail = (error: ConditionError): ConditionParse => ({ ok: false, error });
  let position = 0;
  const skipSpace = (): void => {
    while (position < text.length && /\s/.test(text[position]!)) position++;
  };
  const found = (): string => (position < text.length ? `"${text.slice(position, position + 12)}"` : 'the end');
  skipSpace();
  if (position === text.length) return fail({ code: 'empty', message: 'the condition is empty; write e.g. "unmetRate[age=75+] > 0.05"', position });
  const clauses: ConditionClause[] = [];
  for (;;) {
    skipSpace();
    const nameStart = position;
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(position))?.[0];
    if (name === undefined) {
      return fail({ code: 'syntax', message: `expected a metric name at character ${position + 1}, found ${found()}`, position });
    }
    position += name.length;
    let metric = name;
    if (text[position] === '[') {
      const close = text.indexOf(']', position);
      if (close < 0) return fail({ code: 'syntax', message: `"[" at character ${position + 1} is never closed with "]"`, position });
      metric += text.slice(position, close + 1);
      position = close + 1;
    }
    if (metrics !== undefined && !metrics.includes(metric)) {
      const key = looseKey(metric);
      const loose = metrics.filter((candidate) => looseKey(candidate) === key);
      if (loose.length === 1) metric = loose[0]!;
      else {
        const suggestion = didYouMean(metric, metrics) ?? didYouMean(key, metrics);
        const hint = suggestion === undefined ? ` (the sweep has ${metrics.length} metrics; \`dgsim analyze\` lists them)` : `; did you mean "${suggestion}"?`;
        return fail({
          code: 'unknown-metric',
          message: `unknown metric "${metric}" in the condition${hint}`,
          position: nameStart,
          metric,
          ...(suggestion === undefined ? {} : { suggestion }),
        });
      }
    }
    skipSpace();
    const operator = OPERATORS.find(([symbol]) => text.startsWith(symbol, position));
    if (operator === undefined) {
      const hint = text.startsWith('=', position) || text.startsWith('!=', position) ? ' (only >, >=, < and <= compare)' : '';
      return fail({ code: 'syntax', message: `expected >, >=, < or <= after "${metric}" at character ${position + 1}, found ${found()}${hint}`, position });
    }
    position += operator[0].length;
    skipSpace();
    const number = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?%?/.exec(text.slice(position))?.[0];
    if (number === undefined) return fail({ code: 'syntax', message: `expected a number after "${metric} ${operator[1]}" at character ${position + 1}, found ${found()}`, position });
    position += number.length;
    const threshold = number.endsWith('%') ? Number(number.slice(0, -1)) / 100 : Number(number);
    clauses.push({ metric, operator: operator[1], threshold });
    skipSpace();
    if (position === text.length) break;
    const joiner = /^[A-Za-z&|]+/.exec(text.slice(position))?.[0] ?? '';
    if (joiner.toLowerCase() === 'and' || joiner === '&&') {
      position += joiner.length;
      continue;
    }
    const hint = joiner.toLowerCase() === 'or' || joiner === '||' ? ': only "and" joins clauses (find one box per alternative instead)' : '';
    return fail({ code: 'syntax', message: `expected "and" or the end at character ${position + 1}, found ${found()}${hint}`, position });
  }
  const canonical = clauses.map((clause) => `${clause.metric} ${clause.operator} ${clause.threshold}`).join(' and ');
  return { ok: true, condition: { clauses, text: canonical } };
}
