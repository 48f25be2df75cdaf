import { browser } from 'wxt/browser';
import { loadBundledIndex } from '../claims/bundled-index';
import { checkBlocks } from '../match/check-blocks';
import {
  CHECK_PORT,
  handleMessages,
  packFindings,
  sendToContent,
  type CheckedTexts,
  type CheckReply,
  type CheckRequest,
  type ContentToBackground,
  type PageSummary,
} from '../messages';
import { isSiteEnabled, siteOf } from '../settings/site-enabled';
import { getSettingsFor, migrateSettings, onSettingsChanged, type Settings } from '../settings/storage';
import { sourceHref } from '../ui/source-href';
import { sourceInfo } from '../ui/source-info';
import { badgeFor, EMPTY_BADGE, type Badge } from './badge';

/** The keyboard command declared in the manifest (wxt.config.ts). */
export const FOCUS_NEXT_FINDING_COMMAND = 'focus-next-finding';

/**
 * Wires the background: keeps each tab's latest page state in memory (a restarted service worker
 * starts empty, which is fine: content scripts report again on their next change, and the badge
 * itself is kept by the browser), and mirrors it on the toolbar badge.
 */
export function startBackground(): void {
  const pages = new Map<number, PageSummary>();
  // The badge last set on each tab: a page reports several times while it loads and checks
  // (its new document empties the badge, a check starts with nothing found), and each badge call
  // is a round trip through the browser's main thread, which the page's load keeps busy.
  const badges = new Map<number, Badge>();

  const show = (tabId: number, summary: PageSummary | undefined): void => {
    if (summary) pages.set(tabId, summary);
    else pages.delete(tabId);
    const badge = summary ? badgeFor(summary) : EMPTY_BADGE;
    const last = badges.get(tabId);
    if (last && last.text === badge.text && (!badge.text || last.color === badge.color)) return;
    badges.set(tabId, badge);
    void setBadge(tabId, badge).then((set) => {
      // Not set (the tab was closing): the next report sets it, even if it is the same.
      if (!set && badges.get(tabId) === badge) badges.delete(tabId);
    });
  };

  handleMessages<ContentToBackground>({
    'page-state': ({ summary }, sender) => {
      // Only the top frame's content script speaks for the tab.
      const tabId = sender.tab?.id;
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return;
      show(tabId, summary);
    },
    'open-source': async ({ claimId }) => {
      await browser.tabs.create({ url: sourceHref(claimId) });
    },
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === CHECK_PORT) port.onMessage.addListener((message) => answerCheck(port, message));
  });

  // A new document in the tab: its content script will report again once it has checked.
  // (Same-document navigations load too; the content script re-scans and reports after them.)
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') show(tabId, undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    pages.delete(tabId);
    badges.delete(tabId);
  });

  // Switching a site off clears its badges at once, before its tabs even hear of it. Only the
  // sites of open tabs are read, each once: the whole list of sites can be long.
  onSettingsChanged(() => {
    const reads = new Map<string | null, Promise<Settings>>();
    for (const [tabId, summary] of pages) {
      const site = siteOf(summary.url);
      let read = reads.get(site);
      if (!read) reads.set(site, (read = getSettingsFor(site)));
      void read.then((settings) => {
        if (pages.get(tabId) !== summary || isSiteEnabled(summary.url, settings)) return;
        show(tabId, { ...summary, status: 'off', corroborated: 0, conflicting: 0 });
      });
    }
  });
  // A list of sites kept by an earlier version moves to per-site keys.
  migrateSettings().catch((error: unknown) => console.error('[tally] cannot move the site list', error));

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== FOCUS_NEXT_FINDING_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToContent(tab.id, 'focus-next-finding', {}).catch(() => false);
  });
}

/**
 * Checks texts a content script read from its page. The index is built on the first request and
 * kept while the background lives, for every tab.
 */
export function checkTexts(texts: unknown): CheckedTexts {
  if (!Array.isArray(texts) || !texts.every((text) => typeof text === 'string')) {
    throw new TypeError('check-texts wants an array of strings');
  }
  const index = loadBundledIndex();
  const findings = checkBlocks(texts.map((text: string) => ({ text })), index);
  return packFindings(findings, (file) => sourceInfo(index.sources, file));
}

/** Answers a request that came over CHECK_PORT; one without an id cannot be answered and is dropped. */
function answerCheck(port: { postMessage(reply: CheckReply): void }, message: unknown): void {
  const { id, texts } = (message ?? {}) as Partial<CheckRequest>;
  if (typeof id !== 'number') return;
  let answer: CheckedTexts | null = null;
  try {
    answer = checkTexts(texts);
  } catch (error) {
    console.error('[tally] check-texts', error);
  }
  try {
    port.postMessage({ id, answer });
  } catch {
    // The page closed while its texts were being checked.
  }
}

/** Shows `badge` on the tab's toolbar icon; false when the browser refused (the tab closed meanwhile). */
async function setBadge(tabId: number, badge: Badge): Promise<boolean> {
  // Manifest V2 (Firefox) has browserAction where V3 has action.
  const action = browser.action ?? browser.browserAction;
  try {
    await action.setBadgeText({ tabId, text: badge.text });
    if (badge.text) {
      await action.setBadgeBackgroundColor({ tabId, color: badge.color });
      await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    }
    return true;
  } catch {
    return false;
  }
}
