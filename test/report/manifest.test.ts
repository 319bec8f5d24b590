import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/report/atomic-write.js';
import { jsonText, writeOutputSet } from '../../src/report/manifest.js';

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

  it('refuses output names that are paths or the manifest itself', async () => {
    for (const file of ['../x', 'a/b', 'manifest.json', '']) {
      await expect(writeOutputSet(directory, [{ file, content: '' }], {})).rejects.toThrow(/plain output file name/);
    }
  });

  it('writes JSON with two-space indent, a final newline, and null for non-finite numbers', () => {
    expect(jsonText({ a: Number.NaN, b: [1] })).toBe('{\n  "a": null,\n  "b": [\n    1\n  ]\n}\n');
  });
});
