/**
 * Files dgsim ships beside its code (package.json `files`), such as the
 * built-in scenarios. Found by walking up from this
 * module to dgsim's package.json, which works from `src/cli` (under tsx),
 * from `dist/src/cli` (compiled) and from an installed package alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder of dgsim's package.json.
 * @throws Error when there is none above this module (a broken install).
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let directory = start; ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'dgsim') return (cached = directory);
      } catch {
        // Not a readable package.json: keep walking up.
      }
    }
    if (dirname(directory) === directory) throw new Error(`dgsim's package.json is not above ${start}: reinstall dgsim`);
  }
}

/** The folder of the built-in scenarios (`scenarios/` in the package). */
export function builtinScenariosDirectory(): string {
  return join(packageRoot(), 'scenarios');
}

