import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface HighlightCounts {
  corroborated: number;
  conflicting: number;
}

/** Runs a function in the page; its argument and result travel as JSON. */
type Evaluate = <R, A = undefined>(fn: (arg: A) => R, arg?: A) => Promise<R>;

/** A fixture web page with Tally running on it. */
export class ArticlePage {
  private readonly evaluate: Evaluate;

  /** Reads the page from its own world, or, with `evaluate`, from another (see `inIsolatedWorld`). */
  constructor(
    readonly page: Page,
    evaluate?: Evaluate,
  ) {
    this.evaluate = evaluate ?? ((fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg));
  }

  /**
   * A page object that reads the page from a world of its own, as Tally does, for pages that
   * break the built-ins of their world (Playwright's `evaluate` runs there). The highlight
   * registry and the DOM are the document's, so it sees the same highlights and nodes.
   */
  static inIsolatedWorld(context: BrowserContext, page: Page): ArticlePage {
    return new ArticlePage(page, async (fn, arg) => {
      const session = await context.newCDPSession(page);
      try {
        const { frameTree } = await session.send('Page.getFrameTree');
        const { executionContextId } = await session.send('Page.createIsolatedWorld', {
          frameId: frameTree.frame.id,
          worldName: 'tally-e2e',
        });
        const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
          expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
          contextId: executionContextId,
          returnByValue: true,
          awaitPromise: true,
        });
        if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        return result.value;
      } finally {
        await session.detach();
      }
    });
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** The number of ranges under each of Tally's `CSS.highlights` names. */
  highlightCounts(): Promise<HighlightCounts> {
    return this.evaluate(() => ({
      corroborated: CSS.highlights.get('tally-corroborated')?.size ?? 0,
      conflicting: CSS.highlights.get('tally-conflicting')?.size ?? 0,
    }));
  }

  /** The text of each highlighted range, sorted, by verdict. */
  highlightedTexts(): Promise<{ corroborated: string[]; conflicting: string[] }> {
    return this.evaluate(() => {
      const texts = (name: string) =>
        [...((CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>)].map((r) => (r as Range).toString()).sort();
      return { corroborated: texts('tally-corroborated'), conflicting: texts('tally-conflicting') };
    });
  }

  /** How many of Tally's highlighted ranges lie inside an element that matches `selector`. */
  highlightsInside(selector: string): Promise<number> {
    return this.evaluate((selector) => {
      const ranges = ['tally-corroborated', 'tally-conflicting'].flatMap((name) => [
        ...((CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>),
      ]);
      return ranges.filter((range) => {
        const node = (range as Range).commonAncestorContainer;
        const element = node instanceof Element ? node : node.parentElement;
        return element?.closest(selector) != null;
      }).length;
    }, selector);
  }

  /** Waits until Tally has highlighted something. */
  async waitForHighlights(): Promise<void> {
    await this.page.waitForFunction(
      () => (CSS.highlights.get('tally-corroborated')?.size ?? 0) + (CSS.highlights.get('tally-conflicting')?.size ?? 0) > 0,
    );
  }

  /** Every `CSS.highlights` name on the page. */
  highlightNames(): Promise<string[]> {
    return this.evaluate(() => [...CSS.highlights.keys()].sort());
  }

  /** The fixture keeps its story's HTML as it was parsed; true when it is still the same. */
  storyUnchanged(): Promise<boolean> {
    return this.page.evaluate(
      () => document.getElementById('story')?.outerHTML === (window as unknown as { __originalBody: string }).__originalBody,
    );
  }

  /** The viewport centre of the first occurrence of `text` inside `selector`. */
  async textCenter(selector: string, text: string): Promise<{ x: number; y: number }> {
    const point = await this.evaluate(
      ([selector, text]) => {
        const root = document.querySelector(selector as string);
        const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(text as string);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + (text as string).length);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        return null;
      },
      [selector, text],
    );
    if (!point) throw new Error(`"${text}" not found in ${selector}`);
    return point;
  }

  async hoverText(selector: string, text: string): Promise<void> {
    await this.page.locator(selector).scrollIntoViewIfNeeded();
    const { x, y } = await this.textCenter(selector, text);
    await this.page.mouse.move(x - 30, y + 30);
    await this.page.mouse.move(x, y, { steps: 4 });
  }

  /** Tally's card on the page (inside its open shadow root, which locators pierce). */
  card(): Locator {
    return this.page.locator('[data-tally] .tally-card');
  }

  /** Whether the element is inside the viewport. */
  inViewport(selector: string): Promise<boolean> {
    return this.page.evaluate((selector) => {
      const rect = document.querySelector(selector)?.getBoundingClientRect();
      return rect !== undefined && rect.top >= 0 && rect.bottom <= window.innerHeight;
    }, selector);
  }
}
