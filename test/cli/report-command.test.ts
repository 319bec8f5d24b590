/**
 * `dgsim report <output-dir>` in process: it writes the report of a run
 * directory and says where; a directory that is no dgsim output, or missing
 * fonts, give one clear line and exit code 2.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { sha256Hex } from '../../src/report/atomic-write.js';
import type { CliIo } from '../../src/cli/io.js';
import { writeSmallRunDirectory } from '../report/report-fixtures.js';

function captureIo(cwd: string): CliIo & { readonly stdout: string[]; readonly stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    cwd,
    color: false,
    stderrIsTty: false,
    nowMs: () => 0,
    debug: false,
  };
}

describe('dgsim report', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dgsim-report-cli-'));
    await writeSmallRunDirectory(join(root, 'run'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes report.html, summary.md and the charts of a run directory', async () => {
    const io = captureIo(root);
    expect(await runCli(['report', join(root, 'run')], io)).toBe(0);
    expect(io.stderr.join('')).toMatch(/wrote report\.html, summary\.md and \d+ chart\(s\)/);
    expect(io.stdout.join('')).toBe('');
    for (const file of ['report.html', 'summary.md', 'charts/scorecard.svg', 'charts/scorecard.png']) expect(existsSync(join(root, 'run', file)), file).toBe(true);
  });

  it('redraws a report identical to the one the manifest lists without a word, and says when it differs', async () => {
    const io = captureIo(root);
    expect(await runCli(['report', join(root, 'run')], io)).toBe(0);
    // A manifest listing this report as it is, and one listing a report.html that is not this one.
    const manifestPath = join(root, 'run', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { outputs: { file: string; sha256: string; bytes: number }[] };
    const html = readFileSync(join(root, 'run', 'report.html'));
    const listed = { file: 'report.html', sha256: sha256Hex(html), bytes: html.byteLength };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, outputs: [...manifest.outputs, listed] }));
    const same = captureIo(root);
    expect(await runCli(['report', join(root, 'run')], same)).toBe(0);
    expect(same.stderr.join('')).not.toContain('note:');
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, outputs: [...manifest.outputs, { ...listed, sha256: '0'.repeat(64) }] }));
    const other = captureIo(root);
    expect(await runCli(['report', join(root, 'run')], other)).toBe(0);
    expect(other.stderr.join('')).toMatch(/note: the report now differs from the one .*manifest\.json lists \(report\.html\).*dgsim verify will report it as changed/);
  });

  it('refuses a directory with no dgsim output, naming what it expected', async () => {
    const io = captureIo(root);
    expect(await runCli(['report', root], io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/holds no dgsim output.*summary\.json.*compare\.json.*runs\.csv/);
  });

  it('names the font package when the fonts are missing', async () => {
    const io = captureIo(root);
    expect(await runCli(['report', join(root, 'run'), '--font-dir', join(root, 'no-fonts')], io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/fonts-dejavu-core/);
  });
});
