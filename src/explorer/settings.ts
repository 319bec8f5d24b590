/**
 * What the explorer is set to: one policy (or two, in A/B mode), the seed,
 * the simulated population, the playback speed and what the charts show.
 * Plain data, so it round-trips through a shared link (`url-state.ts`).
 */
import type { LeverValue } from './levers.js';

/** A scenario file dropped on the page (kept whole, so a link can carry it). */
export interface DroppedFile {
  readonly name: string;
  readonly text: string;
}

/** One policy: a scenario (built-in file name without `.yaml`, or a dropped file) and lever overrides. */
export interface PolicySettings {
  /** A built-in scenario, e.g. `city`; ignored when `file` is set. */
  readonly scenario: string;
  readonly file: DroppedFile | null;
  /** Lever id → value set by the user; levers not listed keep the scenario's value. */
  readonly levers: Readonly<Record<string, LeverValue>>;
}

export const SPEEDS = ['slow', 'normal', 'fast', 'max'] as const;
export type Speed = (typeof SPEEDS)[number];
/** Simulated months per second at each speed (max: as fast as the worker goes). */
export const MONTHS_PER_SECOND: Readonly<Record<Speed, number>> = { slow: 1, normal: 3, fast: 8, max: Infinity };

export const GROUPINGS = ['age', 'income', 'district'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** What the fourth chart watches. */
export const WATCHES = ['channels', 'kpi', 'backlog', 'privacy'] as const;
export type Watch = (typeof WATCHES)[number];

/** Simulated population sizes offered (capacities are per 1,000 citizens, so outcomes keep their scale). */
export const POPULATIONS = [2_000, 5_000, 10_000, 20_000, 50_000, 100_000] as const;

export interface ExplorerSettings {
  readonly a: PolicySettings;
  /** The second policy of A/B mode, or null for one policy. */
  readonly b: PolicySettings | null;
  readonly seed: number;
  readonly population: number;
  readonly speed: Speed;
  readonly grouping: Grouping;
  readonly watch: Watch;
  /** The lesson these settings came from, if any. */
  readonly lesson: string | null;
}

export const DEFAULT_POLICY: PolicySettings = { scenario: 'city', file: null, levers: {} };

export const DEFAULT_SETTINGS: ExplorerSettings = {
  a: DEFAULT_POLICY,
  b: null,
  seed: 1,
  population: 10_000,
  speed: 'normal',
  grouping: 'age',
  watch: 'channels',
  lesson: null,
};

/** Largest seed a link may carry (seeds are safe integers). */
export const MAX_SEED = 2 ** 31 - 1;
