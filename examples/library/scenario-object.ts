// Build scenarios in code: load the built-in city, change a lever, run each
// variant with the same seed (common random numbers) and compare.
// From the dgsim folder: npx tsx examples/library/scenario-object.ts
import { loadScenario, runScenario, type Scenario, type ScenarioInput } from 'dgsim';

const city: Scenario = loadScenario('scenarios/city.yaml');

for (const capacity of [2, 3.5, 5.5]) {
  const counter = { ...city.policy.channels.counter, capacityPerDayPer1000: capacity };
  const variant: ScenarioInput = {
    ...city,
    name: `Counters at ${capacity} a day per 1,000`,
    population: { size: 20_000 },
    policy: { ...city.policy, channels: { ...city.policy.channels, counter } },
  };
  const { headline } = runScenario(variant, { seed: 1 });
  console.log(`${variant.name}: unmet ${(100 * (headline['unmetRate'] ?? Number.NaN)).toFixed(2)}%, 75+ unmet ${(100 * (headline['unmetRate[age=75+]'] ?? Number.NaN)).toFixed(2)}%`);
}
