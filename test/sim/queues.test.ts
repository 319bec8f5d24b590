import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  abandonWaiting,
  allocateNeed,
  createExpiryLists,
  createNeedPool,
  createQueueSet,
  dequeueFront,
  dequeueWaiting,
  describeNeed,
  enqueue,
  fileByDeadline,
  Link,
  NEED_RECORD_BYTES,
  needArrivalDay,
  needCitizen,
  needDeadline,
  needLinks,
  needQueueKey,
  needService,
  NeedStatus,
  needStatus,
  needTransactions,
  needTried,
  needSerial,
  dueWaiting,
  NONE,
  queuedAt,
  setNeedRouting,
  setNeedStatus,
  unlinkNeed,
  type NeedPool,
  type QueueSet,
} from '../../src/sim/queues.js';

/** Allocates a record for a need of `citizen` with `transactions`, a deadline and a service. */
function need(pool: NeedPool, citizen: number, transactions = 1, deadline = 5, service = 0): number {
  const slot = allocateNeed(pool);
  describeNeed(pool, slot, citizen, service, 0, deadline);
  setNeedRouting(pool, slot, 0, transactions);
  return slot;
}

/** The free records, in the order they will be handed out (top of the free stack first). */
function freeList(pool: NeedPool): number[] {
  return Array.from(pool.free.subarray(0, pool.freeCount)).reverse();
}

/** The records a queue's ring holds, front first (waiting or not). */
function ringOf(queues: QueueSet, key: number): number[] {
  return Array.from({ length: queues.length[key]! }, (_, position) => queuedAt(queues, key, position));
}

/** Every field of a record, as the accessors read it. */
function fieldsOf(pool: NeedPool, slot: number) {
  return {
    citizen: needCitizen(pool, slot),
    arrivalDay: needArrivalDay(pool, slot),
    deadline: needDeadline(pool, slot),
    serial: needSerial(pool, slot),
    service: needService(pool, slot),
    tried: needTried(pool, slot),
    transactions: needTransactions(pool, slot),
    queueKey: needQueueKey(pool, slot),
    status: needStatus(pool, slot),
    links: needLinks(pool, slot),
  };
}

/** The raw bytes of a record. */
function recordBytes(pool: NeedPool, slot: number): number[] {
  return Array.from(pool.bytes.subarray(slot * NEED_RECORD_BYTES, (slot + 1) * NEED_RECORD_BYTES));
}

/** Serves a dequeued need the way serveQueues does: done, then dropped from the queue list. */
function finish(pool: NeedPool, slot: number): void {
  setNeedStatus(pool, slot, NeedStatus.done);
  unlinkNeed(pool, slot, Link.queue);
}

describe('need pool', () => {
  it('starts with every record free, handed out in ascending order', () => {
    const pool = createNeedPool(4);
    expect(pool.capacity).toBe(16);
    expect(freeList(pool)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect([allocateNeed(pool), allocateNeed(pool), allocateNeed(pool)]).toEqual([0, 1, 2]);
  });

  it('grows when full and keeps every record and queue intact', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(2);
    const slots: number[] = [];
    for (let i = 0; i < 40; i++) {
      const slot = need(pool, 1000 + i, 1 + (i % 3), 100 + i, i % 7);
      enqueue(queues, pool, i % 2, slot);
      slots.push(slot);
    }
    expect(pool.capacity).toBe(64);
    expect(new Set(slots).size).toBe(40);
    slots.forEach((slot, i) => {
      expect(needCitizen(pool, slot)).toBe(1000 + i);
      expect(needDeadline(pool, slot)).toBe(100 + i);
      expect(needService(pool, slot)).toBe(i % 7);
      expect(needTransactions(pool, slot)).toBe(1 + (i % 3));
      expect(needLinks(pool, slot)).toBe(Link.queue);
    });
    // Both queues still come out in arrival order across the growths.
    for (const key of [0, 1]) {
      const out: number[] = [];
      for (let slot = dequeueWaiting(queues, pool, key); slot !== NONE; slot = dequeueWaiting(queues, pool, key)) {
        out.push(needCitizen(pool, slot));
        finish(pool, slot);
      }
      expect(out).toEqual(slots.filter((_, i) => i % 2 === key).map((slot) => needCitizen(pool, slot)));
    }
    expect(freeList(pool).length).toBe(64);
  });
});

