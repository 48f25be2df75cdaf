import { blockRange } from '../dom/block-range';
import { walkBlocks } from '../dom/extract-blocks';
import type { TextBlock } from '../dom/text-block';
import type { Finding } from '../match/finding';
import type { PageWindow } from './page-window';
import { blockPieces, PIECE_LENGTH, type BlockPiece } from './block-pieces';
import type { TimeSlicer } from './yield-to-main';

/** A finding placed on the page: the range of its figure and the block it was read from. */
export interface PlacedFinding {
  finding: Finding;
  range: Range;
  /** The element that holds the finding's text block. */
  element: Element;
}

/** What the check needs from the matching core (the content script passes `checkBlocks`). */
export type CheckBlocks = (blocks: Pick<TextBlock, 'text'>[]) => Finding[];

/**
 * A ceiling on the blocks read from one root, so a hostile page cannot grow the work without end;
 * high enough for a table of 100,000 cells, which is sliced like any other page.
 */
export const MAX_BLOCKS = 200_000;

/**
 * Subtrees whose text is not the page's claims, or that belong to Tally. The extractor skips
 * them while it walks; a root handed to it is read unconditionally, so `checkRoot` tests roots.
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

/** What one check of a root needs, and where its results go. */
export interface CheckJob {
  check: CheckBlocks;
  /** Shared by every root of one pass of the page. */
  slicer: TimeSlicer;
  /** Sees every block read (the change watcher learns which elements own text). */
  onBlock(block: TextBlock): void;
  /** Receives each piece's findings, with their ranges, as they come. */
  onFound(found: PlacedFinding[]): void;
  /** Turns true when the check is no longer wanted. */
  cancelled(): boolean;
}

/**
 * Reads the blocks under `root` and checks them, in slices of a few milliseconds with a yield to
 * the page between two slices, so that no task runs long however big the page: reading the DOM
 * is sliced too, and a huge block is checked a piece at a time. Blocks on screen are checked
 * first (see `ReadingOrder`).
 * Returns false when `cancelled()` turned true midway.
 */
export async function checkRoot(win: PageWindow, root: Element, job: CheckJob): Promise<boolean> {
  if (!isCheckableRoot(root)) return true;
  const { slicer } = job;
  const walk = walkBlocks(root, { isVisible: (el) => isVisible(win, el), maxBlocks: MAX_BLOCKS });
  const order = new ReadingOrder(win);
  const later: TextBlock[] = [];
  let pauses = slicer.pauses;
  // Awaiting only when a pause is due: an await per block would cost more than most blocks.
  for (;;) {
    if (slicer.due && !(await pause(job))) return false;
    const step = walk.next(slicer.pauses !== pauses);
    pauses = slicer.pauses;
    if (step.done) break;
    const block = step.value;
    if (block === null) continue;
    job.onBlock(block);
    if (!order.now(block.element)) later.push(block);
    else if (block.text.length <= PIECE_LENGTH) checkPiece(block, { text: block.text, offset: 0 }, job);
    else if (!(await checkLongBlock(block, job))) return false;
  }
  for (const block of later) {
    if (slicer.due && !(await pause(job))) return false;
    if (block.text.length <= PIECE_LENGTH) checkPiece(block, { text: block.text, offset: 0 }, job);
    else if (!(await checkLongBlock(block, job))) return false;
  }
  return true;
}

/** Checks a block too long for one slice, a piece at a time; false when cancelled midway. */
async function checkLongBlock(block: TextBlock, job: CheckJob): Promise<boolean> {
  for (const piece of blockPieces(block)) {
    if (job.slicer.due && !(await pause(job))) return false;
    checkPiece(block, piece, job);
  }
  return true;
}

function checkPiece(block: TextBlock, piece: BlockPiece, job: CheckJob): void {
  const found = place(block, piece.offset, job.check([{ text: piece.text }]));
  if (found.length > 0) job.onFound(found);
}

/** Ends the slice, and says whether the job is still wanted after the pause. */
async function pause(job: CheckJob): Promise<boolean> {
  await job.slicer.pause();
  return !job.cancelled();
}

/** Turns a piece's findings into ranges; drops those whose text changed while the check ran. */
function place(block: TextBlock, offset: number, findings: Finding[]): PlacedFinding[] {
  const placed: PlacedFinding[] = [];
  for (const found of findings) {
    const finding: Finding = {
      ...found,
      sentenceStart: found.sentenceStart + offset,
      sentenceEnd: found.sentenceEnd + offset,
      figureStart: found.figureStart + offset,
      figureEnd: found.figureEnd + offset,
    };
    const range = blockRange(block, finding.figureStart, finding.figureEnd);
    if (range && !range.collapsed) placed.push({ finding, range, element: block.element });
  }
  return placed;
}

/**
 * The order blocks are checked in: those on screen as soon as they are read, and so, once the
 * walk has passed the bottom of the screen, every block after; blocks above the screen (a page
 * scrolled down) wait until the whole root is read. Consecutive blocks often share their
 * element, so the last answer is kept; each test is one layout read, and there are none left
 * to make once the walk is past the screen. Where layout is missing (tests), boxes are empty
 * and every block waits: the root is then checked in document order.
 */
class ReadingOrder {
  private last: Element | null = null;
  private answer = true;
  private pastScreen = false;

  constructor(private readonly win: PageWindow) {}

  /** Whether a block of `element` is checked now rather than after the walk. */
  now(element: Element): boolean {
    if (this.pastScreen) return true;
    if (element === this.last) return this.answer;
    this.last = element;
    const rect = element.getBoundingClientRect();
    const { innerWidth: width, innerHeight: height } = this.win;
    if (rect.top >= height) this.pastScreen = true;
    this.answer = this.pastScreen || (rect.bottom > 0 && rect.right > 0 && rect.left < width);
    return this.answer;
  }
}
