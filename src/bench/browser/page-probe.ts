/**
 * Functions that run inside the benchmark's pages, in the page's own (main) world: Playwright
 * sends their source text, so they import nothing and close over nothing. They also declare no
 * named inner functions: tsx compiles with esbuild's keepNames, which wraps those in a `__name`
 * helper that does not exist in the page.
 */

/** What a page records about itself while Tally checks it; times are `performance.now()` ms. */
export interface ProbeState {
  /** Every `longtask` entry (tasks over 50 ms), buffered from the page's start. */
  longTasks: { start: number; duration: number }[];
  /** When Tally's highlights first held a range, and when their total last changed. */
  firstHighlightAt: number | null;
  lastChangeAt: number | null;
  corroborated: number;
  conflicting: number;
}

/** The probe's state read at `now`, with the page's DOMContentLoaded end and load event start. */
export interface ProbeReading extends ProbeState {
  now: number;
  /** `performance.timeOrigin`: epoch ms of the page's time 0. */
  timeOrigin: number;
  domContentLoaded: number;
  load: number;
}

type ProbeWindow = Window & { __tallyBench: ProbeState };

/** `scheduler.postTask` is not in TypeScript's DOM library yet. */
interface WithScheduler {
  scheduler?: { postTask?: (task: () => void, options: { priority: 'user-blocking'; delay: number }) => Promise<void> };
}

/**
 * Installed with `page.addInitScript(installProbe, names)` before the page's own scripts: observes
 * long tasks, and samples the sizes of the two highlights of `names` (corroborated, conflicting).
 *
 * Samples are taken in every animation frame (a highlight is seen when a frame paints it) and
 * every 4 ms from a user-blocking scheduler task: a plain timer would wait behind the content
 * script's `scheduler.yield()` continuations until the whole check ends. Each sample reads two
 * sizes, too little to slow the check it watches.
 */
export function installProbe(names: readonly [string, string]): void {
  const state: ProbeState = { longTasks: [], firstHighlightAt: null, lastChangeAt: null, corroborated: 0, conflicting: 0 };
  (window as unknown as ProbeWindow).__tallyBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  // Members, not named functions: see the note at the top of the file.
  const probe: { sample?: () => void; onFrame?: () => void; onTask?: () => void } = {};
  probe.sample = () => {
    const corroborated = CSS.highlights.get(names[0])?.size ?? 0;
    const conflicting = CSS.highlights.get(names[1])?.size ?? 0;
    if (corroborated === state.corroborated && conflicting === state.conflicting) return;
    const now = performance.now();
    state.corroborated = corroborated;
    state.conflicting = conflicting;
    state.lastChangeAt = now;
    if (state.firstHighlightAt === null && corroborated + conflicting > 0) state.firstHighlightAt = now;
  };
  probe.onFrame = () => {
    probe.sample!();
    requestAnimationFrame(probe.onFrame!);
  };
  requestAnimationFrame(probe.onFrame);
  const scheduler = (window as unknown as WithScheduler).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    probe.onTask = () => {
      probe.sample!();
      void scheduler.postTask!(probe.onTask!, { priority: 'user-blocking', delay: 4 });
    };
    probe.onTask();
  } else setInterval(probe.sample, 4);
}

/** `page.evaluate(readProbe)`: a snapshot of the probe's state. */
export function readProbe(): ProbeReading {
  const state = (window as unknown as ProbeWindow).__tallyBench;
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    ...state,
    longTasks: [...state.longTasks],
    now: performance.now(),
    timeOrigin: performance.timeOrigin,
    domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
    load: navigation?.loadEventStart ?? Number.NaN,
  };
}

/**
 * The floor, timed by the page itself: one TreeWalker pass over every text node that counts the
 * digit runs, the least any figure checker must do. The digit loop is countDigitRuns's
 * (src/bench/digit-floor.ts), written out again because this function runs in the page.
 */
export function digitFloorPass(): { ms: number; digitRuns: number; textNodes: number } {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let digitRuns = 0;
  let textNodes = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = (node as Text).data;
    textNodes++;
    let inRun = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const digit = code >= 48 && code <= 57;
      if (digit && !inRun) digitRuns++;
      inRun = digit;
    }
  }
  return { ms: performance.now() - start, digitRuns, textNodes };
}