describe('queues', () => {
  it('serve first in, first out, per queue', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(3);
    const order = [5, 9, 2, 7, 1];
    for (const citizen of order) enqueue(queues, pool, 2, need(pool, citizen));
    enqueue(queues, pool, 0, need(pool, 42));
    expect(queues.waiting[2]).toBe(5);
    const out: number[] = [];
    for (let slot = dequeueWaiting(queues, pool, 2); slot !== NONE; slot = dequeueWaiting(queues, pool, 2)) {
      out.push(needCitizen(pool, slot));
      finish(pool, slot);
    }
    expect(out).toEqual(order);
    expect(queues.waiting[2]).toBe(0);
    expect(queues.length[2]).toBe(0);
    expect(queues.length[0]).toBe(1);
    expect(queues.waiting[0]).toBe(1);
    expect(dequeueWaiting(queues, pool, 1)).toBe(NONE);
  });

  it('count the transactions of the waiting needs in `work`', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(1);
    const a = need(pool, 1, 3);
    const b = need(pool, 2, 2);
    const c = need(pool, 3, 1);
    enqueue(queues, pool, 0, a);
    enqueue(queues, pool, 0, b);
    enqueue(queues, pool, 0, c);
    expect(queues.work[0]).toBe(6);
    expect(dequeueWaiting(queues, pool, 0)).toBe(a);
    expect(queues.work[0]).toBe(3);
    abandonWaiting(queues, pool, c);
    expect(queues.work[0]).toBe(2);
    expect(queues.waiting[0]).toBe(1);
  });

  it('hand out the front record, waiting or not (`dequeueFront`); only a waiting one leaves the counts', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(1);
    const a = need(pool, 1, 2);
    const b = need(pool, 2, 3);
    const c = need(pool, 3, 1);
    for (const slot of [a, b, c]) enqueue(queues, pool, 0, slot);
    abandonWaiting(queues, pool, b);
    expect([queues.waiting[0], queues.work[0]]).toEqual([2, 3]);
    expect(dequeueFront(queues, pool, 0)).toBe(a);
    expect([queues.waiting[0], queues.work[0], queues.length[0]]).toEqual([1, 1, 2]);
    finish(pool, a);
    // The abandoned record comes out as it is; the counts had already let go of it. Unlinking frees it.
    expect(dequeueFront(queues, pool, 0)).toBe(b);
    expect([queues.waiting[0], queues.work[0], queues.length[0]]).toEqual([1, 1, 1]);
    expect(needStatus(pool, b)).not.toBe(NeedStatus.waiting);
    unlinkNeed(pool, b, Link.queue);
    expect(needStatus(pool, b)).toBe(NeedStatus.free);
    expect(dequeueFront(queues, pool, 0)).toBe(c);
    expect([queues.waiting[0], queues.work[0], queues.length[0]]).toEqual([0, 0, 0]);
    expect(dequeueFront(queues, pool, 0)).toBe(NONE);
  });

  it('accept a record back after it was dequeued (re-queueing)', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(2);
    const a = need(pool, 1);
    const b = need(pool, 2);
    enqueue(queues, pool, 0, a);
    enqueue(queues, pool, 0, b);
    const first = dequeueWaiting(queues, pool, 0);
    enqueue(queues, pool, 1, first);
    expect(needQueueKey(pool, first)).toBe(1);
    expect(dequeueWaiting(queues, pool, 0)).toBe(b);
    expect(dequeueWaiting(queues, pool, 1)).toBe(a);
  });
});

