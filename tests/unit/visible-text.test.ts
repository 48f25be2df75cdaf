// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { PageWindow } from '../../src/content/page-window';
import { ElementVisibility, visibleText } from '../../src/content/visible-text';
import { extractBlocks } from '../../src/dom/extract-blocks';
import type { TextBlock } from '../../src/dom/text-block';

/** Stands in for layout: an element with class "off", or inside one, does not show. */
const shown = (el: Element): boolean => el.closest('.off') === null;

function blocksOf(html: string): TextBlock[] {
  document.body.innerHTML = html;
  return extractBlocks(document.body);
}

/** Every segment must point at the exact characters its node holds. */
function expectSegmentsMatch(block: TextBlock): void {
  for (const { node, start } of block.segments) expect(block.text.slice(start, start + node.data.length)).toBe(node.data);
}

describe('visibleText', () => {
  beforeEach(() => document.body.replaceChildren());

  it('returns the block itself when all of its text shows', () => {
    const [block] = blocksOf('<p>Sales rose <b>12%</b> in <a href="#">2024</a>.</p>');

    expect(visibleText(block!, shown)).toBe(block);
  });

  it('drops a block whose text is all hidden', () => {
    const [block] = blocksOf('<div class="off"><p>Sales rose <b>12%</b> in 2024.</p></div>');

    expect(visibleText(block!, shown)).toBeNull();
  });

  it('rebuilds the block from the text that shows, with offsets that map to the nodes', () => {
    const [block] = blocksOf('<p>Sales rose <span class="off">by 90% </span><b>12%</b> in 2024.</p>');

    const seen = visibleText(block!, shown);

    expect(block!.text).toBe('Sales rose by 90% 12% in 2024.');
    expect(seen?.text).toBe('Sales rose 12% in 2024.');
    expect(seen?.element).toBe(block!.element);
    expect(seen?.segments.map((s) => s.node.data)).toEqual(['Sales rose ', '12%', ' in 2024.']);
    expectSegmentsMatch(seen!);
  });

  it('keeps the line breaks between the nodes it keeps, not before the first', () => {
    const [block] = blocksOf('<p><span class="off">Hidden 5</span><br>Shown 6<br>and 7</p>');

    const seen = visibleText(block!, shown);

    expect(seen?.text).toBe('Shown 6\nand 7');
    expectSegmentsMatch(seen!);
  });

  it('drops what is left when only whitespace shows', () => {
    const [block] = blocksOf('<p> <span class="off">Up 5%</span> </p>');

    expect(visibleText(block!, shown)).toBeNull();
  });

  it('asks once per parent for a run of text nodes', () => {
    document.body.innerHTML = '<p id="p"></p>';
    const p = document.getElementById('p')!;
    for (let i = 0; i < 50; i++) p.append(document.createTextNode(`${i} `));
    const [block] = extractBlocks(document.body);
    const asked: Element[] = [];

    visibleText(block!, (el) => (asked.push(el), true));

    expect(block!.segments).toHaveLength(50);
    expect(asked).toEqual([p]);
  });
});

describe('ElementVisibility', () => {
  /** A window whose layout answers from a map: checkVisibility() and the computed display. */
  function fakeLayout(display: Map<Element, string>) {
    const asked: Element[] = [];
    for (const el of document.querySelectorAll('*')) {
      (el as Element & { checkVisibility(): boolean }).checkVisibility = () => {
        asked.push(el);
        return !display.has(el);
      };
    }
    const win = { getComputedStyle: (el: Element) => ({ display: display.get(el) ?? 'block' }) } as unknown as PageWindow;
    return { visibility: new ElementVisibility(win), asked };
  }

  it('asks the browser once per element', () => {
    document.body.innerHTML = '<p id="a">x</p>';
    const a = document.getElementById('a')!;
    const { visibility, asked } = fakeLayout(new Map());

    expect([visibility.shown(a), visibility.shown(a)]).toEqual([true, true]);
    expect(asked).toEqual([a]);
  });

  it('says what checkVisibility() says for a box', () => {
    document.body.innerHTML = '<p id="a">x</p>';
    const a = document.getElementById('a')!;

    expect(fakeLayout(new Map([[a, 'none']])).visibility.shown(a)).toBe(false);
  });

  it('shows a display: contents element when its parent shows, and hides it when not', () => {
    document.body.innerHTML = '<div id="outer"><div id="inner">x</div></div>';
    const outer = document.getElementById('outer')!;
    const inner = document.getElementById('inner')!;

    expect(fakeLayout(new Map([[inner, 'contents']])).visibility.shown(inner)).toBe(true);
    expect(fakeLayout(new Map<Element, string>([[inner, 'contents'], [outer, 'none']])).visibility.shown(inner)).toBe(false);
  });
});
