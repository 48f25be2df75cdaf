import { median } from '../measure';
import { mergeFunctions, type FunctionTime } from './cpu-profile';
import type { ControlRun, ExtensionRun, LongTask, TimingRun } from './measure-run';

const KB = 1024;
const MB = 1024 * 1024;

/** The issue's budget (issue 5). Bundle kilobytes are decimal: the stricter reading. */
export const BUDGET = {
  smallPageBytes: 100 * KB,
  smallPageCheckedMs: 100,
  longTaskMs: 50,
  largePageBytes: 5 * MB,
  largePageCheckedMs: 3000,
  floorPageBytes: MB,
  floorMultiple: 10,
  bundleBytes: 150_000,
} as const;

/** The runs of one page size: with Tally, and the same page without it. */
export interface SizeRuns {
  label: string;
  /** The size asked for; the generated HTML is a little larger. */
  bytes: number;
  htmlBytes: number;
  runs: ExtensionRun[];
  controls: ControlRun[];
  /** Loads timed without the profilers, for the times to highlight and to checked (see TimingRun). */
  timingRuns: TimingRun[];
  /** Timed loads with the service worker stopped before the load (the first page after it idled): they pay its start. */
  coldRuns: TimingRun[];
  /** The service worker's JS heap after a forced GC, read once after the runs; null when it could not be. */
  backgroundHeapBytes: number | null;
}

/** A function's self time, with the bundle's code where it starts (the bundle is minified). */
export interface HotFunction extends FunctionTime {
  code: string;
}

/**
 * Medians over the runs of one size. Highlight and check times are from document_idle as observed:
 * the content script's first profile sample (Chromium injects it before or at the load event).
 * They come from the timing runs; the profiled runs' own, slowed by the profilers, are kept beside.
 */
export interface SizeSummary {
  label: string;
  bytes: number;
  htmlBytes: number;
  runs: number;
  extCpuMs: number;
  extSelfMs: number;
  /** The service worker's time over the runs (where the texts are checked); null when it could not be profiled. */
  backgroundCpuMs: number | null;
  floorMs: number;
  /** extCpuMs / floorMs. */
  floorMultiple: number;
  /** The floor timed in the page's own world after a first pass, and extCpuMs over it. */
  warmFloorMs: number;
  warmFloorMultiple: number;
  /** Main-thread work with Tally minus without: its frames, and the rendering and GC it causes. */
  busyDeltaMs: number;
  /** The longest task after DOMContentLoaded, 0 when none was over 50 ms; and the extension's part of it. */
  longestTaskMs: number;
  longestTaskExtMs: number;
  /** The longest task at least half under extension frames (0 when none), median and worst run. */
  extTaskMs: number;
  worstExtTaskMs: number;
  /** That worst task, with the extension functions it ran. */
  worstExtTask: (Omit<LongTask, 'extFunctions'> & { extFunctions: HotFunction[] }) | null;
  /** The same for the page without Tally. */
  controlLongestTaskMs: number;
  /** document_idle, in ms from the load event (negative when it came first), in the timing runs. */
  idleAfterLoadMs: number | null;
  timingRuns: number;
  firstHighlightMs: number | null;
  finalHighlightMs: number | null;
  /** When the content script reported `done` (or the final highlight, if later). */
  checkedMs: number | null;
  /** The same two in the profiled runs. */
  profiledFirstHighlightMs: number | null;
  profiledCheckedMs: number | null;
  /** Checked, over the timing runs that started the service worker (null when there were none). */
  coldCheckedMs: number | null;
  coldRuns: number;
  /** Heap with Tally minus heap without it, each after a forced GC. */
  heapDeltaBytes: number;
  /** The service worker's heap after the runs (null when it could not be read). */
  backgroundHeapBytes: number | null;
  corroborated: number;
  conflicting: number;
  /** Self time per run of the hottest extension functions, in the page and in the service worker. */
  hotFunctions: HotFunction[];
  hotBackgroundFunctions: HotFunction[];
}

export interface BundleSize {
  bytes: number;
  gzipBytes: number;
}

export interface BudgetLine {
  budget: string;
  /** null when the size it concerns was not run. */
  pass: boolean | null;
  detail: string;
}

export interface BrowserBenchResult {
  browser: string;
  cpus: number;
  bundle: BundleSize;
  /** The background's script, with the claim index and the matcher: loaded once per browser, not per page. */
  backgroundBundle: BundleSize;
  sizes: SizeSummary[];
  budgets: BudgetLine[];
}

const medianOf = <T>(items: readonly T[], pick: (item: T) => number) => median(items.map(pick));

function medianOrNull<T>(items: readonly T[], pick: (item: T) => number | null): number | null {
  const values = items.map(pick).filter((v): v is number => v !== null);
  return values.length === items.length && values.length > 0 ? median(values) : null;
}

