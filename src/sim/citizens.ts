/**
 * The citizens: one 32-byte record per citizen, all records in one
 * ArrayBuffer read and written through three typed-array views (Float32 for
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
 * cache lines from ten arrays; with a record it is one line (a 32-byte record
 * never straddles two; 24-byte records, which a quarter straddle, measured
 * slower). In a city of millions the citizens do not fit in any
 * cache, so this is the difference between one memory wait per need and
 * several (see docs/performance.md for the measurements).
 *
 * Everything reads and writes citizens through the functions below, which
 * V8 inlines; `citizenColumn` copies one attribute out as a column (tests,
 * stocks).
 */

/** Bytes per citizen record. */
export const CITIZEN_RECORD_BYTES = 32;
const FLOATS = CITIZEN_RECORD_BYTES / 4;
const DAYS = CITIZEN_RECORD_BYTES / 2;
const SKILL = 0;
const MOTIVATION = 1;
const PRIVACY = 2;
const TRUST = 3;
const TRUST_DAY = 8;
const SEGMENT = 18;
const ACCESS = 19;
const HELPER = 20;
const LAST_CHANNEL = 21;
const FLAGS = 22;
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

/** `count` zeroed records (every attribute 0). */
export function createCitizens(count: number): Citizens {
  const buffer = new ArrayBuffer(count * CITIZEN_RECORD_BYTES);
  return { count, floats: new Float32Array(buffer), days: new Uint16Array(buffer), bytes: new Uint8Array(buffer) };
}

export function skillOf(citizens: Citizens, citizen: number): number {
  return citizens.floats[citizen * FLOATS + SKILL]!;
}
export function setSkill(citizens: Citizens, citizen: number, value: number): void {
  citizens.floats[citizen * FLOATS + SKILL] = value;
}
export function motivationOf(citizens: Citizens, citizen: number): number {
  return citizens.floats[citizen * FLOATS + MOTIVATION]!;
}
export function setMotivation(citizens: Citizens, citizen: number, value: number): void {
  citizens.floats[citizen * FLOATS + MOTIVATION] = value;
}
export function privacyOf(citizens: Citizens, citizen: number): number {
  return citizens.floats[citizen * FLOATS + PRIVACY]!;
}
export function setPrivacy(citizens: Citizens, citizen: number, value: number): void {
  citizens.floats[citizen * FLOATS + PRIVACY] = value;
}
/** Trust as stored, as of `trustDayOf` (reversion is applied lazily: see trust.ts `currentTrust`). */
export function storedTrustOf(citizens: Citizens, citizen: number): number {
  return citizens.floats[citizen * FLOATS + TRUST]!;
}
export function setStoredTrust(citizens: Citizens, citizen: number, value: number): void {
  citizens.floats[citizen * FLOATS + TRUST] = value;
}
export function trustDayOf(citizens: Citizens, citizen: number): number {
  return citizens.days[citizen * DAYS + TRUST_DAY]!;
}
export function setTrustDay(citizens: Citizens, citizen: number, day: number): void {
  citizens.days[citizen * DAYS + TRUST_DAY] = day;
}
export function segmentOf(citizens: Citizens, citizen: number): number {
  return citizens.bytes[citizen * CITIZEN_RECORD_BYTES + SEGMENT]!;
}
export function setSegment(citizens: Citizens, citizen: number, segment: number): void {
  citizens.bytes[citizen * CITIZEN_RECORD_BYTES + SEGMENT] = segment;
}
/** Whether the citizen has material access (a device and a connection). */
export function hasAccess(citizens: Citizens, citizen: number): boolean {
  return citizens.bytes[citizen * CITIZEN_RECORD_BYTES + ACCESS] === 1;
}
/** Material access as 0 or 1. */
export function accessOf(citizens: Citizens, citizen: number): number {
  return citizens.bytes[citizen * CITIZEN_RECORD_BYTES + ACCESS]!;
}
export function setAccess(citizens: Citizens, citizen: number, access: boolean): void {
  citizens.bytes[citizen * CITIZEN_RECORD_BYTES + ACCESS] = access ? 1 : 0;
}
/** Whether someone can go online for the citizen (a proxy user). */
export function hasHelper(citizens: Citizens, citizen: number): boolean {
  return citizens.bytes[citizen * CITIZEN_RECORD_BYTES + HELPER] === 1;
}
export function setHelper(citizens: Citizens, citizen: number, helper: boolean): void {
  citizens.bytes[citizen * CITIZEN_RECORD_BYTES + HELPER] = helper ? 1 : 0;
}
/** The channel of the citizen's last served need, NO_CHANNEL (255) before any. */
export function lastChannelOf(citizens: Citizens, citizen: number): number {
  return citizens.bytes[citizen * CITIZEN_RECORD_BYTES + LAST_CHANNEL]!;
}
export function setLastChannel(citizens: Citizens, citizen: number, channel: number): void {
  citizens.bytes[citizen * CITIZEN_RECORD_BYTES + LAST_CHANNEL] = channel;
}
/** The citizen's flag bits (`CitizenFlag` in state.ts). */
export function flagsOf(citizens: Citizens, citizen: number): number {
  return citizens.bytes[citizen * CITIZEN_RECORD_BYTES + FLAGS]!;
}
export function hasFlag(citizens: Citizens, citizen: number, flag: number): boolean {
  return (citizens.bytes[citizen * CITIZEN_RECORD_BYTES + FLAGS]! & flag) !== 0;
}
export function addFlag(citizens: Citizens, citizen: number, flag: number): void {
  citizens.bytes[citizen * CITIZEN_RECORD_BYTES + FLAGS]! |= flag;
}
export function clearFlag(citizens: Citizens, citizen: number, flag: number): void {
  citizens.bytes[citizen * CITIZEN_RECORD_BYTES + FLAGS]! &= ~flag;
}

/** Sets one byte attribute for citizens [start, end). */
function fillByte(citizens: Citizens, offset: number, value: number, start: number, end: number): void {
  const bytes = citizens.bytes;
  for (let c = start; c < end; c++) bytes[c * CITIZEN_RECORD_BYTES + offset] = value;
}

/** Sets the segment of citizens [start, end). */
export function fillSegmentCode(citizens: Citizens, segment: number, start: number, end: number): void {
  fillByte(citizens, SEGMENT, segment, start, end);
}

/** Sets the last channel of every citizen. */
export function fillLastChannel(citizens: Citizens, channel: number): void {
  fillByte(citizens, LAST_CHANNEL, channel, 0, citizens.count);
}

/**
 * Reads the citizen's record into cache and returns a byte of it: calling
 * this for a batch of citizens before working on them lets the processor
 * fetch their records in parallel (see route-needs.ts).
 */
export function touchCitizen(citizens: Citizens, citizen: number): number {
  return citizens.bytes[citizen * CITIZEN_RECORD_BYTES + SEGMENT]!;
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
