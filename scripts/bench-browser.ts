/**
 * `npm run bench:browser [-- --sizes 100k,1m,5m] [--runs N] [--json]`: loads generated news-like
 * pages in Chromium with the built extension (.output/chrome-mv3; the npm script builds it first)
 * and measures what Tally costs the page, against the budget. The pages are the Node
 * bench's (same generator, same seed); the measuring is in src/bench/browser/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { parseBenchArgs } from '../src/bench/bench-args';
import {
  BUDGET,
  formatBrowserReport,
  judgeBudgets,
  summarise,
  type BrowserBenchResult,
  type SizeRuns,
} from '../src/bench/browser/browser-report';
import type { FunctionTime } from '../src/bench/browser/cpu-profile';
import { measureControlRun, measureExtensionRun, measureTimingRun } from '../src/bench/browser/measure-run';
import { workerProfiler, workerStopper } from '../src/bench/browser/worker-profile';
import { watchTallyTab } from '../src/bench/browser/tally-tab';
import { generateArticleHtml } from '../src/bench/generate-article';
import { median } from '../src/bench/measure';
import { readSeedSentences } from '../src/bench/read-seeds';
import { chromiumPath, EXTENSION_DIR, launchTally, startSite, tabIdOf } from '../tests/e2e/fixtures';
import { MISSING_CHROMIUM } from '../tests/e2e/chromium';

const USAGE = 'usage: npm run bench:browser -- [--sizes 100k,1m,5m] [--runs N] [--json]';
/** The Node bench's seed (scripts/bench.ts), so both benches read the same pages. */
const SEED = 20260401;
const CONTENT_SCRIPT = join(EXTENSION_DIR, 'content-scripts/content.js');
/** Where the claim index and the matcher are, since the content script asks the background. */
const BACKGROUND_SCRIPT = join(EXTENSION_DIR, 'background.js');
/** Loads of the 100 KB page after stopping the service worker. */
const COLD_RUNS = 3;

function fail(message: string): never {
  process.stderr.write(`bench:browser: ${message}; ${USAGE}\n`);
  process.exit(2);
}

const progress = (line: string) => process.stderr.write(line + '\n');

/** Cleanups run once, on success, error or Ctrl-C: the browser, the server, the temp files. */
const cleanups: (() => Promise<unknown> | void)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(code)));
}

