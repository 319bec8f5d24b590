import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { calibrateCommand } from '../../src/cli/calibrate-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { loadScenarioFile } from '../../src/scenarios/load.js';
import { tinyCity } from './tiny.js';

function captureIo(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd, color: false, stderrIsTty: false, nowMs: () => 0, debug: false, stdout, stderr };
}

describe('dgsim calibrate', () => {
  const directory = mkdtempSync(join(tmpdir(), 'dgsim-calibrate-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  writeFileSync(join(directory, 'tiny.yaml'), stringify(tinyCity()));
  const calibration = {
    scenario: 'tiny.yaml',
    horizonMonths: 1,
    replications: 1,
    maxEvaluations: 30,
    parameters: [{ name: 'old-access', path: 'segments[id=old].internetAccess', min: 0.1, max: 0.9 }],
    targets: [{ id: 'access-old', metric: 'accessShare', month: 0, group: { age: 'old' }, value: 0.3, tolerance: 0.02, source: 'made up' }],
  };

  it('writes a calibrated scenario that extends the original and loads, residuals and parameters', async () => {
    writeFileSync(join(directory, 'fit.yaml'), stringify(calibration));
    const io = captureIo(directory);
    await calibrateCommand({ calibration: 'fit.yaml', out: 'out' }, ['calibrate', 'fit.yaml', '--out', 'out'], io);
    const yaml = readFileSync(join(directory, 'out', 'calibrated.yaml'), 'utf8');
    expect(yaml).toContain('extends: ../tiny.yaml');
    expect(yaml).toMatch(/segments:\n {2}- id: old\n {4}internetAccess: 0\.\d+/);
    const loaded = loadScenarioFile(join(directory, 'out', 'calibrated.yaml'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    // The fit matches the simulated share (1,200 'old' citizens) to 0.3 within the target's 0.02, and
    // the simulated share scatters around the parameter with sd √(0.3·0.7/1200) ≈ 0.013: allow 3 sd.
    expect(Math.abs(loaded.scenario.segments[1]!.internetAccess - 0.3)).toBeLessThan(0.02 + 3 * Math.sqrt((0.3 * 0.7) / 1200));
    expect(loaded.scenario.segments[0]!.internetAccess).toBe(0.9); // untouched, from the original
    expect(loaded.scenario.horizonMonths).toBe(3); // the fitting horizon is not written
    const residuals = readFileSync(join(directory, 'out', 'residuals.csv'), 'utf8').split('\n');
    expect(residuals[1]).toMatch(/^access-old,.*,0\.3,0\.02,1,.*,true,/);
    expect(readFileSync(join(directory, 'out', 'parameters.csv'), 'utf8')).toMatch(/^parameter,paths,mode,min,max,start,fitted\nold-access,segments\[id=old\]\.internetAccess,set,0\.1,0\.9,0\.5,/);
    expect(io.stdout.join('')).toMatch(/old-access/);
    expect(io.stderr.join('')).toMatch(/wrote calibrated.yaml, residuals.csv, parameters.csv to out/);
  }, 120_000);

  it('reports a bad calibration file, an unknown path and an unknown group as user errors', async () => {
    const io = captureIo(directory);
    writeFileSync(join(directory, 'bad.yaml'), stringify({ ...calibration, targets: [{ id: 'x', value: 1 }] }));
    await expect(calibrateCommand({ calibration: 'bad.yaml' }, [], io)).rejects.toThrow(/not a valid calibration file[\s\S]*either summary/);
    writeFileSync(join(directory, 'path.yaml'), stringify({ ...calibration, parameters: [{ path: 'segments[id=olt].internetAccess', min: 0, max: 1 }] }));
    await expect(calibrateCommand({ calibration: 'path.yaml' }, [], io)).rejects.toThrow(/did you mean "old"/);
    writeFileSync(join(directory, 'group.yaml'), stringify({ ...calibration, targets: [{ ...calibration.targets[0], group: { age: '75+' } }] }));
    await expect(calibrateCommand({ calibration: 'group.yaml' }, [], io)).rejects.toThrow(/no segment has age "75\+"/);
    await expect(calibrateCommand({ calibration: 'missing.yaml' }, [], io)).rejects.toThrow(/not found/);
  });
});
