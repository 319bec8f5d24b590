import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex, TEMP_PREFIX, writeFileAtomic } from '../../src/report/atomic-write.js';

describe('writeFileAtomic', () => {
  let directory = '';
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'dgsim-atomic-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes the content and reports its sha256 and size', async () => {
    const path = join(directory, 'a.txt');
    const written = await writeFileAtomic(path, 'héllo\n');
    expect(readFileSync(path, 'utf8')).toBe('héllo\n');
    expect(written.bytes).toBe(Buffer.byteLength('héllo\n'));
    expect(written.sha256).toBe(sha256Hex(Buffer.from('héllo\n')));
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const path = join(directory, 'a.txt');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(directory)).toEqual(['a.txt']);
  });

  it('leaves the old file and no temporary file when the write fails', async () => {
    const path = join(directory, 'sub');
    // A directory cannot be replaced by a file: the rename fails.
    await import('node:fs/promises').then((fs) => fs.mkdir(join(path, 'inner'), { recursive: true }));
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow();
    expect(readdirSync(directory)).toEqual(['sub']);
    expect(readdirSync(directory).some((name) => name.startsWith(TEMP_PREFIX))).toBe(false);
  });

  it('fails on a missing directory without creating anything', async () => {
    await expect(writeFileAtomic(join(directory, 'missing', 'a.txt'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(directory)).toEqual([]);
  });
});
