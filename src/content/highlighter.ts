import type { Verdict } from '../match/finding';
import type { PageWindow } from './page-window';

/** The `CSS.highlights` names: a contract the e2e tests and the README rely on. */
export const HIGHLIGHT_NAMES: Readonly<Record<Verdict, string>> = Object.freeze({
  corroborated: 'tally-corroborated',
  conflicting: 'tally-conflicting',
});
const FLASH_NAME = 'tally-flash';
const FLASH_MS = 1600;

/**
 * Colours are translucent so they read on light and dark pages alike; conflicts also get a wavy
 * underline so the two verdicts differ for readers who do not tell red from green.
 * `::highlight()` takes only a few properties (colours, text-decoration, text-shadow).
 */
export const HIGHLIGHT_CSS = `
::highlight(tally-corroborated) {
  background-color: rgba(24, 128, 56, 0.16);
  text-decoration: underline solid 2px rgb(24, 128, 56);
}
::highlight(tally-conflicting) {
  background-color: rgba(217, 48, 37, 0.2);
  text-decoration: underline wavy 2px rgb(217, 48, 37);
}
::highlight(tally-flash) {
  background-color: rgba(251, 188, 4, 0.6);
}
`;

/** The `CSS.highlights` registry, with the hit test Chromium 140+ adds to it. */
export interface HighlightRegistryLike {
  get(name: string): unknown;
  set(name: string, highlight: Highlight): unknown;
  delete(name: string): boolean;
  highlightsFromPoint?: (x: number, y: number) => { highlight: Highlight; ranges: AbstractRange[] }[];
}

/**
 * Paints findings with the CSS Custom Highlight API. It never touches the page's nodes: ranges are
 * registered in `CSS.highlights` and styled by one `::highlight()` stylesheet, so pages whose
 * framework owns the DOM (React, Vue…) keep working. Where the API is missing (`supported` false)
 * every call is a no-op and findings are still reported.
 */
export class Highlighter {
  readonly registry: HighlightRegistryLike | undefined;
  private readonly highlights = new Map<string, Highlight>();
  private flashTimer: number | undefined;

  constructor(private readonly win: PageWindow) {
    const css = (win as unknown as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
    this.registry = typeof win.Highlight === 'function' ? css?.highlights : undefined;
  }

  get supported(): boolean {
    return this.registry !== undefined;
  }

  /** Adds the stylesheet (once per document) and registers the highlights. */
  install(): void {
    if (!this.registry) return;
    const doc = this.win.document;
    if (!doc.querySelector('style[data-tally]')) {
      const style = doc.createElement('style');
      style.setAttribute('data-tally', '');
      style.textContent = HIGHLIGHT_CSS;
      (doc.head ?? doc.documentElement).append(style);
    }
    for (const name of Object.values(HIGHLIGHT_NAMES)) this.highlight(name);
  }

  add(verdict: Verdict, range: Range): void {
    this.highlight(HIGHLIGHT_NAMES[verdict])?.add(range);
  }

  delete(verdict: Verdict, range: Range): void {
    this.highlight(HIGHLIGHT_NAMES[verdict])?.delete(range);
  }

  /** Briefly marks a range more strongly, to show where the popup just scrolled to. */
  flash(range: Range): void {
    const flash = this.highlight(FLASH_NAME);
    if (!flash) return;
    flash.clear();
    flash.add(range);
    this.win.clearTimeout(this.flashTimer);
    this.flashTimer = this.win.setTimeout(() => this.unregister(FLASH_NAME), FLASH_MS);
  }

  /** Removes every highlight Tally registered (the stylesheet stays: it styles nothing then). */
  clear(): void {
    this.win.clearTimeout(this.flashTimer);
    for (const name of [...this.highlights.keys()]) this.unregister(name);
  }

  private unregister(name: string): void {
    const highlight = this.highlights.get(name);
    if (!highlight) return;
    highlight.clear();
    if (this.registry?.get(name) === highlight) this.registry.delete(name);
    this.highlights.delete(name);
  }

  /**
   * The Highlight registered under `name`, registering it again if something removed it from the
   * registry (a page may call `CSS.highlights.clear()`; the registry is shared with it).
   */
  private highlight(name: string): Highlight | undefined {
    if (!this.registry) return undefined;
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new this.win.Highlight();
      // The flash paints over the verdict colour of the same text.
      highlight.priority = name === FLASH_NAME ? 1 : 0;
      this.highlights.set(name, highlight);
    }
    if (this.registry.get(name) !== highlight) this.registry.set(name, highlight);
    return highlight;
  }

  /** True when `highlight` is one of Tally's verdict highlights. */
  owns(highlight: unknown): boolean {
    return Object.values(HIGHLIGHT_NAMES).some((name) => this.highlights.get(name) === highlight);
  }
}
