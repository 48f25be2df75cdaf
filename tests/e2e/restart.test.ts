import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFigures } from './expected';
import { chromiumPath, launchTally, startSite, tabIdOf, type Site } from './fixtures';
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
});
