/**
 * Needs waiting in staffed queues: a pool of typed-array records, one FIFO
 * list per queue (channel × district), and one list per expiry day so that a
 * need whose patience runs out is found on that day without scanning queues.
 *
 * A record is freed only once it is on neither list (`links` says which
 * lists still hold it): a need served before its deadline stays filed under
 * that day, and an expired need stays in its queue until the queue's head
 * passes it. Both lists stay valid without searching either.
 */

export const NeedStatus = { free: 0, waiting: 1, done: 2 } as const;
/** Bits of `links`: which lists hold a record. */
export const Link = { queue: 1, deadline: 2 } as const;

export interface NeedPool {
  capacity: number;
  citizen: Int32Array;
  service: Uint8Array;
  arrivalDay: Int32Array;
  joinDay: Int32Array;
  deadline: Int32Array;
  /** Channels already tried and failed (mask). */
  tried: Uint8Array;
  /** Transactions the need takes (one per agency, or one when integrated). */
  transactions: Uint8Array;
  queueKey: Uint8Array;
  status: Uint8Array;
  links: Uint8Array;
  nextInQueue: Int32Array;
  nextByDeadline: Int32Array;
  freeHead: number;
}

export interface QueueSet {
  head: Int32Array;
  tail: Int32Array;
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
  const pool: NeedPool = {
    capacity: 0,
    citizen: new Int32Array(0),
    service: new Uint8Array(0),
    arrivalDay: new Int32Array(0),
    joinDay: new Int32Array(0),
    deadline: new Int32Array(0),
    tried: new Uint8Array(0),
    transactions: new Uint8Array(0),
    queueKey: new Uint8Array(0),
    status: new Uint8Array(0),
    links: new Uint8Array(0),
    nextInQueue: new Int32Array(0),
    nextByDeadline: new Int32Array(0),
    freeHead: NONE,
  };
  growPool(pool, Math.max(16, initialCapacity));
  return pool;
}

function grown<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

function growPool(pool: NeedPool, size: number): void {
  const old = pool.capacity;
  pool.citizen = grown(pool.citizen, size);
  pool.service = grown(pool.service, size);
  pool.arrivalDay = grown(pool.arrivalDay, size);
  pool.joinDay = grown(pool.joinDay, size);
  pool.deadline = grown(pool.deadline, size);
  pool.tried = grown(pool.tried, size);
  pool.transactions = grown(pool.transactions, size);
  pool.queueKey = grown(pool.queueKey, size);
  pool.status = grown(pool.status, size);
  pool.links = grown(pool.links, size);
  pool.nextInQueue = grown(pool.nextInQueue, size);
  pool.nextByDeadline = grown(pool.nextByDeadline, size);
  // New slots join the free list in ascending order (deterministic reuse).
  for (let i = size - 1; i >= old; i--) {
    pool.nextInQueue[i] = pool.freeHead;
    pool.freeHead = i;
  }
  pool.capacity = size;
}

/** Takes a free record, growing the pool when none is left. */
export function allocateNeed(pool: NeedPool): number {
  if (pool.freeHead === NONE) growPool(pool, pool.capacity * 2);
  const slot = pool.freeHead;
  pool.freeHead = pool.nextInQueue[slot]!;
  pool.nextInQueue[slot] = NONE;
  pool.nextByDeadline[slot] = NONE;
  pool.links[slot] = 0;
  return slot;
}

/** Drops a record from one list, freeing it when no list holds it any more. */
export function unlinkNeed(pool: NeedPool, slot: number, link: number): void {
  const links = pool.links[slot]! & ~link;
  pool.links[slot] = links;
  if (links === 0) {
    pool.status[slot] = NeedStatus.free;
    pool.nextInQueue[slot] = pool.freeHead;
    pool.freeHead = slot;
  }
}

export function createQueueSet(queueCount: number): QueueSet {
  return {
    head: new Int32Array(queueCount).fill(NONE),
    tail: new Int32Array(queueCount).fill(NONE),
    waiting: new Int32Array(queueCount),
    work: new Float64Array(queueCount),
    credit: new Float64Array(queueCount),
    expectedWaitDays: new Float64Array(queueCount),
  };
}

/** Appends a waiting need to the back of a queue. */
export function enqueue(queues: QueueSet, pool: NeedPool, key: number, slot: number): void {
  pool.queueKey[slot] = key;
  pool.status[slot] = NeedStatus.waiting;
  pool.links[slot]! |= Link.queue;
  pool.nextInQueue[slot] = NONE;
  const tail = queues.tail[key]!;
  if (tail === NONE) queues.head[key] = slot;
  else pool.nextInQueue[tail] = slot;
  queues.tail[key] = slot;
  queues.waiting[key]!++;
  queues.work[key]! += pool.transactions[slot]!;
}

/**
 * Removes and returns the first still-waiting need of a queue, dropping
 * records that expired meanwhile; NONE when the queue is empty. The caller
 * marks the returned need done (or re-queues it) and then unlinks it from
 * the queue list with `unlinkNeed(pool, slot, Link.queue)`.
 */
export function dequeueWaiting(queues: QueueSet, pool: NeedPool, key: number): number {
  let slot = queues.head[key]!;
  while (slot !== NONE) {
    const next = pool.nextInQueue[slot]!;
    queues.head[key] = next;
    if (next === NONE) queues.tail[key] = NONE;
    if (pool.status[slot] === NeedStatus.waiting) {
      queues.waiting[key]!--;
      queues.work[key]! -= pool.transactions[slot]!;
      return slot;
    }
    unlinkNeed(pool, slot, Link.queue);
    slot = next;
  }
  return NONE;
}

/** Takes a waiting need out of its queue's counts (it stays linked until the head passes it). */
export function abandonWaiting(queues: QueueSet, pool: NeedPool, slot: number): void {
  pool.status[slot] = NeedStatus.done;
  const key = pool.queueKey[slot]!;
  queues.waiting[key]!--;
  queues.work[key]! -= pool.transactions[slot]!;
}

/** Expiry lists: needs indexed by the day their patience runs out. */
export interface ExpiryLists {
  head: Int32Array;
}

export function createExpiryLists(days: number): ExpiryLists {
  return { head: new Int32Array(days + 1).fill(NONE) };
}

/** Files a need under its deadline day; needs due after the horizon are not filed. */
export function fileByDeadline(lists: ExpiryLists, pool: NeedPool, slot: number): void {
  const day = pool.deadline[slot]!;
  if (day >= lists.head.length) return;
  pool.links[slot]! |= Link.deadline;
  pool.nextByDeadline[slot] = lists.head[day]!;
  lists.head[day] = slot;
}

export { NONE };
