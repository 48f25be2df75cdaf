import type { CDPSession, Page } from 'playwright-core';
import { HIGHLIGHT_NAMES } from '../../content/highlighter';
import { median } from '../measure';
import {
  extensionActivity,
  functionsWithin,
  type CpuProfile,
  type ExtensionActivity,
  type ExtensionSample,
  type FunctionTime,
} from './cpu-profile';
import { digitFloorPass, installProbe, readProbe, type ProbeReading } from './page-probe';
import type { TallyTab } from './tally-tab';
import type { WorkerProfiler } from './worker-profile';

/** The highlights' total must hold still this long (and Tally must say `done`) to call a check finished. */
export const SETTLE_MS = 500;
/** Finer than V8's 1 ms default, so a 50 ms task can be told apart from its neighbours. */
const SAMPLING_INTERVAL_US = 200;
/**
 * A timing run samples the page only to see when the content script starts, at V8's default
 * interval: sampling every 200 µs, and profiling the service worker, slow both down (a 5 MB page
 * was checked in about 2.3 s unobserved and in 2.7-3.7 s under both profilers, on a 2-core machine).
 */
const TIMING_SAMPLING_INTERVAL_US = 1000;
const FLOOR_PASSES = 7;
const RUN_TIMEOUT_MS = 60_000;

/** A main-thread task over 50 ms; times in ms from the load event. */
export interface LongTask {
  startMs: number;
  durationMs: number;
  /** The part of it the profile sampled under extension frames, and by which functions. */
  extMs: number;
  extFunctions: FunctionTime[];
}

/**
 * The times of one load of a page with Tally on it, in ms from the page's load event. A timing
 * run measures only these, as a user meets the check: no profiler on the service worker, and the
 * page sampled only coarsely (see measureTimingRun).
 */
export interface TimingRun {
  /** The content script's first sample: document_idle, as observed. */
  scriptStartMs: number | null;
  /** When the content script reported its check `done`. */
  doneMs: number | null;
  firstHighlightMs: number | null;
  finalHighlightMs: number | null;
  corroborated: number;
  conflicting: number;
}

/** One load of a page with Tally on it, profiled. Times are ms from the page's load event. */
export interface ExtensionRun extends TimingRun {
  /** Sampled time with an extension frame on the stack (see extensionActivity), over load and check. */
  extCpuMs: number;
  /** Sampled time in extension frames themselves. */
  extSelfMs: number;
  /**
   * The service worker's sampled time over the same run: the checking of the page's texts,
   * which runs there, off the page's main thread. Null when the worker could not be profiled.
   */
  backgroundCpuMs: number | null;
  /** Self time per function in the service worker. */
  backgroundFunctions: FunctionTime[];
  /** All the main thread's sampled work, the page's included (see ExtensionActivity.busyMs). */
  busyMs: number;
  /** Long tasks that end after DOMContentLoaded, before which no document_idle script runs. */
  longTasks: LongTask[];
  /** The renderer's JS heap (every world: the page's and the content script's) after a forced GC. */
  heapUsedBytes: number;
  /**
   * The floor: one pass in a world made for it, as a content script's is, so that it pays what
   * the content script pays on its first look at the page (its own wrappers of the nodes).
   */
  floorMs: number;
  /** The median of several passes in the page's own world, where the nodes' wrappers exist already after the first. */
  warmFloorMs: number;
  functions: FunctionTime[];
}

/** The same page without Tally: what the page costs by itself. */
export interface ControlRun {
  heapUsedBytes: number;
  longTasks: LongTask[];
  /** Must be 0: nothing of the extension runs on a control page. */
  extCpuMs: number;
  busyMs: number;
}

/**
 * Loads `url` in `page` (fresh, with the extension loaded in its context) under a CPU profile,
 * waits until Tally has finished checking it, and measures. `tab` watches the page's content
 * script; frames whose URL starts with `extensionOrigin` are Tally's.
 */
export async function measureExtensionRun(
  page: Page,
  url: string,
  extensionOrigin: string,
  tab: TallyTab,
  worker: WorkerProfiler,
): Promise<ExtensionRun> {
  await worker.start();
  const { load, timing } = await loadUntilChecked(page, url, extensionOrigin, tab, SAMPLING_INTERVAL_US);
  const workerProfile = await worker.stop();
  const background = workerProfile && extensionActivity(workerProfile.profile, (frameUrl) => frameUrl.startsWith(extensionOrigin));
  const { activity } = load;
  const floorMs = await floorInFreshWorld(page);
  const floor: number[] = [];
  for (let i = 0; i < FLOOR_PASSES; i++) floor.push((await page.evaluate(digitFloorPass)).ms);

  return {
    ...timing,
    extCpuMs: activity.totalMs,
    extSelfMs: activity.selfMs,
    backgroundCpuMs: background?.totalMs ?? null,
    backgroundFunctions: background?.functions ?? [],
    busyMs: activity.busyMs,
    longTasks: load.longTasks,
    heapUsedBytes: load.heapUsedBytes,
    floorMs,
    warmFloorMs: median(floor),
    functions: activity.functions,
  };
}

/** Loads `url` as measureExtensionRun does, but only to time it (see TimingRun). */
export async function measureTimingRun(page: Page, url: string, extensionOrigin: string, tab: TallyTab): Promise<TimingRun> {
  return (await loadUntilChecked(page, url, extensionOrigin, tab, TIMING_SAMPLING_INTERVAL_US)).timing;
}

