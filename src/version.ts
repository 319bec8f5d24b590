/**
 * dgsim's own version, read from its package.json. The module finds the file
 * by walking up from its own location, which works both from `src`
 * (under tsx) and from `dist/src` (compiled).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The `version` field of dgsim's package.json, e.g. "0.1.0"; "unknown" if it cannot be found.
 * Cost: reads at most a few small files, once per process.
 */
export function dgsimVersion(): string {
  if (cached !== undefined) return cached;
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'dgsim' && typeof manifest.version === 'string') return (cached = manifest.version);
    } catch {
      // No package.json here, or not ours: keep walking up.
    }
    const parent = dirname(directory);
    if (parent === directory) return (cached = 'unknown');
    directory = parent;
  }
}
