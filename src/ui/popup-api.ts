import { browser } from 'wxt/browser';
import { handleMessages, sendToContent, type ContentToBackground, type PageState } from '../messages';
import * as settings from '../settings/storage';
import type { Settings } from '../settings/storage';
import type { PopupTab } from './popup-view';
import { sourceHref } from './source-href';

/** Everything the popup asks of the browser; tests hand the popup a fake one. */
export interface PopupApi {
  /** The tab given as `?tabId=N`, or else the active tab of the current window. */
  findTab(tabId: number | null): Promise<PopupTab | null>;
  /** The page's state from its content script; null when none answers. */
  getPageState(tabId: number): Promise<PageState | null>;
  /** Calls `listener` with the tab's new state each time its content script reports a change. */
  onPageState(tabId: number, listener: (state: PageState) => void): () => void;
  getSettings(): Promise<Settings>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  setSiteEnabled(site: string, enabled: boolean): Promise<void>;
  setEnabled(enabled: boolean): Promise<void>;
  revealFinding(tabId: number, findingId: string): Promise<boolean>;
  reloadTab(tabId: number): Promise<void>;
  openOptions(): Promise<void>;
  sourceHref(claimId: string): string;
}

/** The popup's API over the real extension APIs. Needs no `tabs` permission. */
export const browserPopupApi: PopupApi = {
  async findTab(tabId) {
    const tab =
      tabId !== null
        ? await browser.tabs.get(tabId).catch(() => undefined)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (tab?.id === undefined) return null;
    return { id: tab.id, url: tab.url, loading: tab.status === 'loading' };
  },
  getPageState: (tabId) => sendToContent(tabId, 'get-page-state', {}).catch(() => null),
  onPageState(tabId, listener) {
    // The tab announces only a summary of each change; the list is asked for when it changed,
    // one request at a time, and again if another change came while one was on its way.
    let asking = false;
    let again = false;
    let stopped = false;
    const ask = async () => {
      asking = true;
      do {
        again = false;
        const state = await sendToContent(tabId, 'get-page-state', {}).catch(() => null);
        if (state && !stopped) listener(state);
      } while (again && !stopped);
      asking = false;
    };
    const stop = handleMessages<ContentToBackground>({
      'page-state': (_, sender) => {
        if (sender.tab?.id !== tabId || (sender.frameId ?? 0) !== 0) return;
        if (asking) again = true;
        else void ask();
      },
    });
    return () => {
      stopped = true;
      stop();
    };
  },
  getSettings: settings.getSettings,
  watchSettings: settings.watchSettings,
  setSiteEnabled: settings.setSiteEnabled,
  setEnabled: settings.setEnabled,
  revealFinding: (tabId, findingId) => sendToContent(tabId, 'reveal-finding', { findingId }).catch(() => false),
  reloadTab: (tabId) => browser.tabs.reload(tabId),
  openOptions: () => browser.runtime.openOptionsPage(),
  sourceHref,
};
