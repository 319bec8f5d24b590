import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequest, serveStatic, type StaticServer } from '../../src/explorer/server.js';

/** A raw HTTP request with the path sent exactly as given (no client-side normalisation). */
function get(port: number, path: string, options: { host?: string; method?: string; address?: string } = {}): Promise<{ status: number; type: string | undefined; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: options.address ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

let root: string;
let outside: string;
let server: StaticServer;

beforeAll(async () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'dgsim-server-test-')));
  root = join(base, 'site');
  outside = join(base, 'secret.txt');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(root, 'app.js'), 'export {};');
  writeFileSync(join(root, 'styles.css'), 'body{}');
  writeFileSync(join(root, 'sub', 'data.json'), '{}');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'notes.bin'), 'x');
  writeFileSync(outside, 'outside the root');
  writeFileSync(join(base, 'package.json'), '{"name":"outside"}');
  symlinkSync(outside, join(root, 'link.txt'));
  server = await serveStatic(root, 0);
});

afterAll(async () => {
  await server.close();
  rmSync(join(root, '..'), { recursive: true, force: true });
});

describe('the explorer server', () => {
  it('listens on 127.0.0.1 only', async () => {
    const address = server.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    // Not on any other interface of this machine.
    const others = Object.values(networkInterfaces()).flat().filter((info) => info !== undefined && info.family === 'IPv4' && !info.internal);
    for (const info of others) await expect(get(server.port, '/', { address: info!.address })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('serves its files with their content types, and / as index.html', async () => {
    const home = await get(server.port, '/');
    expect(home).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>home</title>' });
    expect(home.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(await get(server.port, '/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get(server.port, '/styles.css?v=1')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(await get(server.port, '/sub/data.json')).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(await get(server.port, '/app.js', { method: 'HEAD' })).toMatchObject({ status: 200, body: '' });
  });

  it('refuses path traversal in every spelling', async () => {
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/..%2Fsecret.txt',
      '/sub/../../package.json',
      '/sub/%2e%2e/%2e%2e/secret.txt',
      '//etc/passwd',
      '/%2fetc/passwd',
      '/etc/passwd',
      '/..\\package.json',
      '/%5c..%5cpackage.json',
      '/index.html%00.js',
      '/%00',
      '/./index.html',
      '/%',
      'http://example.com/index.html',
    ];
    for (const path of attempts) {
      const response = await get(server.port, path);
      expect([400, 403, 404], path).toContain(response.status);
      expect(response.body, path).not.toMatch(/outside|"name"|root:/);
    }
  });

  it('refuses dotfiles, symlinks out of the root, unknown types, folders and other methods', async () => {
    expect((await get(server.port, '/.env')).status).toBe(404);
    expect((await get(server.port, '/link.txt')).status).toBe(403);
    expect((await get(server.port, '/notes.bin')).status).toBe(404);
    expect((await get(server.port, '/sub')).status).toBe(404);
    expect((await get(server.port, '/missing.js')).status).toBe(404);
    expect((await get(server.port, '/index.html', { method: 'POST' })).status).toBe(405);
  });

  it('answers only requests addressed to itself (no DNS rebinding)', async () => {
    expect((await get(server.port, '/', { host: 'evil.example:80' })).status).toBe(421);
    expect((await get(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('resolves request paths without touching the network', () => {
    expect(resolveRequest(root, '/')).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveRequest(root, '/%2e%2e/package.json')).toEqual({ ok: false, status: 400 });
    expect(resolveRequest(root, '/index.html\0')).toEqual({ ok: false, status: 400 });
    expect(resolveRequest(root, 'index.html')).toEqual({ ok: false, status: 400 });
  });

  it('says when its port is taken', async () => {
    await expect(serveStatic(root, server.port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
