import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

import { extractBlocks, type ExtractBlocksOptions } from '../../src/dom/extract-blocks';
import type { TextBlock } from '../../src/dom/text-block';

function pageOf(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>Title</title></head><body>${body}</body></html>`)
    .document as unknown as Document;
}

function textsOf(body: string, options?: ExtractBlocksOptions): string[] {
  return extractBlocks(pageOf(body), options).map((block) => block.text);
}

/** Every segment must point at the exact characters its node holds. */
function expectSegmentsMatch(block: TextBlock): void {
  for (const { node, start } of block.segments) {
    expect(block.text.slice(start, start + node.data.length)).toBe(node.data);
  }
}

describe('extractBlocks', () => {
  it.each([
    ['script', '<p>keep</p><script>var x = "drop";</script>'],
    ['style', '<p>keep</p><style>p { color: red }</style>'],
    ['noscript', '<p>keep</p><noscript><p>drop</p></noscript>'],
    ['template', '<p>keep</p><template><p>drop</p></template>'],
    ['textarea', '<p>keep</p><textarea>drop</textarea>'],
    ['input', '<p>keep</p><input value="drop">'],
    ['select and option', '<p>keep</p><select><option>drop</option></select>'],
    ['svg', '<p>keep</p><svg><text>drop</text></svg>'],
    ['canvas', '<p>keep</p><canvas>drop</canvas>'],
    ['iframe', '<p>keep</p><iframe>drop</iframe>'],
    ['object', '<p>keep</p><object>drop</object>'],
    ['contenteditable', '<p>keep</p><div contenteditable>drop</div>'],
    ['contenteditable="true"', '<p>keep</p><div contenteditable="true"><p>drop</p></div>'],
    ['contenteditable="plaintext-only"', '<p>keep</p><div contenteditable="plaintext-only">drop</div>'],
    ['hidden', '<p>keep</p><p hidden>drop</p>'],
    ['aria-hidden="true"', '<p>keep</p><div aria-hidden="true"><p>drop</p></div>'],
    ['data-tally', '<p>keep</p><div data-tally="badge">drop</div>'],
    ['tally-* elements', '<p>keep</p><tally-popover><p>drop</p></tally-popover>'],
    ['an inline element inside a block', '<p>keep<span hidden> drop</span></p>'],
  ])('skips the subtree of %s', (_rule, body) => {
    expect(textsOf(body)).toEqual(['keep']);
  });

  it.each([
    ['contenteditable="false"', '<div contenteditable="false">keep</div>'],
    ['aria-hidden="false"', '<div aria-hidden="false">keep</div>'],
  ])('reads %s', (_rule, body) => {
    expect(textsOf(body)).toEqual(['keep']);
  });

  it('continues the block through inline elements', () => {
    const body =
      '<p>Revenue <b>rose</b> <i>to</i> <a href="#"><strong>$5</strong> <em>bn</em></a><sup>1</sup> ' +
      'in <time>2024</time>, <abbr>approx.</abbr> <span><code>x</code> <small>y</small> <mark>z</mark></span> ' +
      '<q>q</q> <cite>c</cite> <label>l</label> <sub>2</sub>.</p>';

    expect(textsOf(body)).toEqual(['Revenue rose to $5 bn1 in 2024, approx. x y z q c l 2.']);
  });

  it('inserts a "\\n" gap for <br> that maps to no node', () => {
    const [block] = extractBlocks(pageOf('<p>one<br>two<br><br>three</p>'));

    expect(block?.text).toBe('one\ntwo\n\nthree');
    expect(block?.segments.map((s) => [s.node.data, s.start])).toEqual([
      ['one', 0],
      ['two', 4],
      ['three', 9],
    ]);
  });

  it.each([
    ['a div with text and a nested p', '<div>Intro<p>Body</p></div>', ['Intro', 'Body'], ['DIV', 'P']],
    ['text after the nested block', '<div>Intro<p>Body</p>tail</div>', ['Intro', 'Body', 'tail'], ['DIV', 'P', 'DIV']],
    ['a block inside an inline element', '<p>a <span>b<div>c</div>d</span> e</p>', ['a b', 'c', 'd e'], ['P', 'DIV', 'P']],
    ['headings and list items', '<h1>H</h1><ul><li>one</li><li>two</li></ul>', ['H', 'one', 'two'], ['H1', 'LI', 'LI']],
    ['loose text in body', 'loose <b>text</b>', ['loose text'], ['BODY']],
    ['custom elements', '<x-card>card</x-card>', ['card'], ['X-CARD']],
  ])('splits blocks at block-level elements: %s', (_case, body, texts, tags) => {
    const blocks = extractBlocks(pageOf(body));

    expect(blocks.map((b) => b.text)).toEqual(texts);
    expect(blocks.map((b) => b.element.tagName)).toEqual(tags);
  });

  it('gives every table cell its own block', () => {
    const body =
      '<table><caption>Cap</caption><tr><th>Year</th><th>Share</th></tr><tr><td>2024</td><td><b>36</b>%</td></tr></table>';

    expect(textsOf(body)).toEqual(['Cap', 'Year', 'Share', '2024', '36%']);
  });

  it('drops whitespace-only blocks', () => {
    expect(textsOf('<div>\n  <p>x</p>\n  <p> \u00a0 </p><br>\n</div>')).toEqual(['x']);
  });

  it('reads only the body of a document, and only the given element when passed one', () => {
    const document = pageOf('<p>a</p><section id="s"><p>b</p>c</section>');
    const section = document.getElementById('s') as Element;

    expect(extractBlocks(document).map((b) => b.text)).toEqual(['a', 'b', 'c']);
    expect(extractBlocks(section).map((b) => [b.text, b.element.tagName])).toEqual([
      ['b', 'P'],
      ['c', 'SECTION'],
    ]);
  });

  it.each([
    [0, []],
    [2, ['a', 'b']],
    [9, ['a', 'b', 'c']],
  ])('stops after maxBlocks = %i', (maxBlocks, texts) => {
    expect(textsOf('<p>a</p><p>b</p><p>c</p>', { maxBlocks })).toEqual(texts);
  });

  it('maps every segment back to its text node', () => {
    const blocks = extractBlocks(pageOf('<p>The <b>share</b> rose<br>to <i>36</i>%.</p><div>x<p>y</p>z</div>'));

    expect(blocks).toHaveLength(4);
    blocks.forEach(expectSegmentsMatch);
  });

  it('walks 5,000 levels of nested blocks without overflowing the stack', () => {
    const depth = 5000;
    const body = '<div>'.repeat(depth) + 'deep' + '</div>after'.repeat(depth);

    // Compare texts, not blocks: printing a 5,000-deep element on failure overflows the stack.
    const texts = extractBlocks(pageOf(body)).map((b) => b.text);

    expect(texts).toHaveLength(depth + 1);
    expect(texts[0]).toBe('deep');
    expect(texts.slice(1).every((text) => text === 'after')).toBe(true);
  });

  it('walks 5,000 levels of nested inline elements as one block', () => {
    const depth = 5000;
    const body = '<p>' + '<span>a'.repeat(depth) + '</span>'.repeat(depth) + '</p>';

    const [block, ...rest] = extractBlocks(pageOf(body));

    expect(rest).toHaveLength(0);
    expect(block?.text).toBe('a'.repeat(depth));
    expect(block?.segments).toHaveLength(depth);
  });

  it('handles 100,000 text nodes', () => {
    const body = '<ul>' + '<li>item <b>1</b></li>'.repeat(50_000) + '</ul>';

    const blocks = extractBlocks(pageOf(body));

    expect(blocks).toHaveLength(50_000);
    expect(blocks.reduce((n, b) => n + b.segments.length, 0)).toBe(100_000);
    expect(blocks[49_999]?.text).toBe('item 1');
  });
});
