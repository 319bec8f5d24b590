// Run one scenario once and read its outcomes by age band.
// From the dgsim folder: npx tsx examples/library/run-scenario.ts
import { runScenario } from 'dgsim';

const result = runScenario('scenarios/digital-only.yaml', { seed: 7 });
const { summary, headline } = result;

console.log(`${result.scenario.name}, seed ${result.seed}, ${summary.horizonMonths} months`);
for (const [age, group] of Object.entries(summary.byAge)) {
  const unmet = (100 * group.unmetRate).toFixed(1);
  const online = (100 * group.channelMix.online).toFixed(0);
  console.log(`  ${age.padEnd(6)} unmet ${unmet.padStart(5)}%   served online ${online.padStart(3)}%   trust ${group.meanTrustEnd.toFixed(2)}`);
}
console.log(`cost per met need: £${headline['costPerMetNeedGbp']?.toFixed(2)}`);
