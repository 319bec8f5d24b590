/**
 * "Did you mean …?" suggestions for misspelt names: field names, ids, age
 * bands, policy paths.
 */

/**
 * The optimal-string-alignment edit distance between two strings: insertions,
 * deletions, substitutions and swaps of two adjacent characters each cost 1.
 * Cost O(a.length · b.length) time, O(b.length) memory per row (three rows).
 *
 * @example editDistance('opn', 'open') === 1; editDistance('shaer', 'share') === 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `word`, when it is close enough to be a likely
 * misspelling: case is ignored, and the distance allowed is a third of the
 * length of the word (at least 1), as in TypeScript's spelling suggestions.
 * A candidate that starts with the word (a truncated name) also counts.
 * Ties go to the earlier candidate. Cost O(candidates · word length²).
 *
 * @example didYouMean('horizonMonth', ['name', 'horizonMonths']) === 'horizonMonths'
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(lower.length * 0.34));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    let distance = editDistance(lower, other);
    if (distance > allowed && lower.length >= 3 && other.startsWith(lower)) distance = allowed;
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
