/**
 * The library examples (examples/library/*.ts) compile against the sources
 * with the strict settings, run, print what docs/library.md says they print
 * (line for line; numbers may move when the model changes, the words may
 * not), and are shown in docs/library.md exactly as they are.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/harness.js';

const EXAMPLES = join(REPO, 'examples', 'library');
const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.ts')).sort();
const libraryDoc = readFileSync(join(REPO, 'docs', 'library.md'), 'utf8');

/** The fenced block that follows the example's source in docs/library.md under "Output". */
function documentedOutput(file: string): string[] {
  const after = libraryDoc.slice(libraryDoc.indexOf(`\`examples/library/${file}\``));
  const match = /Output[^\n]*:\n\n```\n([\s\S]*?)```/.exec(after);
  return match === null ? [] : match[1]!.trimEnd().split('\n');
}

describe('library examples', () => {
  it('are there: one per function at least', () => {
    expect(files).toEqual(expect.arrayContaining(['run-scenario.ts', 'compare-policies.ts', 'sweep-list.ts']));
  });

  it('type-check against src/index.ts with the strict settings', () => {
    // Throws with tsc's messages on any error.
    execFileSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(EXAMPLES, 'tsconfig.json')], { cwd: REPO, stdio: 'pipe', encoding: 'utf8' });
  });

  it.each(files)('%s is shown verbatim in docs/library.md', (file) => {
    const source = readFileSync(join(EXAMPLES, file), 'utf8');
    expect(libraryDoc).toContain(`\`examples/library/${file}\`:\n\n\`\`\`ts\n${source}\`\`\``);
  });

  it.each(files)('%s runs and prints what docs/library.md shows', (file) => {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(EXAMPLES, file)], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TSX_TSCONFIG_PATH: join(EXAMPLES, 'tsconfig.json') },
    });
    const expected = documentedOutput(file);
    expect(expected.length, `docs/library.md shows no output for ${file}`).toBeGreaterThan(0);
    const shape = (lines: readonly string[]): string[] => lines.map((line) => line.replace(/-?[\d.]+/g, '#').replace(/ +/g, ' '));
    expect(shape(stdout.trimEnd().split('\n'))).toEqual(shape(expected));
  });
});
