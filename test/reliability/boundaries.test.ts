/**
 * Point 6 of the reliability issue: a scenario or sweep file cannot make
 * dgsim read or write outside what the user named.
 *
 * - no scenario field names an output path; the only field naming a file is
 *   `extends` (and `$schema`, an editor hint dgsim never reads); in sweep
 *   files, `base` and `design.file`;
 * - `extends` takes local files only: URLs (http, https, file, //host) are
 *   refused before anything is read; absolute paths and `../` chains are
 *   local files and are allowed, read-only (decision, docs/reliability.md);
 * - a file named by another file must be a regular file (not /dev/zero, a
 *   pipe or a socket) and at most 16 MB;
 * - outputs go where the command line says, whatever the scenario holds.
 *
 * The explorer server's own boundary (localhost only, its own files, path
 * traversal) is tested in test/explorer/server.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadScenarioFile } from '../../src/scenarios/index.js';
import { MAX_INPUT_BYTES } from '../../src/scenarios/read-input.js';
import { scenarioSchema } from '../../src/scenarios/schema.js';
import { sweepSchema } from '../../src/scenarios/sweep/sweep-schema.js';
import { loadSweepFile } from '../../src/scenarios/sweep/load-sweep.js';
import { buildCli, FIXTURES, inParallel, runDgsimAsync, scratchDirectory } from './harness.js';

/** Every string-valued field of a JSON Schema, as `a.b[].c :: description`. */
function stringFields(node: unknown, path = ''): { path: string; description: string }[] {
  if (node === null || typeof node !== 'object') return [];
  const schema = node as { type?: unknown; enum?: unknown; description?: unknown; properties?: Record<string, unknown>; items?: unknown; additionalProperties?: unknown; anyOf?: unknown[]; oneOf?: unknown[] };
  const found: { path: string; description: string }[] = [];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  // Free text only: an enum (design.type, consent, …) cannot hold a path.
  if (types.includes('string') && schema.enum === undefined) found.push({ path, description: typeof schema.description === 'string' ? schema.description : '' });
  for (const [key, child] of Object.entries(schema.properties ?? {})) found.push(...stringFields(child, path === '' ? key : `${path}.${key}`));
  if (schema.items !== undefined) found.push(...stringFields(schema.items, `${path}[]`));
  if (typeof schema.additionalProperties === 'object') found.push(...stringFields(schema.additionalProperties, `${path}{}`));
  for (const child of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) found.push(...stringFields(child, path));
  return found;
}

/** A field that could name a place on disk or the network, by its name or its documentation. */
const PATH_LIKE = /file|path|dir|folder|out|url|uri|href|location|extends|base|import|include|schema/i;
const pathLike = (field: { path: string; description: string }): boolean => PATH_LIKE.test(field.path.split('.').at(-1) ?? '') || /\b(file|directory|folder|url)\b/i.test(field.description);

