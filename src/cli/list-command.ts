/**
 * `dgsim list`: the built-in scenarios, one line each: the path to give
 * `dgsim run` and the first sentence of the scenario's `description:` (or of
 * its header comment). The default city and the two rollouts come first,
 * then the scenarios of each hope and fear.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { parse } from 'yaml';
import type { CliIo } from './io.js';
import { builtinScenariosDirectory } from './package-files.js';

/** One built-in scenario. */
export interface BuiltinScenario {
  /** File name, e.g. `city.yaml`. */
  readonly file: string;
  /** The absolute path. */
  readonly path: string;
  /** One line saying what it is. */
  readonly summary: string;
}

const FIRST = ['city.yaml', 'digital-only.yaml', 'hybrid.yaml'];

/** The first sentence of a text, on one line. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/\.(\s+[A-Z]|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

/** The first paragraph of the file's header comment, after the yaml-language-server line. */
function headerParagraph(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const content = line.replace(/^#\s?/, '');
    if (content.startsWith('yaml-language-server:')) continue;
    if (content.trim() === '') {
      if (lines.length > 0) break;
      continue;
    }
    lines.push(content);
  }
  return lines.join(' ');
}

/** What a scenario file says it is: its description, else its header comment, else its name. */
export function scenarioSummary(text: string): string {
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    document = undefined;
  }
  const fields = typeof document === 'object' && document !== null ? (document as { description?: unknown; name?: unknown }) : {};
  if (typeof fields.description === 'string' && fields.description.trim() !== '') return firstSentence(fields.description);
  const header = headerParagraph(text);
  if (header !== '') return firstSentence(header);
  return typeof fields.name === 'string' ? fields.name : '';
}

/** The built-in scenarios: city and the rollouts first, then by file name. Cost: reads each file once. */
export function builtinScenarios(directory = builtinScenariosDirectory()): BuiltinScenario[] {
  const rank = (file: string): number => (FIRST.includes(file) ? FIRST.indexOf(file) : FIRST.length);
  return readdirSync(directory)
    .filter((file) => /^[^.].*\.ya?ml$/.test(file))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((file) => {
      const path = join(directory, file);
      return { file, path, summary: scenarioSummary(readFileSync(path, 'utf8')) };
    });
}

/** A path as a user in `cwd` would type it: relative when it is below `cwd`. */
function typedPath(path: string, cwd: string): string {
  const relativePath = relative(cwd, path);
  return relativePath !== '' && !relativePath.startsWith('..') && !isAbsolute(relativePath) ? relativePath.split('\\').join('/') : path;
}

/** Runs `dgsim list`: the table on stdout. */
export function listHandler(io: CliIo): void {
  const scenarios = builtinScenarios();
  const paths = scenarios.map((scenario) => typedPath(scenario.path, io.cwd));
  const width = Math.max(...paths.map((path) => path.length));
  const lines = scenarios.map((scenario, index) => `${paths[index]!.padEnd(width)}  ${scenario.summary}`);
  io.out(`${lines.join('\n')}\n`);
  io.err(`dgsim: ${scenarios.length} built-in scenarios; run one with "dgsim run ${paths[0] ?? 'FILE'}", start your own with "dgsim init"\n`);
}

/** The yargs module of `dgsim list`, writing through `io`. */
export function listCommand(io: CliIo): CommandModule<object, object> {
  return {
    command: 'list',
    describe: 'List the built-in scenarios (the default city, the two rollouts and one or two per hope and fear), one line each',
    builder: (command: Argv<object>): Argv<object> =>
      command
        .example('$0 list', 'the path of each built-in scenario and what it shows')
        .example('$0 compare scenarios/h4-robodebt-no-appeal.yaml scenarios/h4-automation-with-appeal.yaml', 'compare a pair the list shows (paths as listed)')
        .epilogue('Each line: the path to give dgsim run or compare, then the first sentence of the scenario\'s description.'),
    handler: () => {
      listHandler(io);
    },
  };
}