describe('expiry lists and freeing', () => {
  /** The records filed under `day`, in order (stale entries included). */
  const filedOn = (lists: ReturnType<typeof createExpiryLists>, day: number): number[] =>
    Array.from({ length: lists.counts[day]! }, (_, k) => lists.entries[day]![2 * k]!);

  it('file needs by deadline day, in order, and not past the horizon', () => {
    const pool = createNeedPool(16);
    const lists = createExpiryLists(10);
    const a = need(pool, 1, 1, 4);
    const b = need(pool, 2, 1, 4);
    const late = need(pool, 3, 1, 11);
    for (const slot of [a, b, late]) fileByDeadline(lists, pool, slot);
    expect(filedOn(lists, 4)).toEqual([a, b]);
    expect(Array.from(lists.counts).filter((count) => count > 0)).toEqual([2]);
    // Many needs on one day: the day's list grows.
    for (let i = 0; i < 100; i++) fileByDeadline(lists, pool, need(pool, 10 + i, 1, 6));
    expect(filedOn(lists, 6)).toHaveLength(100);
  });

  it('free a served need at once; its expiry entry goes stale, even when the record is used again', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(1);
    const lists = createExpiryLists(10);
    const a = need(pool, 1, 1, 3);
    const serial = needSerial(pool, a);
    fileByDeadline(lists, pool, a);
    enqueue(queues, pool, 0, a);
    expect(needLinks(pool, a)).toBe(Link.queue);
    const served = dequeueWaiting(queues, pool, 0);
    expect(served).toBe(a);
    finish(pool, a);
    expect(needStatus(pool, a)).toBe(NeedStatus.free);
    expect(freeList(pool)[0]).toBe(a);
    // The record is handed out again, with a new serial, and waits in the queue with the same deadline.
    const again = need(pool, 2, 1, 3);
    expect(again).toBe(a);
    expect(needSerial(pool, again)).not.toBe(serial);
    enqueue(queues, pool, 0, again);
    // Day 3: the old entry is stale; the record's new need was never filed, so nothing is due.
    const due: number[] = [];
    dueWaiting(lists, pool, 3, due);
    expect(due).toEqual([]);
    expect(lists.counts[3]).toBe(0);
  });

  it('return the needs due today that still wait, and only those', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(1);
    const lists = createExpiryLists(10);
    const [first, served, later] = [need(pool, 1, 1, 2), need(pool, 2, 1, 2), need(pool, 3, 1, 5)];
    for (const slot of [first, served, later]) {
      fileByDeadline(lists, pool, slot);
      enqueue(queues, pool, 0, slot);
    }
    expect(dequeueWaiting(queues, pool, 0)).toBe(first);
    finish(pool, first);
    // Serve `served` out of turn: mark it done in place (as a reroute would).
    abandonWaiting(queues, pool, served);
    const due: number[] = [];
    dueWaiting(lists, pool, 2, due);
    expect(due).toEqual([]);
    dueWaiting(lists, pool, 5, due);
    expect(due).toEqual([later]);
    // A second look at a day finds nothing: its list was dropped.
    dueWaiting(lists, pool, 5, due);
    expect(due).toEqual([]);
  });

  it('skip an expired need still in its queue, then free it', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(1);
    const lists = createExpiryLists(10);
    const expired = need(pool, 1, 2, 2);
    const next = need(pool, 2, 1, 8);
    for (const slot of [expired, next]) {
      fileByDeadline(lists, pool, slot);
      enqueue(queues, pool, 0, slot);
    }
    // Day 2: the first need runs out of patience (what expireNeeds does).
    const due: number[] = [];
    dueWaiting(lists, pool, 2, due);
    expect(due).toEqual([expired]);
    abandonWaiting(queues, pool, expired);
    expect(queues.waiting[0]).toBe(1);
    expect(queues.work[0]).toBe(1);
    expect(needStatus(pool, expired)).toBe(NeedStatus.done);
    expect(needLinks(pool, expired)).toBe(Link.queue);
    expect(freeList(pool)).not.toContain(expired);
    // The queue's head passes it: dequeue returns the next waiting need and frees the expired one.
    expect(dequeueWaiting(queues, pool, 0)).toBe(next);
    expect(needStatus(pool, expired)).toBe(NeedStatus.free);
    expect(needLinks(pool, expired)).toBe(0);
    expect(freeList(pool)[0]).toBe(expired);
    expect(queues.waiting[0]).toBe(0);
  });

  it('return an empty queue after dropping only expired needs', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(1);
    const a = need(pool, 1);
    enqueue(queues, pool, 0, a);
    abandonWaiting(queues, pool, a);
    expect(dequeueWaiting(queues, pool, 0)).toBe(NONE);
    expect(needStatus(pool, a)).toBe(NeedStatus.free);
    expect(queues.length[0]).toBe(0);
  });

  it('never lose or double-free a record over random sequences of operations', () => {
    type Op = { kind: 'arrive'; deadline: number; transactions: number } | { kind: 'serve' } | { kind: 'day' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('arrive' as const), deadline: fc.integer({ min: 0, max: 12 }), transactions: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('serve' as const) }),
      fc.record({ kind: fc.constant('day' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const pool = createNeedPool(16);
        const queues = createQueueSet(1);
        const lists = createExpiryLists(10);
        let day = 0;
        const model: { slot: number; transactions: number }[] = []; // waiting needs, FIFO
        for (const o of ops) {
          if (o.kind === 'arrive') {
            const slot = need(pool, day, o.transactions, day + o.deadline);
            fileByDeadline(lists, pool, slot);
            enqueue(queues, pool, 0, slot);
            model.push({ slot, transactions: o.transactions });
          } else if (o.kind === 'serve') {
            const slot = dequeueWaiting(queues, pool, 0);
            const expected = model.shift();
            expect(slot).toBe(expected?.slot ?? NONE);
            if (slot !== NONE) finish(pool, slot);
          } else {
            // End of day: expire what is due today, as expireNeeds does.
            const due: number[] = [];
            dueWaiting(lists, pool, day, due);
            for (const slot of due) {
              abandonWaiting(queues, pool, slot);
              model.splice(model.findIndex((m) => m.slot === slot), 1);
            }
            day++;
          }
          expect(queues.waiting[0]).toBe(model.length);
          expect(queues.work[0]).toBe(model.reduce((sum, m) => sum + m.transactions, 0));
        }
        // Every record is either free (exactly once on the free list) or held by a list.
        const free = freeList(pool);
        expect(new Set(free).size).toBe(free.length);
        for (let slot = 0; slot < pool.capacity; slot++) {
          const isFree = free.includes(slot);
          expect(isFree).toBe(needLinks(pool, slot) === 0);
        }
        for (const m of model) expect(needStatus(pool, m.slot)).toBe(NeedStatus.waiting);
        // The ring holds the waiting needs in order, among records that ended meanwhile; all linked to the queue.
        const ring = ringOf(queues, 0);
        expect(new Set(ring).size).toBe(ring.length);
        for (const slot of ring) expect(needLinks(pool, slot) & Link.queue).toBe(Link.queue);
        expect(ring.filter((slot) => needStatus(pool, slot) === NeedStatus.waiting)).toEqual(model.map((m) => m.slot));
      }),
      { numRuns: 200 },
    );
  });
});

