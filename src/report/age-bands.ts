/**
 * Age bands are free labels in a scenario ("16-34", "75+", "under 25"); the
 * report sometimes needs the oldest one, found from the numbers in them.
 */

/** The lower bound of an age-band label: its first number, or NaN if it has none ("75+" → 75, "16-34" → 16). */
export function ageBandLowerBound(label: string): number {
  const match = /\d+(\.\d+)?/.exec(label);
  return match === null ? Number.NaN : Number(match[0]);
}

/**
 * The oldest band among `labels`: the one with the largest lower bound;
 * among ties, or when no label has a number, the one that sorts last.
 * Undefined for no labels. Cost O(n).
 * @example oldestAgeBand(['16-34', '75+', '60-74']) === '75+'
 */
export function oldestAgeBand(labels: readonly string[]): string | undefined {
  let oldest: string | undefined;
  for (const label of labels) {
    if (oldest === undefined) {
      oldest = label;
      continue;
    }
    const bound = ageBandLowerBound(label);
    const oldestBound = ageBandLowerBound(oldest);
    const boundKnown = !Number.isNaN(bound);
    const oldestKnown = !Number.isNaN(oldestBound);
    if (boundKnown !== oldestKnown) {
      if (boundKnown) oldest = label;
      continue;
    }
    if ((boundKnown && bound > oldestBound) || ((!boundKnown || bound === oldestBound) && label > oldest)) oldest = label;
  }
  return oldest;
}
