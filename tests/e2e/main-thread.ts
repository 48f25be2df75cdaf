import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * What the renderers' main threads did while a trace ran, as far as Tally's content script goes:
 * every task it ran code in, and the CPU time its code took.
 */
export interface MainThreadReport {
  /** The main-thread tasks that ran content-script code, longest first. */
  extensionTasks: TaskSummary[];
  /** Sampled CPU time (ms) with a content-script frame on the stack (its own code and the browser work it called). */
  extensionCpuMs: number;
  /** The span (ms) the CPU profiles cover. */
  profiledMs: number;
}

/** A task: its length, and what took longest inside it, for a failure message to show. */
export interface TaskSummary {
  ms: number;
  /** CPU time of the thread during the task: much less than `ms` when the system ran other work. */
  cpuMs: number;
  /** The task in which the browser compiled and ran the content script's file, once per page. */
  scriptEvaluation: boolean;
  /** The events over 2 ms inside the task, e.g. "EvaluateScript 31.2", "Layout 12.0". */
  inside: string[];
}

export interface MainThreadTrace {
  stop(): Promise<MainThreadReport>;
}

/**
 * Task boundaries come from the trace's `RunTask` events; which tasks are Tally's comes from the
 * V8 CPU samples in the same trace (same clock): a task is Tally's when a sample taken during it
 * has a frame of the content script on its stack. So a task counts in full, browser work
 * included (style and layout it forces, say), and a page task that Tally's MutationObserver
 * callback ends counts too: the measure errs on the strict side.
 */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'].join(',');

/** The content script's code, as V8 names its frames. */
function isContentScript(url: string | undefined, extensionId: string): boolean {
  return url !== undefined && url.startsWith(`chrome-extension://${extensionId}/content-scripts/`);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time, µs. */
  tdur?: number;
  id?: string;
  args: { name?: string; data?: ProfileData };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

interface ProfileData {
  url?: string;
  startTime?: number;
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/** Starts tracing the main threads of every renderer, through `page`'s DevTools session. */
export async function traceMainThread(context: BrowserContext, page: Page, extensionId: string): Promise<MainThreadTrace> {
  const session: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((done) => session.once('Tracing.tracingComplete', done));
      await session.send('Tracing.end');
      await complete;
      await session.detach();
      return analyse(events, extensionId);
    },
  };
}

/** One V8 profile: samples as (time µs, is the content script on the stack). */
interface Profile {
  pid: number;
  tid: number;
  start: number;
  nodes: Map<number, ProfileNode>;
  samples: number[];
  deltas: number[];
}

function analyse(events: TraceEvent[], extensionId: string): MainThreadReport {
  const profiles = new Map<string, Profile>();
  for (const event of events) {
    const data = event.args.data;
    if (event.name === 'Profile' && data?.startTime !== undefined) {
      profiles.set(`${event.pid}:${event.id}`, {
        pid: event.pid,
        tid: event.tid,
        start: data.startTime,
        nodes: new Map(),
        samples: [],
        deltas: [],
      });
    } else if (event.name === 'ProfileChunk' && data) {
      const profile = profiles.get(`${event.pid}:${event.id}`);
      if (!profile) continue;
      for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
      profile.samples.push(...(data.cpuProfile?.samples ?? []));
      profile.deltas.push(...(data.timeDeltas ?? []));
    }
  }

  const extensionTasks: TaskSummary[] = [];
  let extensionCpuUs = 0;
  let profiledUs = 0;
  for (const profile of profiles.values()) {
    const inExtension = new Map<number, boolean>();
    const isExtensionNode = (id: number): boolean => {
      const known = inExtension.get(id);
      if (known !== undefined) return known;
      const node = profile.nodes.get(id);
      const answer = node !== undefined && (isContentScript(node.callFrame.url, extensionId) || (node.parent !== undefined && isExtensionNode(node.parent)));
      inExtension.set(id, answer);
      return answer;
    };
    // Each sample stands for the time until the next one.
    const times: number[] = [];
    let at = profile.start;
    for (const delta of profile.deltas) times.push((at += delta));
    const hits: number[] = [];
    profile.samples.forEach((id, i) => {
      if (!isExtensionNode(id)) return;
      const t = times[i] as number;
      hits.push(t);
      extensionCpuUs += (times[i + 1] ?? t) - t;
    });
    if (times.length > 1) profiledUs += (times[times.length - 1] as number) - (times[0] as number);
    if (hits.length === 0) continue;

    const tasks = events
      .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === profile.pid && e.tid === profile.tid && e.dur !== undefined)
      .sort((a, b) => a.ts - b.ts);
    let h = 0;
    let coveredUntil = -Infinity;
    for (const task of tasks) {
      const end = task.ts + (task.dur as number);
      // A task nested in another (a nested run loop) is part of its outer task.
      if (task.ts < coveredUntil) continue;
      coveredUntil = end;
      while (h < hits.length && (hits[h] as number) < task.ts) h++;
      if (h < hits.length && (hits[h] as number) <= end) extensionTasks.push(summarise(task, events, extensionId));
    }
  }
  return {
    extensionTasks: extensionTasks.sort((a, b) => b.ms - a.ms),
    extensionCpuMs: extensionCpuUs / 1000,
    profiledMs: profiledUs / 1000,
  };
}

function summarise(task: TraceEvent, events: TraceEvent[], extensionId: string): TaskSummary {
  const end = task.ts + (task.dur as number);
  const inside = events
    .filter((e) => e.ph === 'X' && e.pid === task.pid && e.tid === task.tid && e !== task && e.ts >= task.ts && e.ts <= end)
    .filter((e) => (e.dur ?? 0) > 2000 && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
    .map((e) => `${e.name} ${((e.dur as number) / 1000).toFixed(1)}`);
  const scriptEvaluation = events.some(
    (e) => e.name === 'EvaluateScript' && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= end && isContentScript(e.args.data?.url, extensionId),
  );
  return { ms: (task.dur as number) / 1000, cpuMs: (task.tdur ?? task.dur ?? 0) / 1000, scriptEvaluation, inside };
}
