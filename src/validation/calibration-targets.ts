/**
 * The published figures the default city (scenarios/city.yaml) is held to:
 * internet use and online use of public services by age band, from
 * /shared/DATA.md, each mapped onto the city's age bands (16-34, 35-59,
 * 60-74, 75+) with the reasoning written down, and a tolerance.
 *
 *   DATA.md figure ──► mapping onto our bands (stated, with any assumption) ──► Target (metric, value, tolerance)
 *     ──► simulateTargets over fixed seeds ──► target vs simulated table (docs/calibration.md)
 *
 * How the model's quantities stand for the surveys':
 *   "used the internet in the last 3 months" ↔ material access (device and
 *     connection), read at the end of month 0 (the city's start);
 *   "used a public-authority website or app in the last 12 months" ↔ the
 *     share of citizens served online at least once in months 0–11
 *     (`registeredShare` at the end of month 11). Proxy use (a helper going
 *     online for a citizen without access) counts in the model but not in
 *     the survey, so the model's figure is an upper bound of self-use.
 */
import type { Target } from '../calibration/spec.js';
import { simulateTargets, type TargetResult } from '../calibration/calibrate.js';
import type { Scenario } from '../scenarios/schema.js';

/** A target of the default city, with how it was mapped and what moves it. */
export interface CityTarget extends Target {
  /** How the published figure maps onto the city's age bands (markdown). */
  readonly mapping: string;
  /** The scenario parameters that move the simulated figure. */
  readonly levers: string;
  /** A reference figure shown for context, not a calibration target (weight 0). */
  readonly reference: boolean;
}

const AGES_16_74 = ['16-34', '35-59', '60-74'];
const EUROSTAT_2020 = 'Eurostat news release, May 2021 (internet use in the last 3 months, 2020)';
const EUROSTAT_EGOV_2020 = 'Eurostat ICT household survey 2020 (information from public-authority websites, by age)';
const EUROSTAT_EGOV_2023 = 'Eurostat news release 2024 (used a public-authority website or app in the last 12 months, 2023)';
/** Share of 60–64 year-olds among 60–74 year-olds in the EU (about 30.5 m of 80.7 m, 2020): an assumption from Eurostat's population tables, not in DATA.md. */
export const SHARE_60_64_OF_60_74 = 0.38;

/** Access at the start: the end of month 0. */
const accessAt = (ages: readonly string[]): Target['metric'] => ({ kind: 'stock', metric: 'accessShare', month: 0, group: { age: ages } });
/** Online use in the first year: served online at least once by the end of month 11. */
const onlineUseFirstYear = (ages: readonly string[]): Target['metric'] => ({ kind: 'stock', metric: 'registeredShare', month: 11, group: { age: ages } });

/** The 60–74 band mixes 65–74 year-olds (figure f) with 60–64 year-olds, who lie between f and the 16–74 average a: the band lies in [f, (1 − s)·f + s·a]. */
function bandRange(figure65to74: number, average16to74: number): { low: number; high: number; middle: number } {
  const high = (1 - SHARE_60_64_OF_60_74) * figure65to74 + SHARE_60_64_OF_60_74 * average16to74;
  return { low: figure65to74, high, middle: (figure65to74 + high) / 2 };
}

