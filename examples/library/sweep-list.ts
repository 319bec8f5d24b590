// Run a sweep file on worker threads and find its results.
// From the dgsim folder: npx tsx examples/library/sweep-list.ts
import { sweep, type SweepOutcome } from 'dgsim';

const outcome: SweepOutcome = await sweep('examples/sweeps/list.yaml', {
  outDir: 'out/library-sweep',
  workers: 2,
  onProgress: (progress) => process.stderr.write(`\r${progress.done}/${progress.total} runs`),
});
process.stderr.write('\n');
console.log(`${outcome.runs} runs (${outcome.failed} failed) of ${outcome.plan.pointCount} points: ${outcome.outDir}/runs.csv`);
