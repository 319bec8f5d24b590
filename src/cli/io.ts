/**
 * What a CLI command may touch of its process: where data goes (stdout),
 * where messages go (stderr), the working directory and the clock (for
 * elapsed times in progress messages only). Passed in, so commands never
 * reach for globals and tests can capture everything.
 */

export interface CliIo {
  /** Writes data (run text, tables) to stdout. */
  readonly out: (text: string) => void;
  /** Writes messages (progress, where outputs went, errors) to stderr. */
  readonly err: (text: string) => void;
  /** The working directory: relative paths in outputs are relative to it. */
  readonly cwd: string;
  /** Whether stdout output may use ANSI styles. */
  readonly color: boolean;
  /** Whether stderr is a terminal (progress then redraws one line). */
  readonly stderrIsTty: boolean;
  /** Milliseconds from an arbitrary origin, for elapsed times. */
  readonly nowMs: () => number;
  /** Whether to print stack traces of internal errors (DGSIM_DEBUG=1). */
  readonly debug: boolean;
}

/**
 * The IO of the running Node process. Colour on stdout only when it is a
 * terminal and neither NO_COLOR nor TERM=dumb says otherwise.
 */
export function nodeIo(): CliIo {
  const env = process.env;
  return {
    out: (text) => {
      process.stdout.write(text);
    },
    err: (text) => {
      process.stderr.write(text);
    },
    cwd: process.cwd(),
    color: process.stdout.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb',
    stderrIsTty: process.stderr.isTTY === true,
    nowMs: () => performance.now(),
    debug: env.DGSIM_DEBUG !== undefined && env.DGSIM_DEBUG !== '' && env.DGSIM_DEBUG !== '0',
  };
}
