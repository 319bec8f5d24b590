/**
 * Point 4 of the reliability issue: no NaN or Infinity reaches an output,
 * the invariants hold at the end of every run, and a violation is an error
 * naming the invariant (or the field), never a silent number. Proved by
 * running every shipped scenario and by tampering.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCsv, compareJson } from '../../src/report/compare-outputs.js';
import { fieldName, FINITE_OUTPUTS_INVARIANT } from '../../src/report/finite-guard.js';
import { monthlyCsv, runSummaryJson } from '../../src/report/run-outputs.js';
import type { CompareProvenance, RunProvenance } from '../../src/report/provenance.js';
import { compareScenarios } from '../../src/scenarios/compare.js';
import { loadScenarioFile, type Scenario } from '../../src/scenarios/index.js';
import { InvariantError, runValidated, type RunResult } from '../../src/scenarios/run.js';
import { CityCounter as C, CITY_COUNTER_COUNT, DistrictCounter as D, SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../../src/sim/counters.js';
import type { RunOutput } from '../../src/sim/engine.js';
import { checkInvariants, checkSummaryInvariants } from '../../src/sim/metrics/invariants.js';
import { monthlyRows, type RunSummary } from '../../src/sim/metrics/index.js';
import { REPO } from './harness.js';

const PROVENANCE: RunProvenance = { dgsimVersion: '0.0.0-test', command: 'dgsim run test.yaml', scenarioFiles: ['test.yaml'], scenarioHash: 'h', seed: 1 };

function shipped(name: string, size = 400): Scenario {
  const loaded = loadScenarioFile(join(REPO, 'scenarios', name));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return { ...loaded.scenario, population: { size, sample: 1 } };
}

const SCENARIO_FILES = readdirSync(join(REPO, 'scenarios')).filter((name) => name.endsWith('.yaml')).sort();
const city = runValidated(shipped('city.yaml', 600), 1);

/** The invariant names of a check. */
const names = (violations: readonly { invariant: string }[]): string[] => violations.map((violation) => violation.invariant);

/** Every field of a parsed JSON document that holds null, with list indexes as [*]. */
function nullFields(value: unknown, path: (string | number)[] = []): string[] {
  if (value === null) return [fieldName(path, true)];
  if (Array.isArray(value)) return value.flatMap((item, index) => nullFields(item, [...path, index]));
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => nullFields(item, [...path, key]));
  return [];
}

/** Catches an InvariantError and returns its violations. */
function violationsOf(action: () => unknown): { invariant: string; detail: string }[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InvariantError) return [...error.violations];
    throw error;
  }
  throw new Error('expected an InvariantError');
}

/** A city with every channel closed: nobody is ever served, so quantiles of days to service and transactions per need are undefined. */
function closedCity(): Scenario {
  const scenario = shipped('city.yaml');
  const channels = structuredClone(scenario.policy.channels);
  for (const channel of Object.values(channels)) channel.open = false;
  return { ...scenario, horizonMonths: 3, policy: { ...scenario.policy, channels } };
}

describe('every shipped scenario: outputs hold no NaN or Infinity, every null is explained', () => {
  it('a city where nobody is served: nulls with reasons', () => {
    const result = runValidated(closedCity(), 1);
    expect(result.summary.overall.needsMet).toBe(0);
    const parsed = JSON.parse(runSummaryJson(result, PROVENANCE)) as { headline: Record<string, number | null>; undefinedValues: { field: string; reason: string }[] };
    expect(parsed.headline.daysToServiceP90).toBeNull();
    const fields = parsed.undefinedValues.map((entry) => entry.field);
    expect(fields).toEqual(expect.arrayContaining(['headline.daysToServiceP90', 'summary.overall.daysToServiceP90', 'summary.integration.transactionsPerNeed', 'headline.transactionsPerNeed']));
    expect(parsed.undefinedValues.find((entry) => entry.field === 'headline.daysToServiceP90')!.reason).toMatch(/no need of this group was served/);
  });

  it.each([...SCENARIO_FILES, 'every channel closed'])('%s', (name) => {
    const result = runValidated(name === 'every channel closed' ? closedCity() : shipped(name), 3);
    const summary = runSummaryJson(result, PROVENANCE);
    const csv = monthlyCsv(monthlyRows(result.config, result.output));
    for (const text of [summary, csv]) expect(text).not.toMatch(/NaN|Infinity/);
    const parsed = JSON.parse(summary) as { undefinedValues?: { field: string; reason: string }[] };
    const explained = new Set((parsed.undefinedValues ?? []).map((entry) => entry.field));
    for (const field of nullFields({ ...parsed, undefinedValues: undefined })) expect(explained, `${name}: ${field} is null without a reason`).toContain(field);
    for (const entry of parsed.undefinedValues ?? []) expect(entry.reason.length).toBeGreaterThan(10);
  });
});

