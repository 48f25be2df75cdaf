import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFigures } from './expected';
import { artifactPath, chromiumPath, launchTally, startSite, tabIdOf, type ExtensionGlobal, type Site, type Tally } from './fixtures';
import { ArticlePage } from './pages/article';
import { PopupPage } from './pages/popup';
import { badgeOf } from './pages/toolbar';

describe.skipIf(!chromiumPath)('the popup, opened as popup.html?tabId=N', () => {
  let site: Site;
  let tally: Tally;
  let article: ArticlePage;
  let tabId: number;
  const expected = expectedFigures('article.html');
  const total = expected.corroborated.length + expected.conflicting.length;

  beforeAll(async () => {
    site = await startSite();
    tally = await launchTally();
    article = new ArticlePage(await tally.context.newPage());
    await article.goto(`${site.origin}/article.html`);
    await article.waitForHighlights();
    tabId = await tabIdOf(tally, article.page);
  });

  afterAll(async () => {
    await tally?.close();
    await site?.close();
  });

  it('lists the findings, conflicts first, with their sources', async () => {
    const popup = await PopupPage.open(tally, tabId);

    await expect.poll(() => popup.findings().count()).toBe(total);
    const first = await popup.findings().first().innerText();
    expect(first).toContain('Conflicts with the source');
    expect(first).toContain('178');
    expect(first).toContain('187');
    expect(first).toContain('Biopharma Revolution');
    expect(await popup.siteSwitch().getAttribute('aria-checked')).toBe('true');
    expect(await popup.siteSwitch().getAttribute('aria-labelledby')).toBeTruthy();
    await popup.page.screenshot({ path: artifactPath('popup.png') });
    await popup.page.emulateMedia({ colorScheme: 'dark' });
    await popup.page.screenshot({ path: artifactPath('popup-dark.png') });
    await popup.close();
  });

  it('scrolls the page to a finding when it is clicked', async () => {
    const popup = await PopupPage.open(tally, tabId);
    expect(await article.inViewport('#p-deals')).toBe(false);

    await popup.reveal('$50 billion');
    // A real popup floats over the page; here the page is a background tab, which paints (and so
    // animates the smooth scroll) only once in front.
    await article.page.bringToFront();

    await expect.poll(() => article.inViewport('#p-deals')).toBe(true);
    expect(await article.page.evaluate(() => CSS.highlights.has('tally-flash'))).toBe(true);
    await popup.close();
  });

  it('links each finding to its source document, with the quote marked', async () => {
    const popup = await PopupPage.open(tally, tabId);
    const link = popup.finding('178').getByRole('link', { name: 'Read the source' });
    const href = await link.getAttribute('href');

    const source = await tally.context.newPage();
    await source.setViewportSize({ width: 1000, height: 640 });
    await source.goto(href ?? '');

    const mark = source.locator('mark');
    await expect.poll(() => mark.innerText()).toContain('187 granted in the United States');
    expect(await mark.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await source.screenshot({ path: artifactPath('source.png') });
    await source.close();
    await popup.close();
  });

  it('turns the site off at once, keeps it off after a reload, and turns it back on', async () => {
    const popup = await PopupPage.open(tally, tabId);

    await popup.siteSwitch().click();

    await expect.poll(() => article.highlightCounts(), { timeout: 1000 }).toEqual({ corroborated: 0, conflicting: 0 });
    await expect.poll(() => badgeOf(tally, tabId).then((b) => b.text)).toBe('');
    await expect.poll(() => popup.status().innerText()).toContain('Tally is off on 127.0.0.1');

    await article.page.reload();
    await article.page.waitForTimeout(1000);
    expect(await article.highlightCounts()).toEqual({ corroborated: 0, conflicting: 0 });

    await popup.page.reload();
    await expect.poll(() => popup.siteSwitch().getAttribute('aria-checked')).toBe('false');
    await popup.siteSwitch().click();
    await expect.poll(() => article.highlightedTexts()).toEqual(expected);
    await expect.poll(() => popup.findings().count()).toBe(total);
    await popup.close();
  });

  it.each(['light', 'dark'] as const)('shows the options page with its switch, in %s colours', async (colorScheme) => {
    const page = await tally.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${tally.extensionId}/options.html`);
    const toggle = page.getByRole('switch');
    const look = () =>
      page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        page: getComputedStyle(document.querySelector('.page')!).backgroundColor,
        toggle: getComputedStyle(document.querySelector('[role="switch"]')!).backgroundColor,
      }));
    try {
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
      expect(await toggle.boundingBox()).toMatchObject({ width: 36, height: 20 });
      const on = await look();
      expect(on.body).toBe(on.page);
      expect(on.body).toBe(colorScheme === 'dark' ? 'rgb(31, 33, 36)' : 'rgb(255, 255, 255)');

      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
      // The switch's colour eases over 120 ms.
      await expect.poll(async () => (await look()).toggle).not.toBe(on.toggle);
    } finally {
      await page.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.set({ enabled: true }));
      await page.close();
    }
  });

  it('says a browser page cannot be checked', async () => {
    const page = await tally.context.newPage();
    await page.goto('chrome://version');
    const popup = await PopupPage.open(tally, await tabIdOf(tally, page));

    await expect.poll(() => popup.status().innerText()).toContain('This page cannot be checked');
    expect(await popup.siteSwitch().count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
