import { describe, expect, it } from 'vitest';
import {
  accessOf,
  addFlag,
  CITIZEN_BYTES_USED,
  CITIZEN_RECORD_BYTES,
  citizenColumn,
  clearFlag,
  createCitizens,
  flagsOf,
  hasAccess,
  hasFlag,
  hasHelper,
  lastChannelOf,
  motivationOf,
  privacyOf,
  readAttribute,
  segmentOf,
  setAccess,
  setHelper,
  setLastChannel,
  setMotivation,
  setPrivacy,
  setSegment,
  setSkill,
  setStoredTrust,
  setTrustDay,
  skillOf,
  storedTrustOf,
  trustDayOf,
  type CitizenAttribute,
  type Citizens,
} from '../../src/sim/citizens.js';
import { CitizenFlag } from '../../src/sim/state.js';

/** One attribute: how to read it and write it, as a number (booleans as 0/1), and a distinct non-zero value per citizen 0–2. */
interface Field {
  readonly attribute: CitizenAttribute;
  readonly get: (citizens: Citizens, citizen: number) => number;
  readonly set: (citizens: Citizens, citizen: number, value: number) => void;
  /** What the getter returns after writing `value`. */
  readonly stored: (value: number) => number;
  readonly values: readonly [number, number, number];
}

// Float values none of which is a float32, so storage precision shows.
const fields: readonly Field[] = [
  { attribute: 'skill', get: skillOf, set: setSkill, stored: Math.fround, values: [0.1 + 1 / 7, 0.2 + 1 / 7, 0.3 + 1 / 7] },
  { attribute: 'motivation', get: motivationOf, set: setMotivation, stored: Math.fround, values: [0.4 + 1 / 11, 0.5 + 1 / 11, 0.6 + 1 / 11] },
  { attribute: 'privacy', get: privacyOf, set: setPrivacy, stored: Math.fround, values: [0.15 + 1 / 13, 0.25 + 1 / 13, 0.35 + 1 / 13] },
  { attribute: 'trust', get: storedTrustOf, set: setStoredTrust, stored: Math.fround, values: [0.45 + 1 / 17, 0.55 + 1 / 17, 0.65 + 1 / 17] },
  // Both bytes of each day non-zero, and the largest day a Uint16 holds.
  { attribute: 'trustDay', get: trustDayOf, set: setTrustDay, stored: (v) => v, values: [0x1234, 0xabcd, 0xffff] },
  { attribute: 'segment', get: segmentOf, set: setSegment, stored: (v) => v, values: [17, 42, 255] },
  {
    attribute: 'access',
    get: accessOf,
    set: (citizens, citizen, value) => setAccess(citizens, citizen, value === 1),
    stored: (v) => v,
    values: [1, 0, 1],
  },
  {
    attribute: 'helper',
    get: (citizens, citizen) => (hasHelper(citizens, citizen) ? 1 : 0),
    set: (citizens, citizen, value) => setHelper(citizens, citizen, value === 1),
    stored: (v) => v,
    values: [0, 1, 1],
  },
  { attribute: 'lastChannel', get: lastChannelOf, set: setLastChannel, stored: (v) => v, values: [3, 255, 2] },
  {
    attribute: 'flags',
    get: flagsOf,
    set: (citizens, citizen, value) => {
      clearFlag(citizens, citizen, 0xff);
      addFlag(citizens, citizen, value);
    },
    stored: (v) => v,
    values: [0b1010_0101, 0b0101_1010, 0xff],
  },
];

const COUNT = 5;
const WRITTEN = 3;

/** Every field of every citizen, through the getters. */
function snapshot(citizens: Citizens): number[][] {
  return Array.from({ length: citizens.count }, (_, c) => fields.map((f) => f.get(citizens, c)));
}

/** Citizens 0–2 with every field set to its distinct value; citizens 3 and 4 untouched. */
function filled(): Citizens {
  const citizens = createCitizens(COUNT);
  for (let c = 0; c < WRITTEN; c++) for (const f of fields) f.set(citizens, c, f.values[c]!);
  return citizens;
}

