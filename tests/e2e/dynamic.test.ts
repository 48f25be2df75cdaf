import { describe, expect, it } from 'vitest';
import { chromiumPath, tabIdOf, type Site, type Tally } from './fixtures';
import { withSiteAndTally } from './suite';
import { ArticlePage } from './pages/article';
import { badgeOf } from './pages/toolbar';
import { workerStopper } from '../../src/bench/browser/worker-profile';

describe.skipIf(!chromiumPath)('pages that change after they load', () => {
  let site: Site;
  let tally: Tally;

  withSiteAndTally((s, t) => {
    site = s;
    tally = t;
  });

  it('checks a paragraph the page adds, and drops a figure whose text changed', async () => {
    const live = new ArticlePage(await tally.context.newPage());
    await live.goto(`${site.origin}/live.html`);
    await expect.poll(() => live.highlightedTexts()).toEqual({ corroborated: ['38%'], conflicting: [] });
    const tabId = await tabIdOf(tally, live.page);
    await expect.poll(() => badgeOf(tally, tabId)).toEqual({ text: '1', color: '#188038' });

    await live.page.evaluate(() =>
      (window as unknown as { addUpdate(text: string): void }).addUpdate(
        "China's pharmaceutical sales reached $112.8 billion in 2024.",
      ),
    );

    await expect.poll(() => live.highlightedTexts()).toEqual({ corroborated: ['$112.8 billion', '38%'], conflicting: [] });

    await live.page.evaluate(() =>
      (window as unknown as { editUpdate(index: number, text: string): void }).editUpdate(
        1,
        'Survey results are delayed until next week.',
      ),
    );

    await expect.poll(() => live.highlightedTexts()).toEqual({ corroborated: ['$112.8 billion'], conflicting: [] });
    expect(await live.page.locator('mark').count()).toBe(0);
    await live.page.close();
  });

  it('checks the new view after a single-page-app navigation', async () => {
    const app = new ArticlePage(await tally.context.newPage());
    await app.goto(`${site.origin}/spa/`);
    await app.page.waitForTimeout(500);
    expect(await app.highlightCounts()).toEqual({ corroborated: 0, conflicting: 0 });

    await app.page.getByRole('link', { name: 'Patents' }).click();

    await expect.poll(() => app.page.url()).toMatch(/\/spa\/patents$/);
    await expect.poll(() => app.highlightedTexts()).toEqual({ corroborated: ['400'], conflicting: ['178'] });

    await app.page.getByRole('link', { name: 'Home' }).click();

    await expect.poll(() => app.highlightCounts()).toEqual({ corroborated: 0, conflicting: 0 });
    await app.page.close();
  });

  it('takes its highlights away while the page is an editor (designMode), and puts them back after', async () => {
    const live = new ArticlePage(await tally.context.newPage());
    await live.goto(`${site.origin}/live.html`);
    await expect.poll(() => live.highlightedTexts()).toEqual({ corroborated: ['38%'], conflicting: [] });

    await live.page.evaluate(() => void (document.designMode = 'on'));
    await expect.poll(() => live.highlightCounts(), { timeout: 5_000 }).toEqual({ corroborated: 0, conflicting: 0 });

    await live.page.evaluate(() => void (document.designMode = 'off'));
    await expect.poll(() => live.highlightedTexts(), { timeout: 5_000 }).toEqual({ corroborated: ['38%'], conflicting: [] });
    await live.page.close();
  });

  it('checks a document the page writes anew with document.open()', async () => {
    const live = new ArticlePage(await tally.context.newPage());
    await live.goto(`${site.origin}/live.html`);
    await expect.poll(() => live.highlightedTexts()).toEqual({ corroborated: ['38%'], conflicting: [] });

    await live.page.evaluate(() => {
      document.open();
      document.write("<!doctype html><title>New</title><p>China's pharmaceutical sales reached $112.8 billion in 2024.</p>");
      document.close();
    });

    await expect.poll(() => live.highlightedTexts(), { timeout: 5_000 }).toEqual({ corroborated: ['$112.8 billion'], conflicting: [] });
    await live.page.close();
  });
});

describe.skipIf(!chromiumPath)('a page open while the browser stops the idle background', () => {
  let site: Site;
  let tally: Tally;

  withSiteAndTally((s, t) => {
    site = s;
    tally = t;
  });

  it('checks a paragraph added after the background was stopped: the page connects again, which starts it', async () => {
    const live = new ArticlePage(await tally.context.newPage());
    await live.goto(`${site.origin}/live.html`);
    await expect.poll(() => live.highlightedTexts()).toEqual({ corroborated: ['38%'], conflicting: [] });
    const stopper = await workerStopper(tally.context, `chrome-extension://${tally.extensionId}/`);
    try {
      await stopper.stop();
    } finally {
      await stopper.close();
    }

    await live.page.evaluate(() =>
      (window as unknown as { addUpdate(text: string): void }).addUpdate(
        "China's pharmaceutical sales reached $112.8 billion in 2024.",
      ),
    );

    await expect.poll(() => live.highlightedTexts()).toEqual({ corroborated: ['$112.8 billion', '38%'], conflicting: [] });
    await live.page.close();
  });
});