const longest = (tasks: readonly LongTask[]): LongTask | undefined =>
  tasks.reduce<LongTask | undefined>((best, task) => (best && best.durationMs >= task.durationMs ? best : task), undefined);
const longestExtTask = (run: ExtensionRun) => longest(run.longTasks.filter((t) => t.extMs >= t.durationMs / 2));

/** Reduces the runs of a size to medians; `codeAt` shows the bundle's code where a function starts. */
export function summarise(
  size: SizeRuns,
  codeAt: (fn: FunctionTime) => string,
  backgroundCodeAt: (fn: FunctionTime) => string,
  hot = 8,
): SizeSummary {
  const { runs, controls, timingRuns } = size;
  const fromIdle = (pick: (run: TimingRun) => number | null) => (run: TimingRun) => {
    const time = pick(run);
    return time === null || run.scriptStartMs === null ? null : time - run.scriptStartMs;
  };
  const checked = (run: TimingRun) =>
    run.doneMs === null ? null : Math.max(run.doneMs, run.finalHighlightMs ?? run.doneMs);
  const extCpuMs = medianOf(runs, (r) => r.extCpuMs);
  const worstExtTask = longest(runs.map(longestExtTask).filter((t) => t !== undefined));
  const located = (fns: readonly FunctionTime[]) => fns.map((fn) => ({ ...fn, code: codeAt(fn) }));
  const floorMs = medianOf(runs, (r) => r.floorMs);
  const warmFloorMs = medianOf(runs, (r) => r.warmFloorMs);
  return {
    label: size.label,
    bytes: size.bytes,
    htmlBytes: size.htmlBytes,
    runs: runs.length,
    extCpuMs,
    extSelfMs: medianOf(runs, (r) => r.extSelfMs),
    backgroundCpuMs: medianOrNull(runs, (r) => r.backgroundCpuMs),
    floorMs,
    floorMultiple: extCpuMs / floorMs,
    warmFloorMs,
    warmFloorMultiple: extCpuMs / warmFloorMs,
    busyDeltaMs: medianOf(runs, (r) => r.busyMs) - medianOf(controls, (c) => c.busyMs),
    longestTaskMs: medianOf(runs, (r) => longest(r.longTasks)?.durationMs ?? 0),
    longestTaskExtMs: medianOf(runs, (r) => longest(r.longTasks)?.extMs ?? 0),
    extTaskMs: medianOf(runs, (r) => longestExtTask(r)?.durationMs ?? 0),
    worstExtTaskMs: worstExtTask?.durationMs ?? 0,
    worstExtTask: worstExtTask ? { ...worstExtTask, extFunctions: located(worstExtTask.extFunctions) } : null,
    controlLongestTaskMs: medianOf(controls, (c) => longest(c.longTasks)?.durationMs ?? 0),
    idleAfterLoadMs: medianOrNull(timingRuns, (r) => r.scriptStartMs),
    timingRuns: timingRuns.length,
    firstHighlightMs: medianOrNull(timingRuns, fromIdle((r) => r.firstHighlightMs)),
    finalHighlightMs: medianOrNull(timingRuns, fromIdle((r) => r.finalHighlightMs)),
    checkedMs: medianOrNull(timingRuns, fromIdle(checked)),
    profiledFirstHighlightMs: medianOrNull(runs, fromIdle((r) => r.firstHighlightMs)),
    profiledCheckedMs: medianOrNull(runs, fromIdle(checked)),
    coldCheckedMs: medianOrNull(size.coldRuns, fromIdle(checked)),
    coldRuns: size.coldRuns.length,
    heapDeltaBytes: medianOf(runs, (r) => r.heapUsedBytes) - medianOf(controls, (c) => c.heapUsedBytes),
    backgroundHeapBytes: size.backgroundHeapBytes,
    corroborated: medianOf(runs, (r) => r.corroborated),
    conflicting: medianOf(runs, (r) => r.conflicting),
    hotFunctions: located(mergeFunctions(runs.flatMap((r) => r.functions), runs.length).slice(0, hot)),
    hotBackgroundFunctions: mergeFunctions(runs.flatMap((r) => r.backgroundFunctions), runs.length)
      .slice(0, hot)
      .map((fn) => ({ ...fn, code: backgroundCodeAt(fn) })),
  };
}

