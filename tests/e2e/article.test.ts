import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFigures } from './expected';
import {
  artifactPath,
  chromiumPath,
  launchTally,
  startSite,
  tabIdOf,
  type ExtensionGlobal,
  type Site,
  type Tally,
} from './fixtures';
import { ArticlePage } from './pages/article';
import { badgeOf } from './pages/toolbar';

/** The story's column, where the screenshots for the README are taken. */
const ARTICLE_CLIP = { x: 240, y: 60, width: 940, height: 600 };

describe.skipIf(!chromiumPath)('a fixture article in Chromium', () => {
  let site: Site;
  let tally: Tally;
  let article: ArticlePage;
  const expected = expectedFigures('article.html');

  beforeAll(async () => {
    site = await startSite();
    tally = await launchTally();
    article = new ArticlePage(await tally.context.newPage());
    // What the page's own message listeners receive while Tally starts and checks.
    await article.page.addInitScript(() => {
      const received: unknown[] = [];
      Object.assign(window, { receivedMessages: received });
      window.addEventListener('message', (event) => received.push(event.data));
    });
    await article.goto(`${site.origin}/article.html`);
  });

  afterAll(async () => {
    await tally?.close();
    await site?.close();
  });

  it('finds the restated figures the core finds, conflicts among them', () => {
    expect(expected.conflicting).toContain('178');
    expect(expected.corroborated).toContain('$112.8 billion');
  });

  it('registers each figure under tally-corroborated or tally-conflicting', async () => {
    await expect.poll(() => article.highlightedTexts()).toEqual(expected);

    expect(await article.highlightNames()).toEqual(['tally-conflicting', 'tally-corroborated']);
    expect(await article.highlightCounts()).toEqual({
      corroborated: expected.corroborated.length,
      conflicting: expected.conflicting.length,
    });
    await article.page.screenshot({ path: artifactPath('article-highlighted.png'), clip: ARTICLE_CLIP });
  });

  it('leaves the page content exactly as it was, and posts nothing to its window', async () => {
    await article.waitForHighlights();

    expect(await article.storyUnchanged()).toBe(true);
    expect(await article.page.locator('mark').count()).toBe(0);
    expect(await article.page.evaluate(() => (window as unknown as { receivedMessages: unknown[] }).receivedMessages)).toEqual([]);
  });

  it('shows a card with the quote when the pointer rests on a figure, and Escape closes it', async () => {
    await article.hoverText('#p-patents', '178');

    await expect.poll(() => article.card().isVisible()).toBe(true);
    const card = await article.card().innerText();
    expect(card).toContain('Conflicts with the source');
    expect(card).toContain('187 granted in the United States');
    expect(card).toContain('Read the source');
    await article.page.screenshot({ path: artifactPath('hover-card.png'), clip: ARTICLE_CLIP });

    await article.page.keyboard.press('Escape');
    await expect.poll(() => article.card().isVisible()).toBe(false);
  });

  it('writes the card left to right on a right-to-left page, and keeps it within a short window', async () => {
    const size = article.page.viewportSize();
    await article.page.evaluate(() => (document.documentElement.dir = 'rtl'));
    await article.page.setViewportSize({ width: 800, height: 240 });
    try {
      await article.hoverText('#p-patents', '178');
      await expect.poll(() => article.card().isVisible()).toBe(true);

      const card = await article.card().evaluate((el) => {
        const box = el.parentElement!.getBoundingClientRect();
        return { direction: getComputedStyle(el).direction, top: box.top, bottom: box.bottom, height: innerHeight };
      });
      expect(card.direction).toBe('ltr');
      expect(card.top).toBeGreaterThanOrEqual(0);
      expect(card.bottom).toBeLessThanOrEqual(card.height);
    } finally {
      await article.page.keyboard.press('Escape');
      await article.page.evaluate(() => document.documentElement.removeAttribute('dir'));
      if (size) await article.page.setViewportSize(size);
    }
  });

  it("opens the source document from the card's button", async () => {
    await article.hoverText('#p-sales', '$112.8 billion');
    await expect.poll(() => article.card().isVisible()).toBe(true);

    const [source] = await Promise.all([
      tally.context.waitForEvent('page'),
      article.card().getByRole('button', { name: 'Read the source' }).click(),
    ]);

    await source.waitForLoadState();
    expect(source.url()).toMatch(/\/source\.html\?claim=/);
    await expect.poll(() => source.locator('mark').innerText()).toContain('$112.8 billion');
    await source.close();
    await article.page.keyboard.press('Escape');
  });

  it('opens the card from the keyboard command, steps through the findings, and Escape gives focus back', async () => {
    const tabId = await tabIdOf(tally, article.page);
    await article.page.locator('h1').click();

    // What the background does on the command's shortcut (Alt+Shift+T), which a test cannot press.
    await tally.worker.evaluate(async (tabId) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      await chrome.tabs.sendMessage(tabId, { type: 'focus-next-finding' });
    }, tabId);

    await expect.poll(() => article.card().isVisible()).toBe(true);
    expect(await article.page.evaluate(() => document.activeElement?.hasAttribute('data-tally'))).toBe(true);
    expect(await article.card().innerText()).toContain(`1 of ${expected.corroborated.length + expected.conflicting.length}`);
    const first = await article.card().locator('.tally-figures__page').innerText();

    await article.card().getByRole('button', { name: 'Next finding' }).click();
    await expect.poll(() => article.card().locator('.tally-figures__page').innerText()).not.toBe(first);

    await article.page.keyboard.press('Escape');
    await expect.poll(() => article.card().isVisible()).toBe(false);
  });

  it('puts the number of conflicting figures on a red badge', async () => {
    const tabId = await tabIdOf(tally, article.page);

    await expect.poll(() => badgeOf(tally, tabId)).toEqual({
      text: String(expected.conflicting.length),
      color: '#d93025',
    });
  });
});
