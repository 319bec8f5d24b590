/**
 * `npm run docs`: writes the documentation generated from the schemas:
 *
 *   src/scenarios/schema.ts ──► docs/scenario-reference.md (scripts/docs/scenario-reference.ts)
 *                           ──► docs/scenario.schema.json  (scenarioJsonSchema)
 *   src/scenarios/sweep/sweep-schema.ts ──► docs/sweep.schema.json (sweepJsonSchema)
 *
 * `npm run docs -- --check` writes nothing and exits 1 when a committed file
 * differs from what the schemas give (test/docs/generated-docs.test.ts does
 * the same check in the test suite).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scenarioJsonSchema, sweepJsonSchema } from '../src/scenarios/json-schema.js';
import { scenarioReferenceMarkdown } from './docs/scenario-reference.js';

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A generated file: its path relative to the repository root and its content. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Every generated documentation file, in memory. Deterministic. */
export function generatedDocs(): GeneratedFile[] {
  return [
    { path: 'docs/scenario-reference.md', content: scenarioReferenceMarkdown() },
    { path: 'docs/scenario.schema.json', content: json(scenarioJsonSchema()) },
    { path: 'docs/sweep.schema.json', content: json(sweepJsonSchema()) },
  ];
}

/** The generated files whose committed copy differs from what the schemas give. */
export function driftedDocs(root = REPO): string[] {
  return generatedDocs()
    .filter((file) => {
      try {
        return readFileSync(join(root, file.path), 'utf8') !== file.content;
      } catch {
        return true;
      }
    })
    .map((file) => file.path);
}

function main(args: readonly string[]): number {
  if (args.includes('--check')) {
    const drifted = driftedDocs();
    for (const path of drifted) process.stderr.write(`docs: ${path} is out of date: run npm run docs\n`);
    return drifted.length === 0 ? 0 : 1;
  }
  for (const file of generatedDocs()) {
    writeFileSync(join(REPO, file.path), file.content);
    process.stderr.write(`docs: wrote ${file.path}\n`);
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
