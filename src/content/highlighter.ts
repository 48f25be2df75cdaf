import type { Verdict } from '../match/finding';
import type { PageWindow } from './page-window';

/** The `CSS.highlights` names: a contract the e2e tests and the README rely on. */
export const HIGHLIGHT_NAMES: Readonly<Record<Verdict, string>> = Object.freeze({
  corroborated: 'tally-corroborated',
  conflicting: 'tally-conflicting',
});
const FLASH_NAME = 'tally-flash';
const FLASH_MS = 1600;

/** The `CSS.highlights` registry, with the hit test Chromium 140+ adds to it. */
export interface HighlightRegistryLike {
  get(name: string): unknown;
  set(name: string, highlight: Highlight): unknown;
  delete(name: string): boolean;
  highlightsFromPoint?: (x: number, y: number) => { highlight: Highlight; ranges: AbstractRange[] }[];
}

/**
 * Paints findings with the CSS Custom Highlight API. It never touches the page's nodes: ranges
 * are registered in `CSS.highlights` and styled by `highlights.css`, which the browser injects
 * with the content script, so pages whose framework owns the DOM (React, Vue…) keep working.
 * Where the API is missing (`supported` false) every call is a no-op and findings are still
 * reported.
 */
export class Highlighter {
  readonly registry: HighlightRegistryLike | undefined;
  private readonly highlights = new Map<string, Highlight>();
  /** The ranges each verdict highlight should hold: the page can empty the Highlight itself. */
  private readonly ranges = new Map<string, Set<Range>>();
  /** Between `install()` and `clear()`: only then is there anything to repair. */
  private installed = false;
  private flashTimer: number | undefined;

  constructor(private readonly win: PageWindow) {
    const css = (win as unknown as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
    this.registry = typeof win.Highlight === 'function' ? css?.highlights : undefined;
  }

  get supported(): boolean {
    return this.registry !== undefined;
  }

  /** Registers the highlights. */
  install(): void {
    if (!this.registry) return;
    this.installed = true;
    for (const name of Object.values(HIGHLIGHT_NAMES)) this.highlight(name);
  }

  add(verdict: Verdict, range: Range): void {
    const name = HIGHLIGHT_NAMES[verdict];
    this.rangesOf(name).add(range);
    this.highlight(name)?.add(range);
  }

  delete(verdict: Verdict, range: Range): void {
    const name = HIGHLIGHT_NAMES[verdict];
    this.rangesOf(name).delete(range);
    this.highlight(name)?.delete(range);
  }

  /**
   * Puts back what the page took away: Tally's highlights in the registry (a page may call
   * `CSS.highlights.clear()`), and their ranges (it may empty a Highlight it got from the
   * registry). Costs two lookups per verdict when nothing is missing.
   */
  repair(): void {
    if (!this.registry || !this.installed) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) {
      const highlight = this.highlight(name);
      const ranges = this.rangesOf(name);
      if (!highlight || highlight.size === ranges.size) continue;
      highlight.clear();
      for (const range of ranges) highlight.add(range);
    }
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

  /** Removes every highlight Tally registered. */
  clear(): void {
    this.win.clearTimeout(this.flashTimer);
    for (const name of [...this.highlights.keys()]) this.unregister(name);
    this.ranges.clear();
    this.installed = false;
  }

  private rangesOf(name: string): Set<Range> {
    let ranges = this.ranges.get(name);
    if (!ranges) this.ranges.set(name, (ranges = new Set()));
    return ranges;
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
