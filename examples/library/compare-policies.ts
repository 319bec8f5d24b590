// Compare two policies over paired replications (common random numbers) and
// say which differences their 95% confidence intervals can tell apart from 0.
// From the dgsim folder: npx tsx examples/library/compare-policies.ts
import { compare, type MetricComparison } from 'dgsim';

const comparison = compare('scenarios/digital-only.yaml', 'scenarios/hybrid.yaml', { replications: 5, seed: 1 });

const shown = ['unmetRate', 'unmetRate[age=75+]', 'costPerMetNeedGbp', 'meanTrustEnd'];
console.log(`${comparison.nameB} minus ${comparison.nameA}, ${comparison.replications} paired replications:`);
for (const name of shown) {
  const metric: MetricComparison | undefined = comparison.metrics.find((m) => m.metric === name);
  if (metric === undefined) continue;
  const { mean, low, high } = metric.difference;
  const verdict = low > 0 || high < 0 ? 'a real difference' : 'cannot tell from 0';
  console.log(`  ${name.padEnd(20)} ${mean.toFixed(4)}  [${low.toFixed(4)}, ${high.toFixed(4)}]  ${verdict}`);
}