describe('invariants on the raw counters, tested by tampering', () => {
  const output = city.output;
  const tampered = (edit: (copy: { segmentMonthly: Float64Array; cityMonthly: Float64Array; districtMonthly: Float64Array }) => void): RunOutput => {
    const copy = { ...output, segmentMonthly: output.segmentMonthly.slice(), cityMonthly: output.cityMonthly.slice(), districtMonthly: output.districtMonthly.slice() };
    edit(copy);
    return copy;
  };
  const segment = (month: number, s: number, counter: number): number => (month * output.segmentCount + s) * SEGMENT_COUNTER_COUNT + counter;
  const cityAt = (month: number, counter: number): number => month * CITY_COUNTER_COUNT + counter;

  it('hold at the end of a real run', () => {
    expect(checkInvariants(output)).toEqual([]);
    expect(checkSummaryInvariants(city.summary)).toEqual([]);
  });

  it('every need is met, unmet or pending: over the run and at the end of every month', () => {
    expect(names(checkInvariants(tampered((o) => (o.segmentMonthly[segment(0, 0, S.met)]! -= 1))))).toContain('conservation of needs');
    // A need moved from one month to the next keeps the totals but breaks the month's books.
    const moved = checkInvariants(
      tampered((o) => {
        o.segmentMonthly[segment(0, 0, S.met)]! -= 1;
        o.segmentMonthly[segment(1, 0, S.met)]! += 1;
      }),
    );
    expect(moved).toEqual([expect.objectContaining({ invariant: 'conservation of needs', detail: expect.stringMatching(/^month 0: /) as unknown })]);
  });

  it('costs are non-negative, named by counter and month', () => {
    const violations = checkInvariants(tampered((o) => (o.cityMonthly[cityAt(2, C.costTransactions)] = -5)));
    expect(violations).toEqual([{ invariant: 'non-negative costs', detail: 'city counter costTransactions, month 2 is -5' }]);
  });

  it('shares stay within [0, 1]: levels, district shares and per-citizen stocks', () => {
    expect(names(checkInvariants(tampered((o) => (o.cityMonthly[cityAt(1, C.usability)] = 1.5))))).toEqual(['shares within [0, 1]']);
    expect(names(checkInvariants(tampered((o) => (o.districtMonthly[D.counterCapacityShare] = -0.2))))).toContain('shares within [0, 1]');
    const trust = checkInvariants(tampered((o) => (o.segmentMonthly[segment(0, 1, S.trustSum)] = o.segmentMonthly[segment(0, 1, S.citizens)]! + 5)));
    expect(trust).toEqual([expect.objectContaining({ invariant: 'shares within [0, 1]', detail: expect.stringContaining('trustSum') as unknown })]);
  });

  it('counters are finite and non-negative', () => {
    expect(names(checkInvariants(tampered((o) => (o.cityMonthly[C.costRunning] = Number.NaN))))).toEqual(['finite city counters']);
    expect(names(checkInvariants(tampered((o) => (o.districtMonthly[D.met] = Number.POSITIVE_INFINITY))))).toEqual(['finite district counters']);
    expect(names(checkInvariants(tampered((o) => (o.segmentMonthly[S.citizenHours] = -2))))).toContain('non-negative segment counters');
  });
});

describe('invariants on the summary, tested by tampering', () => {
  const tampered = (edit: (summary: RunSummary & Record<string, unknown>) => void): RunSummary => {
    const copy = structuredClone(city.summary) as RunSummary & Record<string, unknown>;
    edit(copy);
    return copy;
  };

  it('names a share outside [0, 1] by its field', () => {
    const violations = checkSummaryInvariants(tampered((s) => ((s.overall as { unmetRate: number }).unmetRate = 1.25)));
    expect(violations).toEqual([{ invariant: 'shares within [0, 1]', detail: 'overall.unmetRate is 1.25' }]);
    const mix = checkSummaryInvariants(tampered((s) => ((Object.values(s.byAge)[0]!.channelMix as { online: number }).online = -0.1)));
    expect(mix[0]).toEqual(expect.objectContaining({ invariant: 'shares within [0, 1]', detail: expect.stringMatching(/^byAge\..+\.channelMix\.online is -0\.1$/) as unknown }));
  });

  it('names a negative cost by its field', () => {
    const violations = checkSummaryInvariants(tampered((s) => ((s.cost.byCategoryGbp as { running: number }).running = -1)));
    expect(violations).toEqual([{ invariant: 'non-negative costs', detail: 'cost.byCategoryGbp.running is -1' }]);
  });
});

