/**
 * Every message `dgsim analyze` shows a user, in one place. A message says
 * what was expected and what was found, and how to go on.
 */

function quote(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The messages of the analysis of sweeps, by situation. */
export const analysisMessage = {
  // Reading a sweep directory
  notADirectory: (directory: string) => `${directory} is not a directory; give the output directory of a sweep (it holds plan.json and runs.csv)`,
  noPlan: (directory: string) => `${directory} has no plan.json, so it is not the output of "dgsim sweep"`,
  badPlan: (file: string, detail: string) => `${file} is not a sweep plan: ${detail}`,
  noRuns: (directory: string) => `${directory} has no runs.csv yet: the sweep has not finished (run "dgsim sweep" again to resume it; it writes runs.csv at the end)`,
  badRuns: (file: string, detail: string) => `${file} cannot be read: ${detail}`,
  headerMismatch: (file: string, detail: string) => `${file} does not match plan.json: ${detail}; were they written by the same sweep?`,
  unknownPoint: (file: string, line: number, pointId: string) => `${file} line ${line}: point_id ${quote(pointId)} is not a point of plan.json`,
  noSuccessfulRuns: (directory: string, failed: number) => `${directory}: none of the runs succeeded (${plural(failed, 'failed run')}); see the error column of runs.csv`,
  // Options
  unknownMetric: (metric: string, suggestion: string | undefined, count: number) =>
    `unknown metric ${quote(metric)}${suggestion === undefined ? ` (the sweep recorded ${plural(count, 'metric')}; see the header of runs.csv)` : `; did you mean ${quote(suggestion)}?`}`,
  badTarget: (text: string) => `--target-ci takes METRIC=HALF_WIDTH, e.g. "unmetRate=0.005" or "unmetRate=5%" (5% of the metric's mean), got ${quote(text)}`,
  badCondition: (detail: string) => `--prim: ${detail}`,
  // Notes in the outputs
  noteConstant: () => 'the metric does not vary across the design points: no sensitivity to measure',
  noteTooFewPoints: (points: number, needed: number) => `only ${plural(points, 'point')} with a finite value; regression measures need at least ${needed}`,
  noteMorrisSkipped: (detail: string) => `Morris effects not computed: ${detail}`,
  noteSobolSkipped: (detail: string) => `Sobol indices not computed: ${detail}`,
  noteWideSobol: (baseRows: number) =>
    `the Sobol intervals are wide: ${plural(baseRows, 'base sample')} is few for variance-based indices (hundreds to thousands are usual); raise design.samples, or read the ranking from PRCC`,
  noteNoise: (share: number) =>
    `replication noise is ${(100 * share).toFixed(0)}% of the variance of the point means: indices are blurred by it; more replicates per point would sharpen them`,
  noteLowRSquared: (rSquared: number) => `R² = ${rSquared.toFixed(2)}: the output is far from linear in the parameters, so read SRC with care and prefer PRCC (monotone) or Sobol`,
  noteNonFinite: (count: number) => `${plural(count, 'run')} gave a value that is not a number (e.g. a rate of nothing); left out`,
  noteOneReplicate: () => 'one replicate per point: no confidence intervals over replications; run more replicates (replications: in the sweep file)',
  notePrimExcluded: (count: number) => `${plural(count, 'point')} left out: a metric of the condition could not be measured there`,
  notePrimNoCases: () => 'the condition holds at no design point: there is no box to find',
  notePrimEverywhere: () => 'the condition holds at every design point: there is no box to find',
} as const;
