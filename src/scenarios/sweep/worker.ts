/**
 * The worker-thread entry of the sweep pool: piscina calls the default export
 * with each task. The run setup (base scenario, parameter paths) arrives once,
 * as the pool's workerData, so tasks stay small.
 */
import { workerData } from 'piscina';
import { createWorkspace } from '../../sim/state.js';
import { executeRun, PointCache, type RunOutcome, type RunSetup, type RunTask } from './run-task.js';

const setup = workerData as RunSetup;
/** One workspace per worker: its runs, one at a time, reuse the citizens' memory. */
const workspace = createWorkspace();
/** And one cache of the points it set up last: a point's replicates share its compiled scenario. */
const points = new PointCache();

/** Runs one task of the sweep. Never throws. */
export default function runTask(task: RunTask): RunOutcome {
  return executeRun(setup, task, workspace, points);
}
