import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

import { blockRange } from '../../src/dom/block-range';
import { extractBlocks } from '../../src/dom/extract-blocks';
import type { TextBlock } from '../../src/dom/text-block';

const SHOW_TEXT = 4;

/**
 * linkedom's Range has no setStart/setEnd, boundary properties or toString, so the tests give
 * the document a minimal stand-in with the standard shape for ranges between text nodes.
 */
class TextRange {
  startContainer: Node | null = null;
  startOffset = 0;
  endContainer: Node | null = null;
  endOffset = 0;

  constructor(private readonly document: Document) {}

  setStart(node: Node, offset: number): void {
    this.startContainer = node;
    this.startOffset = offset;
  }

  setEnd(node: Node, offset: number): void {
    this.endContainer = node;
    this.endOffset = offset;
  }

  toString(): string {
    const walker = this.document.createTreeWalker(this.document.body, SHOW_TEXT);
    let text = '';
    let inside = false;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const data = (node as Text).data;
      const from = node === this.startContainer ? this.startOffset : 0;
      if (node === this.startContainer) inside = true;
      if (node === this.endContainer) return text + data.slice(from, this.endOffset);
      if (inside) text += data.slice(from);
    }
    return text;
  }
}

function blocksOf(body: string): { document: Document; blocks: TextBlock[] } {
  const document = parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
  document.createRange = () => new TextRange(document) as unknown as Range;
  return { document, blocks: extractBlocks(document) };
}

function firstBlock(body: string): TextBlock {
  const [block] = blocksOf(body).blocks;
  if (block === undefined) throw new Error(`no block in ${body}`);
  return block;
}

describe('blockRange', () => {
  const figures = '<p>Revenue <b>rose 5%</b> in <i>2024</i>.</p>';

  it.each([
    ['within one node', 0, 7, 'Revenue', ['Revenue ', 0, 'Revenue ', 7]],
    ['a whole inline node', 8, 15, 'rose 5%', ['rose 5%', 0, 'rose 5%', 7]],
    ['across nodes', 13, 22, '5% in 202', ['rose 5%', 5, '2024', 3]],
    ['the whole block', 0, 24, 'Revenue rose 5% in 2024.', ['Revenue ', 0, '.', 1]],
    ['an empty span at a node boundary', 8, 8, '', ['rose 5%', 0, 'rose 5%', 0]],
  ])('maps offsets %s to the right nodes', (_case, start, end, expected, [startData, startOffset, endData, endOffset]) => {
    const block = firstBlock(figures);

    const range = blockRange(block, start, end) as unknown as TextRange;

    expect(block.text.slice(start, end)).toBe(expected);
    expect(range.toString()).toBe(expected);
    expect([(range.startContainer as Text).data, range.startOffset]).toEqual([startData, startOffset]);
    expect([(range.endContainer as Text).data, range.endOffset]).toEqual([endData, endOffset]);
  });

  it.each([
    ['a start in the gap snaps forward', 3, 7, 'two', ['two', 0, 'two', 3]],
    ['an end in the gap snaps back', 0, 4, 'one', ['one', 0, 'one', 3]],
    ['a span of only the gap collapses', 3, 4, '', ['two', 0, 'two', 0]],
    ['a span across the gap skips it', 2, 5, 'et', ['one', 2, 'two', 1]],
  ])('handles the <br> separator: %s', (_case, start, end, expected, [startData, startOffset, endData, endOffset]) => {
    const block = firstBlock('<p>one<br>two</p>');

    const range = blockRange(block, start, end) as unknown as TextRange;

    expect(range.toString()).toBe(expected);
    expect([(range.startContainer as Text).data, range.startOffset]).toEqual([startData, startOffset]);
    expect([(range.endContainer as Text).data, range.endOffset]).toEqual([endData, endOffset]);
  });

  it('maps every span of a varied block to the same text', () => {
    const block = firstBlock('<p>The <a href="#">share <b>rose</b></a><br>to <i>36</i>%<br><br>in 2024.</p>');

    for (let start = 0; start <= block.text.length; start++) {
      for (let end = start; end <= block.text.length; end++) {
        const range = blockRange(block, start, end) as unknown as TextRange;
        expect(range.toString()).toBe(block.text.slice(start, end).replaceAll('\n', ''));
      }
    }
  });

  it.each([
    ['a negative start', -1, 2],
    ['a start after the end', 3, 2],
    ['an end past the text', 0, 99],
    ['a fractional offset', 0.5, 2],
  ])('returns null for %s', (_case, start, end) => {
    expect(blockRange(firstBlock(figures), start, end)).toBeNull();
  });

  it('returns null when the nodes have left the document', () => {
    const { document, blocks } = blocksOf(figures);
    const block = blocks[0] as TextBlock;

    document.querySelector('p')?.remove();

    expect(blockRange(block, 0, 7)).toBeNull();
  });

  it('returns null when the page changed the text since extraction', () => {
    const block = firstBlock(figures);

    (block.segments[0] as { node: Text }).node.data = 'Sales ';

    expect(blockRange(block, 0, 5)).toBeNull();
  });
});
