import { blockRange } from '../dom/block-range';
import { extractBlocks } from '../dom/extract-blocks';
import type { TextBlock } from '../dom/text-block';
import type { Finding } from '../match/finding';
import type { PageWindow } from './page-window';
import { SliceSizer, yieldToMain } from './yield-to-main';

/** A finding placed on the page: the range of its figure and the block it was read from. */
export interface PlacedFinding {
  finding: Finding;
  range: Range;
  /** The element that holds the finding's text block. */
  element: Element;
}

/** What the check needs from the matching core (the content script passes `checkBlocks`). */
export type CheckBlocks = (blocks: TextBlock[]) => Finding[];

/** A ceiling on the blocks read from one root, so a hostile page cannot grow the work without end. */
export const MAX_BLOCKS = 50_000;

/**
 * Subtrees whose text is not the page's claims, or that belong to Tally. The extractor skips
 * them while it walks; a root handed to it is read unconditionally, so roots are checked here.
 */
const SKIPPED_ROOT =
  'script, style, noscript, template, textarea, input, select, option, svg, canvas, iframe, object, ' +
  '[data-tally], [hidden], [aria-hidden="true"], [contenteditable]:not([contenteditable="false"])';

/** Whether `root` may be read for figures: in the document, not inside skipped or editable content. */
export function isCheckableRoot(root: Element): boolean {
  return root.isConnected && root.closest(SKIPPED_ROOT) === null && !(root as HTMLElement).isContentEditable;
}

/**
 * The visibility test for the extractor: `checkVisibility()` says false for `display: contents`
 * elements although their children render, so those are let through.
 */
function isVisible(win: PageWindow, el: Element): boolean {
  if (typeof el.checkVisibility !== 'function' || el.checkVisibility()) return true;
  return win.getComputedStyle(el).display === 'contents';
}

/**
 * Reads the blocks under `root` and checks them in slices, yielding to the page between slices so
 * no task runs long; `onFound` receives each slice's findings with their ranges as they come.
 * `onBlocks` sees every block read (the change watcher learns which elements own text).
 * Returns false when `cancelled()` turned true midway.
 */
export async function checkRoot(
  win: PageWindow,
  root: Element,
  check: CheckBlocks,
  onBlocks: (blocks: readonly TextBlock[]) => void,
  onFound: (found: PlacedFinding[]) => void,
  cancelled: () => boolean,
): Promise<boolean> {
  // TODO(2026-02, issue 5): extraction is one task per root; slice it for multi-megabyte pages.
  const blocks = extractBlocks(root, { isVisible: (el) => isVisible(win, el), maxBlocks: MAX_BLOCKS });
  onBlocks(blocks);
  const sizer = new SliceSizer();
  for (let i = 0; i < blocks.length; ) {
    await yieldToMain(win);
    if (cancelled()) return false;
    const slice = blocks.slice(i, i + sizer.next);
    const started = win.performance.now();
    const found = place(slice, check(slice));
    sizer.record(slice.length, win.performance.now() - started);
    i += slice.length;
    if (found.length > 0) onFound(found);
  }
  return true;
}

/** Turns findings into ranges; drops those whose text changed while the check ran. */
function place(blocks: TextBlock[], findings: Finding[]): PlacedFinding[] {
  const placed: PlacedFinding[] = [];
  for (const finding of findings) {
    const block = blocks[finding.block];
    const range = block && blockRange(block, finding.figureStart, finding.figureEnd);
    if (block && range && !range.collapsed) placed.push({ finding, range, element: block.element });
  }
  return placed;
}
