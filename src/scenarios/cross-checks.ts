/**
 * Checks across fields that the schema cannot express: shares that sum to
 * 1, unique ids, references between lists (a segment's district, the age and
 * income bands named by the policy). They run on a scenario zod has
 * validated; paths are document paths.
 */
import { didYouMean } from './did-you-mean.js';
import { formatPath, type DocumentPath, type ScenarioIssue } from './issues.js';
import { message } from './messages.js';
import type { Scenario } from './schema.js';
import type { Located } from './source-map.js';
import { issueAt } from './zod-issues.js';

/** Shares may miss 1 by this much (rounding in hand-written tables). */
export const SHARE_TOLERANCE = 1e-6;

/** The sum of the values with Kahan–Babuška (Neumaier) error correction. Cost O(n). */
export function accurateSum(values: readonly number[]): number {
  let sum = 0;
  let correction = 0;
  for (const value of values) {
    const next = sum + value;
    correction += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + correction;
}

function hintFor(name: string, known: readonly string[], what: string): string {
  const suggestion = didYouMean(name, known);
  return suggestion === undefined ? message.knownNames(what, known) : message.didYouMean(suggestion);
}

/** The cross-field issues of a validated scenario, located in `root`. Cost O(segments + services + districts + schedule). */
export function crossFieldIssues(scenario: Scenario, root: Located): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const push = (path: DocumentPath, code: string, text: string, hint?: string): void => {
    issues.push(issueAt(root, path, code, text, hint));
  };

  for (const [list, what] of [['segments', 'segment'], ['services', 'service']] as const) {
    const sum = accurateSum(scenario[list].map((item) => item.share));
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) push([list], 'shares_sum', message.sharesSum(what, sum, scenario[list].length));
  }

  for (const list of ['districts', 'segments', 'services'] as const) {
    const first = new Map<string, number>();
    scenario[list].forEach((item, index) => {
      const earlier = first.get(item.id);
      if (earlier === undefined) first.set(item.id, index);
      else push([list, index, 'id'], 'duplicate_id', message.duplicateId(item.id, formatPath([list, earlier])));
    });
  }

  const districtIds = scenario.districts.map((d) => d.id);
  const districts = new Set(districtIds);
  scenario.segments.forEach((segment, index) => {
    if (!districts.has(segment.district)) {
      push(['segments', index, 'district'], 'unknown_district', message.unknownReference('district', segment.district), hintFor(segment.district, districtIds, 'districts'));
    }
  });

  const ages = [...new Set(scenario.segments.map((s) => s.age))];
  const incomes = [...new Set(scenario.segments.map((s) => s.income))];
  const checkBands = (bands: readonly string[], known: readonly string[], path: (band: string, index: number) => DocumentPath, kind: 'age' | 'income'): void => {
    const knownSet = new Set(known);
    bands.forEach((band, index) => {
      if (!knownSet.has(band)) push(path(band, index), `unknown_${kind}_band`, message.unknownBand(kind, band), hintFor(band, known, `${kind} bands`));
    });
  };
  const automation = ['policy', 'automation'];
  checkBands(Object.keys(scenario.policy.automation.errorMultiplierByAge), ages, (band) => [...automation, 'errorMultiplierByAge', band], 'age');
  checkBands(Object.keys(scenario.policy.automation.errorMultiplierByIncome), incomes, (band) => [...automation, 'errorMultiplierByIncome', band], 'income');
  for (const program of ['training', 'devices'] as const) {
    checkBands(scenario.policy.adoption[program].targetAges, ages, (_, index) => ['policy', 'adoption', program, 'targetAges', index], 'age');
  }

  // The same references when the schedule sets them (the values are checked by the schedule itself).
  scenario.schedule.forEach((entry, entryIndex) => {
    for (const [dotted, value] of Object.entries(entry.set)) {
      const at = (key: string | number): DocumentPath => ['schedule', entryIndex, 'set', dotted, key];
      const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
      if (dotted === 'automation.errorMultiplierByAge' && isRecord) checkBands(Object.keys(value), ages, at, 'age');
      if (dotted === 'automation.errorMultiplierByIncome' && isRecord) checkBands(Object.keys(value), incomes, at, 'income');
      if ((dotted === 'adoption.training.targetAges' || dotted === 'adoption.devices.targetAges') && Array.isArray(value)) {
        const named = value.filter((band): band is string => typeof band === 'string');
        if (named.length === value.length) checkBands(named, ages, (_, index) => at(index), 'age');
      }
    }
  });
  return issues;
}
