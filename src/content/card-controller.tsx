import { render } from 'preact';
import type { ReportedFinding } from '../messages';
import { FindingCard } from '../ui/FindingCard';
import type { PageWindow } from './page-window';

/** A finding the card can show: its report and where its figure is. */
export interface CardEntry {
  report: ReportedFinding;
  range: Range;
}

export interface CardControllerDeps {
  /** The finding whose figure is painted at the viewport point, if any. */
  entryAt(x: number, y: number): CardEntry | null;
  /** The finding whose figure lies inside a focused element (a link around a figure, say). */
  entryIn(element: Element): CardEntry | null;
  /** All findings, in page order, for stepping through them. */
  entries(): CardEntry[];
  openSource(claimId: string): void;
}

const HOVER_DELAY_MS = 80;
const HIDE_DELAY_MS = 300;
const GAP_PX = 8;
/** The least height a card scrolls within when the window is too short for it on either side. */
const MIN_CARD_HEIGHT_PX = 120;

/**
 * The card that explains a highlighted figure. It appears when the pointer rests on a highlight
 * or focus enters an element holding one ("hover" card: it follows the pointer and goes away on
 * its own), or when the popup or the keyboard command asks for a finding ("pinned" card: it takes
 * focus, steps through the findings, and stays until Escape, the close button or a click elsewhere).
 *
 * It lives in a shadow root on a `<div>` marked `data-tally` (a `div`, which no page script can
 * define as a custom element of its own), appended to `<html>` rather than `<body>`, so page
 * styles cannot reach it and the page's own content is left as it was. Only the user drives it:
 * events a page script makes up (`isTrusted` false) neither open it nor press its buttons.
 */
