/**
 * The Slurm job-array example, for real: a single-node Slurm cluster (munged,
 * slurmctld, slurmd from Debian's slurm-wlm, started by hand under a temporary
 * directory as /work/shared/TOOLCHAIN.md describes), examples/slurm/sweep-array.sbatch
 * submitted as a 2-task array on an 8-run sweep, the shards merged with
 * `dgsim merge`, and the files compared byte for byte with a local
 * single-process sweep. Needs root (the daemons run as root and munge).
 *
 * Skipped only when sbatch is not installed (.ci/install-slurm.sh installs it).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runDgsim } from '../../cli/harness.js';
import { outputs, removeTempDirs, REPO, tempDir, tinySweepText, writeSweep } from './helpers.js';

const hasSbatch = spawnSync('sh', ['-c', 'command -v sbatch'], { encoding: 'utf8' }).status === 0;
if (!hasSbatch) process.stderr.write('slurm.test.ts: skipped: sbatch is not installed (run .ci/install-slurm.sh as root to install slurm-wlm and munge)\n');

const SBATCH = join(REPO, 'examples', 'slurm', 'sweep-array.sbatch');

/** A TCP port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command, throwing with its output when it fails. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): string {
  const result = spawnSync(command, args, { env, encoding: 'utf8', timeout: 300_000, ...(cwd === undefined ? {} : { cwd }) });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A single-node Slurm cluster under `root`, per TOOLCHAIN.md (with free ports, so it never meets another cluster). */
