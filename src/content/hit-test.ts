import type { HighlightRegistryLike } from './highlighter';

/** `caretPositionFromPoint` is newer than TypeScript's DOM library in some versions. */
interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/**
 * The range under the viewport point (x, y) among the keys of `ranges`, or null.
 *
 * Asks the highlight registry first (`highlightsFromPoint`, Chromium 140+), which knows exactly
 * what is painted there. Elsewhere it finds the caret position at the point and the range that
 * holds it; because the caret snaps to the nearest text even when the pointer is in a margin,
 * the point must also fall inside one of the range's line boxes.
 */
export function rangeAtPoint(
  doc: Document,
  registry: HighlightRegistryLike | undefined,
  ranges: ReadonlyMap<AbstractRange, unknown>,
  x: number,
  y: number,
): Range | null {
  if (ranges.size === 0) return null;
  if (typeof registry?.highlightsFromPoint === 'function') {
    for (const hit of registry.highlightsFromPoint(x, y)) {
      const range = hit.ranges.find((r) => ranges.has(r));
      if (range) return range as Range;
    }
    return null;
  }
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  for (const candidate of ranges.keys()) {
    const range = candidate as Range;
    if (range.isPointInRange(caret.node, caret.offset) && containsPoint(range, x, y)) return range;
  }
  return null;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const caretDoc = doc as Document & CaretDocument;
  if (typeof caretDoc.caretPositionFromPoint === 'function') {
    const position = caretDoc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof caretDoc.caretRangeFromPoint === 'function') {
    const range = caretDoc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function containsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