/** The issue's five budget lines, judged on the medians. */
export function judgeBudgets(sizes: readonly SizeSummary[], bundle: BundleSize): BudgetLine[] {
  const at = (bytes: number) => sizes.find((s) => s.bytes === bytes);
  const notRun = (budget: string, bytes: number): BudgetLine => ({ budget, pass: null, detail: `${formatBytes(bytes)} page not run` });
  const lines: BudgetLine[] = [];

  const small = at(BUDGET.smallPageBytes);
  const smallBudget = `100 KB page checked and highlighted within ${BUDGET.smallPageCheckedMs} ms of document_idle`;
  if (!small) lines.push(notRun(smallBudget, BUDGET.smallPageBytes));
  else {
    lines.push({
      budget: smallBudget,
      pass: small.checkedMs !== null && small.checkedMs <= BUDGET.smallPageCheckedMs,
      detail:
        (small.checkedMs === null ? 'never checked' : `checked ${ms(small.checkedMs)} ms after document_idle`) +
        ` (${optionalMs(small.profiledCheckedMs)} ms under the profilers)` +
        (small.coldCheckedMs === null ? '' : `; ${ms(small.coldCheckedMs)} ms when the load has to start the stopped service worker`),
    });
  }

  const worst = sizes.reduce<SizeSummary | undefined>((w, s) => (w && w.extTaskMs >= s.extTaskMs ? w : s), undefined);
  lines.push({
    budget: `no extension task over ${BUDGET.longTaskMs} ms at any size`,
    pass: worst === undefined ? null : worst.extTaskMs <= BUDGET.longTaskMs,
    detail: sizes
      .map((s) => `${s.label} ${s.extTaskMs > 0 ? `${ms(s.extTaskMs)} ms` : `none > ${BUDGET.longTaskMs}`} (worst run ${s.worstExtTaskMs > 0 ? `${ms(s.worstExtTaskMs)} ms` : 'none'})`)
      .join(', '),
  });

  const large = at(BUDGET.largePageBytes);
  const largeBudget = `5 MB page fully checked within ${BUDGET.largePageCheckedMs / 1000} s`;
  if (!large) lines.push(notRun(largeBudget, BUDGET.largePageBytes));
  else
    lines.push({
      budget: largeBudget,
      pass: large.checkedMs !== null && large.checkedMs <= BUDGET.largePageCheckedMs,
      detail:
        (large.checkedMs === null ? 'never checked' : `checked ${ms(large.checkedMs)} ms after document_idle`) +
        ` (${optionalMs(large.profiledCheckedMs)} ms under the profilers)`,
    });

  const floorPage = at(BUDGET.floorPageBytes);
  const floorBudget = `extension CPU within ${BUDGET.floorMultiple}× the floor at 1 MB`;
  if (!floorPage) lines.push(notRun(floorBudget, BUDGET.floorPageBytes));
  else
    lines.push({
      budget: floorBudget,
      pass: floorPage.floorMultiple <= BUDGET.floorMultiple,
      detail:
        `${ms(floorPage.extCpuMs)} ms / ${floorPage.floorMs.toFixed(2)} ms = ${floorPage.floorMultiple.toFixed(1)}×; ` +
        `over the warm floor, ${ms(floorPage.extCpuMs)} ms / ${floorPage.warmFloorMs.toFixed(2)} ms = ${floorPage.warmFloorMultiple.toFixed(1)}×`,
    });

  lines.push({
    budget: `content script bundle under ${BUDGET.bundleBytes / 1000} KB`,
    pass: bundle.bytes < BUDGET.bundleBytes,
    detail: `${bundle.bytes.toLocaleString('en-US')} bytes (${bundle.gzipBytes.toLocaleString('en-US')} gzipped)`,
  });
  return lines;
}

