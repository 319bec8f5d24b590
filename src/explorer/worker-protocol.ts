/**
 * Messages between the page and the simulation worker. The page owns the
 * clock: it asks for one month at a time (`advance`), so playback speed,
 * pausing and A/B lockstep live on the page and the worker only computes.
 * Every message carries the `runId` of the run it is about; the worker drops
 * requests for a run it no longer holds, and the page drops stale replies.
 */
import type { Scenario } from '../scenarios/schema.js';
import type { GroupLabels, MonthSnapshot } from './snapshot.js';

export type ToWorker =
  /** Starts a new run (replacing any other) at month 0. */
  | { readonly type: 'start'; readonly runId: number; readonly scenario: Scenario; readonly seed: number }
  /** Simulates the next month and replies with `month`. */
  | { readonly type: 'advance'; readonly runId: number }
  /** Simulates every month left and replies with `finished` only. */
  | { readonly type: 'finish'; readonly runId: number };

export type FromWorker =
  | { readonly type: 'started'; readonly runId: number; readonly months: number; readonly labels: GroupLabels; readonly segments: readonly string[] }
  /** A month's snapshot; on the last month `headline` holds the run's headline metrics. */
  | { readonly type: 'month'; readonly runId: number; readonly snapshot: MonthSnapshot; readonly headline: Record<string, number> | null; readonly elapsedMs: number }
  | { readonly type: 'finished'; readonly runId: number; readonly headline: Record<string, number>; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };
