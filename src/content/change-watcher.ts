import { blockOwnerOf } from '../dom/extract-blocks';
import type { PageWindow } from './page-window';

const ELEMENT_NODE = 1;

export interface ChangeWatcherOptions {
  /** Quiet time after the last change before checking. */
  debounceMs?: number;
  /** A page that never stops changing is still checked this often. */
  maxWaitMs?: number;
}

/** Attributes that show or hide text, or make it an editor's. */
const WATCHED_ATTRIBUTES = ['hidden', 'aria-hidden', 'contenteditable'];

/**
 * Watches the page for changed text and hands over, in batches, the smallest elements to check
 * again: the text block a change happened in when the block is known, or the changed element
 * itself. Changes inside Tally's own elements are ignored; a root inside an editor or a hidden
 * subtree is handed over all the same, so the findings it held can be dropped.
 *
 * It throttles: a batch goes out after `debounceMs` without change, and a page that never stops
 * changing gets one batch per `maxWaitMs`, however many changes it makes. The timer is armed once
 * per batch, not once per change, so a page that changes a thousand times a second costs the
 * observer callback and little else.
 */
export class ChangeWatcher {
  /** Elements the extractor returned as owners of text blocks that may state a figure. */
  private readonly knownBlocks = new WeakSet<Element>();
  /** Elements whose children changed. */
  private readonly parents = new Set<Node>();
  /** Nodes that were added, text nodes whose text changed, elements whose watched attributes did. */
  private readonly fresh = new Set<Node>();
  private readonly observer: MutationObserver;
  private timer: number | undefined;
  private firstChangeAt = 0;
  private lastChangeAt = 0;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly win: PageWindow,
    private readonly onChanges: (roots: Element[]) => void,
    options: ChangeWatcherOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 150;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.observer = new win.MutationObserver((records) => this.collect(records));
  }

  start(): void {
    // The document itself, not its root element: `document.open()` replaces the root.
    this.observer.observe(this.win.document, {
      childList: true,
      characterData: true,
      attributeFilter: WATCHED_ATTRIBUTES,
      subtree: true,
    });
  }

  stop(): void {
    this.observer.disconnect();
    this.win.clearTimeout(this.timer);
    this.timer = undefined;
    this.parents.clear();
    this.fresh.clear();
  }

  /** Remembers the element that owns a text block, so a later change maps back to its block. */
  learn(blockElement: Element): void {
    this.knownBlocks.add(blockElement);
  }

  private collect(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'childList') this.parents.add(record.target);
      else this.fresh.add(record.target);
      record.addedNodes.forEach((node) => this.fresh.add(node));
    }
    this.lastChangeAt = this.win.performance.now();
    if (this.timer === undefined) {
      this.firstChangeAt = this.lastChangeAt;
      this.timer = this.win.setTimeout(() => this.wake(), this.debounceMs);
    }
  }

  /** The timer fired: flush if the page has been quiet long enough or waited too long, else wait on. */
  private wake(): void {
    const now = this.win.performance.now();
    const quiet = now - this.lastChangeAt;
    const waited = now - this.firstChangeAt;
    if (quiet < this.debounceMs && waited < this.maxWaitMs) {
      this.timer = this.win.setTimeout(() => this.wake(), Math.min(this.debounceMs - quiet, this.maxWaitMs - waited));
      return;
    }
    this.timer = undefined;
    this.flush();
  }

  private flush(): void {
    const roots = new Set<Element>();
    for (const node of this.parents) {
      // A parent outside every known block only lost or gained children: the added ones are
      // fresh, and what was removed took its highlights' text with it.
      const root = this.knownBlockOf(node);
      if (root) roots.add(root);
    }
    for (const node of this.fresh) {
      // A block that held no figure when it was read is not known: its owner is found as the walk
      // would find it, so the block is read whole again, not from the changed node's parent.
      const root = this.knownBlockOf(node) ?? blockOwnerOf(node);
      if (root) roots.add(root);
    }
    this.parents.clear();
    this.fresh.clear();
    // Even with no root left, something went away: the page drops the findings it took along.
    this.onChanges(outermost([...roots].filter((root) => root.isConnected && root.closest('[data-tally]') === null)));
  }

  private knownBlockOf(node: Node): Element | null {
    for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      if (this.knownBlocks.has(el)) return el;
    }
    return null;
  }
}

/** Drops the roots that lie inside another root: checking the outer one covers them. */
function outermost(roots: Element[]): Element[] {
  const set = new Set(roots);
  return roots.filter((root) => {
    for (let el = root.parentElement; el; el = el.parentElement) if (set.has(el)) return false;
    return true;
  });
}