const internet6074 = bandRange(0.61, 0.88);
/** 2023 use by age: the 2020 age profile of information retrieval (25–34: 59%, 65–74: 26%, all: 47%) scaled to the 2023 level of any use (69%). */
const egov2534 = (0.69 * 0.59) / 0.47;
const egov6574 = (0.69 * 0.26) / 0.47;
const egov6074 = bandRange(egov6574, 0.69);

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The default city's targets, in table order. */
export const CITY_TARGETS: readonly CityTarget[] = [
  {
    id: 'internet-16-74',
    description: 'used the internet in the last 3 months, ages 16–74',
    metric: accessAt(AGES_16_74),
    value: 0.88,
    tolerance: 0.03,
    weight: 1,
    source: EUROSTAT_2020,
    mapping: 'Same age range: our bands 16-34, 35-59 and 60-74 together.',
    levers: '`internetAccess` of the segments',
    reference: false,
  },
  {
    id: 'internet-16-34',
    description: 'used the internet in the last 3 months, 16–24 year-olds',
    metric: accessAt(['16-34']),
    value: 0.98,
    tolerance: 0.03,
    weight: 1,
    source: EUROSTAT_2020,
    mapping: 'Our 16-34 band also holds 25–34 year-olds, a little less online than 16–24 year-olds (their figure is not in DATA.md): the band may sit up to 3 points below 98%.',
    levers: '`internetAccess` of the 16-34 segments',
    reference: false,
  },
  {
    id: 'internet-60-74',
    description: 'used the internet in the last 3 months, 65–74 year-olds (61%), mapped to 60–74',
    metric: accessAt(['60-74']),
    value: round3(internet6074.middle),
    tolerance: round3(internet6074.middle - internet6074.low),
    weight: 1,
    source: EUROSTAT_2020,
    mapping:
      `Our 60-74 band adds 60–64 year-olds (about ${Math.round(SHARE_60_64_OF_60_74 * 100)}% of the band in the EU population, an assumption) to the 65–74 year-olds of the figure. ` +
      `They are more online than 65–74 year-olds (61%) and less than the 16–74 average (88%), so the band lies between 61% and ${Math.round(internet6074.high * 100)}%: target the middle, tolerance half the range.`,
    levers: '`internetAccess` of the 60-74 segments',
    reference: false,
  },
  {
    id: 'internet-75plus',
    description: 'online, 80+ (44%, US 2017), mapped to 75+',
    metric: accessAt(['75+']),
    value: 0.46,
    tolerance: 0.05,
    weight: 1,
    source: 'Pew Research Center 2017, Tech Adoption Climbs Among Older Adults (44% of 80+ online); NAO 2013, Digital Britain 2 (49% of 65+ offline)',
    mapping:
      'Eurostat stops at 74. Pew\'s 44% of 80+ is a floor for a 75+ band that also holds 75–79 year-olds; the city file takes 46% as the band average. Target 46% ± 5 points: a band of older data (US 2017, UK 2013), so a wide tolerance.',
    levers: '`internetAccess` of the 75+ segments',
    reference: false,
  },
  {
    id: 'online-65plus-us',
    description: 'online, 65+ (75%: 25% offline, US 2021) — reference only',
    metric: accessAt(['60-74', '75+']),
    value: 0.75,
    tolerance: undefined,
    weight: 0,
    source: 'Pew Research Center 2021 (25% of US adults 65+ offline)',
    mapping:
      'Shown for context, not fitted: a US figure, while the city follows the EU ones; and our nearest group, 60+, also holds 60–64 year-olds, which pushes our figure up. The EU figures above imply a lower share for the city\'s older bands.',
    levers: '`internetAccess` of the 60-74 and 75+ segments',
    reference: true,
  },
  {
    id: 'egov-16-74',
    description: 'used a public-authority website or app in the last 12 months, ages 16–74',
    metric: onlineUseFirstYear(AGES_16_74),
    value: 0.69,
    tolerance: 0.05,
    weight: 1,
    source: EUROSTAT_EGOV_2023,
    mapping:
      'Same age range. The survey asks about people, so the model\'s figure is the share of citizens served online at least once in the first 12 months (proxy use included), not the share of needs served online.',
    levers: '`choice.asc.online` (the level), segments\' `needsPerYear` (how many people need a service in a year at all), `policy.channels.online.usability`',
    reference: false,
  },
  {
    id: 'egov-16-34',
    description: 'online use of public services, 25–34 year-olds (derived), mapped to 16–34',
    metric: onlineUseFirstYear(['16-34']),
    value: round3(egov2534),
    tolerance: 0.08,
    weight: 1,
    source: `${EUROSTAT_EGOV_2020}; ${EUROSTAT_EGOV_2023}`,
    mapping:
      `DATA.md gives use by age only for 2020 information retrieval (25–34: 59%, all: 47%); scaled to the 2023 level of any use (69%), 25–34 year-olds reach 69% × 59/47 = ${Math.round(egov2534 * 1000) / 10}% (an assumption: the age profile holds). ` +
      'Our band also holds 16–24 year-olds, who use e-government somewhat less: a wide tolerance of 8 points.',
    levers: 'segments\' `asc` and `motivation` of the 16-34 band, `choice.asc.online`',
    reference: false,
  },
  {
    id: 'egov-60-74',
    description: 'online use of public services, 65–74 year-olds (derived), mapped to 60–74',
    metric: onlineUseFirstYear(['60-74']),
    value: round3(egov6074.middle),
    tolerance: round3(Math.max(0.08, egov6074.middle - egov6074.low)),
    weight: 1,
    source: `${EUROSTAT_EGOV_2020}; ${EUROSTAT_EGOV_2023}`,
    mapping:
      `As above, 65–74 year-olds reach 69% × 26/47 = ${Math.round(egov6574 * 1000) / 10}%. Our band adds 60–64 year-olds (about ${Math.round(SHARE_60_64_OF_60_74 * 100)}%), between that and the 16–74 level of 69%, ` +
      `so the band lies between ${Math.round(egov6074.low * 1000) / 10}% and ${Math.round(egov6074.high * 1000) / 10}%: target the middle, tolerance 8 points.`,
    levers: 'segments\' `asc` (counter, phone) and `motivation` of the 60-74 band; their `digitalSkill`',
    reference: false,
  },
];

/** One row of the calibration table. */
export interface CalibrationRow {
  readonly target: CityTarget;
  readonly result: TargetResult;
}

/**
 * The target-vs-simulated table of a scenario (the default city) over the
 * given seeds. Cost: one run per seed.
 */
export function cityCalibrationTable(scenario: Scenario, seeds: readonly number[], targets: readonly CityTarget[] = CITY_TARGETS): CalibrationRow[] {
  const results = simulateTargets(scenario, targets, seeds);
  return targets.map((target, i) => ({ target, result: results[i]! }));
}
