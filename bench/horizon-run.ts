/**
 * One `dgsim run` (the command itself: run, summary.json, monthly.csv, the
 * report, the manifest) in its own process, so that its peak RSS is its own:
 * `--scenario` with `--months` of horizon and `--size` citizens. Prints one
 * JSON line: months, wall time, peak RSS, bytes of monthly.csv.
 *
 *   node horizon-run.mjs --scenario bench/all-mechanisms.yaml --size 100000 --months 120 --work out/bench-horizon
 *
 * bench/run.ts runs it at one year and at ten: the outputs stream (monthly.csv
 * is written a month at a time, the report reads it in a stream), so the peak
 * should barely move with the horizon.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/cli.js';
import { nodeIo } from '../src/cli/io.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'bench/all-mechanisms.yaml' },
    size: { type: 'string', default: '100000' },
    months: { type: 'string', default: '12' },
    work: { type: 'string', default: '.' },
  },
});
const work = resolve(values.work);
const scenarioFile = join(work, `horizon-${values.months}.yaml`);
writeFileSync(scenarioFile, `extends: ${JSON.stringify(resolve(values.scenario))}\nhorizonMonths: ${Number(values.months)}\npopulation: { size: ${Number(values.size)} }\n`);
const out = join(work, `horizon-${values.months}`);
const quiet = { ...nodeIo(), out: (): void => undefined, err: (): void => undefined, cwd: work };
const started = performance.now();
const code = await runCli(['run', scenarioFile, '--out', out], quiet);
const wallMs = performance.now() - started;
if (code !== 0) {
  process.stderr.write(`horizon-run: dgsim run exited ${code}\n`);
  process.exit(code);
}
process.stdout.write(
  `${JSON.stringify({
    months: Number(values.months),
    citizens: Number(values.size),
    wallMs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    monthlyCsvBytes: statSync(join(out, 'monthly.csv')).size,
  })}\n`,
);
