/**
 * `dgsim init [file]`: writes a scenario to start from: a standalone copy of
 * the built-in default city with every field explained in a comment and
 * every policy lever written out with its default, plus the JSON Schema
 * beside it (`scenario.schema.json`), which the file's first line points
 * editors at. Refuses to overwrite an existing scenario (exit 2) unless
 * `--force`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { dgsimVersion } from '../version.js';
import { commentedScenarioYaml } from '../scenarios/commented-scenario.js';
import { scenarioJsonSchema } from '../scenarios/json-schema.js';
import { outputError, systemErrorCode, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { singleValue } from './options.js';
import { builtinScenariosDirectory } from './package-files.js';
import { portablePath } from './paths.js';

/** The file `dgsim init` writes when given none. */
export const DEFAULT_INIT_FILE = 'my-city.yaml';
/** The JSON Schema written beside the scenario. */
export const SCHEMA_FILE = 'scenario.schema.json';

/** The options of `dgsim init` as yargs hands them over. */
export interface InitArguments {
  readonly file?: unknown;
  readonly force?: unknown;
}

/** The scaffold's text: the built-in city, commented, pointing at `SCHEMA_FILE` beside it. */
export function initScenarioText(fileName: string): string {
  const city = readFileSync(join(builtinScenariosDirectory(), 'city.yaml'), 'utf8');
  return commentedScenarioYaml(city, {
    schemaReference: SCHEMA_FILE,
    preamble: [
      `Written by "dgsim init" (dgsim ${dgsimVersion()}) from dgsim's built-in default city, as a standalone file: every field has a comment above it (meaning, [unit], accepted values, default), and every policy lever is written out, most at its default. Edit any of them; dgsim checks the file when it loads it. All fields: docs/scenario-reference.md in dgsim.`,
      '',
      `Run it: dgsim run ${fileName}`,
      `Compare two versions of it: dgsim compare ${fileName} other.yaml --reps 10`,
    ],
  });
}

/** Writes `path` unless it exists (then says so); `force` overwrites. Returns whether it wrote. */
function writeNew(path: string, content: string, force: boolean): boolean {
  try {
    writeFileSync(path, content, { flag: force ? 'w' : 'wx' });
    return true;
  } catch (error) {
    if (systemErrorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Runs `dgsim init`.
 * @throws UserError when the scenario file exists (without --force) or cannot be written.
 */
export function initHandler(options: InitArguments, io: CliIo): void {
  const file = options.file === undefined ? DEFAULT_INIT_FILE : singleValue('file', options.file);
  const force = options.force === true;
  const path = resolve(io.cwd, file);
  const shown = portablePath(path, io.cwd);
  const schemaPath = join(dirname(path), SCHEMA_FILE);
  const schemaShown = portablePath(schemaPath, io.cwd);
  if (basename(path) === SCHEMA_FILE) throw new UserError(`${SCHEMA_FILE} is the name of the JSON Schema dgsim init writes beside the scenario: choose another name`);
  const schema = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    if (!writeNew(path, initScenarioText(shown), force)) throw new UserError(`${shown} already exists: choose another name, or add --force to overwrite it`);
    io.err(`dgsim: wrote ${shown}, a commented copy of the built-in default city\n`);
    if (existsSync(schemaPath) && readFileSync(schemaPath, 'utf8') === schema) {
      io.err(`dgsim: ${schemaShown} is already there for editors\n`);
    } else if (writeNew(schemaPath, schema, force)) {
      io.err(`dgsim: wrote ${schemaShown}, the JSON Schema editors check the scenario with (its first line points at it)\n`);
    } else {
      io.err(`dgsim: left ${schemaShown} as it is (it differs from this dgsim's schema; --force replaces it)\n`);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw systemErrorCode(error) === undefined ? error : outputError(dirname(shown) || '.', error);
  }
  io.err(`dgsim: next: dgsim run ${shown}\n`);
}

/** The yargs module of `dgsim init`, writing through `io`. */
export function initCommand(io: CliIo): CommandModule<object, InitArguments> {
  return {
    command: 'init [file]',
    describe: 'Write a scenario to start from: a commented copy of the built-in default city, with its JSON Schema beside it for editors',
    builder: (command: Argv<object>): Argv<InitArguments> =>
      command
        .positional('file', { type: 'string', describe: `scenario file to write [default: ${DEFAULT_INIT_FILE}]` })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite the file (and the schema beside it) if it exists' })
        .example('$0 init', `write ${DEFAULT_INIT_FILE} and ${SCHEMA_FILE} here`)
        .example('$0 init scenarios/my-town.yaml && $0 run scenarios/my-town.yaml', 'start a scenario and run it')
        .epilogue(
          `The file stands alone (no extends): every field has a comment above it with its meaning, unit, accepted values and default. Its first line, "# yaml-language-server: $schema=${SCHEMA_FILE}", gives completion and checking in VS Code (YAML extension) and other editors using yaml-language-server. Exit code 2 if the file exists and --force is not given.`,
        ) as unknown as Argv<InitArguments>,
    handler: (argv) => {
      initHandler(argv, io);
    },
  };
}
