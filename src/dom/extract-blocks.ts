import type { TextBlock, TextSegment } from './text-block';

/** Options for {@link extractBlocks}. */
export interface ExtractBlocksOptions {
  /**
   * Extra visibility test, called once per element that the fixed rules keep; returning false
   * skips the element's whole subtree. The content script passes one built on
   * `el.checkVisibility()`; tests and other DOMs without layout leave it out.
   * It should return true for `display: contents` elements: they have no box of their own,
   * so `checkVisibility()` reports them hidden although their children render.
   */
  isVisible?: (el: Element) => boolean;
  /** Stop after this many blocks, so a hostile page cannot make the walk unbounded in output. */
  maxBlocks?: number;
}

// Numeric because neither `Node` nor `NodeFilter` is a global when the DOM is linkedom's.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Elements whose content never reaches the reader as page text: code, form controls (their
 * text is what the user types, not what the page claims), embedded documents and graphics.
 */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'svg',
  'canvas',
  'iframe',
  'object',
]);

/**
 * Elements that flow inside a line, so their text continues the block around them. Every other
 * element (including unknown and custom ones) starts a block of its own: splitting a sentence
 * in two loses less than gluing two unrelated lines into one.
 */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** What the extractor puts in a block's text for a `<br>`: it maps to no node. */
const LINE_BREAK = '\n';

/** Tally's own injected UI must never be read back as page text. */
function isTallyElement(el: Element, tag: string): boolean {
  return tag.startsWith('tally-') || el.hasAttribute('data-tally');
}

function isSkipped(el: Element, tag: string, isVisible: ((el: Element) => boolean) | undefined): boolean {
  if (SKIPPED_TAGS.has(tag) || isTallyElement(el, tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  // Text the user is typing is not a claim of the page, and wrapping it would fight the editor.
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return isVisible !== undefined && !isVisible(el);
}

function tagOf(el: Element): string {
  // XHTML and XML documents may keep upper-case names; HTML documents already lower-case them.
  return el.localName.toLowerCase();
}

/**
 * Collects the readable text under `root` (the document's body when given a Document) as
 * blocks: one per run of text whose nearest block-level ancestor is the same element, with
 * the map back to the text nodes so a finding can be turned into a Range.
 *
 * A block-level element nested in another one interrupts it: `<div>Intro<p>Body</p>tail</div>`
 * gives three blocks ("Intro" and "tail" both with the div as `element`), because the
 * browser renders them on separate lines and a sentence never runs across the `<p>`.
 * Whitespace is kept as the page has it (segments cover whole text nodes), and blocks with
 * only whitespace are dropped. Hidden, editable, non-text and Tally's own subtrees are
 * skipped; `root` itself is always read, since the caller chose it.
 *
 * The walk is iterative (pages can nest thousands of levels deep) and touches each node a
 * constant number of times. It follows `firstChild`/`nextSibling`/`parentNode` instead of a
 * TreeWalker because linkedom's TreeWalker ignores the filter argument and has only
 * `nextNode()`, so it cannot skip a subtree; the manual walk behaves the same in both DOMs.
 *
 * @example
 * const blocks = extractBlocks(document, { isVisible: (el) => el.checkVisibility(), maxBlocks: 5000 });
 */
export function extractBlocks(root: Document | Element, options: ExtractBlocksOptions = {}): TextBlock[] {
  const { isVisible, maxBlocks = Number.POSITIVE_INFINITY } = options;
  const top: Element | null = isDocument(root) ? (root.body ?? root.documentElement) : root;
  const blocks: TextBlock[] = [];
  if (top === null || maxBlocks <= 0) return blocks;

  // The run being built: its text pieces, segments, and length so far.
  let parts: string[] = [];
  let segments: TextSegment[] = [];
  let length = 0;
  // Block-level ancestors of the current node; the last one owns the current run.
  const owners: Element[] = [top];

  const flush = (): void => {
    const text = parts.join('');
    const owner = owners[owners.length - 1];
    if (owner !== undefined && segments.length > 0 && /\S/.test(text)) {
      blocks.push({ text, element: owner, segments });
    }
    parts = [];
    segments = [];
    length = 0;
  };

  let node: Node | null = top.firstChild;
  while (node !== null && blocks.length < maxBlocks) {
    let child: Node | null = null;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        segments.push({ node: node as Text, start: length });
        parts.push(data);
        length += data.length;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const tag = tagOf(el);
      if (tag === 'br') {
        // Only between pieces of text: a leading break separates nothing.
        if (segments.length > 0) {
          parts.push(LINE_BREAK);
          length += LINE_BREAK.length;
        }
      } else if (!isSkipped(el, tag, isVisible)) {
        const isBlock = !INLINE_TAGS.has(tag);
        if (isBlock) {
          flush();
          owners.push(el);
        }
        child = el.firstChild;
        if (child === null && isBlock) owners.pop();
      }
    }
    if (child !== null) {
      node = child;
      continue;
    }
    // No way down: climb to the nearest ancestor with a next sibling, closing blocks on the way.
    while (node !== null && node !== top && node.nextSibling === null) {
      node = node.parentNode;
      if (node === null || node === top) break;
      if (node.nodeType === ELEMENT_NODE && !INLINE_TAGS.has(tagOf(node as Element))) {
        flush();
        owners.pop();
      }
    }
    node = node === null || node === top ? null : node.nextSibling;
  }
  if (blocks.length < maxBlocks) flush();
  return blocks;
}

function isDocument(root: Document | Element): root is Document {
  return root.nodeType === 9;
}
