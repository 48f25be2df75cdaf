import type { Locator, Page } from 'playwright-core';
import type { Tally } from '../fixtures';

/** The toolbar popup, opened as a page with `?tabId=N` so it shows tab N. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(tally: Tally, tabId: number): Promise<PopupPage> {
    const page = await tally.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${tally.extensionId}/popup.html?tabId=${tabId}`);
    return new PopupPage(page);
  }

  /** The per-site switch, "Check figures on <site>". */
  siteSwitch(): Locator {
    return this.page.getByRole('switch', { name: /^Check figures on / });
  }

  /** The state shown when there are no findings (checking, none, off, cannot be checked). */
  status(): Locator {
    return this.page.getByRole('status');
  }

  findings(): Locator {
    return this.page.locator('.finding-item');
  }

  /** The finding about the page figure `figure`. */
  finding(figure: string): Locator {
    return this.page.getByRole('article', { name: `${figure}:`, exact: false });
  }

  /** Clicks a finding: the page scrolls to its figure. */
  async reveal(figure: string): Promise<void> {
    await this.page.getByRole('button', { name: `Show ${figure} on the page` }).click();
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
