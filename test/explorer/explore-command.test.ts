import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { exploreHandler } from '../../src/cli/explore-command.js';
import type { CliIo } from '../../src/cli/io.js';

let directory: string;
let errors: string[];
let io: CliIo;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'dgsim-explore-cli-'));
  errors = [];
  io = { out: () => undefined, err: (text) => errors.push(text), cwd: directory, color: false, stderrIsTty: false, nowMs: () => 0, debug: false };
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('dgsim explore', () => {
  it('--build DIR writes a static site with the scenarios inlined', async () => {
    const code = await runCli(['explore', '--build', 'site'], io);
    expect(code, errors.join('')).toBe(0);
    for (const file of ['index.html', 'styles.css', 'app.js', 'worker.js']) expect(existsSync(join(directory, 'site', file)), file).toBe(true);
    const app = readFileSync(join(directory, 'site', 'app.js'), 'utf8');
    expect(app).toContain('Default city');
    // Nothing is loaded from elsewhere: no remote import in the bundle, no remote URL in the page (the browser test records every request).
    expect(/(import\(|from)\s*["'`]https?:/.test(app)).toBe(false);
    const html = readFileSync(join(directory, 'site', 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" src="app.js">/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(errors.join('')).toMatch(/wrote the explorer .* to site/);
  });

  it('serves the explorer on 127.0.0.1 until stopped, then cleans up', async () => {
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = exploreHandler({ port: '0', open: false }, io, () => stopped);
    let url: string | undefined;
    for (let i = 0; i < 600 && url === undefined; i++) {
      url = /the explorer is at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(errors.join(''))?.[1];
      if (url === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(url, errors.join('')).toBeDefined();
    const home = await fetchText(url!);
    expect(home.status).toBe(200);
    expect(home.body).toContain('dgsim explorer');
    // (An HTTP client resolves "%2e%2e" itself; test/explorer/server.test.ts sends the raw spellings.)
    const outside = await fetchText(`${url!}%2e%2e/package.json`);
    expect([400, 404]).toContain(outside.status);
    expect(outside.body).not.toContain('"name"');
    stop();
    await running;
    expect(errors.join('')).toContain('explorer stopped');
    await expect(fetchText(url!)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a bad port with a usage error', async () => {
    expect(await runCli(['explore', '--port', '99999', '--no-open'], io)).toBe(2);
    expect(errors.join('')).toMatch(/--port must be a whole number from 0 to 65535/);
  });
});
