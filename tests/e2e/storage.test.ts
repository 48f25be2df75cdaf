import { describe, expect, it } from 'vitest';
import { expectedFigures } from './expected';
import { chromiumPath, tabIdOf, type ExtensionGlobal, type Site, type Tally } from './fixtures';
import { withSiteAndTally } from './suite';
import { SHOWN_SITES } from '../../src/ui/OptionsPage';
import { ArticlePage } from './pages/article';
import { PopupPage } from './pages/popup';

const SITES = 100_000;

describe.skipIf(!chromiumPath)('a corrupt extension store', () => {
  let site: Site;
  let tally: Tally;

  withSiteAndTally((s, t) => {
    site = s;
    tally = t;
  });

  it('leaves the content script, the popup and the options page working, with every valid entry kept', { timeout: 60_000 }, async () => {
    await tally.worker.evaluate(async (count) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      const sites: unknown[] = Array.from({ length: count }, (_, i) => `site${i}.example`);
      sites.push(42, null, { host: 'x' }, ['nested.example'], '<img src=x onerror=alert(1)>', 'x'.repeat(5 * 1024 * 1024));
      await chrome.storage.local.set({
        enabled: 'yes',
        disabledSites: sites,
        legacy: { theme: 'dark', sites: [1, 2, 3] },
        '<img src=x onerror=alert(2)>': '<script>alert(3)</script>',
      });
    }, SITES);
    const dialogs: string[] = [];
    tally.context.on('page', (page) => page.on('dialog', (dialog) => void dialogs.push(dialog.message())));

    const article = new ArticlePage(await tally.context.newPage());
    await article.goto(`${site.origin}/article.html`);
    const expected = expectedFigures('article.html');
    await expect.poll(() => article.highlightedTexts(), { timeout: 20_000 }).toEqual(expected);

    const popup = await PopupPage.open(tally, await tabIdOf(tally, article.page));
    await expect.poll(() => popup.findings().count()).toBe(expected.corroborated.length + expected.conflicting.length);
    expect(await popup.siteSwitch().getAttribute('aria-checked')).toBe('true');
    // The first flip moves the 100,000 sites to keys of their own, which every open extension
    // context then hears about: seconds on a slow machine, so these waits are as long as the first one.
    await popup.siteSwitch().click();
    await expect.poll(() => article.highlightCounts(), { timeout: 20_000 }).toEqual({ corroborated: 0, conflicting: 0 });
    await popup.siteSwitch().click();
    await expect.poll(() => article.highlightedTexts(), { timeout: 20_000 }).toEqual(expectedFigures('article.html'));
    await popup.close();

    // The switch moved the list to per-site keys: every valid site kept, the junk gone, other keys untouched.
    const stored = await tally.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      const all = await chrome.storage.local.get(null);
      const siteKeys = Object.keys(all).filter((key) => key.startsWith('off:'));
      return {
        list: 'disabledSites' in all,
        count: siteKeys.length,
        valid: siteKeys.every((key) => all[key] === true && /^off:site\d+\.example$/.test(key)),
        legacy: all.legacy,
        junk: all['<img src=x onerror=alert(2)>'],
      };
    });
    expect(stored).toEqual({ list: false, count: SITES, valid: true, legacy: { theme: 'dark', sites: [1, 2, 3] }, junk: '<script>alert(3)</script>' });

    const options = await tally.context.newPage();
    await options.goto(`chrome-extension://${tally.extensionId}/options.html`);
    await expect.poll(() => options.locator('.sites__name').count()).toBe(SHOWN_SITES);
    expect(await options.getByRole('status').innerText()).toBe(`${(SITES - SHOWN_SITES).toLocaleString('en')} more sites: search to find one.`);
    await options.getByRole('searchbox', { name: 'Find a site' }).fill('site99999.');
    await expect.poll(() => options.locator('.sites__name').allInnerTexts()).toEqual(['site99999.example']);
    expect(await options.locator('img').count()).toBe(0);
    expect(await options.getByText('<img', { exact: false }).count()).toBe(0);
    expect(dialogs).toEqual([]);
    await options.close();
  });
});