describe('the output guard: null with a reason where undefined by construction, an error anywhere else', () => {
  const withHeadline = (metric: string, value: number): RunResult => ({ ...city, headline: { ...city.headline, [metric]: value } });

  it('lists an untested scorecard row under undefinedValues with its reason', () => {
    const parsed = JSON.parse(runSummaryJson(city, PROVENANCE)) as { summary: { scorecard: { verdict: string; value: number | null }[] }; undefinedValues?: { field: string; reason: string }[] };
    const untested = parsed.summary.scorecard.filter((row) => row.verdict === 'untested');
    expect(untested.length).toBeGreaterThan(0);
    for (const row of untested) expect(row.value).toBeNull();
    expect(parsed.undefinedValues).toContainEqual({ field: 'summary.scorecard[*].value', reason: expect.stringContaining('untested') as unknown });
  });

  it('refuses a NaN where a value is defined, naming the file and the field', () => {
    expect(violationsOf(() => runSummaryJson(withHeadline('unmetRate', Number.NaN), PROVENANCE))).toEqual([{ invariant: FINITE_OUTPUTS_INVARIANT, detail: 'summary.json: headline.unmetRate is NaN' }]);
  });

  it('refuses Infinity everywhere, even where NaN would be allowed', () => {
    const summary = structuredClone(city.summary);
    const row = summary.scorecard.find((candidate) => candidate.verdict === 'untested')!;
    (row as { value: number }).value = Number.POSITIVE_INFINITY;
    expect(violationsOf(() => runSummaryJson({ ...city, summary }, PROVENANCE))[0]!.detail).toMatch(/^summary\.json: summary\.scorecard\[\d+\]\.value is Infinity$/);
  });

  it('refuses a non-finite monthly value, naming the row and the column', () => {
    const rows = monthlyRows(city.config, city.output);
    const broken = rows.map((row, index) => (index === 7 ? { ...row, value: Number.NaN } : row));
    expect(violationsOf(() => monthlyCsv(broken))).toEqual([{ invariant: FINITE_OUTPUTS_INVARIANT, detail: 'monthly.csv: row 8, column value is NaN' }]);
  });

  it('writes the intervals of one replication as null (JSON) and empty fields (CSV), with the reason', () => {
    const a = shipped('digital-only.yaml', 300);
    const b = shipped('hybrid.yaml', 300);
    const single = compareScenarios({ ...a, horizonMonths: 6, schedule: [] }, { ...b, horizonMonths: 6, schedule: [] }, { replications: 1, seed: 1 });
    const provenance: CompareProvenance = { dgsimVersion: '0.0.0-test', command: 'dgsim compare a b', a: { name: 'a', files: ['a'], hash: 'a' }, b: { name: 'b', files: ['b'], hash: 'b' }, seed: 1, replications: 1 };
    const json = compareJson(single, provenance);
    const csv = compareCsv(single);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(csv).not.toMatch(/NaN|Infinity/);
    const parsed = JSON.parse(json) as { metrics: { a: { low: null } }[]; undefinedValues: { field: string; reason: string }[] };
    expect(parsed.metrics[0]!.a.low).toBeNull();
    expect(parsed.undefinedValues).toContainEqual({ field: 'metrics[*].a.low', reason: 'a confidence interval needs at least 2 replications' });
    expect(csv.split('\n')[1]).toMatch(/^[^,]+,[^,]+,,,[^,]+,,,[^,]+,,,(true|false|)$/);

    const twice = compareScenarios({ ...a, horizonMonths: 6, schedule: [] }, { ...b, horizonMonths: 6, schedule: [] }, { replications: 2, seed: 1 });
    const broken = { ...twice, metrics: twice.metrics.map((metric, index) => (index === 0 ? { ...metric, difference: { ...metric.difference, low: Number.NaN } } : metric)) };
    expect(violationsOf(() => compareJson(broken, { ...provenance, replications: 2 }))[0]!.detail).toBe('compare.json: metrics[0].difference.low is NaN');
    expect(violationsOf(() => compareCsv(broken))[0]!.detail).toBe('compare.csv: row 1, column diff_low is NaN');
  });
});
