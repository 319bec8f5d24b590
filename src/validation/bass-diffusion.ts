/**
 * Check (b): with only the peer effect on, the share of a segment with
 * internet access follows the Bass closed form.
 *
 * The Bass model dF/dt = (p + q·F)(1 − F) separates into
 *   dF / ((p + qF)(1 − F)) = dt,   1/((p + qF)(1 − F)) = (1/(p + q))·(q/(p + qF) + 1/(1 − F)),
 * so ln((p + qF)/(1 − F)) = (p + q)·t + ln K with K = (p + qF₀)/(1 − F₀), and
 *
 *   F(t) = (1 − (p/K)·e^{−(p+q)t}) / (1 + (q/K)·e^{−(p+q)t})
 *
 * which is the textbook (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}) when F₀ = 0 (K = p).
 *
 *   purpose-built segment (no needs, no programs) ──► simulate ──► access share at each month end
 *     ──► F(t) at t = days/360 from the realised F₀ ──► largest |difference|
 */
import { DAYS_PER_MONTH, DAYS_PER_YEAR } from '../sim/config.js';
import { SegmentCounter as S, SEGMENT_COUNTER_COUNT } from '../sim/counters.js';
import { createContext, initialState, simulate } from '../sim/engine.js';
import { buildScenario, QUIET_POLICY } from './day-loop.js';
import { allPassed, fixed, thousands, scientific, type CheckResult, type Criterion } from './types.js';

/** Largest |simulated − F(t)| accepted over the months. */
export const BASS_TOLERANCE = 0.01;

/**
 * The Bass closed form with initial share F₀: the share with access after
 * `years`, with p and q per year.
 * @example bassShare(0, 0.03, 0.38, 0.1) === 0.1
 */
export function bassShare(years: number, p: number, q: number, initialShare: number): number {
  if (p === 0 && q === 0) return initialShare;
  if (initialShare >= 1) return 1;
  const k = (p + q * initialShare) / (1 - initialShare);
  if (k === 0) return 0; // p = 0 and nobody to imitate: nobody ever adopts
  const decay = Math.exp(-(p + q) * years);
  return (1 - (p / k) * decay) / (1 + (q / k) * decay);
}

/**
 * The engine's daily scheme without sampling noise: each day the share
 * without access adopts with probability 1 − exp(−(p + q·F)/360). Returns F
 * after each of `days` days. It separates the discretisation error (scheme vs
 * closed form) from the sampling error (simulation vs scheme).
 */
export function bassDailyScheme(days: number, p: number, q: number, initialShare: number): Float64Array {
  const shares = new Float64Array(days);
  let share = initialShare;
  for (let day = 0; day < days; day++) {
    share += (1 - share) * (1 - Math.exp(-(p + q * share) / DAYS_PER_YEAR));
    shares[day] = share;
  }
  return shares;
}

export interface BassCheckOptions {
  readonly citizens?: number;
  readonly months?: number;
  readonly p?: number;
  readonly q?: number;
  readonly initialShare?: number;
  readonly seed?: number;
}

/**
 * Runs check (b). Cost O(citizens × months) (needs are off, so a day is cheap).
 */
