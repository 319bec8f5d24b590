/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999), as used
 * for scenario discovery (Bryant & Lempert 2010): find a box of parameter
 * space where a condition on outcomes mostly holds.
 *
 *   whole space ──peel──► … ──peel──► small dense box ──paste──► … ──► trajectory
 *
 * Peeling removes a slice of α of the box's points from one side of one
 * parameter, choosing the slice that leaves the highest density; it stops when
 * the box would hold less than `minMass` of the points, or is pure. Pasting
 * then widens the last box one slice at a time while the density does not
 * fall. Every box on the way is kept: coverage (share of the cases of interest
 * inside), density (share of the box's points that are cases) and mass (share
 * of all points inside) trade off, and the analyst picks from the trajectory.
 *
 * Peeling is greedy and only ever cuts from the edges: when the condition
 * holds in two regions at opposite corners, no single peel raises the density
 * and PRIM drifts along noise dimensions (its density stays at the base rate,
 * which the trajectory shows). Splitting the condition, or `primBoxes` after a
 * first box, is the way out.
 */

/** A box's range on one parameter: low ≤ x ≤ high. */
export interface BoxLimit {
  readonly low: number;
  readonly high: number;
}

/** One box on the peeling and pasting trajectory. */
export interface PrimBox {
  /** How the box was made from the one before it. */
  readonly phase: 'start' | 'peel' | 'paste';
  /** One limit per parameter (column of the inputs); unrestricted ones span the data. */
  readonly limits: readonly BoxLimit[];
  /** Parameters whose limits cut into the data's range, in column order. */
  readonly restricted: readonly number[];
  /** Points inside. */
  readonly count: number;
  /** Cases of interest inside. */
  readonly cases: number;
  /** cases / all cases of interest. */
  readonly coverage: number;
  /** cases / count. */
  readonly density: number;
  /** count / all points (also called support). */
  readonly mass: number;
}

export interface PrimOptions {
  /** Share of the box's points a peel removes. Default 0.05. */
  readonly peelAlpha?: number;
  /** Share of the box's points a paste adds. Default 0.05. */
  readonly pasteAlpha?: number;
  /** Peeling stops before the box holds less than this share of the points. Default 0.05. */
  readonly minMass?: number;
  /** The chosen box is the one with the most coverage among those at least this dense. Default 0.8. */
  readonly threshold?: number;
}

export interface PrimResult {
  /** The start box (all points), then each peel, then each paste. */
  readonly trajectory: readonly PrimBox[];
  /** Index in the trajectory of the suggested box (see `threshold`); the densest box when none reaches it. */
  readonly chosen: number;
  /** Points, and cases of interest among them. */
  readonly points: number;
  readonly cases: number;
}

/** Whether point i lies in the box. */
function inside(inputs: readonly (readonly number[])[], i: number, limits: readonly BoxLimit[]): boolean {
  const row = inputs[i]!;
  return limits.every((limit, j) => row[j]! >= limit.low && row[j]! <= limit.high);
}

/**
 * Peels and pastes a box where `interesting` (one flag per row of `inputs`)
 * is mostly true. Inputs are numeric (encode a yes/no parameter as 0/1).
 * Cost O(steps · k · n log n) time for n points, k parameters and about
 * log(minMass)/log(1 − peelAlpha) peels; O(n + steps · k) memory.
 * @throws RangeError when inputs and flags differ in length, there are no
 * points, a value is not finite, or an option is outside (0, 1).
 * @example prim(rows, rows.map(([x, y]) => x < 0.3 && y > 0.6)).trajectory.at(-1).limits // ≈ [{low: 0, high: 0.3}, {low: 0.6, high: 1}]
 */
