/**
 * Needs waiting in staffed queues: a pool of typed-array records, one FIFO
 * ring of records per queue (channel × district), and one list of
 * (record, serial) entries per expiry day, so that a need whose patience
 * runs out is found on that day without scanning queues.
 *
 * A record is freed as soon as its queue lets go of it: when it is served,
 * or when an expired need reaches the front. Its expiry entry may outlive
 * it: every allocation gives the record a new serial, and an entry whose
 * serial no longer matches is skipped. So the pool holds only the needs
 * still in a queue (not every need served before its deadline), and an
 * expiry day's entries are read in sequence, not chased through records.
 */

import { recordMemory } from './record-memory.js';
import { objectList, stableObject } from './stable-object.js';

export const NeedStatus = { free: 0, waiting: 1, done: 2 } as const;
/** Bits of `links`: which lists hold a record (a queue's ring; expiry entries do not hold one). */
export const Link = { queue: 1 } as const;

/**
 * The pool: one 32-byte record per need, all in one ArrayBuffer read through
 * an Int32 and a Uint8 view (one cache line per need: a big city has
 * millions of needs waiting, and a queue's needs are spread over the pool).
 *
 *   int32 slots 0–3    citizen, arrivalDay, deadline, serial (new at each allocation)
 *   bytes 16–21        service, tried (failed channels, mask), transactions, queueKey, status, links
 *   bytes 22–31        free
 *
 * Free records are kept on a stack of their indices, not linked through
 * the records, so taking one does not first wait to read it.
 */
export interface NeedPool {
  capacity: number;
  /** Int32 view: slot need·8 + k. */
  ints: Int32Array;
  /** Uint8 view: byte need·32 + k. */
  bytes: Uint8Array;
  /** The free records, as a stack: the next allocated is free[freeCount − 1]. */
  free: Int32Array;
  freeCount: number;
  /** The serial the last allocation gave. */
  lastSerial: number;
}

/** Bytes per need record. */
export const NEED_RECORD_BYTES = 32;
const INTS = NEED_RECORD_BYTES / 4;
const CITIZEN = 0;
const ARRIVAL_DAY = 1;
const DEADLINE = 2;
const SERIAL = 3;
const SERVICE = 16;
const TRIED = 17;
const TRANSACTIONS = 18;
const QUEUE_KEY = 19;
const STATUS = 20;
const LINKS = 21;

export function needCitizen(pool: NeedPool, need: number): number {
  return pool.ints[need * INTS + CITIZEN]!;
}
export function needArrivalDay(pool: NeedPool, need: number): number {
  return pool.ints[need * INTS + ARRIVAL_DAY]!;
}
export function needDeadline(pool: NeedPool, need: number): number {
  return pool.ints[need * INTS + DEADLINE]!;
}
/** The record's serial: new each time the record is allocated (see `ExpiryLists`). */
export function needSerial(pool: NeedPool, need: number): number {
  return pool.ints[need * INTS + SERIAL]!;
}
export function needService(pool: NeedPool, need: number): number {
  return pool.bytes[need * NEED_RECORD_BYTES + SERVICE]!;
}
/** Channels already tried and failed (mask; failed online attempts in the high bits). */
export function needTried(pool: NeedPool, need: number): number {
  return pool.bytes[need * NEED_RECORD_BYTES + TRIED]!;
}
/** Transactions the need takes (one per agency, or one when integrated). */
export function needTransactions(pool: NeedPool, need: number): number {
  return pool.bytes[need * NEED_RECORD_BYTES + TRANSACTIONS]!;
}
export function needQueueKey(pool: NeedPool, need: number): number {
  return pool.bytes[need * NEED_RECORD_BYTES + QUEUE_KEY]!;
}
export function needStatus(pool: NeedPool, need: number): number {
  return pool.bytes[need * NEED_RECORD_BYTES + STATUS]!;
}
export function setNeedStatus(pool: NeedPool, need: number, status: number): void {
  pool.bytes[need * NEED_RECORD_BYTES + STATUS] = status;
}
/** Which lists hold the record (`Link` bits). */
export function needLinks(pool: NeedPool, need: number): number {
  return pool.bytes[need * NEED_RECORD_BYTES + LINKS]!;
}
function setNeedLinks(pool: NeedPool, need: number, links: number): void {
  pool.bytes[need * NEED_RECORD_BYTES + LINKS] = links;
}

/** Reads a need's record into cache and returns a byte of it (see `touchServed` in serve-queues.ts). */
export function touchNeed(pool: NeedPool, need: number): number {
  return pool.bytes[need * NEED_RECORD_BYTES + STATUS]!;
}

/** Writes what a need is: whose, which service, since when, until when. */
export function describeNeed(pool: NeedPool, need: number, citizen: number, service: number, arrivalDay: number, deadline: number): void {
  const ints = need * INTS;
  pool.ints[ints + CITIZEN] = citizen;
  pool.ints[ints + ARRIVAL_DAY] = arrivalDay;
  pool.ints[ints + DEADLINE] = deadline;
  pool.bytes[need * NEED_RECORD_BYTES + SERVICE] = service;
}

