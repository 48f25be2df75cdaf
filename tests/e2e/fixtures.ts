/**
 * The e2e fixtures: a local site serving tests/e2e/site/ on 127.0.0.1, and Chromium with the
 * built extension loaded in a fresh profile. No test reaches the network.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { findChromium } from './chromium';

/** The `chrome` global of extension contexts, for code evaluated in them. */
export type ExtensionGlobal = { chrome: typeof Browser };

const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const SITE_DIR = join(ROOT, 'tests/e2e/site');
export const ARTIFACTS_DIR = join(ROOT, 'tests/e2e/artifacts');

/** The Chromium the tests drive; undefined skips them (global-setup fails instead under CI). */
export const chromiumPath = findChromium();

export interface Site {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };

/**
 * Serves the fixture pages. Paths under /spa/ all get spa.html, as a single-page app's server
 * would; /file.pdf is served as a PDF. `pages` adds pages made by the test (path → HTML).
 */
export async function startSite(pages: ReadonlyMap<string, string> = new Map()): Promise<Site> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const made = pages.get(path);
    if (made !== undefined) {
      // Never from the cache: a benchmark loads the same page many times.
      response.writeHead(200, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-store' }).end(made);
      return;
    }
    const file = path.startsWith('/spa/') ? 'spa.html' : path.slice(1);
    if (!/^[\w-]+\.(html|js)$/.test(file)) {
      response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    try {
      const body = readFileSync(join(SITE_DIR, file));
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('site did not start');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((done) => {
        // The browser's keep-alive connections would hold close() open.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface Tally {
  context: BrowserContext;
  /** The extension's service worker (the background). */
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Starts Chromium with the built extension, in a new profile, or in `profile` (a user-data
 * folder the caller owns and removes: starting twice in it is a browser restart).
 */
export async function launchTally(options: { colorScheme?: 'light' | 'dark'; args?: string[]; profile?: string } = {}): Promise<Tally> {
  if (!chromiumPath) throw new Error('no Chromium');
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'tally-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    // The extension needs the new headless mode, asked for with the flag below.
    headless: false,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      // The browser's own background requests (sign-in, component updates) resolve nowhere:
      // only the fixture site on 127.0.0.1 is reachable, and nothing leaves the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the browser tab showing `page`, as the extension sees it. */
export async function tabIdOf(tally: Tally, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await tally.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobal;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error('no active tab');
  return id;
}

/** Where screenshots go (git-ignored); created on demand. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