export function bassDiffusionCheck(options: BassCheckOptions = {}): CheckResult {
  const citizens = options.citizens ?? 50_000;
  const months = options.months ?? 120;
  const p = options.p ?? 0.03;
  const q = options.q ?? 0.38;
  const seed = options.seed ?? 1;
  const { config } = buildScenario({
    name: 'validation: Bass diffusion',
    horizonMonths: months,
    population: { size: citizens },
    districts: [{ id: 'town', counterTravelMinutes: 20, assistedTravelMinutes: 20 }],
    segments: [
      {
        id: 'everyone', age: 'all', income: 'all', district: 'town', share: 1, internetAccess: options.initialShare ?? 0.1,
        digitalSkill: { mean: 0.5, sd: 0.1 }, motivation: { mean: 0.5, sd: 0.1 }, privacyConcern: { mean: 0.4, sd: 0.1 }, trust: { mean: 0.45, sd: 0.1 },
        needsPerYear: 0, patienceDays: 30, helperAvailable: 0,
      },
    ],
    services: [{ id: 'any', share: 1, complexity: 0.3, agencies: 1, patienceFactor: 1, dataFields: 5, automatable: false }],
    policy: { ...QUIET_POLICY, adoption: { ...QUIET_POLICY.adoption, bassP: p, bassQ: q } },
  });
  // The realised initial share: the population stream alone draws it, as in the run below.
  const start = initialState(config, createContext(config, seed));
  const initialShare = start.accessCount[0]! / citizens;
  const output = simulate(config, seed);
  const scheme = bassDailyScheme(config.horizonDays, p, q, initialShare);
  const simulated: [number, number][] = [[0, initialShare]];
  const closed: [number, number][] = [[0, initialShare]];
  const rows: string[][] = [];
  let maxDifference = 0;
  let maxScheme = 0;
  for (let month = 0; month < months; month++) {
    // Stocks are sampled on the last day of the month, after that day's adoption: 30·(month + 1) daily steps.
    const days = DAYS_PER_MONTH * (month + 1);
    const years = days / DAYS_PER_YEAR;
    const base = month * output.segmentCount * SEGMENT_COUNTER_COUNT;
    const share = output.segmentMonthly[base + S.accessCount]! / output.segmentMonthly[base + S.citizens]!;
    const exact = bassShare(years, p, q, initialShare);
    maxDifference = Math.max(maxDifference, Math.abs(share - exact));
    maxScheme = Math.max(maxScheme, Math.abs(scheme[days - 1]! - exact));
    simulated.push([years, share]);
    closed.push([years, exact]);
    if ((month + 1) % 12 === 0) rows.push([fixed(years, 0), fixed(exact, 4), fixed(scheme[days - 1]!, 4), fixed(share, 4), fixed(share - exact, 4)]);
  }
  const criteria: Criterion[] = [
    { measure: 'largest |simulated − F(t)| over the month ends', tolerance: `≤ ${BASS_TOLERANCE}`, measured: fixed(maxDifference, 4), passed: maxDifference <= BASS_TOLERANCE },
    { measure: 'of which discretisation: largest |daily scheme − F(t)|', tolerance: 'reported', measured: scientific(maxScheme), passed: true },
  ];
  return {
    id: 'bass-diffusion',
    title: '(b) Digital adoption follows the Bass closed form',
    claim: 'With only the peer effect on, the share of a segment with internet access follows the Bass closed form F(t), generalised to the initial share F₀.',
    formula: [
      'dF/dt = (p + q·F)·(1 − F),   K = (p + q·F₀)/(1 − F₀)',
      'F(t) = (1 − (p/K)·e^{−(p+q)t}) / (1 + (q/K)·e^{−(p+q)t})      (F₀ = 0: K = p, the textbook (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}))',
      'Derivation: 1/((p + qF)(1 − F)) = (q/(p + qF) + 1/(1 − F))/(p + q), so ln((p + qF)/(1 − F)) = (p + q)·t + ln K.',
    ].join('\n'),
    setup:
      `One segment of ${thousands(citizens)} citizens, initial access ${fixed(options.initialShare ?? 0.1, 2)} (realised F₀ = ${fixed(initialShare, 4)}), p = ${p} and q = ${q} per year (the Sultan, Farley & Lehmann 1990 averages), ` +
      `no needs, no training or device programs, ${months} months, seed ${seed}. The engine steps daily (a 360-day year): each day a citizen without access gains it with probability 1 − exp(−(p + q·F)/360); ` +
      'F is read at each month end and t = days/360. The daily scheme without sampling noise is shown to separate discretisation from sampling error.',
    criteria,
    passed: allPassed(criteria),
    figures: [
      {
        kind: 'line',
        title: 'Share with access: Bass F(t) vs simulated',
        xLabel: 'years',
        yLabel: 'share with access',
        series: [
          { name: 'closed form F(t)', style: 'line', points: closed },
          { name: 'simulated (month ends)', style: 'points', points: simulated.filter((_, index) => index % 3 === 0) },
        ],
      },
    ],
    table: { columns: ['year', 'F(t)', 'daily scheme', 'simulated', 'difference'], rows },
  };
}
