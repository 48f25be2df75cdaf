import { isCheckableRoot } from './check-root';
import type { PageWindow } from './page-window';

const ELEMENT_NODE = 1;

export interface ChangeWatcherOptions {
  /** Quiet time after the last change before checking. */
  debounceMs?: number;
  /** A page that never stops changing is still checked this often. */
  maxWaitMs?: number;
}

/**
 * Watches the page for changed text and hands over, in batches, the smallest elements to check
 * again: the text block a change happened in when the block is known, or the new element itself.
 * Changes inside Tally's own elements, scripts, editors and hidden subtrees are ignored.
 */
export class ChangeWatcher {
  /** Elements the extractor returned as owners of text blocks. */
  private readonly knownBlocks = new WeakSet<Element>();
  /** Elements whose children changed. */
  private readonly parents = new Set<Node>();
  /** Nodes that were added, and text nodes whose text changed. */
  private readonly fresh = new Set<Node>();
  private readonly observer: MutationObserver;
  private timer: number | undefined;
  private firstChangeAt = 0;
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
    this.observer.observe(this.win.document.documentElement, {
      childList: true,
      characterData: true,
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

  /** Remembers the elements that own text blocks, so a later change maps back to its block. */
  learn(blockElements: Iterable<Element>): void {
    for (const element of blockElements) this.knownBlocks.add(element);
  }

  private collect(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.fresh.add(record.target);
      else this.parents.add(record.target);
      record.addedNodes.forEach((node) => this.fresh.add(node));
    }
    const now = this.win.performance.now();
    if (this.timer === undefined) this.firstChangeAt = now;
    this.win.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstChangeAt + this.maxWaitMs - now));
    this.timer = this.win.setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    const roots = new Set<Element>();
    for (const node of this.parents) {
      // A parent outside every known block only lost or gained children: the added ones are
      // fresh, and what was removed took its highlights' text with it.
      const root = this.knownBlockOf(node);
      if (root) roots.add(root);
    }
    for (const node of this.fresh) {
      const root = this.knownBlockOf(node) ?? (node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement);
      if (root) roots.add(root);
    }
    this.parents.clear();
    this.fresh.clear();
    this.onChanges(outermost([...roots].filter(isCheckableRoot)));
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
