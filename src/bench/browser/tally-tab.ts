import type { Worker } from 'playwright-core';
import type { PageStatus, PageSummary } from '../../messages';

/** What the benchmark asks the extension about the tab it measures. */
export interface TallyTab {
  /** The content script's status, asked through the background; undefined before it runs. */
  status(): Promise<PageStatus | undefined>;
  /**
   * When the content script last reported `done` to the background, in epoch ms on the clock
   * of `performance.timeOrigin` (so `doneAt - page.timeOrigin` is the page's `performance.now()`).
   */
  doneAt(): Promise<number | undefined>;
}

/** The parts of the `chrome` global the functions below use inside the extension's worker. */
interface WorkerGlobal {
  chrome: {
    runtime: { onMessage: { addListener(listener: (message: unknown, sender: { tab?: { id?: number } }) => void): void } };
    tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  };
  __tallyBenchDone?: Record<number, number>;
}

/**
 * Watches tab `tabId` from the extension's service worker (`worker`). The time of `done` comes
 * from the `page-state` message the content script sends when a check ends: the last highlight
 * is not the end of a check (blocks without findings follow), and the script's last CPU sample
 * is not either (WXT polls the location every second).
 *
 * The listener is added next to the background's own, answers nothing, and is added again if
 * the worker restarted without it.
 */
export async function watchTallyTab(worker: Worker, tabId: number): Promise<TallyTab> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as WorkerGlobal;
    if (g.__tallyBenchDone) return;
    const done: Record<number, number> = {};
    g.__tallyBenchDone = done;
    g.chrome.runtime.onMessage.addListener((message, sender) => {
      const m = message as Partial<{ type: string; summary: PageSummary }> | null;
      const tab = sender.tab?.id;
      if (m?.type === 'page-state' && m.summary?.status === 'done' && tab !== undefined) {
        done[tab] = performance.timeOrigin + performance.now();
      }
    });
  });
  return {
    status: () =>
      worker
        .evaluate(async (id) => {
          const { chrome } = globalThis as unknown as WorkerGlobal;
          const summary = (await chrome.tabs.sendMessage(id, { type: 'get-page-summary' })) as PageSummary | undefined;
          return summary?.status;
        }, tabId)
        // Before the content script runs, nothing answers.
        .catch(() => undefined),
    doneAt: () => worker.evaluate((id) => (globalThis as unknown as WorkerGlobal).__tallyBenchDone?.[id], tabId),
  };
}