async function startCluster(root: string): Promise<NodeJS.ProcessEnv> {
  chmodSync(root, 0o755); // munged runs as munge and must reach its socket directory
  for (const sub of ['state', 'spool', 'run', 'log', 'munge']) mkdirSync(join(root, sub), { recursive: true });
  const munge = Number(execFileSync('id', ['-u', 'munge'], { encoding: 'utf8' }).trim());
  const mungeGroup = Number(execFileSync('id', ['-g', 'munge'], { encoding: 'utf8' }).trim());
  chownSync(join(root, 'munge'), munge, mungeGroup);
  chmodSync(join(root, 'munge'), 0o755);
  const [controllerPort, nodePort] = [await freePort(), await freePort()];
  const conf = join(root, 'slurm.conf');
  writeFileSync(
    conf,
    [
      'ClusterName=dgsimtest',
      'SlurmctldHost=localhost',
      'SlurmUser=root',
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${root}/munge/munge.socket`,
      `SlurmctldPort=${controllerPort}`,
      `SlurmdPort=${nodePort}`,
      `StateSaveLocation=${root}/state`,
      `SlurmdSpoolDir=${root}/spool/slurmd-%n`,
      `SlurmctldPidFile=${root}/run/slurmctld.pid`,
      `SlurmdPidFile=${root}/run/slurmd-%n.pid`,
      `SlurmctldLogFile=${root}/log/slurmctld.log`,
      `SlurmdLogFile=${root}/log/slurmd-%n.log`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'JobCompType=jobcomp/none',
      'SchedulerType=sched/backfill',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'MpiDefault=none',
      'MailProg=/bin/true',
      'ReturnToService=2',
      `NodeName=localhost CPUs=${availableParallelism()} State=UNKNOWN`,
      'PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, SLURM_CONF: conf };
  const key = join(root, 'munge', 'munge.key');
  run('runuser', ['-u', 'munge', '--', 'mungekey', '--create', `--keyfile=${key}`], env);
  run(
    'runuser',
    ['-u', 'munge', '--', '/usr/sbin/munged', `--socket=${root}/munge/munge.socket`, `--key-file=${key}`, `--pid-file=${root}/munge/munged.pid`, `--log-file=${root}/munge/munged.log`, `--seed-file=${root}/munge/munged.seed`],
    env,
  );
  run('/usr/sbin/slurmctld', ['-f', conf], env);
  run('/usr/sbin/slurmd', ['-f', conf, '-N', 'localhost'], env);
  // Wait until the node is up and idle.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const state = spawnSync('sinfo', ['-h', '-N', '-o', '%T'], { env, encoding: 'utf8' }).stdout.trim();
    if (state === 'idle') return env;
    if (Date.now() > deadline) throw new Error(`the Slurm node did not come up (state "${state}"):\n${readLog(root)}`);
    await sleep(500);
  }
}

/** Stops the daemons by the PIDs in their pid files. */
async function stopCluster(root: string): Promise<void> {
  const pidFiles = [join(root, 'run', 'slurmd-localhost.pid'), join(root, 'run', 'slurmctld.pid'), join(root, 'munge', 'munged.pid')];
  for (const file of pidFiles) {
    if (!existsSync(file)) continue;
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (!Number.isSafeInteger(pid) || pid <= 1) continue;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      continue; // already gone
    }
    for (let i = 0; i < 50; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await sleep(100);
    }
  }
}

function readLog(root: string): string {
  const logs = [join(root, 'log', 'slurmctld.log'), join(root, 'log', 'slurmd-localhost.log'), join(root, 'munge', 'munged.log')];
  return logs
    .filter((file) => existsSync(file))
    .map((file) => `--- ${file}\n${readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')}`)
    .join('\n');
}

describe.skipIf(!hasSbatch)('the Slurm job-array example (a real single-node cluster)', () => {
  let bin: string;
  let root: string | undefined;

  beforeAll(() => {
    bin = buildCli();
  });
  afterAll(async () => {
    // Also here: a test that timed out never reaches its finally before the directory goes.
    if (root !== undefined) await stopCluster(root);
    removeTempDirs();
  });

  it('runs a sweep as a 2-task array whose merged shards equal a local sweep byte for byte', { timeout: 600_000 }, async () => {
    root = tempDir('dgsim-slurm-');
    const work = join(root, 'work');
    mkdirSync(work);
    writeSweep(
      work,
      'sweep.yaml',
      tinySweepText('parameters:\n  - { path: policy.channels.counter.capacityPerDayPer1000, name: counter, values: [2, 3.5, 5.5, 8] }\ndesign: { type: grid }', { population: 500, months: 3, replications: 2 }),
    );
    try {
      const env = await startCluster(root);
      const submitted = spawn('sbatch', ['--wait', '--array=0-1', '--cpus-per-task=1', `--chdir=${work}`, SBATCH], {
        env: { ...env, DGSIM: `${process.execPath} ${bin}`, SWEEP: 'sweep.yaml', SHARDS_DIR: 'shards' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      submitted.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      submitted.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => submitted.on('close', resolve));
      const logs = readdirSync(work)
        .filter((name) => name.endsWith('.log'))
        .map((name) => `--- ${name}\n${readFileSync(join(work, name), 'utf8')}`)
        .join('\n');
      expect(code, `sbatch --wait failed:\n${output}\n${logs}\n${readLog(root)}`).toBe(0);
      expect(logs).toMatch(/dgsim shard 0\/2/);
      expect(logs).toMatch(/dgsim shard 1\/2/);

      const merged = runDgsim(bin, ['merge', 'shards/0', 'shards/1', '--out', 'merged'], work);
      expect(merged.code, merged.stderr).toBe(0);
      expect(merged.stderr).toContain('merge: 2 directories, 8 runs (0 failed)');
      const local = runDgsim(bin, ['sweep', 'sweep.yaml', '--out', 'local', '--workers', '1'], work);
      expect(local.code, local.stderr).toBe(0);
      expect(outputs(join(work, 'merged'))).toEqual(outputs(join(work, 'local')));
      expect(outputs(join(work, 'shards', '0')).csv.trimEnd().split('\n')).toHaveLength(1 + 4);
    } finally {
      await stopCluster(root);
    }
  });
});
