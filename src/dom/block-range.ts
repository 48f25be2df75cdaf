import type { TextBlock, TextSegment } from './text-block';

/** A boundary point on one of the block's text nodes, with that node's index in `segments`. */
interface Point {
  index: number;
  offset: number;
}

/**
 * Turns offsets in `block.text` into a live DOM Range over the text nodes they came from, so a
 * finding (a sentence, a figure) can be highlighted or scrolled to.
 *
 * Offsets that fall in a separator the extractor inserted (a `<br>`) map to no node: the start
 * snaps forward to the next node and the end back to the previous one, which keeps the range
 * tight around real text. A span holding nothing but separators gives a collapsed range.
 * Returns null when the offsets are not `0 <= start <= end <= text.length`, when a node has
 * left the document, or when the page has changed a node's text since extraction (the block
 * is stale and its offsets no longer mean the same words).
 */
export function blockRange(block: TextBlock, start: number, end: number): Range | null {
  const { segments } = block;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || start > end || end > block.text.length || segments.length === 0) return null;

  const from = startPoint(segments, start);
  let to = endPoint(segments, end);
  if (to.index < from.index || (to.index === from.index && to.offset < from.offset)) to = from;
  const first = segments[from.index];
  const last = segments[to.index];
  if (first === undefined || last === undefined) return null;
  const current =
    first === last
      ? isCurrent(block, first, from.offset, to.offset)
      : isCurrent(block, first, from.offset, first.node.data.length) && isCurrent(block, last, 0, to.offset);
  if (!current) return null;

  const range = block.element.ownerDocument.createRange();
  range.setStart(first.node, from.offset);
  range.setEnd(last.node, to.offset);
  return range;
}

function endOf(segment: TextSegment): number {
  return segment.start + segment.node.data.length;
}

/** The point for `offset` as the start of a range: in the first segment that ends after it. */
function startPoint(segments: TextSegment[], offset: number): Point {
  // Binary search: a block can hold thousands of segments (a long list of links, say).
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (endOf(segments[mid] as TextSegment) > offset) hi = mid;
    else lo = mid + 1;
  }
  const segment = segments[lo];
  if (segment === undefined) {
    // Nothing but a trailing separator (or the very end) remains: stop at the last node's end.
    const index = segments.length - 1;
    return { index, offset: (segments[index] as TextSegment).node.data.length };
  }
  return { index: lo, offset: Math.max(0, offset - segment.start) };
}

/** The point for `offset` as the end of a range: in the last segment that starts before it. */
function endPoint(segments: TextSegment[], offset: number): Point {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segments[mid] as TextSegment).start < offset) lo = mid + 1;
    else hi = mid;
  }
  const segment = segments[lo - 1];
  if (segment === undefined) return { index: 0, offset: 0 };
  return { index: lo - 1, offset: Math.min(segment.node.data.length, offset - segment.start) };
}

/**
 * Whether the node is still in the document and still holds, from `from` to `to`, the text the
 * block recorded there. Only the part the range covers is compared: comparing a 2 MB text node
 * whole for each figure in it would cost a millisecond a figure.
 */
function isCurrent(block: TextBlock, segment: TextSegment, from: number, to: number): boolean {
  if (!segment.node.isConnected || to > segment.node.data.length) return false;
  return block.text.startsWith(segment.node.data.slice(from, to), segment.start + from);
}
