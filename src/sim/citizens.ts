/**
 * The citizens: one 32-byte record per citizen, all records in one
 * buffer read and written through three typed-array views (Float32 for
 * the attributes in [0, 1], Uint16 for a day, Uint8 for small codes). A
 * citizen is an index.
 *
 *   bytes  0–15   skill, motivation, privacy, trust       (float32 slots 0–3)
 *   bytes 16–17   trustDay: the day `trust` was last brought up to date
 *   bytes 18–22   segment, access, helper, lastChannel, flags
 *   bytes 23–31   free
 *
 * Why records and not one column per attribute: a need reads nearly every
 * attribute of one randomly picked citizen. With a column each, that is ten
 * cache lines from ten arrays; with a record it is one line. The buffer
 * starts on a cache line (record-memory.ts), so no record straddles two
 * (24-byte records, which a quarter straddle, measured slower). In a city of
 * millions the citizens do not fit in any cache, so this is the difference
 * between one memory wait per need and several (docs/performance.md).
 *
 * Everything but the engine's fused loops and trust.ts reads and writes
 * citizens through the functions below, which V8 inlines; `citizenColumn`
 * copies one attribute out as a column (tests, tools). The setters write the
 * record alone: the segment tallies of stocks.ts (trust, skill, citizens
 * ever unmet or registered) do not move. A run changes those attributes
 * through trust.ts and stocks.ts (`storeSkill`, `markOnce`), which keep the
 * tallies; the setters are for building a population and for tests.
 */
import { recordMemory } from './record-memory.js';
import { stableObject } from './stable-object.js';

/**
 * Where each attribute sits in a record, for the engine's fused loops
 * (route-needs.ts, serve-queues.ts) and trust.ts, which index the views
 * directly: a citizen's float32 slot k is
 * `floats[citizen * CitizenRecord.floats + k]`, its uint16 slot
 * `days[citizen * CitizenRecord.days + k]`, its byte
 * `bytes[citizen * CitizenRecord.bytes + k]`. Const enums, so the offsets
 * compile to literals (a module-level constant is a load and a check each time).
 */
export const enum CitizenRecord {
  bytes = 32,
  floats = 8,
  days = 16,
}
export const enum FloatSlot {
  skill = 0,
  motivation = 1,
  privacy = 2,
  trust = 3,
}
export const enum DaySlot {
  trustDay = 8,
}
export const enum ByteSlot {
  segment = 18,
  access = 19,
  helper = 20,
  lastChannel = 21,
  flags = 22,
}
/** Bytes per citizen record. */
export const CITIZEN_RECORD_BYTES: number = CitizenRecord.bytes;
/** Bytes of a record in use (the rest is free for new attributes). */
export const CITIZEN_BYTES_USED = 23;

export interface Citizens {
  readonly count: number;
  /** Float32 view: slot citizen·8 + k. */
  readonly floats: Float32Array;
  /** Uint16 view: slot citizen·16 + k. */
  readonly days: Uint16Array;
  /** Uint8 view: byte citizen·32 + k. */
  readonly bytes: Uint8Array;
}

/** The attributes `citizenColumn` can copy out. */
export type CitizenAttribute = 'skill' | 'motivation' | 'privacy' | 'trust' | 'trustDay' | 'segment' | 'access' | 'helper' | 'lastChannel' | 'flags';

/** `count` zeroed records (every attribute 0), starting on a cache line (record-memory.ts). */
export function createCitizens(count: number): Citizens {
  const buffer = recordMemory(count * CITIZEN_RECORD_BYTES);
  const floats = new Float32Array(buffer, 0, count * CitizenRecord.floats);
  const days = new Uint16Array(buffer, 0, count * CitizenRecord.days);
  const bytes = new Uint8Array(buffer, 0, count * CITIZEN_RECORD_BYTES);
  // Built twice (stable-object.ts): the next run's records keep this run's compiled code.
  return stableObject(() => ({ count, floats, days, bytes }));
}

