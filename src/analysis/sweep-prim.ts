/**
 * Scenario discovery over a sweep: where in parameter space does a
 * condition on outcomes hold?
 *
 *   condition text ──parse (metric names checked)──► condition
 *   point means ──evaluate──► a flag per point ──PRIM (covering)──► boxes
 *     ──► prim.json: each box's trajectory, the suggested step, limits in words
 */
import type { ParameterEntry, PrimBoxEntry, PrimFile, PrimLimitEntry, PrimStepEntry, SweepIdentity } from './analysis-files.js';
import { PRIM_FORMAT } from './analysis-files.js';
import { AnalysisInputError } from './analysis-input-error.js';
import { parseCondition } from './condition.js';
import { describeBox, type DescribedParameter } from './describe-box.js';
import { evaluateCondition } from './evaluate-condition.js';
import { finiteOrNull } from './finite-or-null.js';
import { analysisMessage } from './messages.js';
import { pointMeans } from './point-means.js';
import type { BoxLimit, PrimBox } from './prim.js';
import { primBoxes, type PrimBoxesOptions } from './prim-boxes.js';
import type { SweepResults } from './read-sweep.js';

/** PRIM's settings, all given. */
export type SweepPrimOptions = Required<PrimBoxesOptions>;

/** The defaults: peel and paste 5%, stop at 5% of the points, choose at density 0.8, up to 3 boxes. */
export const DEFAULT_PRIM_OPTIONS: SweepPrimOptions = { peelAlpha: 0.05, pasteAlpha: 0.05, minMass: 0.05, threshold: 0.8, maxBoxes: 3 };

/**
 * Runs PRIM on the sweep's point means for the condition `text`.
 * Cost: parsing O(metrics); PRIM O(maxBoxes · steps · k · n log n).
 * @throws AnalysisInputError when the condition does not parse or names an unknown metric.
 * @example sweepPrim(sweep, 'unmetRate[age=75+] > 0.05', DEFAULT_PRIM_OPTIONS, parameters, identity).boxes[0].description
 */
export function sweepPrim(sweep: SweepResults, text: string, options: SweepPrimOptions, parameters: readonly ParameterEntry[], identity: SweepIdentity): PrimFile {
  const parsed = parseCondition(text, sweep.metrics);
  if (!parsed.ok) throw new AnalysisInputError(analysisMessage.badCondition(parsed.error.message));
  const condition = parsed.condition;
  const metrics = [...new Set(condition.clauses.map((clause) => clause.metric))];
  const means = new Map(metrics.map((metric) => [metric, pointMeans(sweep.moments.get(metric)!)]));
  const used = sweep.points.flatMap((_, position) => (metrics.every((metric) => Number.isFinite(means.get(metric)![position])) ? [position] : []));
  const inputs = used.map((position) => sweep.points[position]!.values);
  const flags = used.map((position) => evaluateCondition(condition, new Map(metrics.map((metric) => [metric, means.get(metric)![position]!]))));
  const cases = flags.filter(Boolean).length;
  const notes: string[] = [];
  const excluded = sweep.points.length - used.length;
  if (excluded > 0) notes.push(analysisMessage.notePrimExcluded(excluded));
  // Ranges of the points PRIM sees: a limit at their edge restricts nothing.
  const range = sweep.parameters.map((_, j) => ({
    low: inputs.reduce((least, row) => Math.min(least, row[j]!), Infinity),
    high: inputs.reduce((most, row) => Math.max(most, row[j]!), -Infinity),
  }));
  const described: DescribedParameter[] = sweep.parameters.map((parameter, j) => ({
    name: parameter.name,
    label: parameters[j]!.label,
    ...(parameter.categories === null ? {} : { values: parameter.categories }),
    low: range[j]!.low,
    high: range[j]!.high,
  }));
  const limitEntries = (limits: readonly BoxLimit[]): PrimLimitEntry[] =>
    limits.flatMap((limit, j) => {
      const restrictsLow = limit.low > range[j]!.low;
      const restrictsHigh = limit.high < range[j]!.high;
      if (!restrictsLow && !restrictsHigh) return [];
      const categories = sweep.parameters[j]!.categories;
      return [{
        parameter: sweep.parameters[j]!.name,
        low: limit.low,
        high: limit.high,
        restrictsLow,
        restrictsHigh,
        keeps: categories === null ? null : categories.filter((_, code) => code >= limit.low && code <= limit.high),
      }];
    });
  // Box k is found among the points outside boxes 1..k−1, and its words say so.
  const stepEntry = (box: PrimBox, step: number, index: number): PrimStepEntry => {
    const limits = limitEntries(box.limits);
    const earlier = Array.from({ length: index }, (_, k) => String(k + 1));
    const outside = index === 0 ? '' : `outside box${index > 1 ? 'es' : ''} ${earlier.length > 1 ? `${earlier.slice(0, -1).join(', ')} and ${earlier.at(-1)!}` : earlier[0]!}`;
    const words = limits.length === 0 && outside !== '' ? outside : outside === '' ? describeBox(box.limits, described) : `${describeBox(box.limits, described)}, ${outside}`;
    return {
      step,
      phase: box.phase,
      coverage: finiteOrNull(box.coverage),
      density: finiteOrNull(box.density),
      mass: box.mass,
      count: box.count,
      cases: box.cases,
      limits,
      description: words,
    };
  };
  let boxes: PrimBoxEntry[] = [];
  if (used.length === 0 || cases === 0) notes.push(analysisMessage.notePrimNoCases());
  else if (cases === used.length) notes.push(analysisMessage.notePrimEverywhere());
  else {
    boxes = primBoxes(inputs, flags, options).map((result, index) => {
      const trajectory = result.trajectory.map((box, step) => stepEntry(box, step, index));
      const chosen = trajectory[result.chosen]!;
      return {
        box: index + 1,
        chosen: result.chosen,
        description: chosen.description,
        coverage: chosen.coverage,
        density: chosen.density,
        mass: chosen.mass,
        limits: chosen.limits,
        trajectory,
      };
    });
  }
  return {
    format: PRIM_FORMAT,
    sweep: identity,
    condition: condition.text,
    conditionAsGiven: text,
    evaluatedOn: 'point means',
    points: used.length,
    pointsExcluded: excluded,
    cases,
    baseDensity: used.length === 0 ? null : cases / used.length,
    options: { ...options },
    parameters,
    boxes,
    notes,
  };
}
