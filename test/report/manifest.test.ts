import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/report/atomic-write.js';
import { isOutputPath, jsonText, OutputSetWriter, writeOutputSet } from '../../src/report/manifest.js';

describe('writeOutputSet', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'dgsim-manifest-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes every output, then a manifest listing each with its sha256 and size', async () => {
    const out = join(directory, 'nested', 'out');
    const written = await writeOutputSet(out, [{ file: 'a.json', content: '{"a":1}\n' }, { file: 'b.csv', content: 'x\n1\n' }], { createdBy: 'dgsim', seed: 3 });
    expect(readdirSync(out).sort()).toEqual(['a.json', 'b.csv', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { createdBy: string; seed: number; outputs: { file: string; sha256: string; bytes: number }[] };
    expect(manifest.createdBy).toBe('dgsim');
    expect(manifest.seed).toBe(3);
    expect(manifest.outputs).toEqual([
      { file: 'a.json', sha256: sha256Hex(readFileSync(join(out, 'a.json'))), bytes: 8 },
      { file: 'b.csv', sha256: sha256Hex(readFileSync(join(out, 'b.csv'))), bytes: 4 },
    ]);
    expect(written.outputs).toEqual(manifest.outputs);
    expect(Object.keys(manifest).at(-1)).toBe('outputs');
  });

  it('removes the manifest of an earlier run before writing, so a failed run leaves none', async () => {
    writeFileSync(join(directory, 'manifest.json'), '{"old":true}');
    writeFileSync(join(directory, 'taken'), 'x');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(directory, 'b.csv')));
    await expect(writeOutputSet(directory, [{ file: 'a.json', content: '{}' }, { file: 'b.csv', content: 'x' }], {})).rejects.toThrow();
    expect(readdirSync(directory)).not.toContain('manifest.json');
  });

  it('refuses output names that leave the directory, are absolute, or are the manifest itself', async () => {
    for (const file of ['../x', 'a/../../b', '/etc/x', 'a\\b', 'a//b', './a', 'charts/', 'manifest.json', '']) {
      expect(isOutputPath(file), file).toBe(false);
      await expect(writeOutputSet(directory, [{ file, content: '' }], {}), file).rejects.toThrow(/is not an output path inside the directory/);
    }
    expect(readdirSync(directory)).toEqual([]);
  });

  it('lists outputs in folders (the charts of a report) by their path inside the directory', async () => {
    const written = await writeOutputSet(directory, [{ file: 'a.json', content: '{}\n' }, { file: 'charts/kpi.svg', content: '<svg/>' }], {});
    expect(written.outputs.map((output) => output.file)).toEqual(['a.json', 'charts/kpi.svg']);
    expect(written.outputs[1]!.sha256).toBe(sha256Hex(readFileSync(join(directory, 'charts', 'kpi.svg'))));
  });
});

describe('OutputSetWriter', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'dgsim-output-set-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('removes the old manifest at the start, includes files another writer made by their bytes on disk, and writes the manifest last', async () => {
    writeFileSync(join(directory, 'manifest.json'), '{"old":true}');
    const set = await OutputSetWriter.start(directory);
    expect(readdirSync(directory)).not.toContain('manifest.json');
    writeFileSync(join(directory, 'runs.csv'), 'run_id\n0\n');
    await set.include('runs.csv');
    await set.write('report.html', '<p>1</p>');
    // Written twice: listed once, in its first place, with the last bytes.
    await set.write('runs.csv', 'run_id\n1\n');
    expect(readdirSync(directory)).not.toContain('manifest.json');
    const written = await set.finish({ createdBy: 'dgsim' });
    const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as { outputs: { file: string; sha256: string; bytes: number }[] };
    expect(manifest.outputs).toEqual(written.outputs);
    expect(manifest.outputs).toEqual([
      { file: 'runs.csv', sha256: sha256Hex(Buffer.from('run_id\n1\n')), bytes: 9 },
      { file: 'report.html', sha256: sha256Hex(Buffer.from('<p>1</p>')), bytes: 8 },
    ]);
  });

  it('removes the temporary files of dead writers in the folders it writes to, and keeps those of live ones', async () => {
    const dead = '.dgsim-tmp-kpi.svg-999999999-0a1b2c3d4e5f';
    const live = `.dgsim-tmp-kpi.png-${process.pid}-0a1b2c3d4e5f`;
    mkdirSync(join(directory, 'charts'));
    writeFileSync(join(directory, 'charts', dead), 'half');
    writeFileSync(join(directory, 'charts', live), 'half');
    const set = await OutputSetWriter.start(directory);
    await set.write('charts/kpi.svg', '<svg/>');
    expect(readdirSync(join(directory, 'charts')).sort()).toEqual([live, 'kpi.svg'].sort());
  });

  it('writes JSON with two-space indent, a final newline, and null for non-finite numbers', () => {
    expect(jsonText({ a: Number.NaN, b: [1] })).toBe('{\n  "a": null,\n  "b": [\n    1\n  ]\n}\n');
  });
});
