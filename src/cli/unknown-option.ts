/**
 * "Did you mean …?" for mistyped options. yargs' strict mode reports
 * `Unknown argument: sed` (and, for a kebab-case name, its camelCase twin
 * too); this turns it into `unknown option --sed. Did you mean --seed?`
 * using the options the failing command knows. Mistyped commands are
 * yargs' own `.recommendCommands()`.
 */
import { didYouMean } from '../scenarios/did-you-mean.js';

/** What yargs says a parser knows, read from its `getOptions()` (not in its type declarations). */
interface KnownOptions {
  readonly key?: Readonly<Record<string, unknown>>;
  readonly alias?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The option names a yargs parser knows at this moment (in a failure
 * handler: those of the command being parsed), with their aliases.
 * Empty if the parser cannot say.
 */
export function knownOptionNames(parser: unknown): string[] {
  const getOptions = (parser as { getOptions?: unknown } | null)?.getOptions;
  if (typeof getOptions !== 'function') return [];
  const options = getOptions.call(parser) as KnownOptions;
  const names = new Set(Object.keys(options.key ?? {}));
  for (const [name, aliases] of Object.entries(options.alias ?? {})) if (names.has(name)) for (const alias of aliases) names.add(alias);
  return [...names].filter((name) => name.length > 0 && name !== '$0');
}

const camelCase = (name: string): string => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
const dashes = (name: string): string => (name.length === 1 ? `-${name}` : `--${name}`);

/**
 * Rewrites yargs' `Unknown argument(s): …` message: each name typed as an
 * option becomes `unknown option --name`, with `Did you mean --known?` when
 * a known option is close (edit distance, as for scenario fields); other
 * names are extra arguments. Returns undefined for any other message.
 * @example unknownArgumentsMessage('Unknown argument: sed', ['run', 'x.yaml', '--sed', '3'], ['seed', 'out']) === 'unknown option --sed. Did you mean --seed?'
 */
export function unknownArgumentsMessage(message: string, args: readonly string[], known: readonly string[]): string | undefined {
  const match = /^Unknown arguments?: (.+)$/.exec(message);
  if (match === null) return undefined;
  const reported = match[1]!.split(', ');
  // yargs lists `target-cii` and its twin `targetCii`: keep the one typed.
  const names = reported.filter((name) => !reported.some((other) => other !== name && camelCase(other) === name));
  const typedAsOption = (name: string): boolean =>
    args.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`) || arg === `--no-${name}` || (name.length === 1 && /^-[A-Za-z]+$/.test(arg) && arg.includes(name)));
  const candidates = known.filter((name) => name.length > 1);
  const sentences = names.map((name) => {
    if (!typedAsOption(name)) return `unexpected argument "${name}"`;
    const suggestion = didYouMean(name, candidates);
    return `unknown option ${dashes(name)}${suggestion === undefined ? '' : `. Did you mean --${suggestion}?`}`;
  });
  return sentences.map((sentence, index) => (index === 0 ? sentence : sentence.charAt(0).toUpperCase() + sentence.slice(1))).join(sentences.length > 1 ? '. ' : '').replace(/\?\. /g, '? ');
}
