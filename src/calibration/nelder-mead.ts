/**
 * The Nelder–Mead simplex method: a derivative-free minimiser for a few
 * parameters, as described by Lagarias, Reeds, Wright & Wright (1998),
 * "Convergence properties of the Nelder–Mead simplex method in low
 * dimensions", SIAM J. Optim. 9(1). Pure and deterministic: the same
 * function and start give the same sequence of evaluations.
 *
 *   initial simplex (x₀ and x₀ + step·eᵢ) ──► order ──► reflect ─┬─► expand
 *                                                               ├─► contract (outside / inside)
 *                                                               └─► shrink toward the best
 *     ──► stop when the values and the simplex are both small, or evaluations run out
 *
 * Bounds are handled by projection: every trial point is clamped into the
 * box before it is evaluated, which keeps the method simple and safe for
 * parameters such as shares.
 */

/** Options of `nelderMead`. */
export interface NelderMeadOptions {
  /** Initial step along each coordinate (default 10% of |x₀ᵢ|, or 0.1 when x₀ᵢ is 0). */
  readonly step?: readonly number[];
  /** Lower bounds (default −∞). */
  readonly lower?: readonly number[];
  /** Upper bounds (default +∞). */
  readonly upper?: readonly number[];
  /** Largest number of function evaluations (default 200 × dimension). */
  readonly maxEvaluations?: number;
  /** Stop when max |f(xᵢ) − f(x_best)| ≤ fTolerance … (default 1e-10) */
  readonly fTolerance?: number;
  /** … and max |xᵢ − x_best| ≤ xTolerance (default 1e-8). */
  readonly xTolerance?: number;
  /** Gao & Han (2012) dimension-dependent coefficients, better beyond a few dimensions (default: on when dimension > 2). */
  readonly adaptive?: boolean;
  /** Called after each iteration with the best point so far. */
  readonly onIteration?: (best: { readonly x: readonly number[]; readonly value: number; readonly evaluations: number }) => void;
}

/** The result of `nelderMead`. */
export interface NelderMeadResult {
  /** The best point found. */
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
  readonly iterations: number;
  /** Whether the tolerances were met (false: stopped by maxEvaluations). */
  readonly converged: boolean;
}

function clamp(x: readonly number[], lower: readonly number[], upper: readonly number[]): number[] {
  return x.map((xi, i) => Math.min(upper[i]!, Math.max(lower[i]!, xi)));
}

/**
 * Minimises `f` from `x0`. The function may return Infinity for points it
 * rejects (they are never kept as best unless nothing else is finite).
 * Cost: at most `maxEvaluations` calls of `f`, plus O(n²) per iteration.
 * @throws RangeError when x0 is empty or the options have the wrong length.
 * @example nelderMead(([x, y]) => (x! - 1) ** 2 + (y! + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  if (n === 0) throw new RangeError('nelderMead needs at least one coordinate');
  const lower = options.lower ?? new Array<number>(n).fill(-Infinity);
  const upper = options.upper ?? new Array<number>(n).fill(Infinity);
  for (const [name, vector] of [['lower', lower], ['upper', upper], ['step', options.step ?? x0]] as const) {
    if (vector.length !== n) throw new RangeError(`${name} has ${vector.length} entries, x0 has ${n}`);
  }
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const fTolerance = options.fTolerance ?? 1e-10;
  const xTolerance = options.xTolerance ?? 1e-8;
  const adaptive = options.adaptive ?? n > 2;
  const alpha = 1;
  const gamma = adaptive ? 1 + 2 / n : 2;
  const rho = adaptive ? 0.75 - 1 / (2 * n) : 0.5;
  const sigma = adaptive ? 1 - 1 / n : 0.5;

  let evaluations = 0;
  // Past the budget a trial point counts as the worst, without a call: the iteration ends with what it has.
  const evaluate = (x: number[]): number => {
    if (evaluations >= maxEvaluations) return Infinity;
    evaluations++;
    const value = f(x);
    return Number.isNaN(value) ? Infinity : value;
  };

  // Initial simplex: x0 and one vertex per coordinate, stepped inward when a bound is in the way.
  const start = clamp(x0, lower, upper);
  const simplex: { x: number[]; value: number }[] = [{ x: start, value: evaluate(start) }];
  for (let i = 0; i < n; i++) {
    const step = options.step?.[i] ?? (start[i] !== 0 ? 0.1 * Math.abs(start[i]!) : 0.1);
    const vertex = start.slice();
    vertex[i] = start[i]! + step > upper[i]! ? start[i]! - step : start[i]! + step;
    const x = clamp(vertex, lower, upper);
    simplex.push({ x, value: evaluate(x) });
  }

  // Stable order by value, ties keeping the earlier vertex first (determinism).
  const order = (): void => {
    const indexed = simplex.map((vertex, index) => ({ vertex, index }));
    indexed.sort((a, b) => a.vertex.value - b.vertex.value || a.index - b.index || 0);
    indexed.forEach(({ vertex }, i) => (simplex[i] = vertex));
  };

  let iterations = 0;
  let converged = false;
  order();
  while (evaluations < maxEvaluations) {
    const best = simplex[0]!;
    let spreadF = 0;
    let spreadX = 0;
    for (let i = 1; i <= n; i++) {
      const vertex = simplex[i]!;
      spreadF = Math.max(spreadF, Math.abs(vertex.value - best.value));
      for (let j = 0; j < n; j++) spreadX = Math.max(spreadX, Math.abs(vertex.x[j]! - best.x[j]!));
    }
    if (spreadF <= fTolerance && spreadX <= xTolerance) {
      converged = true;
      break;
    }
    iterations++;
    const worst = simplex[n]!;
    const secondWorst = simplex[n - 1]!;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const along = (t: number): number[] => clamp(centroid.map((c, j) => c + t * (c - worst.x[j]!)), lower, upper);

    const reflected = along(alpha);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < best.value) {
      const expanded = along(alpha * gamma);
      const expandedValue = evaluate(expanded);
      simplex[n] = expandedValue < reflectedValue ? { x: expanded, value: expandedValue } : { x: reflected, value: reflectedValue };
    } else if (reflectedValue < secondWorst.value) {
      simplex[n] = { x: reflected, value: reflectedValue };
    } else {
      const outside = reflectedValue < worst.value;
      const contracted = along(outside ? alpha * rho : -rho);
      const contractedValue = evaluate(contracted);
      if (contractedValue < (outside ? reflectedValue : worst.value) || (outside && contractedValue === reflectedValue)) {
        simplex[n] = { x: contracted, value: contractedValue };
      } else {
        // Shrink every vertex toward the best.
        for (let i = 1; i <= n && evaluations < maxEvaluations; i++) {
          const x = clamp(simplex[i]!.x.map((xi, j) => best.x[j]! + sigma * (xi - best.x[j]!)), lower, upper);
          simplex[i] = { x, value: evaluate(x) };
        }
      }
    }
    order();
    options.onIteration?.({ x: simplex[0]!.x, value: simplex[0]!.value, evaluations });
  }
  const best = simplex[0]!;
  return { x: best.x.slice(), value: best.value, evaluations, iterations, converged };
}