/** The bundle's code where a profiled function starts: names are minified, the code says more. */
function codeLocator(file: string): (fn: FunctionTime) => string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const path = '/' + relative(EXTENSION_DIR, file);
  return (fn) => (fn.url.endsWith(path) ? (lines[fn.line] ?? '').slice(fn.column, fn.column + 70) : fn.url);
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), fail);
  if (!chromiumPath) throw new Error(MISSING_CHROMIUM);
  const bundle = readFileSync(CONTENT_SCRIPT);

  const seedSentences = readSeedSentences();
  // Every run reads a page of its own (same size and make-up, another seed): the background keeps
  // what it matched, and a page it saw the run before would be checked from memory. Each profiled
  // run has a timing run beside it, on a page of its own too.
  const pages = args.sizes.map((size, n) => {
    const runs = args.runs ?? (size.bytes > 2 * 1024 * 1024 ? 3 : 5);
    const cold = size.bytes === BUDGET.smallPageBytes ? COLD_RUNS : 0;
    const variants = Array.from({ length: 2 * runs + cold + (n === 0 ? 1 : 0) }, (_, i) => ({
      key: `${size.key}-${i}`,
      html: generateArticleHtml(size.bytes, SEED + n + 1000 * i, seedSentences),
    }));
    return { ...size, runs, cold, variants };
  });
  const allPages = pages.flatMap((page) => page.variants);

  // The control pages are files: the content script matches http(s) pages only, so the same HTML
  // from a file: URL loads in the same browser, with the same flags, without Tally.
  const controlDir = mkdtempSync(join(tmpdir(), 'tally-bench-browser-'));
  const removeControlDir = () => rmSync(controlDir, { recursive: true, force: true });
  cleanups.push(removeControlDir);
  // Playwright answers Ctrl-C by closing the browser and exiting at once, before cleanUp is done.
  process.once('exit', removeControlDir);
  for (const page of allPages) writeFileSync(join(controlDir, `${page.key}.html`), page.html);
  const site = await startSite(new Map(allPages.map((page) => [`/${page.key}.html`, page.html])));
  cleanups.push(() => site.close());
  const tally = await launchTally();
  cleanups.push(() => tally.close());
  const extensionOrigin = `chrome-extension://${tally.extensionId}/`;
  const userAgent = await tally.worker.evaluate(() => navigator.userAgent);
  const worker = await workerProfiler(tally.context, extensionOrigin);
  cleanups.push(() => worker.close());
  const stopper = await workerStopper(tally.context, extensionOrigin);
  cleanups.push(() => stopper.close());

  // Each run in a fresh page (a fresh document and isolated world), closed after.
  const inNewPage = async <T>(use: (page: Page) => Promise<T>): Promise<T> => {
    const page = await tally.context.newPage();
    try {
      return await use(page);
    } finally {
      await page.close();
    }
  };
  const measureOnce = (key: string) =>
    inNewPage(async (page) => {
      const tab = await watchTallyTab(tally.worker, await tabIdOf(tally, page));
      return measureExtensionRun(page, `${site.origin}/${key}.html`, extensionOrigin, tab, worker);
    });
  const timeOnce = (key: string) =>
    inNewPage(async (page) => {
      const tab = await watchTallyTab(tally.worker, await tabIdOf(tally, page));
      return measureTimingRun(page, `${site.origin}/${key}.html`, extensionOrigin, tab);
    });
  const controlOnce = (key: string) =>
    inNewPage((page) => measureControlRun(page, pathToFileURL(join(controlDir, `${key}.html`)).href, extensionOrigin));

  // A fresh browser's first page also pays for starting the extension's service worker.
  await measureOnce(pages[0]!.variants.at(-1)!.key);
  const measured: SizeRuns[] = [];
  for (const page of pages) {
    const count = page.runs;
    const html = page.variants[0]!.html;
    const size: SizeRuns = {
      label: page.label,
      bytes: page.bytes,
      htmlBytes: Buffer.byteLength(html),
      runs: [],
      controls: [],
      timingRuns: [],
      coldRuns: [],
      backgroundHeapBytes: null,
    };
    for (let i = 0; i < count; i++) {
      const key = page.variants[i]!.key;
      const run = await measureOnce(key);
      size.runs.push(run);
      size.controls.push(await controlOnce(key));
      progress(
        `${page.label} run ${i + 1}/${count}: ext CPU ${run.extCpuMs.toFixed(0)} ms (background ${(run.backgroundCpuMs ?? NaN).toFixed(0)} ms), ` +
          `floor ${run.floorMs.toFixed(2)} ms (warm ${run.warmFloorMs.toFixed(2)} ms), ` +
          `script started ${(run.scriptStartMs ?? NaN).toFixed(0)} ms and was done ${(run.doneMs ?? NaN).toFixed(0)} ms after load, ` +
          `${run.corroborated + run.conflicting} findings`,
      );
      // Interleaved with the profiled runs, so that both meet the same load on the machine.
      const timed = await timeOnce(page.variants[count + i]!.key);
      size.timingRuns.push(timed);
      progress(
        `${page.label} timing run ${i + 1}/${count}: script started ${(timed.scriptStartMs ?? NaN).toFixed(0)} ms and was done ` +
          `${(timed.doneMs ?? NaN).toFixed(0)} ms after load, ${timed.corroborated + timed.conflicting} findings`,
      );
    }
    // Once, after the runs (see WorkerProfiler.heapAfterGc), and before the worker is stopped.
    size.backgroundHeapBytes = await worker.heapAfterGc();
    // The page a user opens after the browser stopped the idle service worker pays for its start.
    for (let i = 0; i < page.cold; i++) {
      await stopper.stop();
      const run = await timeOnce(page.variants[2 * count + i]!.key);
      size.coldRuns.push(run);
      progress(`${page.label} run ${i + 1}/${page.cold} after stopping the service worker: done ${(run.doneMs ?? NaN).toFixed(0)} ms after load`);
    }
    measured.push(size);
  }

  const sizes = measured.map((size) => summarise(size, codeLocator(CONTENT_SCRIPT), codeLocator(BACKGROUND_SCRIPT)));
  const sizeOf = (code: Buffer) => ({ bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
  const bundleSize = sizeOf(bundle);
  const result: BrowserBenchResult = {
    browser: /(?:Headless)?Chrome\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent,
    cpus: availableParallelism(),
    bundle: bundleSize,
    backgroundBundle: sizeOf(readFileSync(BACKGROUND_SCRIPT)),
    sizes,
    budgets: judgeBudgets(sizes, bundleSize),
  };
  sanityCheck(measured);
  process.stdout.write(args.json ? JSON.stringify(result, null, 2) + '\n' : '\n' + formatBrowserReport(result));
}

/**
 * The measurement must see the content script: its time is above 0 on every run and grows with
 * the page, and nothing of it shows on the control pages.
 */
function sanityCheck(sizes: readonly SizeRuns[]): void {
  const problems: string[] = [];
  for (const size of sizes) {
    if (size.runs.some((r) => r.extCpuMs <= 0)) problems.push(`${size.label}: a run with no extension time in its profile`);
    if (size.controls.some((c) => c.extCpuMs > 0)) problems.push(`${size.label}: extension time on a control page`);
  }
  const medians = sizes.map((s) => median(s.runs.map((r) => r.extCpuMs)));
  if (medians.some((m, i) => i > 0 && m <= medians[i - 1]! && sizes[i]!.bytes > sizes[i - 1]!.bytes)) {
    problems.push('extension time does not grow with page size');
  }
  for (const problem of problems) progress(`sanity check: ${problem}`);
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  progress(`bench:browser: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanUp();
}
