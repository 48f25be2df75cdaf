// First, so that the settings are asked for before the rest of the script is set up.
import { takeEarlySettings } from '../src/content/early-settings';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CheckChannel } from '../src/content/check-channel';
import type { PageWindow } from '../src/content/page-window';
import { TallyPage } from '../src/content/tally-page';
import { CHECK_PORT, sendToBackground, unpackFindings, type SourceInfo } from '../src/messages';
import { siteOf } from '../src/settings/site-enabled';
import { watchSettingsFor } from '../src/settings/storage';
import '../src/content/highlights.css';
import cardCss from '../src/ui/tally.css?inline';

/** How often the content script checks that the extension it belongs to is still there. */
const EXTENSION_CHECK_MS = 1_000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // The claim index and the matching live in the background, once for all tabs: the page's
    // main thread only reads the text and highlights what comes back.
    const sources = new Map<string, SourceInfo>();
    const channel = new CheckChannel(() => {
      const port = browser.runtime.connect({ name: CHECK_PORT });
      // Read, so that a port the browser closed on an error (the background stopped) logs nothing.
      port.onDisconnect.addListener(() => void browser.runtime.lastError);
      return port;
    }, window);
    // A document keeps its origin: the page reads and hears the settings of its own site only.
    const site = siteOf(location.href);
    const page = new TallyPage(window as PageWindow, {
      check: async (blocks) => {
        const texts = blocks.map((block) => block.text);
        // A background the browser had stopped is started by a new port; asked twice, a
        // background that still cannot answer fails the check (the popup then says so).
        const answer = (await channel.check(texts)) ?? (await channel.check(texts));
        if (!answer) throw new Error('the background did not check the page');
        for (const [file, info] of Object.entries(answer.sources)) sources.set(file, info);
        return unpackFindings(texts, answer);
      },
      source: (file) => sources.get(file) ?? { file, title: file, publisher: '', date: '' },
      getSettings: () => takeEarlySettings(site),
      watchSettings: (onChange) => watchSettingsFor(site, onChange),
      report: (summary) => void sendToBackground('page-state', { summary }).catch(() => undefined),
      openSource: (claimId) => void sendToBackground('open-source', { claimId }).catch(() => undefined),
      cardCss,
    });
    // An extension reloaded or updated leaves this script running in the tabs already open, cut
    // off from the background: it then takes its highlights and card away. WXT looks for that only
    // while it polls the location, which it does not where the Navigation API exists, hence the
    // check here. WXT also ends its context when another copy of this script says it started, an
    // event any page script can forge: only the extension being gone stops Tally.
    const gone = () => browser.runtime?.id === undefined;
    const stop = () => {
      page.stop();
      channel.close();
    };
    let href = location.href;
    const alive = window.setInterval(() => {
      if (gone()) {
        window.clearInterval(alive);
        stop();
        return;
      }
      // WXT tells of address changes only while its context lives; once a forged event ended it,
      // this timer does, for single-page apps.
      if (ctx.signal.aborted && location.href !== href) page.onLocationChange();
      href = location.href;
    }, EXTENSION_CHECK_MS);
    ctx.onInvalidated(() => {
      if (gone()) stop();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => page.onLocationChange());
    await page.start();
  },
});
