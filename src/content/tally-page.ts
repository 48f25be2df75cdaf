import type { Verdict } from '../match/finding';
import {
  handleMessages,
  MAX_LISTED_FINDINGS,
  type BackgroundToContent,
  type PageState,
  type PageSummary,
  type PageStatus,
  type PopupToContent,
  type ReportedFinding,
  type SourceInfo,
} from '../messages';
import { isSiteEnabled } from '../settings/site-enabled';
import type { Settings } from '../settings/storage';
import { CardController, scrollToRange, type CardEntry } from './card-controller';
import { ChangeWatcher } from './change-watcher';
import { checkRoot, type CheckBlocks, type PlacedFinding } from './check-root';
import { Highlighter } from './highlighter';
import { rangeAtPoint } from './hit-test';
import type { PageWindow } from './page-window';
import { reportFinding } from './report-finding';
import { TimeSlicer } from './yield-to-main';

/** What the page controller needs from the extension; the content script passes the real ones. */
export interface TallyPageDeps {
  check: CheckBlocks;
  source(file: string): SourceInfo;
  getSettings(): Promise<Settings>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
  report(summary: PageSummary): void;
  openSource(claimId: string): void;
  /** The stylesheet of the card, inlined into its shadow root. */
  cardCss: string;
}

/** A finding on the page: its report, the live range of its figure, and its block's element. */
interface Entry extends CardEntry {
  verdict: Verdict;
  element: Element;
  /** The figure's text when it was found; a range that reads otherwise lost its text. */
  text: string;
}

/** How long after an SPA navigation the page is checked again: the new view renders meanwhile. */
const LOCATION_SETTLE_MS = 300;

/** Documents that are web pages; anything else the browser renders is left alone. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Focus on an element with more text than this (a whole article, say) opens no card. */
const MAX_FOCUS_TEXT = 300;

/** After a pass, a page still changing waits this many ms per ms the pass kept the main thread busy… */
const REST_PER_BUSY_MS = 4;
/** …but never longer than this. */
const MAX_REST_MS = 5000;

/**
 * How often Tally puts back highlights the page removed (by `CSS.highlights.clear()`, say), and
 * looks whether the page turned `designMode` on or off: no event tells of either.
 */
const REPAIR_MS = 1000;

/**
 * New highlights are painted at most this often during a check (and at its end): each change to
 * a highlight makes the browser repaint all its ranges, so adding thousands one at a time on a
 * big page costs more rendering than the check itself. The first finding is painted at once.
 */
const PAINT_EVERY_MS = 150;
/**
 * Each paint during a pass waits twice as long as the one before, up to this: every paint costs
 * the browser a pass over the whole page (Chromium rebuilds every highlight's markers and the
 * page's visual overflow), about 100 ms on a 5 MB page, so a long check is painted a handful of
 * times rather than every PAINT_EVERY_MS. Blocks on screen are checked first, so what the reader
 * sees is in the early paints.
 */
const MAX_PAINT_EVERY_MS = 2000;

/**
 * Tally on one page: reads the settings first and does nothing on a page it is off for; otherwise
 * checks the page in slices, highlights the findings, keeps up with changes to the page and to
 * the settings, reports to the background and answers the popup.
 */
