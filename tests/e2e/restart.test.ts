import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFigures } from './expected';
import { watchExtensionErrors } from './extension-errors';
import { chromiumPath, launchTally, startSite, tabIdOf, type ExtensionGlobal, type Site } from './fixtures';
import { ArticlePage } from './pages/article';
import { PopupPage } from './pages/popup';

describe.skipIf(!chromiumPath)('the per-site switch across a browser restart', () => {
  let site: Site;
  let profile: string;
  const expected = expectedFigures('article.html');

  beforeAll(async () => {
    site = await startSite();
    profile = mkdtempSync(join(tmpdir(), 'tally-restart-'));
  });

  afterAll(async () => {
    await site?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('keeps a site off after the browser is closed and started again', async () => {
    const first = await launchTally({ profile });
    try {
      const article = new ArticlePage(await first.context.newPage());
      await article.goto(`${site.origin}/article.html`);
      await article.waitForHighlights();
      const popup = await PopupPage.open(first, await tabIdOf(first, article.page));
      await popup.siteSwitch().click();
      await expect.poll(() => article.highlightCounts()).toEqual({ corroborated: 0, conflicting: 0 });
    } finally {
      await first.close();
    }

    const second = await launchTally({ profile });
    try {
      const article = new ArticlePage(await second.context.newPage());
      await article.goto(`${site.origin}/article.html`);
      const popup = await PopupPage.open(second, await tabIdOf(second, article.page));
      await expect.poll(() => popup.siteSwitch().getAttribute('aria-checked')).toBe('false');
      expect(await article.highlightCounts()).toEqual({ corroborated: 0, conflicting: 0 });

      await popup.siteSwitch().click();
      await expect.poll(() => article.highlightedTexts()).toEqual(expected);
    } finally {
      await second.close();
    }
  });

  it('takes its highlights away from open tabs when the extension is reloaded, and throws nothing after', async () => {
    const tally = await launchTally();
    try {
      const article = new ArticlePage(await tally.context.newPage());
      const errors = await watchExtensionErrors(tally.context, article.page, tally.extensionId);
      await article.goto(`${site.origin}/article.html`);
      await article.waitForHighlights();

      // What an update does to the tabs already open: their content script loses its extension.
      await tally.worker.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.reload());

      await expect.poll(() => article.highlightCounts(), { timeout: 10_000 }).toEqual({ corroborated: 0, conflicting: 0 });
      await article.page.evaluate(() => {
        const added = document.createElement('p');
        added.textContent = "China's pharmaceutical sales reached $112.8 billion in 2024.";
        document.body.append(added);
      });
      await article.page.waitForTimeout(1_500);
      expect(errors.errors()).toEqual([]);
    } finally {
      await tally.close();
    }
  });
});