function expectedFilled(): number[][] {
  return Array.from({ length: COUNT }, (_, c) => fields.map((f) => (c < WRITTEN ? f.stored(f.values[c]!) : 0)));
}

describe('citizens', () => {
  it('creates zeroed records: every attribute 0 and every byte 0', () => {
    const citizens = createCitizens(7);
    expect(citizens.count).toBe(7);
    expect(citizens.bytes.byteLength).toBe(7 * CITIZEN_RECORD_BYTES);
    expect(citizens.bytes.every((b) => b === 0)).toBe(true);
    expect(snapshot(citizens)).toEqual(Array.from({ length: 7 }, () => fields.map(() => 0)));
    for (let c = 0; c < 7; c++) {
      expect(hasAccess(citizens, c)).toBe(false);
      expect(hasHelper(citizens, c)).toBe(false);
      for (const flag of Object.values(CitizenFlag)) expect(hasFlag(citizens, c, flag)).toBe(false);
    }
    for (const f of fields) expect(citizenColumn(citizens, f.attribute)).toEqual(new Float64Array(7));
  });

  it('keeps the three views on one buffer, one record per citizen', () => {
    const citizens = createCitizens(3);
    expect(citizens.floats.buffer).toBe(citizens.bytes.buffer);
    expect(citizens.days.buffer).toBe(citizens.bytes.buffer);
    expect(CITIZEN_BYTES_USED).toBeLessThanOrEqual(CITIZEN_RECORD_BYTES);
  });

  it('round-trips distinct values in every field of citizens 0, 1 and 2, leaving citizens 3 and 4 zero', () => {
    // The test values differ between citizens (booleans apart), and the floats are not float32s.
    for (const f of fields) if (f.attribute !== 'access' && f.attribute !== 'helper') expect(new Set(f.values).size).toBe(3);
    for (const f of fields.slice(0, 4)) for (const v of f.values) expect(Math.fround(v)).not.toBe(v);
    expect(snapshot(filled())).toEqual(expectedFilled());
  });

  it('keeps the values whatever the order of writing (fields and citizens written backwards)', () => {
    const citizens = createCitizens(COUNT);
    for (let c = WRITTEN - 1; c >= 0; c--) for (const f of [...fields].reverse()) f.set(citizens, c, f.values[c]!);
    expect(snapshot(citizens)).toEqual(expectedFilled());
  });

  it('writes only inside the used bytes of each record', () => {
    const citizens = filled();
    for (let c = 0; c < COUNT; c++) {
      for (let b = CITIZEN_BYTES_USED; b < CITIZEN_RECORD_BYTES; b++) expect(citizens.bytes[c * CITIZEN_RECORD_BYTES + b], `citizen ${c} byte ${b}`).toBe(0);
    }
    for (let b = 3 * CITIZEN_RECORD_BYTES; b < COUNT * CITIZEN_RECORD_BYTES; b++) expect(citizens.bytes[b]).toBe(0);
  });

  it('changes one field of one citizen without disturbing any other field or citizen', () => {
    for (let c = 0; c < COUNT; c++) {
      fields.forEach((f, k) => {
        const citizens = filled();
        const expected = snapshot(citizens);
        // A value different from the one there, non-zero when the field was zero.
        const value = f.values[(c + 1) % WRITTEN]! === expected[c]![k] ? f.values[(c + 2) % WRITTEN]! : f.values[(c + 1) % WRITTEN]!;
        f.set(citizens, c, value);
        expected[c]![k] = f.stored(value);
        expect(expected[c]![k], `${f.attribute} of citizen ${c}`).not.toBe(snapshot(filled())[c]![k]);
        expect(snapshot(citizens), `${f.attribute} of citizen ${c}`).toEqual(expected);
        // And back to zero.
        f.set(citizens, c, 0);
        expected[c]![k] = 0;
        expect(snapshot(citizens), `${f.attribute} of citizen ${c} zeroed`).toEqual(expected);
      });
    }
  });

  it('stores the float attributes at float32 precision', () => {
    const citizens = createCitizens(2);
    const setters = [setSkill, setMotivation, setPrivacy, setStoredTrust];
    const getters = [skillOf, motivationOf, privacyOf, storedTrustOf];
    for (const value of [0, 1, 0.1, 1 / 3, 0.999_999_9, 1e-9, Math.fround(0.6)]) {
      setters.forEach((set, k) => {
        set(citizens, 1, value);
        expect(getters[k]!(citizens, 1)).toBe(Math.fround(value));
      });
    }
    expect(skillOf(citizens, 1)).not.toBe(0.6);
    expect(skillOf(citizens, 1)).toBe(Math.fround(0.6));
  });

  it('reads access and helper as booleans and access as 0 or 1', () => {
    const citizens = createCitizens(3);
    setAccess(citizens, 1, true);
    setHelper(citizens, 2, true);
    expect([0, 1, 2].map((c) => hasAccess(citizens, c))).toEqual([false, true, false]);
    expect([0, 1, 2].map((c) => accessOf(citizens, c))).toEqual([0, 1, 0]);
    expect([0, 1, 2].map((c) => hasHelper(citizens, c))).toEqual([false, false, true]);
    setAccess(citizens, 1, false);
    setHelper(citizens, 2, false);
    expect([0, 1, 2].map((c) => hasAccess(citizens, c))).toEqual([false, false, false]);
    expect([0, 1, 2].map((c) => accessOf(citizens, c))).toEqual([0, 0, 0]);
    expect([0, 1, 2].map((c) => hasHelper(citizens, c))).toEqual([false, false, false]);
  });

  it('adds and clears only the flag asked for', () => {
    const citizens = filled();
    const others = (): number[][] => snapshot(citizens).map((row, c) => (c === 1 ? row.filter((_, k) => fields[k]!.attribute !== 'flags') : row));
    const before = others();
    clearFlag(citizens, 1, 0xff);
    expect(flagsOf(citizens, 1)).toBe(0);
    const flags = Object.values(CitizenFlag);
    let expected = 0;
    for (const flag of flags) {
      addFlag(citizens, 1, flag);
      expected |= flag;
      expect(flagsOf(citizens, 1)).toBe(expected);
      for (const other of flags) expect(hasFlag(citizens, 1, other)).toBe((expected & other) !== 0);
    }
    // Adding a flag already set and clearing one not set change nothing.
    addFlag(citizens, 1, CitizenFlag.registered);
    expect(flagsOf(citizens, 1)).toBe(expected);
    clearFlag(citizens, 1, 0x80);
    expect(flagsOf(citizens, 1)).toBe(expected);
    for (const flag of flags) {
      clearFlag(citizens, 1, flag);
      expected &= ~flag;
      expect(flagsOf(citizens, 1)).toBe(expected);
      expect(hasFlag(citizens, 1, flag)).toBe(false);
      for (const other of flags) expect(hasFlag(citizens, 1, other)).toBe((expected & other) !== 0);
    }
    expect(expected).toBe(0);
    // The high bit too.
    addFlag(citizens, 1, 0x80);
    expect(flagsOf(citizens, 1)).toBe(0x80);
    clearFlag(citizens, 1, 0x80);
    expect(flagsOf(citizens, 1)).toBe(0);
    // Nothing else of citizen 1, and nothing of citizens 0 and 2, moved.
    expect(others()).toEqual(before);
  });

  it('copies each attribute out as a column, and reads one by name', () => {
    const citizens = filled();
    const expected = expectedFilled();
    fields.forEach((f, k) => {
      const column = citizenColumn(citizens, f.attribute);
      expect(column).toBeInstanceOf(Float64Array);
      expect(Array.from(column), f.attribute).toEqual(expected.map((row) => row[k]));
      for (let c = 0; c < COUNT; c++) expect(readAttribute(citizens, c, f.attribute), `${f.attribute} of citizen ${c}`).toBe(expected[c]![k]);
    });
    // A copy: writing to it leaves the citizens alone.
    const skill = citizenColumn(citizens, 'skill');
    skill[0] = 0.5;
    expect(skillOf(citizens, 0)).toBe(expected[0]![0]);
    expect(citizenColumn(createCitizens(0), 'trust')).toEqual(new Float64Array(0));
  });
});
