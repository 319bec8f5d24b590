/**
 * Objects the engine's compiled code reads, made so that the next run's
 * objects do not throw that code away.
 *
 * Why: V8 treats a field that no object has yet had overwritten as a
 * constant, and compiles the hot loops on that assumption. An object
 * literal is built the slow way the first time it runs, and from then on by
 * copying a template and overwriting the template's fields with the new
 * values — which counts as overwriting. So the second run's config and
 * state, built by the same literals as the first's, made V8 discard the
 * compiled code of nearly every hot function at once (measured: the second
 * run of a 100,000-citizen city took twice as long as the fifth). Building
 * such an object twice the first time moves that moment to before anything
 * is compiled. (Building objects by adding properties one at a time avoids
 * it too, but V8 then keeps objects of more than a dozen fields as slow
 * dictionaries: runs measured 20–60% slower.)
 */

/**
 * The object `make` builds, built twice: `make` must be a function of
 * nothing but what it closes over, cheap, and without side effects (it
 * should only gather values computed before into an object literal, whose
 * nested literals count too). Cost: two calls of `make`.
 * @example const tables = stableObject(() => ({ weight, habit: 1 }));
 */
export function stableObject<T>(make: () => T): T {
  make();
  return make();
}

/**
 * An empty list for objects. An array literal `[]` starts out holding small
 * integers, and its first object changes its layout mid-run, which V8 can
 * take for a reason to recompile the code that reads it; this one starts out
 * as a list of objects.
 */
export function objectList<T extends object>(): T[] {
  const list: object[] = [{}];
  list.length = 0;
  return list as T[];
}
