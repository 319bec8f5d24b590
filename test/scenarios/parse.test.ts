import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssues, parseScenarioText, type ReadFile } from '../../src/scenarios/index.js';
import { edit, MINIMAL } from './fixtures.js';

/** A ReadFile over an in-memory map of files, resolving references like a browser would (no file system). */
function memoryFiles(files: Record<string, string>): ReadFile {
  return (reference, fromFile) => {
    const directory = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/') + 1) : '';
    const file = (directory + reference).replace(/(^|\/)\.\//g, '$1');
    const content = files[file];
    return content === undefined ? { ok: false, file, reason: 'not-found' } : { ok: true, file, content };
  };
}

describe('parseScenarioText', () => {
  it('validates in memory', () => {
    const result = parseScenarioText(MINIMAL, 'minimal.yaml');
    expect(result.ok && result.files).toEqual(['minimal.yaml']);
  });

  it('follows extends through the reader it is given', () => {
    const read = memoryFiles({ 'lib/base.yaml': MINIMAL });
    const result = parseScenarioText('extends: ./lib/base.yaml\nhorizonMonths: 6\n', 'top.yaml', read);
    expect(result.ok && [result.files, result.scenario.horizonMonths]).toEqual([['top.yaml', 'lib/base.yaml'], 6]);
  });

  it('cannot follow extends without a reader', () => {
    expect(parseScenarioText('extends: base.yaml\n', 'top.yaml')).toEqual({
      ok: false,
      issues: [{ file: 'top.yaml', line: 1, column: 1, path: ['extends'], code: 'extends_unavailable', message: 'extends "base.yaml" cannot be followed here: no file reader was given' }],
    });
  });

  it('refuses alias bombs and deep nesting instead of hanging', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level++) levels.push(`${'abcdefgh'[level]}: &${'abcdefgh'[level]} [${Array(10).fill(`*${'abcdefgh'[level - 1]}`).join(', ')}]`);
    const bomb = parseScenarioText(`${levels.join('\n')}\n`, 'bomb.yaml');
    expect(!bomb.ok && bomb.issues.map((issue) => issue.code)).toEqual(['too_large']);
    const deep = parseScenarioText(`name: ${'['.repeat(100)}${']'.repeat(100)}\n`, 'deep.yaml');
    expect(!deep.ok && deep.issues.map((issue) => issue.code)).toEqual(['too_deep']);
  });

  it('never throws, whatever the text', () => {
    const fragments = fc.constantFrom('name: x', 'segments:', '  - id: a', '    share: 1.5', 'extends: b.yaml', '[', '{', '- ', '&a', '*a', '.nan', ': :', '"', '\t', '---', '#', 'schedule: [{month: 1, set: {x: 1}}]');
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string()), { maxLength: 12 }), (lines) => {
        const result = parseScenarioText(lines.join('\n'), 'fuzz.yaml', memoryFiles({ 'b.yaml': MINIMAL }));
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          expect(formatIssues(result.issues)).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('never throws on edits of a valid scenario, and every issue has a line in a known file', () => {
    const lines = MINIMAL.split('\n');
    const values = fc.constantFrom('-1', '1e400', '.inf', '"x"', '[]', '{}', '~', 'yes', '2.5', '300', '', 'online');
    fc.assert(
      fc.property(fc.nat({ max: lines.length - 2 }), values, (index, value) => {
        const edited = lines.map((line, i) => (i === index && line.includes(':') ? `${line.slice(0, line.indexOf(':') + 1)} ${value}` : line)).join('\n');
        const result = parseScenarioText(edited, 'edited.yaml');
        if (!result.ok) for (const issue of result.issues) expect([issue.file, typeof issue.line]).toEqual(['edited.yaml', 'number']);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('formatIssues', () => {
  it('writes one block per issue: location, path, message, then the hint', () => {
    let text = edit(MINIMAL, 'share: 0.4', 'share: 1.5');
    text = edit(text, 'population:\n  size: 1000', 'population:\n  size: 1000\n  sampel: 0.5');
    text += 'schedule:\n  - month: 1\n    set: { channels.counter.opn: false }\n';
    const first = parseScenarioText(text, 'scenarios/bad.yaml');
    expect(!first.ok && formatIssues(first.issues)).toBe(
      [
        'scenarios/bad.yaml:5:3: population.sampel: unknown field "sampel"',
        '  did you mean "sample"?',
        'scenarios/bad.yaml:31:5: segments[1].share: expected a number from 0 to 1, got 1.5',
      ].join('\n'),
    );
    const second = parseScenarioText(edit(edit(text, 'share: 1.5', 'share: 0.4'), '  sampel: 0.5\n', ''), 'scenarios/bad.yaml');
    expect(!second.ok && formatIssues(second.issues)).toBe(
      ['scenarios/bad.yaml:49:12: schedule[0].set["channels.counter.opn"]: "channels.counter.opn" is not a policy field', '  did you mean "channels.counter.open"?'].join('\n'),
    );
  });

  it('writes issues without a line or path', () => {
    expect(formatIssues([{ file: 'a.yaml', path: [], message: 'the file is empty', code: 'empty_file' }])).toBe('a.yaml: the file is empty');
    expect(formatIssues([])).toBe('');
  });
});

describe('the browser-safe core', () => {
  it('imports no Node module from parse.ts down', () => {
    const directory = join(dirname(fileURLToPath(import.meta.url)), '../../src/scenarios');
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(join(directory, file), 'utf8');
      for (const [, specifier] of source.matchAll(/^import [^'"]*['"]([^'"]+)['"]/gm)) {
        if (specifier!.startsWith('./')) visit(specifier!.slice(2).replace(/\.js$/, '.ts'));
        else expect(specifier, `${file} imports ${specifier}`).toMatch(/^(zod|yaml)$/);
      }
    };
    visit('parse.ts');
    visit('json-schema.ts');
    expect([...seen].sort()).toContain('schema.ts');
    expect(seen.has('load.ts')).toBe(false);
  });
});
