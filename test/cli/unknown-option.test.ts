import { describe, expect, it } from 'vitest';
import { knownOptionNames, unknownArgumentsMessage } from '../../src/cli/unknown-option.js';

describe('unknownArgumentsMessage', () => {
  const known = ['help', 'version', 'seed', 'out', 'reps', 'target-ci', 'workers'];

  it('suggests the closest option of the command', () => {
    expect(unknownArgumentsMessage('Unknown argument: sed', ['run', 'a.yaml', '--sed', '3'], known)).toBe('unknown option --sed. Did you mean --seed?');
    expect(unknownArgumentsMessage('Unknown argument: rep', ['compare', 'a', 'b', '--rep=3'], known)).toBe('unknown option --rep. Did you mean --reps?');
    expect(unknownArgumentsMessage('Unknown argument: wokers', ['sweep', 's.yaml', '--wokers', '2'], known)).toBe('unknown option --wokers. Did you mean --workers?');
  });

  it('reports a kebab-case option once, not with its camelCase twin', () => {
    expect(unknownArgumentsMessage('Unknown arguments: target-cii, targetCii', ['sweep', 's.yaml', '--target-cii', 'x=1'], known)).toBe('unknown option --target-cii. Did you mean --target-ci?');
  });

  it('says nothing it cannot back: no suggestion when nothing is close, extra positionals named as such', () => {
    expect(unknownArgumentsMessage('Unknown argument: colour', ['run', 'a.yaml', '--colour'], known)).toBe('unknown option --colour');
    expect(unknownArgumentsMessage('Unknown argument: b.yaml', ['run', 'a.yaml', 'b.yaml'], known)).toBe('unexpected argument "b.yaml"');
    expect(unknownArgumentsMessage('Unknown arguments: sed, foo', ['run', 'a.yaml', '--sed', '1', '--foo'], known)).toBe('unknown option --sed. Did you mean --seed? Unknown option --foo');
  });

  it('leaves other messages alone', () => {
    expect(unknownArgumentsMessage('Not enough non-option arguments: got 0, need at least 1', ['run'], known)).toBeUndefined();
  });
});

describe('knownOptionNames', () => {
  it('reads a parser\'s options and aliases, and copes with anything else', () => {
    const parser = { getOptions: () => ({ key: { help: true, seed: true }, alias: { help: ['h'] } }) };
    expect(knownOptionNames(parser).sort()).toEqual(['h', 'help', 'seed']);
    expect(knownOptionNames({})).toEqual([]);
    expect(knownOptionNames(null)).toEqual([]);
  });
});
