/**
 * Provenance objects (from summary.json, compare.json, plan.json and
 * manifest.json) as label–value pairs for the foot of a report: known
 * fields first with readable labels, then anything else, flattened.
 */
import { PROVENANCE_LABELS } from '../messages.js';
import { isObject } from '../inputs/read-files.js';

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}

function labelOf(path: readonly string[]): string {
  const last = path[path.length - 1] ?? '';
  const base = PROVENANCE_LABELS[last] ?? last;
  const prefix = path.slice(0, -1).filter((key) => key !== 'provenance');
  return prefix.length === 0 ? base : `${prefix.map((key) => PROVENANCE_LABELS[key] ?? key).join(' ')}: ${base}`;
}

/** Whether an object holds a `dgsimVersion` field at any depth. */
function holdsVersion(value: unknown): boolean {
  if (!isObject(value)) return false;
  return 'dgsimVersion' in value || Object.values(value).some(holdsVersion);
}

/**
 * The provenance objects to show: `primary`, and the manifest only when
 * `primary` lacks the version (the outputs' own provenance says everything
 * the manifest does, so showing both would repeat each line).
 */
export function provenanceSources(primary: unknown, manifest: unknown): unknown[] {
  return holdsVersion(primary) || manifest === undefined ? [primary] : [primary, manifest];
}

/**
 * Flattens provenance objects into pairs; later objects do not repeat a label already given.
 * @example provenancePairs([{ dgsimVersion: '0.1.0', seed: 7 }]) // [['dgsim version', '0.1.0'], ['Seed', '7']]
 */
export function provenancePairs(objects: readonly unknown[]): [string, string][] {
  const pairs: [string, string][] = [];
  const seen = new Set<string>();
  const walk = (value: unknown, path: string[]): void => {
    if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        // The manifest's list of outputs and its chart fonts' checksums say what the report is, not where the numbers came from.
        if (key === 'outputs' || key === 'createdBy' || key === 'format' || key === 'reportFonts') continue;
        walk(item, [...path, key]);
      }
      return;
    }
    const label = labelOf(path);
    if (seen.has(label) || path.length === 0) return;
    seen.add(label);
    pairs.push([label, valueText(value)]);
  };
  for (const object of objects) walk(object, []);
  const order = Object.values(PROVENANCE_LABELS);
  const rank = (label: string): number => {
    const index = order.findIndex((known) => label === known || label.endsWith(`: ${known}`));
    return index < 0 ? order.length : index;
  };
  return pairs.map((pair, index) => ({ pair, index })).sort((p, q) => rank(p.pair[0]) - rank(q.pair[0]) || p.index - q.index).map(({ pair }) => pair);
}
