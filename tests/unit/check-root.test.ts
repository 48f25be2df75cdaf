// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { PIECE_LENGTH } from '../../src/content/block-pieces';
import { checkRoot, type CheckBlocks, type PlacedFinding } from '../../src/content/check-root';
import type { PageWindow } from '../../src/content/page-window';
import { TimeSlicer } from '../../src/content/yield-to-main';
import { walkBlocks } from '../../src/dom/extract-blocks';
import type { Finding } from '../../src/match/finding';

/** A stand-in for the core: every "42%" conflicts. Records the length of each text it is given. */
function fakeCheck(seen: number[]): CheckBlocks {
  return (blocks) =>
    blocks.flatMap((block, index) => {
      seen.push(block.text.length);
      const found: Finding[] = [];
      for (let at = block.text.indexOf('42%'); at >= 0; at = block.text.indexOf('42%', at + 1)) {
        found.push({ verdict: 'conflicting', block: index, figureStart: at, figureEnd: at + 3, sentenceStart: at, sentenceEnd: at + 3 } as Finding);
      }
      return found;
    });
}

const win = window as unknown as PageWindow;

async function check(root: Element, options: { budgetMs?: number; cancelAfter?: number } = {}) {
  const seen: number[] = [];
  const found: PlacedFinding[] = [];
  const slicer = new TimeSlicer(win, options.budgetMs ?? 12);
  let blocks = 0;
  const completed = await checkRoot(win, root, {
    check: fakeCheck(seen),
    slicer,
    onBlock: () => void (blocks += 1),
    onFound: (placed) => found.push(...placed),
    cancelled: () => options.cancelAfter !== undefined && slicer.pauses >= options.cancelAfter,
  });
  return { completed, seen, found, blocks, pauses: slicer.pauses };
}

describe('checkRoot', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('checks a 200 KB text node a piece at a time and places every figure on it', async () => {
    const p = document.createElement('p');
    p.textContent = 'Margins hit 42% that year. '.repeat(8_000);
    document.body.append(p);

    const { completed, seen, found } = await check(document.body);

    expect(completed).toBe(true);
    expect(Math.max(...seen)).toBeLessThanOrEqual(PIECE_LENGTH);
    expect(found).toHaveLength(8_000);
    expect(found.every(({ range }) => range.toString() === '42%' && range.startContainer === p.firstChild)).toBe(true);
    expect(found[7_999]?.finding.figureStart).toBe(27 * 7_999 + 12);
  });

  it('yields to the page between slices, reading and checking alike, and stops when cancelled', async () => {
    for (let i = 0; i < 300; i++) {
      const p = document.createElement('p');
      p.textContent = i % 100 === 0 ? 'Margins hit 42%.' : 'Nothing here.';
      document.body.append(p);
    }

    const all = await check(document.body, { budgetMs: 0 });
    const cancelled = await check(document.body, { budgetMs: 0, cancelAfter: 50 });

    expect(all).toMatchObject({ completed: true, blocks: 300 });
    expect(all.found).toHaveLength(3);
    expect(all.pauses).toBeGreaterThan(300);
    expect(cancelled.completed).toBe(false);
    expect(cancelled.pauses).toBe(50);
  });

  it.each([
    ['an editor', '<div contenteditable="true"><p id="root">Margins hit 42%.</p></div>'],
    ['a form field', '<textarea id="root">Margins hit 42%.</textarea>'],
    ["Tally's own element", '<div data-tally><p id="root">Margins hit 42%.</p></div>'],
    ['a hidden subtree', '<div hidden><p id="root">Margins hit 42%.</p></div>'],
  ])('reads nothing inside %s', async (_, html) => {
    document.body.innerHTML = html;

    const { completed, seen } = await check(document.getElementById('root') as Element);

    expect(completed).toBe(true);
    expect(seen).toEqual([]);
  });
});

describe('walkBlocks, resumed after the page ran', () => {
  it('stops when the page moved its place out of the root, rather than walk the rest of the document', () => {
    document.body.innerHTML = '<div id="root"><p>one</p><p>two</p><p>three</p></div><p>outside</p>';
    const root = document.getElementById('root') as Element;
    const walk = walkBlocks(root);

    const first = walk.next();
    document.body.append(root.children[1] as Element, root.children[1] as Element);
    const rest: string[] = [];
    for (let step = walk.next(true); !step.done; step = walk.next(true)) if (step.value) rest.push(step.value.text);

    expect(first.value?.text).toBe('one');
    expect(rest).toEqual([]);
  });

  it('goes on when the page changed nothing around it', () => {
    document.body.innerHTML = '<div id="root"><p>one</p><p>two</p></div>';
    const walk = walkBlocks(document.getElementById('root') as Element);
    const texts: string[] = [];

    for (let step = walk.next(true); !step.done; step = walk.next(true)) if (step.value) texts.push(step.value.text);

    expect(texts).toEqual(['one', 'two']);
  });
});
