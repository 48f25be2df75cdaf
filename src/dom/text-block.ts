/**
 * A block of visible text (a paragraph, list item, table cell, heading…) with the map from
 * offsets in `text` back to the DOM text nodes it came from, so any finding can become a Range.
 */
export interface TextBlock {
  /** The nodes' data as the page has it (whitespace not collapsed), plus inserted separators. */
  text: string;
  /**
   * The element that holds the block: the text's nearest block-level ancestor. A nested block
   * interrupts it, so `<div>a<p>b</p>c</div>` gives blocks "a" and "c" that share the div.
   */
  element: Element;
  /**
   * Sorted by `start`: text[start, start + node.data.length) came from `node` (the whole node).
   * Gaps between segments are separators the extractor inserted (for <br>, or between inline
   * boxes that render apart); they map to no node.
   */
  segments: TextSegment[];
}

export interface TextSegment {
  node: Text;
  /** Offset in the block's `text` where this node's data begins. */
  start: number;
}
