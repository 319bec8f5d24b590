/**
 * The scenarios the explorer knows: the built-in files, bundled as text, and
 * files dropped on the page. Parsing and validation are the CLI's own
 * (`parseScenarioText`); `extends` is resolved inside the bundle, as if every
 * file, dropped ones included, sat in `scenarios/`.
 *
 * Browser-safe: no Node or DOM imports.
 */
import { parseScenarioText, type ParseResult, type ReadFile } from '../scenarios/parse.js';

/** The folder built-in files are named under in issues (as `dgsim run` names them from the repository root). */
export const BUILTIN_FOLDER = 'scenarios';

export interface ScenarioLibrary {
  /** Built-in file names without `.yaml`, `city` first, then alphabetical. */
  readonly names: readonly string[];
  /** The text of a built-in file, by name without `.yaml`. */
  text(name: string): string | undefined;
  /** Parses and validates a built-in scenario. */
  parseBuiltin(name: string): ParseResult;
  /** Parses and validates a dropped file (its `extends` may name built-in files). */
  parseDropped(fileName: string, text: string): ParseResult;
}

/** `a/b/../c` → `a/c`; leading `..` beyond the root are dropped. */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/**
 * A library over file texts keyed by file name (`city.yaml` → text).
 * @example createScenarioLibrary({ 'city.yaml': text }).parseBuiltin('city')
 */
export function createScenarioLibrary(texts: Readonly<Record<string, string>>): ScenarioLibrary {
  const files = new Map(Object.entries(texts).filter(([file]) => /\.ya?ml$/.test(file)));
  const stem = (file: string): string => file.replace(/\.ya?ml$/, '');
  const names = [...files.keys()].map(stem).sort((a, b) => (a === 'city' ? -1 : b === 'city' ? 1 : a.localeCompare(b)));
  const readFile: ReadFile = (reference, fromFile) => {
    const folder = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '';
    const path = normalize(`${folder}/${reference}`);
    const inFolder = path.startsWith(`${BUILTIN_FOLDER}/`) ? path.slice(BUILTIN_FOLDER.length + 1) : undefined;
    const content = inFolder === undefined ? undefined : files.get(inFolder);
    if (content === undefined) return { ok: false, file: path, reason: 'not-found' };
    return { ok: true, file: path, content };
  };
  const fileOf = (name: string): string | undefined => (files.has(`${name}.yaml`) ? `${name}.yaml` : files.has(`${name}.yml`) ? `${name}.yml` : undefined);
  return {
    names,
    text: (name) => {
      const file = fileOf(name);
      return file === undefined ? undefined : files.get(file);
    },
    parseBuiltin: (name) => {
      const file = fileOf(name);
      if (file === undefined) {
        return { ok: false, issues: [{ file: `${BUILTIN_FOLDER}/${name}.yaml`, path: [], message: `there is no built-in scenario "${name}"`, code: 'file_not_found' }] };
      }
      return parseScenarioText(files.get(file)!, `${BUILTIN_FOLDER}/${file}`, readFile);
    },
    parseDropped: (fileName, text) => parseScenarioText(text, `${BUILTIN_FOLDER}/${fileName.replace(/[\\/]/g, '_')}`, readFile),
  };
}
