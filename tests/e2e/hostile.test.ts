import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectedFigures } from './expected';
import { watchExtensionErrors } from './extension-errors';
import { chromiumPath, tabIdOf, type Site, type Tally } from './fixtures';
import { withSiteAndTally } from './suite';
import { ArticlePage } from './pages/article';
import { PopupPage } from './pages/popup';

/**
 * Runs `expression` in the page's own world. Playwright's `evaluate` cannot: it needs the very
 * built-ins (`then`, `JSON`) the page broke.
 */
async function inPageWorld(tally: Tally, page: Page, expression: string): Promise<unknown> {
  const session = await tally.context.newCDPSession(page);
  try {
    const { result } = await session.send('Runtime.evaluate', { expression, returnByValue: true });
    return result.value;
  } finally {
    await session.detach();
  }
}

describe.skipIf(!chromiumPath)('pages that work against Tally', () => {
  let site: Site;
  let tally: Tally;
  const expected = expectedFigures('hostile.html');

  withSiteAndTally((s, t) => {
    site = s;
    tally = t;
  });

  /** Runs `use` in a tab of its own, seen from Tally's isolated world; Tally must throw and log nothing there. */
  async function inWatchedTab(use: (tab: Page, page: ArticlePage) => Promise<void>): Promise<void> {
    const tab = await tally.context.newPage();
    const errors = await watchExtensionErrors(tally.context, tab, tally.extensionId);
    await use(tab, ArticlePage.inIsolatedWorld(tally.context, tab));
    expect(errors.errors()).toEqual([]);
    await errors.stop();
    await tab.close();
  }

  it('is checked as any page: Tally runs in a world of its own', () =>
    inWatchedTab(async (tab, page) => {
      await page.goto(`${site.origin}/hostile.html`);

      expect(expected).toEqual({ corroborated: ['38%', '400'], conflicting: ['178'] });
      await expect.poll(() => page.highlightedTexts()).toEqual(expected);
      const popup = await PopupPage.open(tally, await tabIdOf(tally, tab));
      await expect.poll(() => popup.findings().count()).toBe(3);
      await popup.close();
      await page.hoverText('#p-patents', '178');
      await expect.poll(() => page.card().isVisible()).toBe(true);
      expect(await page.card().innerText()).toContain('187 granted in the United States');
    }));

  it('answers the user only: events a page script makes up neither open the card nor its source', () =>
    inWatchedTab(async (tab, page) => {
      await page.goto(`${site.origin}/hostile.html`);
      await expect.poll(() => page.highlightedTexts()).toEqual(expected);
      // A page may own the element names Tally could have used for its card.
      await inPageWorld(tally, tab, `customElements.define('tally-card', class extends HTMLElement {
        constructor() { super(); this.attachShadow({ mode: 'closed' }); }
      })`);

      const { x, y } = await page.textCenter('#p-patents', '178');
      await inPageWorld(tally, tab, `document.elementFromPoint(${x}, ${y}).dispatchEvent(
        new PointerEvent('pointerdown', { clientX: ${x}, clientY: ${y}, bubbles: true, composed: true }))`);
      await tab.waitForTimeout(300);
      expect(await page.card().isVisible()).toBe(false);

      await page.hoverText('#p-patents', '178');
      await expect.poll(() => page.card().isVisible()).toBe(true);
      const tabs = tally.context.pages().length;
      const clicked = await inPageWorld(tally, tab, `(() => {
        const button = document.querySelector('[data-tally]')?.shadowRoot?.querySelector('.tally-read');
        for (let i = 0; i < 5; i++) button?.click();
        return button?.localName ?? null;
      })()`);
      await tab.waitForTimeout(500);

      expect(clicked).toBe('button');
      expect(tally.context.pages()).toHaveLength(tabs);
    }));

  it("keeps checking a single-page app after the page forges the script's start event", () =>
    inWatchedTab(async (tab, app) => {
      await app.goto(`${site.origin}/spa/`);
      await tab.waitForTimeout(500);

      // What WXT listens for to stop an older copy of the script, forged by the page.
      await inPageWorld(tally, tab, `document.dispatchEvent(new CustomEvent(
        '${tally.extensionId}:content:wxt:content-script-started',
        { detail: { contentScriptName: 'content', messageId: 'forged' } }))`);
      await tab.getByRole('link', { name: 'Patents' }).click();

      await expect.poll(() => app.highlightedTexts(), { timeout: 5_000 }).toEqual({ corroborated: ['400'], conflicting: ['178'] });
    }));

  it('puts its highlights back after the page clears the registry, again and again', () =>
    inWatchedTab(async (tab, page) => {
      await page.goto(`${site.origin}/hostile.html`);
      await tab.bringToFront();
      await expect.poll(() => page.highlightedTexts()).toEqual(expected);

      // Cleared every 50 ms for 2 s: Tally does not fight it, and keeps working.
      await inPageWorld(tally, tab, 'clearHighlights(50, 2000)');
      await expect.poll(() => inPageWorld(tally, tab, 'hostile.clearing'), { timeout: 5_000 }).toBe(false);
      expect(await inPageWorld(tally, tab, 'hostile.cleared')).toBeGreaterThan(10);

      await expect.poll(() => page.highlightedTexts(), { timeout: 5_000 }).toEqual(expected);

      // The page empties the Highlight object it got from the registry: it is filled again.
      expect(await inPageWorld(tally, tab, 'emptyTallyHighlight()')).toBe(0);
      await expect.poll(() => page.highlightedTexts(), { timeout: 3_000 }).toEqual(expected);
    }));

  it('shows text that looks like markup as text, on the page, in the card, the popup and the source page', async () => {
    const tab = await tally.context.newPage();
    // An alert() would mean some text was run as markup, in whichever page.
    const dialogs: string[] = [];
    const onPage = (opened: Page) => opened.on('dialog', (dialog) => void dialogs.push(dialog.message()));
    tally.context.on('page', onPage);
    onPage(tab);
    const page = new ArticlePage(tab);
    const markup = expectedFigures('markup.html');

    await page.goto(`${site.origin}/markup.html`);

    // The page writes "<b>178</b>" as text: the figure Tally reads is ">178", with its ">".
    expect(markup).toEqual({ corroborated: ['38%', '400', '>178'], conflicting: [] });
    await expect.poll(() => page.highlightedTexts()).toEqual(markup);
    expect(await tab.locator('#p-share').innerText()).toContain('<img src=x onerror=alert(1)>');
    await page.hoverText('#p-patents', '178');
    await expect.poll(() => page.card().isVisible()).toBe(true);
    expect(await page.card().innerText()).toContain('>178');
    expect(await tab.locator('img, [data-tally] img').count()).toBe(0);

    const popup = await PopupPage.open(tally, await tabIdOf(tally, tab));
    await expect.poll(() => popup.findings().count()).toBe(3);
    expect(await popup.finding('>178').innerText()).toContain('Page says >178');
    expect(await popup.page.locator('img').count()).toBe(1);
    expect(await popup.page.locator('img.popup__logo').count()).toBe(1);
    const [source] = await Promise.all([
      tally.context.waitForEvent('page'),
      popup.finding('>178').getByRole('link', { name: 'Read the source' }).click(),
    ]);
    await source.waitForLoadState();
    await expect.poll(() => source.locator('mark').count()).toBe(1);
    expect(await source.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    tally.context.off('page', onPage);
    await source.close();
    await popup.close();
    await tab.close();
  });
});
