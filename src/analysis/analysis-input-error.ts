/**
 * The error of `dgsim analyze` when what it was given cannot be analysed: a
 * directory that is not a finished sweep, an unknown metric, a condition that
 * does not parse. Its message is for the user, as is.
 */

/** A problem with the analysis's input; the CLI prints the message and exits 2. */
export class AnalysisInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisInputError';
  }
}