export class TallyPage {
  private settings: Settings | null = null;
  private active = false;
  /** Bumped whenever the page is turned off: a check from an older generation stops. */
  private generation = 0;
  private status: PageStatus = 'off';
  private readonly entries = new Map<string, Entry>();
  private readonly byRange = new Map<AbstractRange, Entry>();
  private nextId = 1;
  private readonly highlighter: Highlighter;
  private readonly watcher: ChangeWatcher;
  private card: CardController | null = null;
  private readonly pendingRoots = new Set<Element>();
  private pendingFull = false;
  /** Something changed since the last pass: even with nothing to check, stale findings may go. */
  private dirty = false;
  private draining = false;
  private lastReport = '';
  /** Bumped whenever a finding comes or goes (see PageSummary.version). */
  private version = 0;
  private repairTimer: number | undefined;
  /** Whether the document was in `designMode` at the last look (see `isCheckableRoot`). */
  private designMode = false;
  /** Findings found but not painted yet (see PAINT_EVERY_MS), when the last paint was, and the wait before the next. */
  private unpainted: Entry[] = [];
  private lastPaint = Number.NEGATIVE_INFINITY;
  private paintEvery = PAINT_EVERY_MS;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly win: PageWindow,
    private readonly deps: TallyPageDeps,
  ) {
    this.highlighter = new Highlighter(win);
    this.watcher = new ChangeWatcher(win, (roots) => this.schedule(roots, false));
  }

  /** Starts listening and, when the page's site is on, checks it. */
  async start(): Promise<void> {
    if (!HTML_TYPES.has(this.win.document.contentType)) {
      // A PDF, an image or a text file the browser shows itself: say so to the popup, nothing more.
      this.status = 'unsupported';
      this.cleanups.push(
        handleMessages<PopupToContent>({ 'get-page-state': () => this.state(), 'get-page-summary': () => this.summary() }),
      );
      return;
    }
    this.cleanups.push(
      handleMessages<PopupToContent & BackgroundToContent>({
        'get-page-state': () => this.state(),
        'get-page-summary': () => this.summary(),
        'reveal-finding': ({ findingId }) => this.reveal(findingId),
        'focus-next-finding': () => this.card?.step(1) != null,
      }),
      this.deps.watchSettings((settings) => this.apply(settings)),
    );
    this.apply(await this.deps.getSettings());
    // Off on this site: said once, so a popup opened while the page loaded stops waiting.
    if (!this.active) this.report();
  }

  /** Stops everything and removes every trace from the page (the extension was reloaded). */
  stop(): void {
    this.turnOff(false);
    for (const cleanup of this.cleanups.splice(0)) {
      try {
        cleanup();
      } catch {
        // An invalidated extension context may refuse to remove its listeners; they die with it.
      }
    }
  }

  /** An SPA navigation: the page's content is about to change wholesale; check it again. */
  onLocationChange(): void {
    if (this.settings) this.apply(this.settings);
    if (!this.active) return;
    this.win.setTimeout(() => this.schedule([], true), LOCATION_SETTLE_MS);
  }

  /** What the popup shows: the page's URL, whether a check is running, the findings. */
  state(): PageState {
    const rank = (entry: Entry) => (entry.verdict === 'conflicting' ? 0 : 1);
    let listed = [...this.entries.values()];
    if (listed.length > MAX_LISTED_FINDINGS) {
      // Too many to list: conflicts first, then the first found, and only those are put in page
      // order (sorting 100,000 ranges by their place takes the page's thread seconds).
      listed = listed.sort((a, b) => rank(a) - rank(b)).slice(0, MAX_LISTED_FINDINGS);
    }
    // Sorting is stable: conflicts first, each group in page order.
    const sorted = this.pageOrder(listed).sort((a, b) => rank(a) - rank(b));
    const { corroborated, conflicting } = this.summary();
    return { url: this.win.location.href, status: this.status, findings: sorted.map((e) => e.report), corroborated, conflicting };
  }

  /** What the background hears: the state without the findings, only their counts. */
  summary(): PageSummary {
    let conflicting = 0;
    for (const entry of this.entries.values()) if (entry.verdict === 'conflicting') conflicting++;
    return {
      url: this.win.location.href,
      status: this.status,
      corroborated: this.entries.size - conflicting,
      conflicting,
      version: this.version,
    };
  }

  private apply(settings: Settings): void {
    this.settings = settings;
    const on = isSiteEnabled(this.win.location.href, settings);
    if (on && !this.active) this.turnOn();
    else if (!on && this.active) this.turnOff(true);
  }

  private turnOn(): void {
    this.active = true;
    this.highlighter.install();
    this.watcher.start();
    // The highlight registry is the page's too; nothing tells Tally when the page empties it.
    this.designMode = this.win.document.designMode === 'on';
    this.repairTimer = this.win.setInterval(() => {
      if (this.highlighter.supported) this.highlighter.repair();
      // A page turned into an editor as a whole loses its findings; turned back, it is checked again.
      const designMode = this.win.document.designMode === 'on';
      if (designMode === this.designMode) return;
      this.designMode = designMode;
      this.schedule([], true);
    }, REPAIR_MS);
    this.card = new CardController(this.win, this.deps.cardCss, {
      entryAt: (x, y) => this.entryAt(x, y),
      entryIn: (element) => this.entryIn(element),
      entries: () => this.pageOrder(),
      openSource: this.deps.openSource,
    });
    this.schedule([], true);
  }

  private turnOff(report: boolean): void {
    this.active = false;
    this.generation += 1;
    this.watcher.stop();
    this.win.clearInterval(this.repairTimer);
    this.highlighter.clear();
    this.card?.destroy();
    this.card = null;
    if (this.entries.size > 0) this.version++;
    this.entries.clear();
    this.byRange.clear();
    this.pendingRoots.clear();
    this.pendingFull = false;
    this.dirty = false;
    this.unpainted = [];
    this.lastPaint = Number.NEGATIVE_INFINITY;
    this.status = 'off';
    if (report) this.report();
  }

  /** Queues roots (or, with `full`, the whole page) for checking, and starts the queue if idle. */
  private schedule(roots: Element[], full: boolean): void {
    if (!this.active) return;
    roots.forEach((root) => this.pendingRoots.add(root));
    this.pendingFull ||= full;
    this.dirty = true;
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.active && this.dirty) {
        this.dirty = false;
        const generation = this.generation;
        // A document without a body (XHTML or XML that has none, a page that removed it) is read whole.
        const top = this.win.document.body ?? this.win.document.documentElement;
        const roots = this.pendingFull && top ? [top] : [...this.pendingRoots];
        if (this.pendingFull) {
          this.status = 'checking';
          this.report();
        }
        this.pendingFull = false;
        this.pendingRoots.clear();
        this.paintEvery = PAINT_EVERY_MS;
        const slicer = new TimeSlicer(this.win);
        let completed = true;
        for (const root of roots) {
          if (!(await this.recheck(root, generation, slicer))) {
            completed = false;
            break;
          }
        }
        if (generation === this.generation) this.paint();
        if (completed) {
          this.dropStale();
          this.status = 'done';
          this.report();
        }
        // A page that keeps changing gets checked again, but only after a rest in proportion to
        // what the last pass cost, so checking takes at most about a fifth of the main thread.
        const rest = Math.min(MAX_REST_MS, slicer.finish() * REST_PER_BUSY_MS);
        if (this.active && this.dirty && generation === this.generation) await this.sleep(rest);
      }
    } catch (error) {
      console.error('[tally] check failed', error);
      // The findings placed so far stay; the popup says the check did not finish.
      if (this.active) {
        this.status = 'failed';
        this.report();
      }
    } finally {
      this.draining = false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.win.setTimeout(resolve, ms));
  }

  /**
   * Checks `root` again and replaces the findings inside it. Findings that are found again at
   * the same place keep their entry (and id, so the popup's list stays valid).
   */
  private async recheck(root: Element, generation: number, slicer: TimeSlicer): Promise<boolean> {
    const before = [...this.entries.values()].filter((e) => root === e.element || root.contains(e.element));
    const kept = new Set<Entry>();
    const added: Entry[] = [];
    // Where each finding is, so a finding found again is matched at once: a root can hold thousands.
    const known = new PlaceIndex(before);
    const completed = await checkRoot(this.win, root, {
      check: this.deps.check,
      slicer,
      onBlock: (block) => this.watcher.learn(block.element),
      onFound: (found) => {
        for (const placed of found) {
          const same = known.get(placed.range, placed.finding.claimId, placed.finding.verdict);
          if (same) kept.add(same);
          else {
            const entry = this.add(placed);
            added.push(entry);
            known.add(entry);
          }
        }
      },
      cancelled: () => generation !== this.generation,
    });
    if (generation !== this.generation) return false;
    if (!completed) {
      added.forEach((entry) => this.remove(entry));
      return false;
    }
    before.filter((entry) => !kept.has(entry)).forEach((entry) => this.remove(entry));
    return true;
  }

  private add({ finding, range, element }: PlacedFinding): Entry {
    const id = `f${this.nextId++}`;
    const entry: Entry = {
      report: reportFinding(finding, id, this.deps.source(finding.source)),
      verdict: finding.verdict,
      range,
      element,
      text: range.toString(),
    };
    this.entries.set(id, entry);
    this.byRange.set(range, entry);
    this.version++;
    this.unpainted.push(entry);
    if (this.win.performance.now() - this.lastPaint >= this.paintEvery) {
      this.paint();
      this.paintEvery = Math.min(MAX_PAINT_EVERY_MS, this.paintEvery * 2);
    }
    return entry;
  }

  /** Highlights the findings found since the last paint that are still on the page. */
  private paint(): void {
    for (const entry of this.unpainted) {
      if (this.entries.get(entry.report.id) === entry) this.highlighter.add(entry.verdict, entry.range);
    }
    this.unpainted = [];
    this.lastPaint = this.win.performance.now();
  }

  private remove(entry: Entry): void {
    if (this.entries.delete(entry.report.id)) this.version++;
    this.byRange.delete(entry.range);
    this.highlighter.delete(entry.verdict, entry.range);
  }

  /** Drops the findings whose text left the page or changed under them. */
  private dropStale(): void {
    for (const entry of this.entries.values()) {
      if (!entry.element.isConnected || entry.range.toString() !== entry.text) this.remove(entry);
    }
    this.card?.forget(new Set(this.entries.keys()));
  }

  private report(): void {
    const summary = this.summary();
    // A page that keeps changing without changing its findings is not worth a message each time.
    const signature = `${summary.url} ${summary.status} ${summary.version}`;
    if (signature === this.lastReport) return;
    this.lastReport = signature;
    this.deps.report(summary);
  }

  private reveal(findingId: string): boolean {
    const entry = this.entries.get(findingId);
    if (!entry || !this.card) return false;
    scrollToRange(this.win, entry.range);
    this.highlighter.flash(entry.range);
    this.card.pin(entry, false);
    return true;
  }

  private pageOrder(entries: Entry[] = [...this.entries.values()]): Entry[] {
    return entries.sort((a, b) =>
      a.range.compareBoundaryPoints(this.win.Range.START_TO_START, b.range),
    );
  }

  private entryAt(x: number, y: number): Entry | null {
    const range = rangeAtPoint(this.win.document, this.highlighter.registry, this.byRange, x, y);
    return range ? (this.byRange.get(range) ?? null) : null;
  }

  /** The finding inside a focused element, when that element is small (a link, a button). */
  private entryIn(element: Element): Entry | null {
    if ((element.textContent?.length ?? 0) > MAX_FOCUS_TEXT) return null;
    for (const entry of this.entries.values()) {
      if (element.contains(entry.range.commonAncestorContainer)) return entry;
    }
    return null;
  }
}

/**
 * Entries by where their figure is and what they say about it (same text span, same claim, same
 * verdict): a finding found again at that place is the same finding, and keeps its entry.
 */
class PlaceIndex {
  private readonly byNode = new Map<Node, Map<string, Entry>>();

  constructor(entries: Iterable<Entry>) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: Entry): void {
    const { startContainer } = entry.range;
    let atNode = this.byNode.get(startContainer);
    if (!atNode) this.byNode.set(startContainer, (atNode = new Map()));
    atNode.set(placeKey(entry.range, entry.report.claimId, entry.verdict), entry);
  }

  get(range: Range, claimId: string, verdict: Verdict): Entry | undefined {
    const entry = this.byNode.get(range.startContainer)?.get(placeKey(range, claimId, verdict));
    return entry && entry.range.endContainer === range.endContainer ? entry : undefined;
  }
}

function placeKey(range: Range, claimId: string, verdict: Verdict): string {
  return `${range.startOffset}:${range.endOffset}:${verdict}:${claimId}`;
}
