/**
 * The `--target-ci METRIC=HALF_WIDTH` option: the confidence-interval
 * half-width a metric should reach, absolute (`unmetRate=0.005`) or as a
 * share of the metric's mean (`unmetRate=5%`).
 */

/** A target half-width for one metric. */
export interface TargetHalfWidth {
  readonly metric: string;
  /** Absolute half-width, or (relative) a share of |mean|. */
  readonly halfWidth: number;
  readonly relative: boolean;
}

/**
 * Parses `METRIC=HALF_WIDTH` or `METRIC=PERCENT%`. The metric is everything
 * before the last `=`, so group metrics such as `unmetRate[age=75+]=0.01` work.
 * Returns undefined when the text is not of that form or the half-width is not positive.
 * Cost O(length).
 * @example parseTargetHalfWidth('unmetRate[age=75+]=5%') // { metric: 'unmetRate[age=75+]', halfWidth: 0.05, relative: true }
 */
export function parseTargetHalfWidth(text: string): TargetHalfWidth | undefined {
  const split = text.lastIndexOf('=');
  if (split <= 0) return undefined;
  const metric = text.slice(0, split).trim();
  const amount = text.slice(split + 1).trim();
  const relative = amount.endsWith('%');
  const number = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(relative ? amount.slice(0, -1) : amount) ? Number(relative ? amount.slice(0, -1) : amount) : Number.NaN;
  if (metric === '' || !(number > 0) || !Number.isFinite(number)) return undefined;
  return { metric, halfWidth: relative ? number / 100 : number, relative };
}