export function skillOf(citizens: Citizens, citizen: number): number {
  return citizens.floats[citizen * CitizenRecord.floats + FloatSlot.skill]!;
}
export function setSkill(citizens: Citizens, citizen: number, value: number): void {
  citizens.floats[citizen * CitizenRecord.floats + FloatSlot.skill] = value;
}
export function motivationOf(citizens: Citizens, citizen: number): number {
  return citizens.floats[citizen * CitizenRecord.floats + FloatSlot.motivation]!;
}
export function setMotivation(citizens: Citizens, citizen: number, value: number): void {
  citizens.floats[citizen * CitizenRecord.floats + FloatSlot.motivation] = value;
}
export function privacyOf(citizens: Citizens, citizen: number): number {
  return citizens.floats[citizen * CitizenRecord.floats + FloatSlot.privacy]!;
}
export function setPrivacy(citizens: Citizens, citizen: number, value: number): void {
  citizens.floats[citizen * CitizenRecord.floats + FloatSlot.privacy] = value;
}
/** Trust as stored, as of `trustDayOf` (reversion is applied lazily: see trust.ts `currentTrust`). */
export function storedTrustOf(citizens: Citizens, citizen: number): number {
  return citizens.floats[citizen * CitizenRecord.floats + FloatSlot.trust]!;
}
export function setStoredTrust(citizens: Citizens, citizen: number, value: number): void {
  citizens.floats[citizen * CitizenRecord.floats + FloatSlot.trust] = value;
}
export function trustDayOf(citizens: Citizens, citizen: number): number {
  return citizens.days[citizen * CitizenRecord.days + DaySlot.trustDay]!;
}
export function setTrustDay(citizens: Citizens, citizen: number, day: number): void {
  citizens.days[citizen * CitizenRecord.days + DaySlot.trustDay] = day;
}
export function segmentOf(citizens: Citizens, citizen: number): number {
  return citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.segment]!;
}
export function setSegment(citizens: Citizens, citizen: number, segment: number): void {
  citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.segment] = segment;
}
/** Whether the citizen has material access (a device and a connection). */
export function hasAccess(citizens: Citizens, citizen: number): boolean {
  return citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.access] === 1;
}
/** Material access as 0 or 1. */
export function accessOf(citizens: Citizens, citizen: number): number {
  return citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.access]!;
}
export function setAccess(citizens: Citizens, citizen: number, access: boolean): void {
  citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.access] = access ? 1 : 0;
}
/** Whether someone can go online for the citizen (a proxy user). */
export function hasHelper(citizens: Citizens, citizen: number): boolean {
  return citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.helper] === 1;
}
export function setHelper(citizens: Citizens, citizen: number, helper: boolean): void {
  citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.helper] = helper ? 1 : 0;
}
/** The channel of the citizen's last served need, NO_CHANNEL (255) before any. */
export function lastChannelOf(citizens: Citizens, citizen: number): number {
  return citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.lastChannel]!;
}
export function setLastChannel(citizens: Citizens, citizen: number, channel: number): void {
  citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.lastChannel] = channel;
}
/** The citizen's flag bits (`CitizenFlag` in state.ts). */
export function flagsOf(citizens: Citizens, citizen: number): number {
  return citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.flags]!;
}
export function hasFlag(citizens: Citizens, citizen: number, flag: number): boolean {
  return (citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.flags]! & flag) !== 0;
}
export function addFlag(citizens: Citizens, citizen: number, flag: number): void {
  citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.flags]! |= flag;
}
export function clearFlag(citizens: Citizens, citizen: number, flag: number): void {
  citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.flags]! &= ~flag;
}

/** Sets one byte attribute for citizens [start, end). */
function fillByte(citizens: Citizens, offset: number, value: number, start: number, end: number): void {
  const bytes = citizens.bytes;
  for (let c = start; c < end; c++) bytes[c * CitizenRecord.bytes + offset] = value;
}

/** Sets the last channel of every citizen. */
export function fillLastChannel(citizens: Citizens, channel: number): void {
  fillByte(citizens, ByteSlot.lastChannel, channel, 0, citizens.count);
}

/**
 * Reads the citizen's record into cache and returns a byte of it: calling
 * this for a batch of citizens before working on them lets the processor
 * fetch their records in parallel (see route-needs.ts).
 */
export function touchCitizen(citizens: Citizens, citizen: number): number {
  return citizens.bytes[citizen * CitizenRecord.bytes + ByteSlot.segment]!;
}

/** One attribute of every citizen, copied out as a column (booleans as 0/1). */
export function citizenColumn(citizens: Citizens, attribute: CitizenAttribute): Float64Array {
  const column = new Float64Array(citizens.count);
  for (let c = 0; c < citizens.count; c++) column[c] = readAttribute(citizens, c, attribute);
  return column;
}

/** One attribute of one citizen by name (booleans as 0/1): for tests and tools, not hot paths. */
export function readAttribute(citizens: Citizens, citizen: number, attribute: CitizenAttribute): number {
  switch (attribute) {
    case 'skill':
      return skillOf(citizens, citizen);
    case 'motivation':
      return motivationOf(citizens, citizen);
    case 'privacy':
      return privacyOf(citizens, citizen);
    case 'trust':
      return storedTrustOf(citizens, citizen);
    case 'trustDay':
      return trustDayOf(citizens, citizen);
    case 'segment':
      return segmentOf(citizens, citizen);
    case 'access':
      return hasAccess(citizens, citizen) ? 1 : 0;
    case 'helper':
      return hasHelper(citizens, citizen) ? 1 : 0;
    case 'lastChannel':
      return lastChannelOf(citizens, citizen);
    case 'flags':
      return flagsOf(citizens, citizen);
  }
}
