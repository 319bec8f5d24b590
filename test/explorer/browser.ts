/**
 * Test harness for the explorer in a real browser: builds the app once per
 * test file into a temporary folder, serves it with the explorer's own
 * server on 127.0.0.1, and drives Debian's Chromium through playwright-core
 * (a persistent context on a fresh profile directory, removed afterwards).
 * Every request the page makes is recorded, and any to a host other than
 * the test server is aborted, so "works offline" is checked, not assumed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildExplorer } from '../../src/explorer/build.js';
import { serveStatic, type StaticServer } from '../../src/explorer/server.js';
import { REPO } from './paths.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Where screenshots go (git-ignored). */
export const ARTIFACTS = join(REPO, 'test-artifacts');

/** Why browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is absent: install it with "apt-get update && apt-get install -y chromium" to run the explorer's browser tests`;
}

export interface ExplorerSession {
  readonly server: StaticServer;
  readonly context: BrowserContext;
  /** Every URL the pages requested. */
  readonly requests: string[];
  /** Console errors and uncaught page errors, as text. */
  readonly errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the explorer, serves it and opens Chromium on it. */
export async function openExplorer(options: { readonly width?: number; readonly height?: number } = {}): Promise<ExplorerSession> {
  const buildDir = mkdtempSync(join(tmpdir(), 'dgsim-explorer-test-'));
  const profile = mkdtempSync(join(tmpdir(), 'dgsim-chromium-'));
  await buildExplorer({ outDir: buildDir });
  const server = await serveStatic(buildDir, 0);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: options.width ?? 1600, height: options.height ?? 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    await server.close();
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const requests: string[] = [];
  const errors: string[] = [];
  const origin = new URL(server.url).origin;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) await route.continue();
    else await route.abort('blockedbyclient');
  });
  const watch = (page: Page): void => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  return {
    server,
    context,
    requests,
    errors,
    newPage: async () => {
      const page = await context.newPage();
      return page;
    },
    close: async () => {
      try {
        await context.close();
      } finally {
        await server.close();
        rmSync(buildDir, { recursive: true, force: true });
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/** Saves a full-page screenshot as test-artifacts/explorer-<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `explorer-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until every run on the page has finished (after pressing Play at the fastest speed). */
export async function waitForFinish(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.waitForFunction(() => window.dgsim.state().finished, undefined, { timeout: timeoutMs, polling: 200 });
}