/** Writes how a need is being routed: channels tried and failed, transactions it takes. */
export function setNeedRouting(pool: NeedPool, need: number, tried: number, transactions: number): void {
  const first = need * NEED_RECORD_BYTES;
  pool.bytes[first + TRIED] = tried;
  pool.bytes[first + TRANSACTIONS] = transactions;
}

export interface QueueSet {
  /**
   * Each queue's needs in order of joining, as a ring of pool records: the
   * waiting ones and those that ended meanwhile (dropped when they reach
   * the front). A ring, not a linked list, so that the needs served next are
   * known ahead and can be read in parallel (serve-queues.ts).
   */
  rings: Int32Array[];
  /** Position in its ring of each queue's front. */
  front: Int32Array;
  /** Records in each queue's ring. */
  length: Int32Array;
  /** Needs still waiting in each queue (expired ones are removed from the count at once). */
  waiting: Int32Array;
  /** Transactions the waiting needs will take, per queue. */
  work: Float64Array;
  /** Capacity credit carried into the next day (fractional capacities). */
  credit: Float64Array;
  /** Expected wait in days seen by choosers (yesterday's backlog over capacity). */
  expectedWaitDays: Float64Array;
}

const NONE = -1;

export function createNeedPool(initialCapacity: number): NeedPool {
  const ints = new Int32Array(0);
  const bytes = new Uint8Array(0);
  const free = new Int32Array(0);
  // Built twice (stable-object.ts): the next run's pool keeps this run's compiled code.
  const pool: NeedPool = stableObject(() => ({ capacity: 0, ints, bytes, free, freeCount: 0, lastSerial: 0 }));
  growPool(pool, Math.max(16, initialCapacity));
  return pool;
}

function growPool(pool: NeedPool, size: number): void {
  const old = pool.capacity;
  // Records on cache lines, as the citizens' (record-memory.ts).
  const buffer = recordMemory(size * NEED_RECORD_BYTES);
  const bytes = new Uint8Array(buffer, 0, size * NEED_RECORD_BYTES);
  bytes.set(pool.bytes);
  pool.ints = new Int32Array(buffer, 0, size * INTS);
  pool.bytes = bytes;
  const free = new Int32Array(size);
  free.set(pool.free.subarray(0, pool.freeCount));
  pool.free = free;
  // New slots are taken in ascending order (deterministic reuse).
  for (let i = size - 1; i >= old; i--) free[pool.freeCount++] = i;
  pool.capacity = size;
}

/** Takes a free record, growing the pool when none is left. */
export function allocateNeed(pool: NeedPool): number {
  if (pool.freeCount === 0) growPool(pool, pool.capacity * 2);
  const slot = pool.free[--pool.freeCount]!;
  pool.lastSerial = (pool.lastSerial + 1) | 0;
  pool.ints[slot * INTS + SERIAL] = pool.lastSerial;
  setNeedLinks(pool, slot, 0);
  return slot;
}

/** Drops a record from one list, freeing it when no list holds it any more. */
export function unlinkNeed(pool: NeedPool, slot: number, link: number): void {
  const links = needLinks(pool, slot) & ~link;
  setNeedLinks(pool, slot, links);
  if (links === 0) {
    setNeedStatus(pool, slot, NeedStatus.free);
    pool.free[pool.freeCount++] = slot;
  }
}

/** Records a queue's ring holds before it first grows (a power of two). */
const RING_START = 64;

export function createQueueSet(queueCount: number): QueueSet {
  const rings = Array.from({ length: queueCount }, () => new Int32Array(RING_START));
  const front = new Int32Array(queueCount);
  const length = new Int32Array(queueCount);
  const waiting = new Int32Array(queueCount);
  const work = new Float64Array(queueCount);
  const credit = new Float64Array(queueCount);
  const expectedWaitDays = new Float64Array(queueCount);
  return stableObject(() => ({ rings, front, length, waiting, work, credit, expectedWaitDays }));
}

/** Appends a waiting need to the back of a queue. */
export function enqueue(queues: QueueSet, pool: NeedPool, key: number, slot: number): void {
  const first = slot * NEED_RECORD_BYTES;
  pool.bytes[first + QUEUE_KEY] = key;
  pool.bytes[first + STATUS] = NeedStatus.waiting;
  pool.bytes[first + LINKS]! |= Link.queue;
  let ring = queues.rings[key]!;
  const length = queues.length[key]!;
  if (length === ring.length) ring = growRing(queues, key);
  ring[(queues.front[key]! + length) & (ring.length - 1)] = slot;
  queues.length[key] = length + 1;
  queues.waiting[key]!++;
  queues.work[key]! += needTransactions(pool, slot);
}

/**
 * Removes and returns the first still-waiting need of a queue, dropping
 * records that expired meanwhile; NONE when the queue is empty. The caller
 * marks the returned need done (or re-queues it) and then unlinks it from
 * the queue list with `unlinkNeed(pool, slot, Link.queue)`.
 */
