/**
 * Plain-words labels for sweep parameters, from their names or scenario
 * paths: `policy.channels.counter.capacityPerDayPer1000` →
 * "counter capacity per day per 1000".
 */

/** Path segments that say nothing a reader needs in a label. */
const GENERIC_SEGMENTS = new Set(['policy', 'channels', 'population', 'params', 'parameters', 'settings', 'config']);

/** camelCase to words: `capacityPerDayPer1000` → "capacity per day per 1000"; a capital not followed by a lower-case letter stays attached (`bassQ`). */
function words(identifier: string): string {
  return identifier
    .replace(/([a-z])(?=[A-Z][a-z])/g, '$1 ')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .replace(/(^| )([A-Z])([a-z])/g, (_, space: string, capital: string, next: string) => `${space}${capital.toLowerCase()}${next}`)
    .trim();
}

/**
 * A label for a parameter: its last path segment in words, after the
 * segment before it when that one is specific (a channel, a segment id).
 * A name with no dots is only split into words; an id in brackets goes last.
 * Cost O(name length).
 * @example parameterLabel('policy.channels.counter.capacityPerDayPer1000') === 'counter capacity per day per 1000'
 * @example parameterLabel('bassQ') === 'bassQ'
 */
export function parameterLabel(name: string): string {
  const segments = name.split('.').filter((segment) => segment !== '');
  const last = segments.at(-1) ?? name;
  const before = segments.length >= 2 ? segments.at(-2)! : undefined;
  if (before === undefined) return words(last);
  const bracket = /\[(?:[^=\]]*=)?([^\]]*)\]$/.exec(before)?.[1];
  if (bracket !== undefined) return `${words(last)} (${bracket})`;
  return GENERIC_SEGMENTS.has(before) ? words(last) : `${words(before)} ${words(last)}`;
}
