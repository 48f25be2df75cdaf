/** The part of a CDP `Profiler.Profile` the benchmark reads (the protocol's type satisfies it). */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  /** Microseconds on the browser's monotonic clock, as are the deltas. */
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Where a function starts. Line and column are 0-based, as CDP gives them: in a minified bundle the column tells functions apart. */
export interface FunctionLocation {
  name: string;
  url: string;
  line: number;
  column: number;
}

/** Self time of one function, for the "where does the time go" lists. */
export interface FunctionTime extends FunctionLocation {
  selfMs: number;
}

/**
 * A sample of extension time: when it was taken (ms on the monotonic clock), how long it stands
 * for, and the innermost extension function on its stack.
 */
export interface ExtensionSample {
  at: number;
  ms: number;
  fn: FunctionLocation;
}

/** What one profile says about the code whose frames satisfy `isExtension`. */
export interface ExtensionActivity {
  /**
   * Time of the samples with an extension frame anywhere on the stack: its own code and the
   * browser work it calls into (style and layout for `checkVisibility`, range creation, …).
   */
  totalMs: number;
  /** Time of the samples whose innermost frame is an extension frame. */
  selfMs: number;
  /**
   * Time of every sample but `(idle)`: all the thread's work, including what no frame of the
   * extension shows (style, layout and paint its highlights cause, its garbage).
   */
  busyMs: number;
  /** The samples counted in `totalMs`, in order. */
  samples: ExtensionSample[];
  /** Self time per extension function, largest first. */
  functions: FunctionTime[];
}

/**
 * Sums a CPU profile's time under extension frames. A sample stands for the time until the next
 * one (the last, until the profile's end); garbage collection is a root of its own in V8's
 * profiles, so the collections the extension causes are not counted.
 */
export function extensionActivity(profile: CpuProfile, isExtension: (url: string) => boolean): ExtensionActivity {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  // The innermost extension function at or above each node; null when there is none.
  const innermost = new Map<number, FunctionLocation | null>();
  const extensionFrame = (id: number): FunctionLocation | null => {
    const known = innermost.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)?.callFrame;
    const up = parent.get(id);
    const result =
      frame && isExtension(frame.url)
        ? { name: frame.functionName || '(anonymous)', url: frame.url, line: frame.lineNumber, column: frame.columnNumber }
        : up === undefined
          ? null
          : extensionFrame(up);
    innermost.set(id, result);
    return result;
  };

  const sampleIds = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const samples: ExtensionSample[] = [];
  const selfUs = new Map<number, number>();
  let totalUs = 0;
  let selfTotalUs = 0;
  let busyUs = 0;
  let at = profile.startTime;
  for (let i = 0; i < sampleIds.length; i++) {
    at += deltas[i] ?? 0;
    const id = sampleIds[i]!;
    const next = deltas[i + 1];
    const us = Math.max(0, next ?? profile.endTime - at);
    if (byId.get(id)?.callFrame.functionName !== '(idle)') busyUs += us;
    const fn = extensionFrame(id);
    if (fn === null) continue;
    totalUs += us;
    samples.push({ at: at / 1000, ms: us / 1000, fn });
    if (isExtension(byId.get(id)?.callFrame.url ?? '')) {
      selfTotalUs += us;
      selfUs.set(id, (selfUs.get(id) ?? 0) + us);
    }
  }

  return {
    totalMs: totalUs / 1000,
    selfMs: selfTotalUs / 1000,
    busyMs: busyUs / 1000,
    samples,
    functions: mergeFunctions([...selfUs].map(([id, us]) => ({ ...extensionFrame(id)!, selfMs: us / 1000 }))),
  };
}

/**
 * Adds up the times of the same function (one function appears as several nodes, one per calling
 * stack, and once per run), largest first; each time is divided by `runs`.
 */
export function mergeFunctions(times: readonly FunctionTime[], runs = 1): FunctionTime[] {
  const merged = new Map<string, FunctionTime>();
  for (const fn of times) {
    const key = `${fn.url}:${fn.line}:${fn.column}`;
    const entry = merged.get(key) ?? { ...fn, selfMs: 0 };
    entry.selfMs += fn.selfMs / runs;
    merged.set(key, entry);
  }
  return [...merged.values()].sort((a, b) => b.selfMs - a.selfMs);
}

/**
 * The extension time between `from` and `to` (the samples' clock), by innermost extension
 * function (here `selfMs` counts the browser work that function called too).
 */
export function functionsWithin(samples: readonly ExtensionSample[], from: number, to: number): FunctionTime[] {
  return mergeFunctions(
    samples.flatMap(({ at, ms, fn }) => {
      const inside = Math.min(to, at + ms) - Math.max(from, at);
      return inside > 0 ? [{ ...fn, selfMs: inside }] : [];
    }),
  );
}
