/**
 * `dgsim explore`: builds the classroom explorer (the simulator running in
 * the browser) and serves it on 127.0.0.1 until interrupted, opening a
 * browser unless `--no-open`; or, with `--build DIR`, writes it as static
 * files any web host can serve, and exits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { buildExplorer } from '../explorer/build.js';
import { serveStatic } from '../explorer/server.js';
import { messageOf, outputError, systemErrorCode, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { parseOutDirectory, singleValue } from './options.js';
import { portablePath } from './paths.js';

/** The port `dgsim explore` tries first. */
export const DEFAULT_PORT = 8765;

/** The options of `dgsim explore` as yargs hands them over. */
export interface ExploreArguments {
  readonly port?: unknown;
  readonly build?: unknown;
  readonly open?: unknown;
}

/** What the command waits on before shutting its server down (SIGINT/SIGTERM by default; tests pass their own). */
export type StopSignal = () => Promise<void>;

function parsePort(value: unknown): number {
  const text = singleValue('port', value);
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UserError(`--port must be a whole number from 0 to 65535 (0 picks a free port), got "${text}"`);
  return port;
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Opens a URL in the desktop's browser, if there is one; failing quietly is fine (the URL is printed). */
function openBrowser(url: string, io: CliIo): void {
  const command = process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url];
  try {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'ignore', detached: true });
    child.on('error', () => io.err(`dgsim: could not open a browser; open ${url} yourself\n`));
    child.unref();
  } catch {
    io.err(`dgsim: could not open a browser; open ${url} yourself\n`);
  }
}

/**
 * Runs `dgsim explore`.
 * @throws UserError (bad option, port taken, unwritable build directory).
 */
export async function exploreHandler(options: ExploreArguments, io: CliIo, stop: StopSignal = untilInterrupted): Promise<void> {
  const port = options.port === undefined ? DEFAULT_PORT : parsePort(options.port);
  if (options.build !== undefined) {
    const directory = parseOutDirectory(options.build, 'build');
    const shown = portablePath(directory, io.cwd);
    try {
      const result = await buildExplorer({ outDir: resolve(io.cwd, directory) });
      io.err(`dgsim: wrote the explorer (${result.files.join(', ')}; ${result.scenarios.length} built-in scenarios) to ${directory}\n`);
      io.err('dgsim: serve that folder with any static web server (a browser will not run its worker from a file:// page)\n');
    } catch (error) {
      if (systemErrorCode(error) !== undefined) throw outputError(shown, error);
      throw error;
    }
    return;
  }
  const directory = mkdtempSync(join(tmpdir(), 'dgsim-explore-'));
  try {
    io.err('dgsim: building the explorer…\n');
    await buildExplorer({ outDir: directory });
    let server;
    try {
      server = await serveStatic(directory, port);
    } catch (error) {
      const code = systemErrorCode(error);
      if (code === 'EADDRINUSE') throw new UserError(`port ${port} is in use: choose another with --port N (0 picks a free one)`);
      if (code === 'EACCES') throw new UserError(`port ${port} needs privileges: choose one above 1023 with --port N`);
      throw new UserError(`cannot serve the explorer: ${messageOf(error)}`);
    }
    io.err(`dgsim: the explorer is at ${server.url} (this machine only); press Ctrl+C to stop\n`);
    if (options.open !== false) openBrowser(server.url, io);
    await stop();
    await server.close();
    io.err('dgsim: explorer stopped\n');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The yargs module of `dgsim explore`, writing through `io`. */
export function exploreCommand(io: CliIo, stop?: StopSignal): CommandModule<object, ExploreArguments> {
  return {
    command: 'explore',
    describe: 'Open the classroom explorer: the simulator in your browser, with levers, live charts and lessons',
    builder: (command: Argv<object>): Argv<ExploreArguments> =>
      command
        .option('port', { type: 'string', requiresArg: true, describe: `port on 127.0.0.1 [default: ${DEFAULT_PORT}; 0 picks a free one]` })
        .option('build', { type: 'string', requiresArg: true, describe: 'write the explorer as static files to this directory instead of serving it' })
        .option('open', { type: 'boolean', default: true, describe: 'open a browser (--no-open to only print the address)' })
        .example('$0 explore', 'build, serve on http://127.0.0.1:8765/ and open a browser')
        .example('$0 explore --build site/', 'write index.html, app.js, worker.js and styles.css to site/ for any web host')
        .epilogue('The server listens on 127.0.0.1 only and serves only the explorer\'s own files. Everything runs in the browser: no data leaves it.') as unknown as Argv<ExploreArguments>,
    handler: async (argv) => {
      await exploreHandler(argv, io, stop);
    },
  };
}
