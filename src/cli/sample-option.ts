/**
 * `--sample` of `dgsim run` and `dgsim compare`: simulate a fraction of the
 * citizens, outputs scaled back by 1/sample (the scenario's
 * `population.sample`, overridden).
 */
import type { Scenario } from '../scenarios/schema.js';
import { parseSample } from './options.js';

/** The option as yargs hands it over (the text typed, or undefined when absent). */
export const SAMPLE_OPTION = {
  type: 'string',
  requiresArg: true,
  describe: 'simulate this fraction of the citizens (0 < s ≤ 1, e.g. 0.01 for 1 in 100), outputs scaled back; overrides population.sample',
} as const;

/**
 * The scenario with `population.sample` set from `--sample`, or unchanged when it is absent.
 * @throws UserError for a value that is not a sample.
 */
export function withSampleOption(scenario: Scenario, value: unknown): Scenario {
  if (value === undefined) return scenario;
  return { ...scenario, population: { ...scenario.population, sample: parseSample(value) } };
}