/** The human report: the table, its legend, the budget lines and where the time goes. */
export function formatBrowserReport(result: BrowserBenchResult): string {
  const header = ['size', 'ext CPU ms', 'background ms', 'floor ms', 'ratio', 'warm floor ms', 'warm ratio', 'main thread Δ ms', 'longest task ms', 'longest ext task', 'first highlight ms', 'final highlights ms', 'checked ms', 'checked, profiled ms', 'heap MB', 'background heap MB', 'findings'];
  const rows = result.sizes.map((s) => [
    s.label,
    ms(s.extCpuMs),
    optionalMs(s.backgroundCpuMs),
    s.floorMs.toFixed(2),
    `${s.floorMultiple.toFixed(1)}×`,
    s.warmFloorMs.toFixed(2),
    `${s.warmFloorMultiple.toFixed(0)}×`,
    ms(s.busyDeltaMs),
    s.longestTaskMs > 0 ? `${ms(s.longestTaskMs)} (ext ${ms(s.longestTaskExtMs)})` : `none > ${BUDGET.longTaskMs}`,
    s.extTaskMs > 0 ? ms(s.extTaskMs) : `none > ${BUDGET.longTaskMs}`,
    optionalMs(s.firstHighlightMs),
    optionalMs(s.finalHighlightMs),
    optionalMs(s.checkedMs),
    optionalMs(s.profiledCheckedMs),
    (s.heapDeltaBytes / MB).toFixed(1),
    s.backgroundHeapBytes === null ? '-' : (s.backgroundHeapBytes / MB).toFixed(1),
    `${s.corroborated + s.conflicting} (${s.conflicting} confl.)`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    `${result.browser}, ${result.cpus} CPUs; medians over the runs of each size (a noisy shared machine: read them as such)`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    'ext CPU: CPU-profile time with a chrome-extension:// frame on the stack, over load and check (200 µs sampling).',
    'background: the service worker\'s CPU-profile time over the same runs: the matching of the page\'s texts runs there.',
    'floor: one TreeWalker pass over every text node counting digit runs, timed in the same page, in a new isolated world',
    '  (as the content script\'s is: it pays for its own node wrappers). ratio = ext CPU / floor.',
    'warm floor: the median of 7 such passes in the page\'s own world, every pass after the first reusing its wrappers.',
    'main thread Δ: all sampled non-idle main-thread time with Tally minus the same page without it: ext CPU plus the',
    '  style, layout, paint and GC it causes outside its own frames.',
    'longest task: longtask entries ending after DOMContentLoaded; "ext" = profile time under extension frames inside it.',
    'longest ext task: the longest of those at least half under extension frames.',
    'highlight and checked times: ms from document_idle (the content script\'s first sample); checked = when it reported',
    '  `done` to the background. Highlights are sampled every frame and every 4 ms. They come from timing runs (as many',
    '  as the profiled runs, each on a page of its own): the page sampled every 1 ms only to see the content script start,',
    '  the service worker not profiled. "checked, profiled" is the same time in the profiled runs, which the profilers slow.',
    'heap: renderer JS heap after a forced GC, with Tally minus the same page from a file: URL (which Tally does not run on).',
    'background heap: the service worker\'s JS heap after a forced GC, once for all tabs: the claim index, the matcher, and',
    '  the matches it remembers (up to 5,000 sentences). Read once after the runs of a size: a forced GC discards much of',
    '  the matcher\'s compiled code, and would leave the next run a colder worker than while one browses.',
    '',
  ];
  for (const s of result.sizes) {
    out.push(
      `${s.label}: ${(s.htmlBytes / MB).toFixed(2)} MB of HTML, ${s.runs} profiled and ${s.timingRuns} timing runs; document_idle ${optionalMs(s.idleAfterLoadMs)} ms from load; ` +
        `ext self time ${ms(s.extSelfMs)} ms; longest task without Tally ${s.controlLongestTaskMs > 0 ? `${ms(s.controlLongestTaskMs)} ms` : `none > ${BUDGET.longTaskMs}`}`,
    );
  }
  const size = (b: BundleSize) => `${b.bytes.toLocaleString('en-US')} bytes, ${b.gzipBytes.toLocaleString('en-US')} gzipped`;
  out.push(
    '',
    `content script: ${size(result.bundle)}; background (claim index and matcher, loaded once, not per page): ${size(result.backgroundBundle)}`,
  );
  const cold = result.sizes.filter((s) => s.coldRuns > 0);
  for (const s of cold) {
    out.push(`${s.label} with the service worker stopped before each load (${s.coldRuns} runs): checked ${optionalMs(s.coldCheckedMs)} ms after document_idle`);
  }
  out.push('');
  for (const b of result.budgets) out.push(`${b.pass === null ? 'n/a ' : b.pass ? 'PASS' : 'MISS'}  ${b.budget}: ${b.detail}`);
  const functionLine = (fn: HotFunction) => `  ${fn.selfMs.toFixed(1).padStart(7)}  ${fn.name} @${fn.line}:${fn.column}  ${fn.code}`;
  const largest = result.sizes.at(-1);
  if (largest && largest.hotFunctions.length > 0) {
    out.push('', `Hottest extension functions at ${largest.label} (self ms per run; minified name @ line:column, and the code there):`);
    out.push(...largest.hotFunctions.map(functionLine));
  }
  if (largest && largest.hotBackgroundFunctions.length > 0) {
    out.push('', `Hottest functions of the service worker at ${largest.label} (self ms per run):`);
    out.push(...largest.hotBackgroundFunctions.map(functionLine));
  }
  for (const s of result.sizes) {
    if (!s.worstExtTask) continue;
    const task = s.worstExtTask;
    out.push('', `Longest extension task at ${s.label} (worst run): ${ms(task.durationMs)} ms, ${ms(task.extMs)} under extension frames, by innermost function:`);
    out.push(...task.extFunctions.map(functionLine));
  }
  return out.join('\n') + '\n';
}

function ms(value: number): string {
  return value.toFixed(0);
}

function optionalMs(value: number | null): string {
  return value === null ? '—' : ms(value);
}

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}
