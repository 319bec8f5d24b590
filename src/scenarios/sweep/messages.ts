/**
 * Every message the sweep machinery shows a user, in one place. A message
 * says what was expected and what was found; a hint says how to fix it.
 */

function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "dgsim 0.1.0", or what wrote a plan that records no version (plan.ts's UNRECORDED_VERSION). */
function dgsimNamed(version: string): string {
  return version === '' ? 'an earlier dgsim (its plan.json records no version)' : `dgsim ${version}`;
}

/** Seconds as a reader would say them: 47 s, 3 min 20 s, 2 h 05 min. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}

/** The messages of sweeps, by situation. */
export const sweepMessage = {
  // Parameter paths
  pathSyntax: (path: string, detail: string) => `cannot read the path ${quote(path, 200)}: ${detail}`,
  pathSyntaxHint: () => 'write fields with dots, list entries by id or index and odd keys in quotes: segments[id=75plus-low-outer].needsPerYear, segments[3].share, errorMultiplierByAge["75+"]',
  unknownField: (key: string, where: string) => `${where} has no field ${quote(key)}`,
  notAMapping: (where: string, kind: string, key: string) => `${where} is ${kind}, so it has no field ${quote(key)}`,
  selectEntryHint: () => 'select an entry of a list by id, [id=…], or by index, [3]',
  notAList: (where: string, kind: string) => `${where} is ${kind}, not a list: only lists take [index] or [id=…]`,
  indexOutOfRange: (where: string, index: number, length: number) => `${where} has ${length} ${length === 1 ? 'entry' : 'entries'}, so there is no entry [${index}] (indexes start at 0)`,
  unknownId: (where: string, id: string) => `${where} has no entry with id ${quote(id)}`,
  didYouMean: (suggestion: string) => `did you mean ${quote(suggestion, 200)}?`,
  knownNames: (what: string, names: readonly string[]) => {
    const unique = [...new Set(names)];
    return unique.length === 0 ? `there are no ${what} here` : `known ${what}: ${unique.slice(0, 30).join(', ')}${unique.length > 30 ? ', …' : ''}`;
  },
  // Sweep file
  baseNotLoaded: () => 'the base scenario has problems (listed above)',
  overrideInvalid: (detail: string) => `this override makes the scenario invalid: ${detail}`,
  valueInvalid: (detail: string, point?: number) => `${point === undefined ? 'this value' : `the value at point ${point}`} makes the scenario invalid: ${detail}`,
  domainMissing: (design: string) => `a ${design} design needs each parameter's values (values: […]) or range (min: and max:)`,
  domainBoth: () => 'give either values or a range (min and max), not both',
  rangeIncomplete: (missing: 'min' | 'max') => `a range needs both min and max: ${missing} is missing`,
  rangeReversed: (min: number, max: number) => `min (${min}) is greater than max (${max})`,
  integerWithValues: () => 'integer: true applies to ranges (min and max), not to values',
  levelsNeeded: () => 'a grid design needs levels for a range: set design.levels, or levels on this parameter',
  levelsOnlyGrid: () => 'levels on a parameter applies to grid designs only',
  domainUnused: (design: string) => `a ${design} design takes the values from its points: remove values, min, max and levels from the parameters`,
  designFieldMissing: (design: string, field: string) => `a ${design} design needs design.${field}`,
  designFieldUnused: (design: string, field: string, uses: readonly string[]) =>
    `design.${field} is not used by a ${design} design${uses.length === 0 ? '' : ` (it takes ${uses.map((u) => `design.${u}`).join(', ')})`}`,
  morrisLevelsOdd: (levels: number) => `a Morris design needs an even number of levels, got ${levels}`,
  saltelliTooMany: (count: number, max: number) => `a Saltelli design supports at most ${max} parameters (the Sobol' table has ${2 * max} dimensions), got ${count}`,
  tooManyPoints: (count: number, max: number) => `the design has ${count.toExponential(2)} points, more than the ${max.toExponential(0)} a sweep accepts`,
  duplicateName: (name: string) => `two parameters have the column name ${quote(name)}: give one of them another name`,
  duplicatePath: (path: string, other: string) => `${quote(path)} sets the same field as ${quote(other)}`,
  reservedName: (name: string) => `${quote(name)} is a results column already: give the parameter another name`,
  metricName: (name: string) => `${quote(name)} is the name of a headline metric: give the parameter another name`,
  unknownMetric: (name: string) => `no headline metric is called ${quote(name)}`,
  duplicateMetric: (name: string) => `the metric ${quote(name)} is listed twice`,
  pointMissing: (name: string) => `the point has no value for the parameter ${quote(name)}`,
  pointUnknown: (name: string) => `the point gives a value for ${quote(name)}, which is not a parameter`,
  csvNotFound: (file: string) => `cannot read the design points file ${quote(file, 200)}: no such file`,
  csvUnreadable: (file: string, reason: string) => `cannot read the design points file ${quote(file, 200)}: ${reason}`,
  csvSyntax: (detail: string) => `invalid CSV: ${detail}`,
  csvEmpty: () => 'the design points file has no header row',
  csvNoRows: () => 'the design points file has a header but no points',
  csvWidth: (found: number, expected: number) => `the row has ${plural(found, 'cell')}, the header ${expected}`,
  csvUnknownColumn: (name: string) => `the column ${quote(name)} is not a parameter`,
  csvMissingColumn: (name: string) => `no column for the parameter ${quote(name)}`,
  csvDuplicateColumn: (name: string) => `the column ${quote(name)} appears twice`,
  sweepNotFound: (file: string) => `cannot read the sweep file ${quote(file, 200)}: no such file`,
  sweepUnreadable: (file: string, reason: string) => `cannot read the sweep file ${quote(file, 200)}: ${reason}`,
  sweepEmpty: () => 'the sweep file is empty: expected a mapping with base, parameters and design',
  sweepNotMapping: () => 'expected a mapping (base: …, parameters: …, design: …) at the top level of the sweep file',
  // Running
  planMismatch: (dir: string) =>
    `${dir} holds results of a different sweep (the sweep file, its base scenario, the design, --sample or --target-ci changed since it started): refusing to mix them. Use another --out directory, or delete ${dir} to start again`,
  versionMismatch: (dir: string, found: string, current: string) =>
    `${dir} holds a sweep begun by ${dgsimNamed(found)}; this is ${dgsimNamed(current)}. A run's results may differ between versions, so the two are not mixed: finish it with ${dgsimNamed(found)}, or use another --out directory (or delete ${dir}) to run it afresh with this one`,
  shardMismatch: (dir: string, found: string, wanted: string) => `${dir} holds ${found}, not ${wanted}: use another --out directory`,
  journalWithoutPlan: (dir: string) => `${dir} has a journal but no plan.json: it was not written by this sweep; use another --out directory`,
  journalMismatch: (runId: number) => `the journal's run ${runId} does not match the plan (point or replicate differ): the journal is not from this sweep`,
  journalCorrupt: (file: string, line: number) => `${file}:${line}: not a journal line (the file is damaged)`,
  duplicateRun: (runId: number) => `run ${runId} appears twice with different results`,
  adaptiveWithShard: () => '--target-ci cannot be combined with --shard: adding replicates needs every run of a point on one machine',
  adaptiveMetric: (name: string) => `--target-ci names ${quote(name)}, which is not a recorded headline metric`,
  targetCiSyntax: (text: string) => `cannot read --target-ci ${quote(text)}: expected <metric>=<half-width>, e.g. unmetRate=0.005`,
  shardSyntax: (text: string) => `cannot read --shard ${quote(text)}: expected i/N with 0 ≤ i < N, e.g. 0/4`,
  progressInvalid: (text: string) => `--progress must be auto, bar, plain or none, got ${quote(text)}`,
  workersInvalid: (text: string) => `--workers must be a whole number ≥ 1, got ${quote(text)}`,
  // Merge
  mergeNoPlan: (dir: string) => `${dir} has no plan.json: it is not a sweep output directory`,
  mergeBadPlan: (dir: string) => `${dir}/plan.json is not a sweep plan`,
  mergeVersions: (dir: string, version: string, first: string, firstVersion: string) =>
    `${dir} was run by ${dgsimNamed(version)}, ${first} by ${dgsimNamed(firstVersion)}: a run's results may differ between versions, so shards of two versions are not merged; run them all with one version`,
  mergeHashes: (dir: string, first: string) => `${dir} holds a different sweep from ${first} (their plan hashes differ)`,
  mergeDuplicateShard: (index: number, count: number) => `shard ${index}/${count} is given twice`,
  mergeShardCount: (dir: string, count: number, expected: number) => `${dir} is a shard of ${count}, the others of ${expected}`,
  mergeMissing: (missing: number, total: number, examples: readonly number[], shards: string) =>
    `${missing} of ${total} runs are missing (e.g. run ${examples.join(', ')})${shards === '' ? '' : `; ${shards}`}: finish or rerun those shards, then merge again`,
  mergeMissingShards: (missing: readonly string[]) => `no directory holds shard ${missing.join(', ')}`,
  mergeIntoInput: (dir: string) => `the output directory ${dir} is also an input: merge into another directory`,
  mergeAdaptive: () => 'an adaptive sweep (--target-ci) runs on one machine and has nothing to merge',
  // Summaries
  progressLine: (done: number, total: number, failed: number, rate: number, etaSeconds: number | undefined) =>
    `sweep: ${done}/${total} runs (${failed} failed), ${rate.toFixed(1)} runs/s, ETA ${etaSeconds === undefined ? '?' : formatDuration(etaSeconds)}`,
  resumed: (finished: number, total: number) => `sweep: resuming: ${finished} of ${total} runs already finished`,
  summary: (total: number, failed: number, seconds: number, dir: string) =>
    `sweep: ${total} runs, ${failed} failed, in ${formatDuration(seconds)}; results in ${dir}/runs.csv and runs.jsonl`,
  failedRunsHint: (failed: number) => `${plural(failed, 'run')} failed: see the status and error columns`,
  adaptiveSummary: (points: number, met: number, min: number, max: number, metric: string, target: number) =>
    `sweep: ${met} of ${points} points reached a 95% CI half-width of ${metric} ≤ ${target} (replications per point: ${min} to ${max}); see replications.csv`,
  mergeSummary: (dirs: number, total: number, failed: number, out: string) => `merge: ${dirs} directories, ${total} runs (${failed} failed) into ${out}/runs.csv and runs.jsonl`,
} as const;
