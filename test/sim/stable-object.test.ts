import { describe, expect, it } from 'vitest';
import { objectList, stableObject } from '../../src/sim/stable-object.js';

describe('stableObject', () => {
  it('returns the object its factory builds, with every field, built twice', () => {
    let calls = 0;
    const weight = new Float64Array(3);
    const built = stableObject(() => {
      calls++;
      return { weight, habit: 1.5, nested: { a: 1 } };
    });
    expect(calls).toBe(2);
    expect(built.weight).toBe(weight);
    expect(built).toEqual({ weight, habit: 1.5, nested: { a: 1 } });
  });
});

describe('objectList', () => {
  it('is an empty array that takes objects', () => {
    const list = objectList<{ day: number }>();
    expect(list).toEqual([]);
    list.push({ day: 3 });
    expect(list).toEqual([{ day: 3 }]);
  });
});
