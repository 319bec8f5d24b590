/**
 * A static file server for the built explorer, for one user on this machine:
 *
 * - binds to 127.0.0.1 only (never a public interface), and answers only
 *   requests addressed to 127.0.0.1 or localhost (no DNS rebinding);
 * - serves only regular files inside its root folder: the request path is
 *   decoded once and refused if it holds `..` or `.` segments, a NUL, a
 *   backslash, an empty segment (`//etc/passwd`) or a dotfile; the file's
 *   real path (symlinks followed) must still lie inside the root;
 * - GET and HEAD only; known content types only; 404 for anything else.
 */
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';

/** The only address the server listens on. */
export const LOOPBACK = '127.0.0.1';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/** The content type of a file name, or undefined for a type the server does not serve. */
export function contentTypeOf(file: string): string | undefined {
  return CONTENT_TYPES[extname(file).toLowerCase()];
}

/** Where a request path leads: a file under the root, or the status that refuses it. */
export type Resolution = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly status: 400 | 403 | 404 };

/**
 * The file a request target names under `root` (an absolute, real path),
 * or why it is refused. Pure apart from reading the file system to follow
 * symlinks. `/` is `index.html`.
 * @example resolveRequest('/srv/app', '/%2e%2e/package.json') // { ok: false, status: 400 }
 */
export function resolveRequest(root: string, target: string): Resolution {
  const rawPath = target.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return { ok: false, status: 400 };
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (path.includes('\0') || path.includes('\\')) return { ok: false, status: 400 };
  const segments = path === '/' ? ['index.html'] : path.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return { ok: false, status: 400 };
    if (segment.startsWith('.')) return { ok: false, status: 404 };
  }
  const candidate = join(root, ...segments);
  if (!candidate.startsWith(root + sep)) return { ok: false, status: 400 };
  let real: string;
  try {
    real = realpathSync(candidate);
    if (!statSync(real).isFile()) return { ok: false, status: 404 };
  } catch {
    return { ok: false, status: 404 };
  }
  if (!real.startsWith(root + sep)) return { ok: false, status: 403 };
  if (contentTypeOf(real) === undefined) return { ok: false, status: 404 };
  return { ok: true, file: real };
}

/** Whether a Host header names this server on the loopback interface. */
function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 421: 'Misdirected Request' };

function refuse(response: ServerResponse, status: number): void {
  const body = `${status} ${REASONS[status] ?? ''}\n`;
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}

/** The security headers of every file served: nothing loads from elsewhere. */
const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
} as const;

function handle(root: string, port: () => number, request: IncomingMessage, response: ServerResponse): void {
  if (!hostAllowed(request.headers.host, port())) return refuse(response, 421);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return refuse(response, 405);
  }
  const resolution = resolveRequest(root, request.url ?? '');
  if (!resolution.ok) return refuse(response, resolution.status);
  const size = statSync(resolution.file).size;
  response.writeHead(200, { ...HEADERS, 'Content-Type': contentTypeOf(resolution.file)!, 'Content-Length': size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(resolution.file)
    .on('error', () => response.destroy())
    .pipe(response);
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * Serves the files under `root` on 127.0.0.1:`port` (0 picks a free port).
 * @throws Error when the port is taken or the root does not exist.
 * @example const server = await serveStatic('out/explorer', 0); console.log(server.url);
 */
export async function serveStatic(root: string, port: number): Promise<StaticServer> {
  const realRoot = realpathSync(root);
  let bound = port;
  const server = createServer((request, response) => handle(realRoot, () => bound, request, response));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen({ host: LOOPBACK, port, exclusive: true }, () => {
      server.off('error', fail);
      done();
    });
  });
  bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${bound}/`,
    port: bound,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
