import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  abandonWaiting,
  allocateNeed,
  createExpiryLists,
  createNeedPool,
  createQueueSet,
  dequeueWaiting,
  enqueue,
  fileByDeadline,
  Link,
  NeedStatus,
  NONE,
  unlinkNeed,
  type NeedPool,
} from '../../src/sim/queues.js';

/** Allocates a record for a need of `citizen` with `transactions` and a deadline. */
function need(pool: NeedPool, citizen: number, transactions = 1, deadline = 5): number {
  const slot = allocateNeed(pool);
  pool.citizen[slot] = citizen;
  pool.transactions[slot] = transactions;
  pool.deadline[slot] = deadline;
  return slot;
}

/** The records on the free list, in order. */
function freeList(pool: NeedPool): number[] {
  const slots: number[] = [];
  for (let slot = pool.freeHead; slot !== NONE; slot = pool.nextInQueue[slot]!) slots.push(slot);
  return slots;
}

/** Serves a dequeued need the way serveQueues does: done, then dropped from the queue list. */
function finish(pool: NeedPool, slot: number): void {
  pool.status[slot] = NeedStatus.done;
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
      const slot = need(pool, 1000 + i, 1 + (i % 3), 100 + i);
      pool.service[slot] = i % 7;
      enqueue(queues, pool, i % 2, slot);
      slots.push(slot);
    }
    expect(pool.capacity).toBe(64);
    expect(new Set(slots).size).toBe(40);
    slots.forEach((slot, i) => {
      expect(pool.citizen[slot]).toBe(1000 + i);
      expect(pool.deadline[slot]).toBe(100 + i);
      expect(pool.service[slot]).toBe(i % 7);
      expect(pool.links[slot]).toBe(Link.queue);
    });
    // Both queues still come out in arrival order across the growths.
    for (const key of [0, 1]) {
      const out: number[] = [];
      for (let slot = dequeueWaiting(queues, pool, key); slot !== NONE; slot = dequeueWaiting(queues, pool, key)) {
        out.push(pool.citizen[slot]!);
        finish(pool, slot);
      }
      expect(out).toEqual(slots.filter((_, i) => i % 2 === key).map((slot) => pool.citizen[slot]));
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
      out.push(pool.citizen[slot]!);
      finish(pool, slot);
    }
    expect(out).toEqual(order);
    expect(queues.waiting[2]).toBe(0);
    expect(queues.head[2]).toBe(NONE);
    expect(queues.tail[2]).toBe(NONE);
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

  it('accept a record back after it was dequeued (re-queueing)', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(2);
    const a = need(pool, 1);
    const b = need(pool, 2);
    enqueue(queues, pool, 0, a);
    enqueue(queues, pool, 0, b);
    const first = dequeueWaiting(queues, pool, 0);
    enqueue(queues, pool, 1, first);
    expect(pool.queueKey[first]).toBe(1);
    expect(dequeueWaiting(queues, pool, 0)).toBe(b);
    expect(dequeueWaiting(queues, pool, 1)).toBe(a);
  });
});

describe('expiry lists and freeing', () => {
  it('file needs by deadline day, and not past the horizon', () => {
    const pool = createNeedPool(16);
    const lists = createExpiryLists(10);
    const a = need(pool, 1, 1, 4);
    const b = need(pool, 2, 1, 4);
    const late = need(pool, 3, 1, 11);
    for (const slot of [a, b, late]) fileByDeadline(lists, pool, slot);
    const onDay4: number[] = [];
    for (let slot = lists.head[4]!; slot !== NONE; slot = pool.nextByDeadline[slot]!) onDay4.push(slot);
    expect(onDay4.sort()).toEqual([a, b].sort());
    expect(pool.links[a]).toBe(Link.deadline);
    expect(pool.links[late]).toBe(0);
    expect(Array.from(lists.head).filter((head) => head !== NONE)).toHaveLength(1);
  });

  it('free a served need only once its deadline list lets go of it', () => {
    const pool = createNeedPool(16);
    const queues = createQueueSet(1);
    const lists = createExpiryLists(10);
    const a = need(pool, 1, 1, 3);
    fileByDeadline(lists, pool, a);
    enqueue(queues, pool, 0, a);
    expect(pool.links[a]).toBe(Link.queue | Link.deadline);
    const served = dequeueWaiting(queues, pool, 0);
    expect(served).toBe(a);
    finish(pool, a);
    // Still filed under day 3: not free, so it is never handed out again yet.
    expect(pool.links[a]).toBe(Link.deadline);
    expect(freeList(pool)).not.toContain(a);
    expect(allocateNeed(pool)).not.toBe(a);
    unlinkNeed(pool, a, Link.deadline);
    expect(pool.status[a]).toBe(NeedStatus.free);
    expect(freeList(pool)[0]).toBe(a);
    expect(allocateNeed(pool)).toBe(a);
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
    abandonWaiting(queues, pool, expired);
    unlinkNeed(pool, expired, Link.deadline);
    expect(queues.waiting[0]).toBe(1);
    expect(queues.work[0]).toBe(1);
    expect(pool.status[expired]).toBe(NeedStatus.done);
    expect(pool.links[expired]).toBe(Link.queue);
    expect(freeList(pool)).not.toContain(expired);
    // The queue's head passes it: dequeue returns the next waiting need and frees the expired one.
    expect(dequeueWaiting(queues, pool, 0)).toBe(next);
    expect(pool.status[expired]).toBe(NeedStatus.free);
    expect(pool.links[expired]).toBe(0);
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
    expect(pool.status[a]).toBe(NeedStatus.free);
    expect(queues.head[0]).toBe(NONE);
    expect(queues.tail[0]).toBe(NONE);
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
            if (day < lists.head.length) {
              let slot = lists.head[day]!;
              lists.head[day] = NONE;
              while (slot !== NONE) {
                const next = pool.nextByDeadline[slot]!;
                if (pool.status[slot] === NeedStatus.waiting) {
                  abandonWaiting(queues, pool, slot);
                  model.splice(model.findIndex((m) => m.slot === slot), 1);
                }
                unlinkNeed(pool, slot, Link.deadline);
                slot = next;
              }
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
          expect(isFree).toBe(pool.links[slot] === 0);
        }
        for (const m of model) expect(pool.status[m.slot]).toBe(NeedStatus.waiting);
      }),
      { numRuns: 200 },
    );
  });
});
