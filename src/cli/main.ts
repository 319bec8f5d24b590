/**
 * The entry point of the `dgsim` command (bin/dgsim.js imports the compiled
 * module; `npm run dgsim --` runs this file under tsx). It only wires the
 * process to `runCli`: arguments in, exit code out, via `process.exitCode`
 * so pending writes to stdout and stderr finish.
 */
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.js';
import { EXIT, messageOf, systemErrorCode } from './errors.js';
import { nodeIo } from './io.js';

// A reader that goes away (`dgsim run … | head`) is not an error of ours: the outputs are still written.
process.stdout.on('error', (error) => {
  if (systemErrorCode(error) === 'EPIPE') return;
  process.stderr.write(`dgsim: cannot write to stdout: ${messageOf(error)}\n`);
  process.exitCode = EXIT.usage;
});
// The same for stderr (`dgsim run … 2>&1 | head`). Unhandled, its error reached the handler below, which wrote to
// stderr again: the process never ended, at full speed on one core. Nothing is left to tell of another error.
process.stderr.on('error', (error) => {
  if (systemErrorCode(error) !== 'EPIPE') process.exitCode = EXIT.usage;
});

// Last line of defence: no stack trace reaches a user unless DGSIM_DEBUG asks for it.
const internal = (error: unknown): void => {
  process.stderr.write(`dgsim: internal error, please report it with the command you ran: ${messageOf(error).split('\n')[0] ?? ''}\n`);
  if (process.env.DGSIM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  process.exitCode = EXIT.internal;
};
process.on('uncaughtException', internal);
process.on('unhandledRejection', internal);

process.exitCode = await runCli(hideBin(process.argv), nodeIo());
