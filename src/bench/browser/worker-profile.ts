import type { BrowserContext, CDPSession } from 'playwright-core';
import type { CpuProfile } from './cpu-profile';

/** A CPU profile of the extension's service worker, started and stopped around a run. */
export interface WorkerProfiler {
  start(): Promise<void>;
  /** Stops and returns the profile; null when the worker was not running to be profiled. */
  stop(): Promise<{ profile: CpuProfile } | null>;
  /**
   * The worker's JS heap after a forced GC: its claim index, the matcher and what it remembers;
   * null when it is not running. Not read after every run: the collection discards much of the
   * matcher's compiled code, and the next page would be checked by a colder worker than while
   * one browses.
   */
  heapAfterGc(): Promise<number | null>;
  close(): Promise<void>;
}

/** The same interval as the page's profile (see measure-run.ts). */
const SAMPLING_INTERVAL_US = 200;

/**
 * Profiles the service worker of the extension at `extensionOrigin`: where Tally checks the
 * pages' texts. Playwright gives no CDP session for a worker, so this attaches to its target
 * from the browser's session and speaks to it through `Target.sendMessageToTarget`. The worker
 * may have been stopped and started again since the last run: its target is looked up each time.
 */
export async function workerProfiler(context: BrowserContext, extensionOrigin: string): Promise<WorkerProfiler> {
  const browser = context.browser();
  if (!browser) throw new Error('the service worker is profiled through the browser, which this context does not expose');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  let session: string | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== session) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : waiting.get(message.id);
    if (!waiter) return;
    waiting.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const send = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      cdp
        // Deprecated in favour of flat sessions, which Playwright's CDPSession cannot address.
        .send('Target.sendMessageToTarget', { sessionId: session!, message: JSON.stringify({ id, method, params }) })
        .catch((error: Error) => {
          waiting.delete(id);
          reject(error);
        });
    });

  const detach = async () => {
    if (session === null) return;
    await cdp.send('Target.detachFromTarget', { sessionId: session }).catch(() => undefined);
    session = null;
  };

  /** Attaches to the running worker; false when there is none. */
  const attach = async (): Promise<boolean> => {
    await detach();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(extensionOrigin));
    if (!worker) return false;
    ({ sessionId: session } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false }));
    return true;
  };

  return {
    async start() {
      if (!(await attach())) return;
      await send('Profiler.enable');
      await send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
      await send('Profiler.start');
    },
    async stop() {
      if (session === null) return null;
      try {
        return await send<{ profile: CpuProfile }>('Profiler.stop');
      } catch {
        // The worker stopped during the run: its profile went with it.
        return null;
      } finally {
        await detach();
      }
    },
    async heapAfterGc() {
      try {
        if (!(await attach())) return null;
        await send('HeapProfiler.collectGarbage');
        return (await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
      } catch {
        return null;
      } finally {
        await detach();
      }
    },
    async close() {
      await detach();
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** Stops the extension's service worker, as the browser does after it idled for 30 s. */
export interface WorkerStopper {
  stop(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Stops the service worker through the DevTools `ServiceWorker` domain of one of the extension's
 * own pages (the worker lives in the extension's origin, so a web page's session cannot see it).
 * The next message from a content script starts it again, cold: the worker's code and the claim
 * index are loaded anew.
 */
export async function workerStopper(context: BrowserContext, extensionOrigin: string): Promise<WorkerStopper> {
  const page = await context.newPage();
  await page.goto(`${extensionOrigin}options.html`);
  const cdp = await context.newCDPSession(page);
  let running = true;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) if (version.scriptURL.startsWith(extensionOrigin)) running = version.runningStatus !== 'stopped';
  });
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 5_000;
      while (running) {
        if (Date.now() > deadline) throw new Error('the service worker did not stop');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}