export class CardController {
  private host: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private current: CardEntry | null = null;
  private pinned = false;
  private returnFocus: Element | null = null;
  private showTimer: number | undefined;
  private hideTimer: number | undefined;
  private frame: number | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly win: PageWindow,
    private readonly css: string,
    private readonly deps: CardControllerDeps,
  ) {
    const doc = win.document;
    const options = { signal: this.abort.signal, passive: true, capture: true };
    const trusted =
      <E extends Event>(handle: (event: E) => void) =>
      (event: E) => {
        if (event.isTrusted) handle(event);
      };
    doc.addEventListener('pointermove', trusted((event) => this.onPointerMove(event)), options);
    doc.addEventListener('pointerdown', trusted((event) => this.onPointerDown(event)), options);
    doc.addEventListener('focusin', trusted((event) => this.onFocusIn(event)), options);
    doc.addEventListener('keydown', trusted((event) => this.onKeyDown(event)), { signal: this.abort.signal, capture: true });
    win.addEventListener('scroll', () => this.onScroll(), options);
    win.addEventListener('resize', () => this.onScroll(), options);
  }

  /** The finding the card shows, if it is open. */
  get shown(): ReportedFinding | null {
    return this.current?.report ?? null;
  }

  /** Opens the card on a finding, pinned; with `focus`, keyboard focus moves into it. */
  pin(entry: CardEntry, focus: boolean): void {
    if (focus && !this.pinned) this.returnFocus = this.win.document.activeElement;
    this.pinned = true;
    this.show(entry);
    if (focus) this.container?.querySelector<HTMLElement>('.tally-card')?.focus({ preventScroll: true });
  }

  /** Pins the card on the finding after (or, with -1, before) the one shown, wrapping around. */
  step(delta: 1 | -1, focus = true): CardEntry | null {
    const entries = this.deps.entries();
    if (entries.length === 0) return null;
    const at = this.current ? entries.findIndex((e) => e.report.id === this.current?.report.id) : -1;
    const index = at < 0 ? (delta > 0 ? 0 : entries.length - 1) : (at + delta + entries.length) % entries.length;
    const entry = entries[index] as CardEntry;
    scrollToRange(this.win, entry.range);
    this.pin(entry, focus);
    return entry;
  }

  hide(): void {
    this.win.clearTimeout(this.showTimer);
    this.win.clearTimeout(this.hideTimer);
    if (!this.current) return;
    const restore = this.pinned ? this.returnFocus : null;
    this.current = null;
    this.pinned = false;
    this.returnFocus = null;
    if (this.container) render(null, this.container);
    if (this.host) this.host.style.setProperty('display', 'none', 'important');
    if (restore instanceof this.win.HTMLElement && restore.isConnected) restore.focus({ preventScroll: true });
  }

  /** Closes the card if it shows a finding that is no longer on the page. */
  forget(ids: ReadonlySet<string>): void {
    if (this.current && !ids.has(this.current.report.id)) this.hide();
  }

  destroy(): void {
    this.hide();
    this.abort.abort();
    this.host?.remove();
    this.host = null;
  }

  private show(entry: CardEntry): void {
    this.win.clearTimeout(this.hideTimer);
    const container = this.mount();
    this.current = entry;
    const entries = this.pinned ? this.deps.entries() : [];
    const index = entries.findIndex((e) => e.report.id === entry.report.id);
    const { report } = entry;
    render(
      <FindingCard
        finding={report}
        onReadSource={(event) => {
          // A page script's click() on the button opens nothing: each would open a tab.
          if (event.isTrusted) this.deps.openSource(report.claimId);
        }}
        onClose={() => this.hide()}
        nav={
          index >= 0
            ? { index, total: entries.length, onPrevious: () => this.step(-1), onNext: () => this.step(1) }
            : undefined
        }
      />,
      container,
    );
    this.host?.style.setProperty('display', 'block', 'important');
    this.place();
  }

  /** Creates the shadow host on first use. */
  private mount(): HTMLElement {
    if (this.host?.isConnected && this.container) return this.container;
    const doc = this.win.document;
    const host = doc.createElement('div');
    host.setAttribute('data-tally', '');
    for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = `:host { all: initial; }\n${this.css}`;
    const container = doc.createElement('div');
    container.style.position = 'fixed';
    // The card is written in English, left to right, whatever the page's language and direction.
    container.setAttribute('dir', 'ltr');
    container.setAttribute('lang', 'en');
    shadow.append(style, container);
    // Keys typed in the card are the card's: the page's shortcuts must not fire on them.
    shadow.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') this.hide();
      event.stopPropagation();
    });
    shadow.addEventListener('pointerenter', () => this.win.clearTimeout(this.hideTimer), true);
    doc.documentElement.append(host);
    this.host = host;
    this.container = container;
    return container;
  }

  /**
   * Places the card below the figure, or above it when there is no room below. In a window too
   * short for either, it takes the side with more room and scrolls within that height, so that it
   * neither covers its figure nor runs out of the window; only when neither side has
   * MIN_CARD_HEIGHT_PX of room does it cover part of the figure.
   */
  private place(): void {
    const container = this.container;
    if (!container || !this.current) return;
    container.style.maxHeight = '';
    container.style.overflowY = '';
    const rects = this.current.range.getClientRects();
    const anchor = rects[0] ?? this.current.range.getBoundingClientRect();
    const card = container.getBoundingClientRect();
    const { innerWidth: width, innerHeight: height } = this.win;
    const left = Math.max(GAP_PX, Math.min(anchor.left, width - card.width - GAP_PX));
    const below = anchor.bottom + GAP_PX;
    const roomBelow = height - GAP_PX - below;
    const roomAbove = anchor.top - 2 * GAP_PX;
    let top: number;
    if (card.height <= roomBelow) top = below;
    else if (card.height <= roomAbove) top = anchor.top - GAP_PX - card.height;
    else {
      const room = Math.max(roomBelow, roomAbove, MIN_CARD_HEIGHT_PX);
      container.style.maxHeight = `${Math.round(room)}px`;
      container.style.overflowY = 'auto';
      top = roomBelow >= roomAbove ? Math.min(below, height - GAP_PX - room) : Math.max(GAP_PX, anchor.top - GAP_PX - room);
    }
    container.style.left = `${Math.round(left)}px`;
    container.style.top = `${Math.round(top)}px`;
  }

  private isCard(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  private onPointerMove(event: PointerEvent): void {
    if (this.pinned || event.pointerType === 'touch') return;
    if (this.isCard(event.target)) {
      this.win.clearTimeout(this.hideTimer);
      return;
    }
    const { clientX: x, clientY: y } = event;
    if (this.frame !== undefined) this.win.cancelAnimationFrame(this.frame);
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = undefined;
      const entry = this.deps.entryAt(x, y);
      if (entry && entry.report.id === this.current?.report.id) {
        this.win.clearTimeout(this.hideTimer);
      } else if (entry) {
        this.win.clearTimeout(this.showTimer);
        this.showTimer = this.win.setTimeout(() => this.show(entry), this.current ? 0 : HOVER_DELAY_MS);
      } else {
        this.win.clearTimeout(this.showTimer);
        if (this.current) this.scheduleHide();
      }
    });
  }

  private onPointerDown(event: PointerEvent): void {
    if (this.isCard(event.target)) return;
    // A tap or click on a figure opens its card (touch screens have no hover).
    const entry = this.deps.entryAt(event.clientX, event.clientY);
    if (entry) this.pin(entry, false);
    else if (this.current) this.hide();
  }

  private onFocusIn(event: FocusEvent): void {
    if (this.pinned || this.isCard(event.target) || !(event.target instanceof this.win.Element)) return;
    const entry = this.deps.entryIn(event.target);
    if (entry) this.show(entry);
    else if (this.current) this.hide();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.current) this.hide();
  }

  private onScroll(): void {
    if (!this.current) return;
    if (!this.pinned) {
      this.hide();
      return;
    }
    if (this.frame !== undefined) this.win.cancelAnimationFrame(this.frame);
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = undefined;
      this.place();
    });
  }

  private scheduleHide(): void {
    this.win.clearTimeout(this.hideTimer);
    this.hideTimer = this.win.setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }
}

/** The host is an empty, fixed box; only its shadow content is visible. */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  'z-index': '2147483647',
  display: 'block',
};

/**
 * Scrolls a range's text to the middle of the viewport: smoothly, unless the reader asked for
 * less motion or the page is hidden (a hidden page does not animate, so it would not move).
 */
export function scrollToRange(win: Window, range: Range): void {
  const target = range.startContainer.parentElement;
  const instant = win.document.hidden || win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  target?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: instant ? 'instant' : 'smooth' });
}
