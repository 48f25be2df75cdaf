import { blockRange } from '../dom/block-range';
import { walkBlocks } from '../dom/extract-blocks';
import type { TextBlock } from '../dom/text-block';
import type { PageFinding } from '../match/finding';
import { mayStateClaimedFigure } from '../text/may-state-figure';
import type { PageWindow } from './page-window';
import { blockPieces, PIECE_LENGTH, type BlockPiece } from './block-pieces';
import { ElementVisibility, visibleText } from './visible-text';
import type { TimeSlicer } from './yield-to-main';

/** A finding placed on the page: the range of its figure and the block it was read from. */
export interface PlacedFinding {
  finding: PageFinding;
  range: Range;
  /** The element that holds the finding's text block. */
  element: Element;
}

/**
 * The matching core, as the check reaches it: the content script's sends the texts to the
 * background, which runs `checkBlocks`; tests pass a function that answers at once. A finding's
 * `block` is the index of its text in `blocks`.
 */
export type CheckBlocks = (blocks: Pick<TextBlock, 'text'>[]) => PageFinding[] | Promise<PageFinding[]>;

/**
 * Texts are sent to the check together, up to about this many characters at once: each message
 * costs a round trip, and a big page is checked sooner in few big batches than in many small ones.
 */
export const BATCH_LENGTH = 64_000;

/** The first batch of a check is this long: the top of the page comes back soon. */
const FIRST_BATCH_LENGTH = 8_000;

/**
 * Until this many characters were sent, batches stay SMALL_BATCH_LENGTH long; after, each is
 * twice the one before, up to BATCH_LENGTH. The background checks small batches as fast as the
 * page is read, so when a short article's walk ends there is little left to check: one big last
 * batch would be checked only then, and its round trip would make most of the wait.
 */
const SMALL_BATCHES_UNTIL = 128_000;
const SMALL_BATCH_LENGTH = 16_000;

/** At most this many batches are being checked at once; the walk waits for the oldest beyond that. */
export const MAX_IN_FLIGHT = 8;

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

/**
 * Whether `root` may be read for figures: in the document, not inside skipped or editable content,
 * and not in a document the user edits as a whole (`designMode`).
 */
export function isCheckableRoot(root: Element): boolean {
  return (
    root.isConnected &&
    root.ownerDocument.designMode !== 'on' &&
    root.closest(SKIPPED_ROOT) === null &&
    !(root as HTMLElement).isContentEditable
  );
}

/** What one check of a root needs, and where its results go. */
export interface CheckJob {
  check: CheckBlocks;
  /** Shared by every root of one pass of the page. */
  slicer: TimeSlicer;
  /** Sees every block that may state a figure (the change watcher learns which elements own one). */
  onBlock(block: TextBlock): void;
  /** Receives each piece's findings, with their ranges, as they come. */
  onFound(found: PlacedFinding[]): void;
  /** Turns true when the check is no longer wanted. */
  cancelled(): boolean;
}

/**
 * Reads the blocks under `root` and has them checked, in slices of a few milliseconds with a
 * yield to the page between two slices, so that no task runs long however big the page: the
 * page's main thread only reads the DOM and places the findings, while the texts are checked
 * in batches elsewhere (see `Batches`). Only blocks with a digit or a number word, and a word
 * for a claim to be about, are looked at further: their hidden text is dropped (see
 * `visibleText`), and a huge one is sent a piece at a time. Blocks on screen are sent first (see
 * `ReadingOrder`).
 * Returns false when `cancelled()` turned true midway.
 */
export async function checkRoot(win: PageWindow, root: Element, job: CheckJob): Promise<boolean> {
  if (!isCheckableRoot(root)) return true;
  const { slicer } = job;
  const walk = walkBlocks(root, { maxBlocks: MAX_BLOCKS });
  const visibility = new ElementVisibility(win);
  const order = new ReadingOrder(win);
  const batches = new Batches(win, job);
  const later: TextBlock[] = [];
  let pauses = slicer.pauses;
  // Awaiting only when a pause is due: an await per block would cost more than most blocks.
  for (;;) {
    if (slicer.due && !(await pause(batches, job))) return false;
    const step = walk.next(slicer.pauses !== pauses);
    pauses = slicer.pauses;
    if (step.done) break;
    if (step.value === null) continue;
    // Most blocks of a page state no figure, and a table's cells often nothing but one: they are
    // never checked, so whether they show is moot.
    if (!mayStateClaimedFigure(step.value.text)) continue;
    job.onBlock(step.value);
    const block = visibleText(step.value, (el) => visibility.shown(el));
    if (block === null) continue;
    if (!order.now(block.element)) later.push(block);
    else {
      const added = addBlock(block, batches, job);
      if (added !== true && !(await added)) return false;
    }
  }
  for (const block of later) {
    if (slicer.due && !(await pause(batches, job))) return false;
    const added = addBlock(block, batches, job);
    if (added !== true && !(await added)) return false;
  }
  await batches.finish();
  return !job.cancelled();
}