export function dequeueWaiting(queues: QueueSet, pool: NeedPool, key: number): number {
  for (let slot = dequeueFront(queues, pool, key); slot !== NONE; slot = dequeueFront(queues, pool, key)) {
    if (needStatus(pool, slot) === NeedStatus.waiting) return slot;
    unlinkNeed(pool, slot, Link.queue);
  }
  return NONE;
}

/**
 * Removes and returns the front record of a queue, waiting or not (one
 * that expired meanwhile); NONE when the queue is empty. A waiting need
 * leaves the queue's count of waiting needs and its work. The caller
 * unlinks the record from the queue list (`unlinkNeed(pool, slot,
 * Link.queue)`), which frees one that was not waiting.
 */
export function dequeueFront(queues: QueueSet, pool: NeedPool, key: number): number {
  const length = queues.length[key]!;
  if (length === 0) return NONE;
  const ring = queues.rings[key]!;
  const front = queues.front[key]!;
  const slot = ring[front]!;
  queues.front[key] = (front + 1) & (ring.length - 1);
  queues.length[key] = length - 1;
  if (needStatus(pool, slot) === NeedStatus.waiting) {
    queues.waiting[key]!--;
    queues.work[key]! -= needTransactions(pool, slot);
  }
  return slot;
}

/** The record at `position` from the front of a queue (position < its length), waiting or not. */
export function queuedAt(queues: QueueSet, key: number, position: number): number {
  const ring = queues.rings[key]!;
  return ring[(queues.front[key]! + position) & (ring.length - 1)]!;
}

/** Doubles a queue's ring, its records moved to the start in order. */
function growRing(queues: QueueSet, key: number): Int32Array {
  const old = queues.rings[key]!;
  const front = queues.front[key]!;
  const ring = new Int32Array(old.length * 2);
  ring.set(old.subarray(front));
  ring.set(old.subarray(0, front), old.length - front);
  queues.rings[key] = ring;
  queues.front[key] = 0;
  return ring;
}

/** Takes a waiting need out of its queue's counts (it stays linked until the head passes it). */
export function abandonWaiting(queues: QueueSet, pool: NeedPool, slot: number): void {
  setNeedStatus(pool, slot, NeedStatus.done);
  const key = needQueueKey(pool, slot);
  queues.waiting[key]!--;
  queues.work[key]! -= needTransactions(pool, slot);
}

/**
 * Expiry lists: per day, the needs whose patience runs out that day, as
 * (record, serial) pairs in the order filed. An entry whose record has been
 * freed (and maybe allocated again, with a new serial) since is stale.
 */
export interface ExpiryLists {
  /** Per day: pairs [record, serial, record, serial, …], or null before the first. */
  readonly entries: (Int32Array | null)[];
  /** Per day: pairs filed. */
  readonly counts: Int32Array;
  /** Lists of past days, kept for future days (each day's list is about as long as the last's). */
  readonly spare: Int32Array[];
}

export function createExpiryLists(days: number): ExpiryLists {
  const entries = new Array<Int32Array | null>(days + 1).fill(null);
  const counts = new Int32Array(days + 1);
  const spare = objectList<Int32Array>();
  return stableObject(() => ({ entries, counts, spare }));
}

/** Files a need under its deadline day; needs due after the horizon are not filed. */
export function fileByDeadline(lists: ExpiryLists, pool: NeedPool, slot: number): void {
  const day = needDeadline(pool, slot);
  if (day >= lists.counts.length) return;
  const count = lists.counts[day]!;
  let entries = lists.entries[day] ?? null;
  if (entries === null) lists.entries[day] = entries = lists.spare.pop() ?? null;
  if (entries === null || 2 * count + 2 > entries.length) {
    const grown = new Int32Array(Math.max(64, entries === null ? 0 : entries.length * 2));
    if (entries !== null) grown.set(entries);
    lists.entries[day] = entries = grown;
  }
  entries[2 * count] = slot;
  entries[2 * count + 1] = needSerial(pool, slot);
  lists.counts[day] = count + 1;
}

/**
 * The needs filed under `day` that are still the records they were (not
 * freed since) and still waiting, in the order filed; the day's list is
 * dropped. Cost O(needs filed that day).
 */
export function dueWaiting(lists: ExpiryLists, pool: NeedPool, day: number, out: number[]): void {
  out.length = 0;
  if (day >= lists.counts.length) return;
  const entries = lists.entries[day] ?? null;
  const count = lists.counts[day]!;
  lists.entries[day] = null;
  lists.counts[day] = 0;
  if (entries === null) return;
  for (let k = 0; k < count; k++) {
    const slot = entries[2 * k]!;
    if (needSerial(pool, slot) === entries[2 * k + 1] && needStatus(pool, slot) === NeedStatus.waiting) out.push(slot);
  }
  lists.spare.push(entries);
}

export { NONE };