export function prim(inputs: readonly (readonly number[])[], interesting: readonly boolean[], options: PrimOptions = {}): PrimResult {
  const peelAlpha = options.peelAlpha ?? 0.05;
  const pasteAlpha = options.pasteAlpha ?? 0.05;
  const minMass = options.minMass ?? 0.05;
  const threshold = options.threshold ?? 0.8;
  for (const [name, value] of [['peelAlpha', peelAlpha], ['pasteAlpha', pasteAlpha], ['minMass', minMass], ['threshold', threshold]] as const) {
    if (!(value > 0 && value < 1) && !(name === 'threshold' && value === 1)) throw new RangeError(`prim: ${name} must be in (0, 1), got ${value}`);
  }
  const n = inputs.length;
  if (n !== interesting.length) throw new RangeError(`prim: ${n} points but ${interesting.length} flags`);
  if (n === 0) throw new RangeError('prim: no points');
  const k = inputs[0]!.length;
  for (const [i, row] of inputs.entries()) {
    if (row.length !== k || !row.every(Number.isFinite)) throw new RangeError(`prim: point ${i} has ${row.length === k ? 'a value that is not finite' : `${row.length} values, expected ${k}`}`);
  }
  const totalCases = interesting.filter(Boolean).length;
  const dataRange: BoxLimit[] = Array.from({ length: k }, (_, j) => {
    let low = Infinity;
    let high = -Infinity;
    for (const row of inputs) {
      low = Math.min(low, row[j]!);
      high = Math.max(high, row[j]!);
    }
    return { low, high };
  });
  const describe = (phase: PrimBox['phase'], limits: readonly BoxLimit[], members: readonly number[]): PrimBox => {
    const cases = members.filter((i) => interesting[i]).length;
    const restricted = limits.flatMap((limit, j) => (limit.low > dataRange[j]!.low || limit.high < dataRange[j]!.high ? [j] : []));
    return {
      phase,
      limits,
      restricted,
      count: members.length,
      cases,
      coverage: totalCases === 0 ? Number.NaN : cases / totalCases,
      density: members.length === 0 ? Number.NaN : cases / members.length,
      mass: members.length / n,
    };
  };

  let limits: BoxLimit[] = dataRange.slice();
  let members = inputs.map((_, i) => i);
  const trajectory: PrimBox[] = [describe('start', limits, members)];

  // Peeling.
  for (;;) {
    const current = trajectory.at(-1)!;
    if (current.cases === current.count || current.cases === 0) break;
    let best: { limits: BoxLimit[]; members: number[]; density: number } | undefined;
    for (let j = 0; j < k; j++) {
      const values = members.map((i) => inputs[i]![j]!).sort((a, b) => a - b);
      const first = values[0]!;
      const last = values.at(-1)!;
      if (first === last) continue;
      const cut = Math.max(1, Math.floor(peelAlpha * values.length));
      // Low side: the new lower limit is the cut-th smallest value, or the next value above a tie.
      let low = values[cut]!;
      if (low === first) low = values.find((value) => value > first)!;
      let high = values[values.length - 1 - cut]!;
      if (high === last) {
        let index = values.length - 1;
        while (values[index] === last) index--;
        high = values[index]!;
      }
      for (const limit of [
        { low, high: limits[j]!.high },
        { low: limits[j]!.low, high },
      ]) {
        const kept = members.filter((i) => inputs[i]![j]! >= limit.low && inputs[i]![j]! <= limit.high);
        if (kept.length === 0 || kept.length < minMass * n) continue;
        const density = kept.filter((i) => interesting[i]).length / kept.length;
        if (best === undefined || density > best.density || (density === best.density && kept.length > best.members.length)) {
          const next = limits.slice();
          next[j] = limit;
          best = { limits: next, members: kept, density };
        }
      }
    }
    if (best === undefined) break;
    limits = best.limits;
    members = best.members;
    trajectory.push(describe('peel', limits, members));
  }

  // Pasting: widen one side of one restricted parameter to take in the nearest points, while density holds.
  for (;;) {
    const current = trajectory.at(-1)!;
    if (current.phase === 'start') break;
    const step = Math.max(1, Math.ceil(pasteAlpha * current.count));
    let best: { limits: BoxLimit[]; members: number[]; density: number } | undefined;
    for (const j of current.restricted) {
      const others = limits.map((limit, m) => (m === j ? dataRange[j]! : limit));
      const candidates = inputs.flatMap((row, i) => (inside(inputs, i, others) && !(row[j]! >= limits[j]!.low && row[j]! <= limits[j]!.high) ? [i] : []));
      const below = candidates.filter((i) => inputs[i]![j]! < limits[j]!.low).map((i) => inputs[i]![j]!).sort((a, b) => b - a);
      const above = candidates.filter((i) => inputs[i]![j]! > limits[j]!.high).map((i) => inputs[i]![j]!).sort((a, b) => a - b);
      const widenings: BoxLimit[] = [];
      if (below.length > 0) widenings.push({ low: below[Math.min(step, below.length) - 1]!, high: limits[j]!.high });
      if (above.length > 0) widenings.push({ low: limits[j]!.low, high: above[Math.min(step, above.length) - 1]! });
      for (const limit of widenings) {
        const next = limits.slice();
        next[j] = limit;
        const widened = [...members, ...candidates.filter((i) => inputs[i]![j]! >= limit.low && inputs[i]![j]! <= limit.high)];
        const density = widened.filter((i) => interesting[i]).length / widened.length;
        if (density >= current.density && (best === undefined || density > best.density)) best = { limits: next, members: widened, density };
      }
    }
    if (best === undefined) break;
    limits = best.limits;
    members = best.members.sort((a, b) => a - b);
    trajectory.push(describe('paste', limits, members));
  }

  let chosen = -1;
  for (const [index, box] of trajectory.entries()) {
    if (!(box.density >= threshold)) continue;
    const held = chosen < 0 ? undefined : trajectory[chosen]!;
    if (held === undefined || box.coverage > held.coverage || (box.coverage === held.coverage && box.density > held.density)) chosen = index;
  }
  if (chosen < 0) {
    chosen = 0;
    for (const [index, box] of trajectory.entries()) if (box.density > trajectory[chosen]!.density) chosen = index;
  }
  return { trajectory, chosen, points: n, cases: totalCases };
}
