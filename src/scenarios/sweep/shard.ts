/**
 * Shards: a deterministic slice of a sweep's runs for one machine. Shard i of
 * N runs the run ids with id mod N = i, so any N machines together run every
 * run exactly once, and `dgsim merge` puts them back in run-id order.
 */
import { sweepMessage } from './messages.js';

export interface Shard {
  /** 0 ≤ index < count. */
  readonly index: number;
  readonly count: number;
}

/**
 * The shard written as `i/N` (e.g. `0/4`), or the message saying what is wrong.
 * @example parseShard('1/4') // { ok: true, shard: { index: 1, count: 4 } }
 */
export function parseShard(text: string): { ok: true; shard: Shard } | { ok: false; message: string } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) return { ok: false, message: sweepMessage.shardSyntax(text) };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!(count >= 1 && index < count && Number.isSafeInteger(count))) return { ok: false, message: sweepMessage.shardSyntax(text) };
  return { ok: true, shard: { index, count } };
}

/** Whether the run belongs to the shard (every run does without one). */
export function inShard(runId: number, shard: Shard | undefined): boolean {
  return shard === undefined || runId % shard.count === shard.index;
}

/** The shard as `i/N`. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
