import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadBundledIndex } from '../src/claims/bundled-index';
import type { PageWindow } from '../src/content/page-window';
import { TallyPage } from '../src/content/tally-page';
import { checkBlocks } from '../src/match/check-blocks';
import { sendToBackground } from '../src/messages';
import { getSettings, watchSettings } from '../src/settings/storage';
import { sourceHref } from '../src/ui/source-href';
import { sourceInfo } from '../src/ui/source-info';
import '../src/content/highlights.css';
import cardCss from '../src/ui/tally.css?inline';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const page = new TallyPage(window as PageWindow, {
      // The index is built on first use, so a page Tally is off for never pays for it.
      check: (blocks) => checkBlocks(blocks, loadBundledIndex()),
      source: (file) => sourceInfo(loadBundledIndex().sources, file),
      getSettings,
      watchSettings,
      report: (summary) => void sendToBackground('page-state', { summary }).catch(() => undefined),
      sourceHref,
      openSource: (claimId) => void sendToBackground('open-source', { claimId }).catch(() => undefined),
      cardCss,
    });
    ctx.onInvalidated(() => page.stop());
    ctx.addEventListener(window, 'wxt:locationchange', () => page.onLocationChange());
    await page.start();
  },
});
