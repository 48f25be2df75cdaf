import type { TextBlock, TextSegment } from './text-block';

/** Options for {@link extractBlocks}. */
export interface ExtractBlocksOptions {
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

function isSkipped(el: Element, tag: string): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  // Most elements of a page have no attributes at all: one call answers for the four below.
  if (el.hasAttributes()) {
    if (isTallyElement(el, tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
    const editable = el.getAttribute('contenteditable');
    // Text the user is typing is not a claim of the page, and wrapping it would fight the editor.
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
  } else if (tag.startsWith('tally-')) return true;
  return false;
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
 * only whitespace are dropped. Subtrees marked hidden (`hidden`, `aria-hidden="true"`),
 * editable, non-text and Tally's own are skipped; `root` itself is always read, since the caller
 * chose it. What CSS hides is the caller's to drop: it needs layout, which not every DOM has
 * (the content script asks the browser for the few blocks it checks, see `visibleText`).
 *
 * @example
 * const blocks = extractBlocks(document, { maxBlocks: 5000 });
 */
export function extractBlocks(root: Document | Element, options: ExtractBlocksOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const block of walkBlocks(root, options)) if (block !== null) blocks.push(block);
  return blocks;
}

/** How many nodes {@link walkBlocks} visits between two chances for its caller to pause. */
const NODES_PER_STEP = 256;

/**
 * The walk behind {@link extractBlocks}, one block at a time, so a caller can spread a big page
 * over many short tasks: it yields each block as soon as it is complete, and `null` after every
 * few hundred nodes that completed none (a page of 100,000 inline spans is one block).
 *
 * A caller that let the page run between two steps says so by passing `true` to `next()`: the
 * walk then stops if the page moved its current node out of `root` meanwhile, rather than
 * wander through the rest of the document (the caller's change watcher will see that change).
 *
 * The walk is iterative (pages can nest thousands of levels deep) and touches each node a
 * constant number of times. It follows `firstChild`/`nextSibling`/`parentNode` instead of a
 * TreeWalker because linkedom's TreeWalker ignores the filter argument and has only
 * `nextNode()`, so it cannot skip a subtree; the manual walk behaves the same in both DOMs.
 */
export function* walkBlocks(
  root: Document | Element,
  options: ExtractBlocksOptions = {},
): Generator<TextBlock | null, void, boolean | undefined> {
  const { maxBlocks = Number.POSITIVE_INFINITY } = options;
  const top: Element | null = isDocument(root) ? (root.body ?? root.documentElement) : root;
  if (top === null || maxBlocks <= 0) return;
  let count = 0;
  let visited = 0;

  // The run being built: its text pieces, segments, and length so far.
  let parts: string[] = [];
  let segments: TextSegment[] = [];
  let length = 0;
  // Block-level ancestors of the current node; the last one owns the current run.
  const owners: Element[] = [top];

  /** Ends the current run; returns its block unless it holds only whitespace. */
  const flush = (): TextBlock | null => {
    const text = parts.join('');
    const owner = owners[owners.length - 1];
    const block = owner !== undefined && segments.length > 0 && /\S/.test(text) ? { text, element: owner, segments } : null;
    parts = [];
    segments = [];
    length = 0;
    return block;
  };

  let node: Node | null = top.firstChild;
  while (node !== null && count < maxBlocks) {
    if (++visited % NODES_PER_STEP === 0 && (yield null) === true && !top.contains(node)) return;
    let child: Node | null = null;
    let done: TextBlock | null = null;
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        segments.push({ node: node as Text, start: length });
        parts.push(data);
        length += data.length;
      }
    } else if (type === ELEMENT_NODE) {
      const el = node as Element;
      const tag = tagOf(el);
      if (tag === 'br') {
        // Only between pieces of text: a leading break separates nothing.
        if (segments.length > 0) {
          parts.push(LINE_BREAK);
          length += LINE_BREAK.length;
        }
      } else if (!isSkipped(el, tag)) {
        const isBlock = !INLINE_TAGS.has(tag);
        if (isBlock) {
          done = flush();
          owners.push(el);
        }
        child = el.firstChild;
        if (child === null && isBlock) owners.pop();
      }
    }
    if (child === null) {
      // No way down: climb to the nearest ancestor with a next sibling, closing blocks on the way.
      // An ancestor closes a block when it is the innermost owner: the walk went down into it.
      let next: Node | null = null;
      while (node !== null && node !== top && (next = node.nextSibling) === null) {
        node = node.parentNode;
        if (node === null || node === top) break;
        if (node === owners[owners.length - 1]) {
          // Runs closed on the way up are yielded one by one: each may be followed by a pause.
          if (done !== null) {
            count += 1;
            if ((yield done) === true && !top.contains(node)) return;
            if (count >= maxBlocks) return;
          }
          done = flush();
          owners.pop();
        }
      }
      node = node === null || node === top ? null : next;
    } else {
      node = child;
    }
    if (done !== null) {
      count += 1;
      const paused = yield done;
      if (paused === true && node !== null && !top.contains(node)) return;
    }
  }
  if (count < maxBlocks) {
    const last = flush();
    if (last !== null) yield last;
  }
}

/**
 * The element whose text block holds `node` as {@link walkBlocks} reads the page: the nearest
 * element, `node` itself included, that is not inline. Null for a node outside any element.
 */
export function blockOwnerOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el !== null && INLINE_TAGS.has(tagOf(el)) && el.parentElement !== null) el = el.parentElement;
  return el;
}

function isDocument(root: Document | Element): root is Document {
  return root.nodeType === 9;
}
