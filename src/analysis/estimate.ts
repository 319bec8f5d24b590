/**
 * An estimate with its confidence interval: the shape every sensitivity
 * measure is reported in, so tables and charts treat them alike.
 */

/** A point estimate and its interval; low and high are NaN when the method gives no interval. */
export interface Estimate {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/** The default confidence level of every interval dgsim reports. */
export const DEFAULT_LEVEL = 0.95;
