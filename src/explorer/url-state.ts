/**
 * Settings ↔ the URL hash, so a link restores what the class saw:
 *
 *   #scenario=city&seed=1&pop=10000&speed=normal&counter=closes-6&counterCapacity=8
 *   &ab=1&b.scenario=hybrid&b.outageRate=6
 *
 * Keys of policy B carry a `b.` prefix; defaults are left out. A channel plan
 * is `open`, `closed`, `closes-N` or `opens-N` (month N). A dropped scenario
 * file travels whole as `file=<name>&text=<base64url of its UTF-8>`.
 * `decodeSettings` never throws: what it cannot read it skips and reports.
 */
import { isValidLeverValue, leverById, LEVERS, type ChannelPlan, type Lever, type LeverValue } from './levers.js';
import {
  DEFAULT_SETTINGS,
  GROUPINGS,
  MAX_SEED,
  SPEEDS,
  WATCHES,
  type DroppedFile,
  type ExplorerSettings,
  type Grouping,
  type PolicySettings,
  type Speed,
  type Watch,
} from './settings.js';

/** A lever value as it appears in a link. */
export function encodeLeverValue(value: LeverValue): string {
  if (typeof value === 'object') {
    if (value.switchMonth === null) return value.openAtStart ? 'open' : 'closed';
    return `${value.openAtStart ? 'closes' : 'opens'}-${value.switchMonth}`;
  }
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/** A lever value read from a link, or undefined when it is not a valid value of the lever. */
export function decodeLeverValue(lever: Lever, text: string): LeverValue | undefined {
  let value: LeverValue | undefined;
  switch (lever.kind) {
    case 'number':
      value = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text) ? Number(text) : undefined;
      break;
    case 'toggle':
      value = text === 'on' ? true : text === 'off' ? false : undefined;
      break;
    case 'choice':
      value = text;
      break;
    case 'channel': {
      const match = /^(open|closed|closes-(\d{1,4})|opens-(\d{1,4}))$/.exec(text);
      if (match === null) return undefined;
      const plan: ChannelPlan =
        match[2] !== undefined ? { openAtStart: true, switchMonth: Number(match[2]) }
        : match[3] !== undefined ? { openAtStart: false, switchMonth: Number(match[3]) }
        : { openAtStart: match[1] === 'open', switchMonth: null };
      value = plan;
      break;
    }
  }
  return value !== undefined && isValidLeverValue(lever, value) ? value : undefined;
}

/** UTF-8 text as base64url (no padding). */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The UTF-8 text of base64url, or undefined when it is not valid. */
export function fromBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return undefined;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function encodePolicy(policy: PolicySettings, prefix: string, params: URLSearchParams): void {
  if (policy.file !== null) {
    params.set(`${prefix}file`, policy.file.name);
    params.set(`${prefix}text`, toBase64Url(policy.file.text));
  } else {
    params.set(`${prefix}scenario`, policy.scenario);
  }
  // Lever order is the panel order, so equal settings give equal links.
  for (const lever of LEVERS) {
    const value = policy.levers[lever.id];
    if (value !== undefined) params.set(`${prefix}${lever.id}`, encodeLeverValue(value));
  }
}

/**
 * The hash (without `#`) that restores `settings`. Defaults are omitted,
 * except the scenario, which is always named.
 * @example encodeSettings(DEFAULT_SETTINGS) // 'scenario=city'
 */
export function encodeSettings(settings: ExplorerSettings): string {
  const params = new URLSearchParams();
  encodePolicy(settings.a, '', params);
  const put = (key: string, value: string, fallback: string): void => {
    if (value !== fallback) params.set(key, value);
  };
  put('seed', String(settings.seed), String(DEFAULT_SETTINGS.seed));
  put('pop', String(settings.population), String(DEFAULT_SETTINGS.population));
  put('speed', settings.speed, DEFAULT_SETTINGS.speed);
  put('group', settings.grouping, DEFAULT_SETTINGS.grouping);
  put('watch', settings.watch, DEFAULT_SETTINGS.watch);
  if (settings.lesson !== null) params.set('lesson', settings.lesson);
  if (settings.b !== null) {
    params.set('ab', '1');
    encodePolicy(settings.b, 'b.', params);
  }
  return params.toString();
}

/** Settings read from a link, with a sentence for each part that could not be read. */
export interface DecodedSettings {
  readonly settings: ExplorerSettings;
  readonly problems: readonly string[];
}

const SCENARIO_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,100}$/;

function decodePolicy(params: URLSearchParams, prefix: string, problems: string[]): PolicySettings {
  let scenario = DEFAULT_SETTINGS.a.scenario;
  let file: DroppedFile | null = null;
  const named = params.get(`${prefix}scenario`);
  if (named !== null) {
    if (SCENARIO_NAME.test(named)) scenario = named;
    else problems.push(`the scenario name "${named}" is not valid`);
  }
  const fileName = params.get(`${prefix}file`);
  const text = params.get(`${prefix}text`);
  if (fileName !== null || text !== null) {
    const decoded = text === null ? undefined : fromBase64Url(text);
    if (decoded === undefined || fileName === null || fileName === '') problems.push('the scenario file in the link is damaged');
    else file = { name: fileName, text: decoded };
  }
  const levers: Record<string, LeverValue> = {};
  for (const [key, raw] of params) {
    if (!key.startsWith(prefix)) continue;
    const id = key.slice(prefix.length);
    const lever = leverById(id);
    if (lever === undefined) continue;
    const value = decodeLeverValue(lever, raw);
    if (value === undefined) problems.push(`"${raw}" is not a value of "${lever.label}"`);
    else levers[id] = value;
  }
  return { scenario, file, levers };
}

function oneOf<T extends string>(options: readonly T[], value: string | null, fallback: T, what: string, problems: string[]): T {
  if (value === null) return fallback;
  const found = options.find((option) => option === value);
  if (found === undefined) problems.push(`"${value}" is not a ${what} (${options.join(', ')})`);
  return found ?? fallback;
}

function wholeNumber(value: string | null, fallback: number, min: number, max: number, what: string, problems: string[]): number {
  if (value === null) return fallback;
  const number = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(number) && number >= min && number <= max) return number;
  problems.push(`the ${what} "${value}" is not a whole number from ${min} to ${max}`);
  return fallback;
}

/**
 * The settings a hash restores (with or without its `#`). Unknown keys are
 * ignored; values out of range fall back to the default and are reported.
 */
export function decodeSettings(hash: string): DecodedSettings {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const problems: string[] = [];
  const a = decodePolicy(params, '', problems);
  const b = params.get('ab') === '1' ? decodePolicy(params, 'b.', problems) : null;
  const lesson = params.get('lesson');
  const settings: ExplorerSettings = {
    a,
    b,
    seed: wholeNumber(params.get('seed'), DEFAULT_SETTINGS.seed, 0, MAX_SEED, 'seed', problems),
    population: wholeNumber(params.get('pop'), DEFAULT_SETTINGS.population, 100, 1_000_000, 'population', problems),
    speed: oneOf<Speed>(SPEEDS, params.get('speed'), DEFAULT_SETTINGS.speed, 'speed', problems),
    grouping: oneOf<Grouping>(GROUPINGS, params.get('group'), DEFAULT_SETTINGS.grouping, 'grouping', problems),
    watch: oneOf<Watch>(WATCHES, params.get('watch'), DEFAULT_SETTINGS.watch, 'chart', problems),
    lesson: lesson !== null && SCENARIO_NAME.test(lesson) ? lesson : null,
  };
  return { settings, problems };
}
