/** The Ishigami function and its analytic Sobol indices (Ishigami & Homma 1990), a standard test of variance-based sensitivity estimators. */

export const ISHIGAMI_A = 7;
export const ISHIGAMI_B = 0.1;

/** f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1, for x in [−π, π]³. */
export function ishigami(x: readonly number[], a = ISHIGAMI_A, b = ISHIGAMI_B): number {
  const [x1 = 0, x2 = 0, x3 = 0] = x;
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

/** Maps a point of the unit cube to [−π, π]³. */
export function toIshigamiBox(u: readonly number[]): number[] {
  return u.map((value) => -Math.PI + 2 * Math.PI * value);
}

/** Analytic first-order and total-order indices. */
export function ishigamiIndices(a = ISHIGAMI_A, b = ISHIGAMI_B): { first: number[]; total: number[] } {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = (8 * b * b * pi8) / 225;
  const v = v1 + v2 + v13;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };
}