/**
 * Queues a block for checking, a piece at a time when it is long; false when cancelled midway.
 * A short block is queued at once, without a promise: most blocks are, and an await per block
 * would cost more than the block.
 */
function addBlock(block: TextBlock, batches: Batches, job: CheckJob): boolean | Promise<boolean> {
  if (block.text.length <= PIECE_LENGTH) return batches.add(block, { text: block.text, offset: 0 });
  return addPieces(block, batches, job);
}

async function addPieces(block: TextBlock, batches: Batches, job: CheckJob): Promise<boolean> {
  for (const piece of blockPieces(block)) {
    if (!mayStateClaimedFigure(piece.text)) continue;
    if (job.slicer.due && !(await pause(batches, job))) return false;
    if (!(await batches.add(block, piece))) return false;
  }
  return true;
}

/**
 * Ends the slice, and says whether the job is still wanted after the pause. What was read so far
 * is sent first: the findings on screen come back while the rest of the page is read.
 */
async function pause(batches: Batches, job: CheckJob): Promise<boolean> {
  if (!(await batches.send())) return false;
  await job.slicer.pause();
  return !job.cancelled();
}

/**
 * Gathers pieces of blocks into batches and sends each to the check, without waiting for the
 * answer unless MAX_IN_FLIGHT batches are out: the page is read while its first texts are being
 * checked. Answers are placed on the page as they come, unless the job was cancelled meanwhile.
 */
class Batches {
  private pieces: { block: TextBlock; piece: BlockPiece }[] = [];
  private length = 0;
  private limit = FIRST_BATCH_LENGTH;
  private sentLength = 0;
  private readonly inFlight: Promise<void>[] = [];
  /** Why a batch could not be checked; thrown from the next `send` or `finish`. */
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly win: PageWindow,
    private readonly job: CheckJob,
  ) {}

  /** Adds a piece; sends the batch when it is full. False when the job was cancelled. */
  add(block: TextBlock, piece: BlockPiece): boolean | Promise<boolean> {
    this.pieces.push({ block, piece });
    this.length += piece.text.length;
    return this.length >= this.limit ? this.send() : true;
  }

  /** Sends what was gathered; waits while too many batches are out. False when the job was cancelled. */
  async send(): Promise<boolean> {
    if (this.pieces.length > 0) {
      const pieces = this.pieces;
      this.pieces = [];
      this.sentLength += this.length;
      this.length = 0;
      this.limit = this.sentLength < SMALL_BATCHES_UNTIL ? SMALL_BATCH_LENGTH : Math.min(BATCH_LENGTH, this.limit * 2);
      const sent = this.win.performance.now();
      const answer = this.job.check(pieces.map(({ piece }) => ({ text: piece.text })));
      if (Array.isArray(answer)) this.deliver(pieces, answer);
      else {
        this.inFlight.push(
          answer.then((findings) => {
            // The time the page waited on the check counts as the job's, so that a page that
            // keeps changing is rechecked no more often than if the check ran here.
            this.job.slicer.busyMs += this.win.performance.now() - sent;
            this.deliver(pieces, findings);
          }, (error: unknown) => void (this.failure ??= { error })),
        );
      }
    }
    while (this.inFlight.length >= MAX_IN_FLIGHT) await this.inFlight.shift();
    this.rethrow();
    return !this.job.cancelled();
  }

  /** Sends the last batch and waits for every answer. */
  async finish(): Promise<void> {
    await this.send();
    while (this.inFlight.length > 0) await this.inFlight.shift();
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }

  private deliver(pieces: { block: TextBlock; piece: BlockPiece }[], findings: PageFinding[]): void {
    if (this.job.cancelled()) return;
    const placed: PlacedFinding[] = [];
    for (const found of findings) {
      const at = pieces[found.block];
      if (!at) continue;
      const finding = place(at.block, at.piece.offset, found);
      if (finding) placed.push(finding);
    }
    if (placed.length > 0) this.job.onFound(placed);
  }
}

/**
 * Turns a piece's finding into a range on the page, or null when the figure's text is no longer
 * there: the page may have changed while the check ran.
 */
function place(block: TextBlock, offset: number, found: PageFinding): PlacedFinding | null {
  const finding: PageFinding = {
    ...found,
    sentenceStart: found.sentenceStart + offset,
    sentenceEnd: found.sentenceEnd + offset,
    figureStart: found.figureStart + offset,
    figureEnd: found.figureEnd + offset,
  };
  const range = blockRange(block, finding.figureStart, finding.figureEnd);
  if (!range || range.collapsed || range.toString() !== block.text.slice(finding.figureStart, finding.figureEnd)) return null;
  return { finding, range, element: block.element };
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