/** Loads `url` until Tally said `done` and the highlights held still SETTLE_MS, and reads the times. */
async function loadUntilChecked(
  page: Page,
  url: string,
  extensionOrigin: string,
  tab: TallyTab,
  samplingIntervalUs: number,
): Promise<{ load: ProfiledLoad; timing: TimingRun }> {
  const load = await profiledLoad(
    page,
    url,
    extensionOrigin,
    async () => {
      const reading = await page.evaluate(readProbe);
      const quietMs = reading.now - (reading.lastChangeAt ?? reading.load);
      return quietMs >= SETTLE_MS && (await tab.status()) === 'done' ? reading : null;
    },
    samplingIntervalUs,
  );
  const { reading, activity, toPageMs } = load;
  const doneAt = await tab.doneAt();
  const first = activity.samples[0];
  const fromLoad = (time: number | null) => (time === null ? null : time - reading.load);
  return {
    load,
    timing: {
      scriptStartMs: first ? toPageMs(first.at) - reading.load : null,
      doneMs: doneAt === undefined ? null : doneAt - reading.timeOrigin - reading.load,
      firstHighlightMs: fromLoad(reading.firstHighlightAt),
      finalHighlightMs: fromLoad(reading.lastChangeAt),
      corroborated: reading.corroborated,
      conflicting: reading.conflicting,
    },
  };
}

/** Times digitFloorPass once in a new isolated world of the page's main frame. */
async function floorInFreshWorld(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'tally-bench-floor' });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: executionContextId,
      expression: `(${digitFloorPass.toString()})()`,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`the floor pass failed: ${exceptionDetails.text}`);
    return (result.value as ReturnType<typeof digitFloorPass>).ms;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Loads `url`, which the extension does not run on, measured the same way; waits SETTLE_MS after load. */
export async function measureControlRun(page: Page, url: string, extensionOrigin: string): Promise<ControlRun> {
  const load = await profiledLoad(page, url, extensionOrigin, async () => {
    const reading = await page.evaluate(readProbe);
    return reading.now - reading.load >= SETTLE_MS ? reading : null;
  });
  const { heapUsedBytes, longTasks, activity } = load;
  return { heapUsedBytes, longTasks, extCpuMs: activity.totalMs, busyMs: activity.busyMs };
}

interface ProfiledLoad {
  reading: ProbeReading;
  activity: ExtensionActivity;
  /** Converts a time of the profile's clock (ms) to the page's `performance.now()`. */
  toPageMs: (profileMs: number) => number;
  longTasks: LongTask[];
  heapUsedBytes: number;
}

/**
 * The measurement every kind of run shares: the probe, a CPU profile from before the navigation
 * until `done` returns a reading, then the heap after a forced GC.
 *
 * The profiler keeps running across the navigation's switch to the page's renderer (DevTools
 * restarts it there), so the profile covers the page from its first task. Its clock is the
 * browser's monotonic clock; `Performance.getMetrics` gives the navigation's start on that clock,
 * which is the page's `performance.now()` origin.
 */
async function profiledLoad(
  page: Page,
  url: string,
  extensionOrigin: string,
  done: () => Promise<ProbeReading | null>,
  samplingIntervalUs = SAMPLING_INTERVAL_US,
): Promise<ProfiledLoad> {
  await page.addInitScript(installProbe, [HIGHLIGHT_NAMES.corroborated, HIGHLIGHT_NAMES.conflicting] as const);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: RUN_TIMEOUT_MS });
    const reading = await poll(done, RUN_TIMEOUT_MS, url);
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = await getMetrics(cdp);
    const navigationStartMs = metrics.NavigationStart * 1000;
    const toPageMs = (profileMs: number) => profileMs - navigationStartMs;
    const activity = extensionActivity(profile as CpuProfile, (frameUrl) => frameUrl.startsWith(extensionOrigin));
    return {
      reading,
      activity,
      toPageMs,
      longTasks: longTasksAfter(reading, activity.samples, toPageMs),
      heapUsedBytes: metrics.JSHeapUsedSize,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function getMetrics(cdp: CDPSession): Promise<{ NavigationStart: number; JSHeapUsedSize: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => {
    const metric = metrics.find((m) => m.name === name);
    if (!metric) throw new Error(`Performance.getMetrics has no ${name}`);
    return metric.value;
  };
  return { NavigationStart: value('NavigationStart'), JSHeapUsedSize: value('JSHeapUsedSize') };
}

/** The long tasks that end after DOMContentLoaded, each with the extension's share of it. */
function longTasksAfter(
  reading: ProbeReading,
  samples: readonly ExtensionSample[],
  toPageMs: (ms: number) => number,
): LongTask[] {
  const onPage = samples.map((s) => ({ ...s, at: toPageMs(s.at) }));
  return reading.longTasks
    .filter((task) => task.start + task.duration > reading.domContentLoaded)
    .map((task) => {
      const extFunctions = functionsWithin(onPage, task.start, task.start + task.duration);
      return {
        startMs: task.start - reading.load,
        durationMs: task.duration,
        extMs: extFunctions.reduce((sum, fn) => sum + fn.selfMs, 0),
        extFunctions: extFunctions.slice(0, 5),
      };
    });
}

async function poll<T>(attempt: () => Promise<T | null>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== null) return result;
    if (Date.now() > deadline) throw new Error(`${what}: not settled within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