/** Every file under `root` with its sha256 and modification time. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(relative(root, path), `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${statSync(path).mtimeMs}`);
    }
  };
  walk(root);
  return files;
}

const FIFO_SUPPORTED = process.platform !== 'win32';

describe('no field of a scenario names an output; only extends names an input', () => {
  it('scenario files: extends (and $schema, never read)', () => {
    const fields = stringFields(z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' })).filter(pathLike).map((field) => field.path);
    expect(fields.sort()).toEqual(['$schema', 'extends']);
  });

  it('sweep files: base and design.file (inputs); parameters[].path is a path in the scenario document, name a label', () => {
    const fields = stringFields(z.toJSONSchema(sweepSchema, { io: 'input', unrepresentable: 'any' })).filter(pathLike).map((field) => field.path);
    // `name` defaults to the file name but names nothing on disk: the output directory comes from the command line.
    expect(fields.sort()).toEqual(['$schema', 'base', 'design.file', 'name', 'parameters[].path']);
  });

  it.runIf(FIFO_SUPPORTED)('$schema is never read: a scenario pointing it at a pipe with no writer still loads', () => {
    const directory = scratchDirectory();
    try {
      execFileSync('mkfifo', [join(directory, 'never-read')]);
      writeFileSync(join(directory, 'a.yaml'), `$schema: ${join(directory, 'never-read')}\nname: a\nextends: ${JSON.stringify(join(FIXTURES, 'scenarios', 'base.yaml'))}\n`);
      // Reading the pipe would block forever; loading returns.
      expect(loadScenarioFile(join(directory, 'a.yaml')).ok).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('extends reads local files only', () => {
  let root = '';
  beforeAll(() => {
    root = scratchDirectory();
    mkdirSync(join(root, 'deep', 'er', 'still'), { recursive: true });
    writeFileSync(join(root, 'base.yaml'), readFileSync(join(FIXTURES, 'scenarios', 'base.yaml')));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const write = (file: string, text: string): string => {
    writeFileSync(join(root, file), text);
    return join(root, file);
  };

  it.each(['http://example.org/base.yaml', 'https://example.org/base.yaml', 'file:///etc/passwd', 'ftp://host/base.yaml', '//server/share/base.yaml', 'data:text/yaml,name: x'])('refuses the URL %s before reading anything', (url) => {
    const result = loadScenarioFile(write('url.yaml', `name: url\nextends: ${JSON.stringify(url)}\n`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([expect.objectContaining({ code: 'extends_url', path: ['extends'], line: 2 })]);
  });

  it('follows ../ chains and absolute paths to local files, reading them only', () => {
    const before = snapshot(root);
    const chained = loadScenarioFile(write('deep/er/still/chained.yaml', 'name: chained\nextends: ../../../base.yaml\n'));
    const absolute = loadScenarioFile(write('absolute.yaml', `name: absolute\nextends: ${JSON.stringify(join(root, 'base.yaml'))}\n`));
    expect(chained.ok && absolute.ok).toBe(true);
    if (chained.ok && absolute.ok) expect(chained.files.at(-1)).toBe(absolute.files.at(-1));
    // Only the two files written above are new; nothing read was touched.
    const after = snapshot(root);
    for (const [file, stamp] of before) expect(after.get(file), file).toBe(stamp);
    expect([...after.keys()].filter((file) => !before.has(file)).sort()).toEqual(['absolute.yaml', 'deep/er/still/chained.yaml']);
  });

  it('refuses to extend a device, a pipe or a directory, and a file larger than 16 MB', () => {
    const cases: [string, RegExp][] = [
      ['/dev/zero', /not a regular file/],
      ['/dev/stdin', /not a regular file/],
      [root, /it is a directory/],
    ];
    if (FIFO_SUPPORTED) {
      execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
      cases.push([join(root, 'pipe.yaml'), /not a regular file/]);
    }
    writeFileSync(join(root, 'huge.yaml'), Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20));
    cases.push([join(root, 'huge.yaml'), /larger than 16 MB/]);
    for (const [target, reason] of cases) {
      const result = loadScenarioFile(write('device.yaml', `name: device\nextends: ${JSON.stringify(target)}\n`));
      expect(result.ok, target).toBe(false);
      if (!result.ok) {
        expect(result.issues[0], target).toMatchObject({ path: ['extends'], line: 2 });
        expect(result.issues[0]!.message, target).toMatch(reason);
      }
    }
  });

  it("refuses a sweep's base or points file that is not a regular file", () => {
    writeFileSync(join(root, 'points.csv'), 'counterCapacity\n2\n');
    const sweep = (base: string, points = 'points.csv'): string =>
      write('sweep.yaml', `base: ${JSON.stringify(base)}\nparameters:\n  - { path: policy.channels.counter.capacityPerDayPer1000, name: counterCapacity }\ndesign: { type: csv, file: ${JSON.stringify(points)} }\n`);
    expect(loadSweepFile(sweep('base.yaml')).ok).toBe(true);
    const zero = loadSweepFile(sweep('/dev/zero'));
    expect(!zero.ok && zero.issues.some((issue) => /not a regular file/.test(issue.message))).toBe(true);
    const points = loadSweepFile(sweep('base.yaml', '/dev/zero'));
    expect(!points.ok && points.issues.some((issue) => /not a regular file/.test(issue.message))).toBe(true);
  });
});

describe('outputs go where the command line says, whatever the scenario holds', () => {
  it('writes nothing outside the output directory, even with path-like names, labels and notes', async () => {
    const bin = buildCli();
    const root = scratchDirectory();
    try {
      const cwd = join(root, 'work');
      mkdirSync(join(cwd, 'in'), { recursive: true });
      const hostile = '../../../escaped/x';
      writeFileSync(
        join(cwd, 'in', 'sneaky.yaml'),
        [
          `name: ${JSON.stringify(hostile)}`,
          `description: ${JSON.stringify('/tmp/dgsim-escaped')}`,
          `extends: ${JSON.stringify(join(FIXTURES, 'scenarios', 'base.yaml'))}`,
          'segments:',
          `  - { id: young, age: ${JSON.stringify(hostile)}, income: ${JSON.stringify('/etc/passwd')} }`,
          'schedule:',
          `  - { month: 1, set: { channels.assisted.open: true }, note: ${JSON.stringify(hostile)} }`,
          '',
        ].join('\n'),
      );
      const before = snapshot(root);
      const [run, compare] = await inParallel([
        () => runDgsimAsync(bin, ['run', 'in/sneaky.yaml'], cwd),
        () => runDgsimAsync(bin, ['compare', 'in/sneaky.yaml', 'in/sneaky.yaml', '--reps', '2', '--no-report', '--out', 'results/cmp'], cwd),
      ]);
      expect(run!.code, run!.stderr).toBe(0);
      expect(compare!.code, compare!.stderr).toBe(0);
      const created = [...snapshot(root).keys()].filter((file) => !before.has(file));
      expect(created.length).toBeGreaterThan(5);
      for (const file of created) expect(file.startsWith('work/out/sneaky/') || file.startsWith('work/results/cmp/'), file).toBe(true);
      for (const [file, stamp] of before) expect(snapshot(root).get(file), file).toBe(stamp);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
