/**
 * PRIM's covering approach: after a box is found, its points are set aside
 * and PRIM runs again on the rest, so a condition that holds in two separate
 * regions gets two boxes. Coverage and mass stay relative to all points and
 * all cases, so boxes can be compared and added up.
 */
import { prim, type PrimBox, type PrimOptions, type PrimResult } from './prim.js';

export interface PrimBoxesOptions extends PrimOptions {
  /** Most boxes to find. Default 3. */
  readonly maxBoxes?: number;
}

/**
 * Up to `maxBoxes` PRIM boxes, each found on the points outside the earlier
 * ones' chosen boxes. The search stops early when no case of interest is
 * left, or when a box's chosen box is less dense than `threshold` (it would
 * describe noise). The first box is always returned.
 * Cost: up to maxBoxes runs of `prim`.
 * @throws RangeError as `prim` does, or when maxBoxes is not a whole number ≥ 1.
 * @example primBoxes(rows, flags, { maxBoxes: 2 }).map((box) => box.trajectory[box.chosen].limits)
 */
export function primBoxes(inputs: readonly (readonly number[])[], interesting: readonly boolean[], options: PrimBoxesOptions = {}): PrimResult[] {
  const maxBoxes = options.maxBoxes ?? 3;
  const threshold = options.threshold ?? 0.8;
  if (!Number.isInteger(maxBoxes) || maxBoxes < 1) throw new RangeError(`maxBoxes must be a whole number ≥ 1, got ${maxBoxes}`);
  const totalPoints = inputs.length;
  const totalCases = interesting.filter(Boolean).length;
  const width = inputs[0]?.length ?? 0;
  const fullRange = Array.from({ length: width }, (_, j) => ({
    low: inputs.reduce((least, row) => Math.min(least, row[j]!), Infinity),
    high: inputs.reduce((most, row) => Math.max(most, row[j]!), -Infinity),
  }));
  let remaining = inputs.map((_, i) => i);
  const boxes: PrimResult[] = [];
  while (boxes.length < maxBoxes && remaining.length > 0) {
    const flags = remaining.map((i) => interesting[i]!);
    if (boxes.length > 0 && !flags.some(Boolean)) break;
    const rows = remaining.map((i) => inputs[i]!);
    const found = prim(rows, flags, options);
    // A later box's unrestricted limits span only the points left; widen them to all points'.
    const rescale = (box: PrimBox): PrimBox => ({
      ...box,
      limits: box.limits.map((limit, j) => (box.restricted.includes(j) ? limit : fullRange[j]!)),
      coverage: totalCases === 0 ? Number.NaN : box.cases / totalCases,
      mass: box.count / totalPoints,
    });
    const result: PrimResult = { ...found, trajectory: found.trajectory.map(rescale), points: totalPoints, cases: totalCases };
    if (boxes.length > 0 && !(result.trajectory[result.chosen]!.density >= threshold)) break;
    boxes.push(result);
    const limits = result.trajectory[result.chosen]!.limits;
    remaining = remaining.filter((i) => !limits.every((limit, j) => inputs[i]![j]! >= limit.low && inputs[i]![j]! <= limit.high));
    if (result.chosen === 0) break;
  }
  return boxes;
}