describe('queue rings', () => {
  it('keep first in, first out when a ring grows past its starting size while its front is not at position 0', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(2);
    const start = queues.rings[0]!.length;
    expect(start).toBe(64);
    let nextCitizen = 0;
    const expected: number[] = [];
    const out: number[] = [];
    const arrive = (count: number): void => {
      for (let i = 0; i < count; i++) {
        enqueue(queues, pool, 0, need(pool, nextCitizen));
        expected.push(nextCitizen++);
      }
    };
    const serve = (count: number): void => {
      for (let i = 0; i < count; i++) {
        const slot = dequeueWaiting(queues, pool, 0);
        expect(slot).not.toBe(NONE);
        out.push(needCitizen(pool, slot));
        finish(pool, slot);
      }
    };
    // Interleaved, so that the front moves and the back wraps round the ring.
    arrive(40);
    serve(30);
    arrive(50);
    serve(5);
    expect(queues.rings[0]!.length).toBe(start);
    expect(queues.front[0]).toBe(35);
    expect(queues.length[0]).toBe(55);
    expect(queues.front[0]! + queues.length[0]!).toBeGreaterThan(start); // wrapped
    // Another queue in between, untouched by this one's growth.
    enqueue(queues, pool, 1, need(pool, 9999));
    // Fill to exactly the starting size, then one past it: the ring grows with its front mid-ring.
    arrive(start - queues.length[0]!);
    expect(queues.rings[0]!.length).toBe(start);
    expect(queues.length[0]).toBe(start);
    arrive(1);
    expect(queues.rings[0]!.length).toBe(2 * start);
    expect(queues.length[0]).toBe(start + 1);
    // Positions from the front still read in order of joining, and keep doing so across a second growth.
    expect(ringOf(queues, 0).map((slot) => needCitizen(pool, slot))).toEqual(expected.slice(out.length));
    serve(20);
    arrive(2 * start);
    expect(queues.rings[0]!.length).toBe(4 * start);
    expect(ringOf(queues, 0).map((slot) => needCitizen(pool, slot))).toEqual(expected.slice(out.length));
    expect(queues.waiting[0]).toBe(expected.length - out.length);
    serve(expected.length - out.length);
    expect(out).toEqual(expected);
    expect(queues.length[0]).toBe(0);
    expect(dequeueWaiting(queues, pool, 0)).toBe(NONE);
    expect(ringOf(queues, 1).map((slot) => needCitizen(pool, slot))).toEqual([9999]);
  });

  it('keep first in, first out over random interleavings of joins and services on several queues', () => {
    type Op = { kind: 'join'; key: number; count: number } | { kind: 'serve'; key: number; count: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('join' as const), key: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('serve' as const), key: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: 1, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const pool = createNeedPool(16);
        const queues = createQueueSet(3);
        const model: number[][] = [[], [], []];
        let citizen = 0;
        for (const o of ops) {
          for (let i = 0; i < o.count; i++) {
            if (o.kind === 'join') {
              enqueue(queues, pool, o.key, need(pool, citizen));
              model[o.key]!.push(citizen++);
            } else {
              const slot = dequeueWaiting(queues, pool, o.key);
              const expected = model[o.key]!.shift();
              if (expected === undefined) {
                expect(slot).toBe(NONE);
                break;
              }
              expect(needCitizen(pool, slot)).toBe(expected);
              finish(pool, slot);
            }
          }
          for (const key of [0, 1, 2]) {
            expect(queues.length[key]).toBe(model[key]!.length);
            expect(ringOf(queues, key).map((slot) => needCitizen(pool, slot))).toEqual(model[key]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('need records', () => {
  it('round-trip through describeNeed, setNeedRouting and setNeedStatus without disturbing their neighbours', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(8);
    const lists = createExpiryLists(100);
    const [before, middle, after] = [allocateNeed(pool), allocateNeed(pool), allocateNeed(pool)];
    expect([before, middle, after]).toEqual([0, 1, 2]); // adjacent records
    // The neighbours: every field set, to values unlike the middle record's.
    describeNeed(pool, before, 123_456, 7, 11, 40);
    setNeedRouting(pool, before, 0b101, 3);
    enqueue(queues, pool, 5, before);
    fileByDeadline(lists, pool, before);
    describeNeed(pool, after, 654_321, 2, 13, 41);
    setNeedRouting(pool, after, 0b010, 2);
    enqueue(queues, pool, 6, after);
    fileByDeadline(lists, pool, after);
    fileByDeadline(lists, pool, middle); // middle's deadline is 0 (fresh record): filed under day 0
    const neighbours = [before, after].map((slot) => ({ fields: fieldsOf(pool, slot), bytes: recordBytes(pool, slot) }));
    expect(neighbours[0]!.fields).toEqual({
      citizen: 123_456,
      arrivalDay: 11,
      deadline: 40,
      serial: 1,
      service: 7,
      tried: 0b101,
      transactions: 3,
      queueKey: 5,
      status: NeedStatus.waiting,
      links: Link.queue,
    });
    // Extremes of each field's width, then ordinary values: each reads back, the neighbours' bytes never move.
    const writes = [
      { citizen: 2 ** 31 - 1, service: 255, arrivalDay: -1, deadline: 2 ** 31 - 1, tried: 255, transactions: 255, status: NeedStatus.done },
      { citizen: -(2 ** 31), service: 0, arrivalDay: 2 ** 31 - 1, deadline: -(2 ** 31), tried: 0, transactions: 0, status: NeedStatus.free },
      { citizen: 42, service: 3, arrivalDay: 17, deadline: 37, tried: 0b1001_0011, transactions: 4, status: NeedStatus.waiting },
    ];
    for (const w of writes) {
      describeNeed(pool, middle, w.citizen, w.service, w.arrivalDay, w.deadline);
      setNeedRouting(pool, middle, w.tried, w.transactions);
      setNeedStatus(pool, middle, w.status);
      expect(fieldsOf(pool, middle)).toEqual({
        citizen: w.citizen,
        arrivalDay: w.arrivalDay,
        deadline: w.deadline,
        serial: 2,
        service: w.service,
        tried: w.tried,
        transactions: w.transactions,
        queueKey: 0,
        status: w.status,
        links: 0,
      });
      [before, after].forEach((slot, i) => {
        expect(fieldsOf(pool, slot)).toEqual(neighbours[i]!.fields);
        expect(recordBytes(pool, slot)).toEqual(neighbours[i]!.bytes);
      });
    }
    // Each write touches only its own field.
    setNeedStatus(pool, middle, NeedStatus.done);
    expect(fieldsOf(pool, middle)).toMatchObject({ citizen: 42, service: 3, arrivalDay: 17, deadline: 37, tried: 0b1001_0011, transactions: 4, status: NeedStatus.done });
    setNeedRouting(pool, middle, 1, 2);
    expect(fieldsOf(pool, middle)).toMatchObject({ citizen: 42, service: 3, arrivalDay: 17, deadline: 37, tried: 1, transactions: 2, status: NeedStatus.done });
    describeNeed(pool, middle, 43, 4, 18, 38);
    expect(fieldsOf(pool, middle)).toMatchObject({ citizen: 43, service: 4, arrivalDay: 18, deadline: 38, tried: 1, transactions: 2, status: NeedStatus.done });
  });

  it('keep every field when the pool grows', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(16);
    const lists = createExpiryLists(100);
    const slots: number[] = [];
    for (let i = 0; i < 16; i++) {
      const slot = allocateNeed(pool);
      describeNeed(pool, slot, 100_000 + i * 7919, i % 11, i, 10 + (i % 5));
      setNeedRouting(pool, slot, (i * 37) & 0xff, 1 + (i % 4));
      if (i % 3 !== 0) enqueue(queues, pool, i % 16, slot);
      if (i % 2 === 0) fileByDeadline(lists, pool, slot);
      if (i % 5 === 0) setNeedStatus(pool, slot, NeedStatus.done);
      slots.push(slot);
    }
    expect(pool.capacity).toBe(16);
    expect(pool.freeCount).toBe(0);
    const fields = slots.map((slot) => fieldsOf(pool, slot));
    const bytes = slots.map((slot) => recordBytes(pool, slot));
    // Not all zero: the records really hold something to lose.
    expect(new Set(fields.map((f) => f.serial)).size).toBe(16);
    expect(fields.filter((f) => f.links === Link.queue)).not.toHaveLength(0);
    const grown = allocateNeed(pool);
    expect(pool.capacity).toBe(32);
    expect(grown).toBe(16);
    expect(pool.ints.length).toBe(32 * (NEED_RECORD_BYTES / 4));
    expect(pool.bytes.length).toBe(32 * NEED_RECORD_BYTES);
    slots.forEach((slot, i) => {
      expect(fieldsOf(pool, slot), `record ${slot}`).toEqual(fields[i]);
      expect(recordBytes(pool, slot), `record ${slot}`).toEqual(bytes[i]);
    });
    // The new records are handed out in ascending order after the first.
    expect(freeList(pool)).toEqual(Array.from({ length: 15 }, (_, i) => 17 + i));
    // The expiry entries of the old records still match them (same serials).
    for (let day = 0; day < lists.counts.length; day++) {
      const filed: number[] = [];
      for (let k = 0; k < lists.counts[day]!; k++) {
        const slot = lists.entries[day]![2 * k]!;
        expect(lists.entries[day]![2 * k + 1]).toBe(needSerial(pool, slot));
        filed.push(slot);
      }
      expect(filed.sort((a, b) => a - b)).toEqual(slots.filter((slot, i) => i % 2 === 0 && fields[i]!.deadline === day));
    }
  });
});
