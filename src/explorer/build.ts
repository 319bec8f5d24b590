/**
 * Builds the explorer into a folder of static files any web host can serve:
 *
 *   app/main.ts ──esbuild──► app.js     (the page: controls, charts, lessons)
 *   worker.ts   ──esbuild──► worker.js  (the simulator, in a Web Worker)
 *   scenarios/*.yaml ──────► inlined in app.js (built-in city and lessons)
 *   index.html, styles.css ► copied
 *
 * Everything the page needs is in the folder: no CDN, no web fonts, no
 * request to any other host. Works from the TypeScript sources (under tsx)
 * and from the compiled `dist/` alike.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

export interface BuildOptions {
  /** Folder to write into (created if missing; files of the same names are replaced). */
  readonly outDir: string;
  /** Folder of the built-in scenarios [default: the package's `scenarios/`]. */
  readonly scenariosDir?: string;
  readonly minify?: boolean;
}

export interface BuildResult {
  readonly outDir: string;
  /** Files written, relative to outDir. */
  readonly files: readonly string[];
  /** Built-in scenario files bundled. */
  readonly scenarios: readonly string[];
}

/** Files of the built app, relative to its folder. */
export const EXPLORER_FILES = ['index.html', 'styles.css', 'app.js', 'worker.js'] as const;

const HERE = dirname(fileURLToPath(import.meta.url));
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** The package root: the nearest folder above this file with a package.json. */
function packageRoot(): string {
  for (let dir = HERE; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${HERE}`);
  }
}

/** A static asset of the explorer: next to this file, or in the package's src/explorer when running from dist/. */
function assetPath(name: string): string {
  const beside = join(HERE, name);
  if (existsSync(beside)) return beside;
  const source = join(packageRoot(), 'src', 'explorer', name);
  if (existsSync(source)) return source;
  throw new Error(`the explorer's ${name} is missing (looked in ${HERE} and ${dirname(source)})`);
}

/** The texts of every `*.yaml` in a folder, by file name, in name order. */
export function readScenarioTexts(directory: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const file of readdirSync(directory).filter((name) => /\.ya?ml$/.test(name)).sort()) texts[file] = readFileSync(join(directory, file), 'utf8');
  return texts;
}

/** Replaces `scenario-texts` with the bundled texts. */
function scenarioTextsPlugin(texts: Readonly<Record<string, string>>): Plugin {
  return {
    name: 'dgsim-scenario-texts',
    setup(build) {
      build.onLoad({ filter: /[\\/]explorer[\\/]scenario-texts\.(ts|js)$/ }, () => ({
        contents: `export const SCENARIO_TEXTS = Object.freeze(${JSON.stringify(texts)});`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Bundles the explorer into `outDir`. Deterministic: the same sources give
 * the same files.
 * @throws Error when esbuild is not installed or the bundle fails.
 * @example await buildExplorer({ outDir: 'out/explorer' })
 */
export async function buildExplorer(options: BuildOptions): Promise<BuildResult> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('dgsim explore needs the esbuild package to build the page: npm install esbuild@0.28.2');
  }
  const outDir = resolve(options.outDir);
  const texts = readScenarioTexts(options.scenariosDir ?? join(packageRoot(), 'scenarios'));
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: { app: join(HERE, 'app', `main${EXT}`), worker: join(HERE, `worker${EXT}`) },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    minify: options.minify ?? true,
    sourcemap: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    plugins: [scenarioTextsPlugin(texts)],
  });
  for (const asset of ['index.html', 'styles.css']) copyFileSync(assetPath(asset), join(outDir, asset));
  return { outDir, files: [...EXPLORER_FILES], scenarios: Object.keys(texts) };
}
