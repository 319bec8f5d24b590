/**
 * A running sum with Kahan–Babuška (Neumaier) error compensation, for loops
 * that add terms one at a time (bootstrap resamples) where building an array
 * for simple-statistics' `sum` would cost an allocation per resample.
 */

/**
 * An accumulator: `add` terms, read `value`. Same algorithm as
 * simple-statistics' `sum`, so a loop and an array sum agree.
 * Cost O(1) per term.
 * @example const s = new CompensatedSum(); s.add(1e16); s.add(1); s.add(-1e16); s.value === 1
 */
export class CompensatedSum {
  private total = 0;
  private correction = 0;

  /** Adds one term. */
  add(term: number): void {
    const next = this.total + term;
    if (Math.abs(this.total) >= Math.abs(term)) this.correction += this.total - next + term;
    else this.correction += term - next + this.total;
    this.total = next;
  }

  /** The compensated sum of the terms added so far. */
  get value(): number {
    return this.total + this.correction;
  }
}
