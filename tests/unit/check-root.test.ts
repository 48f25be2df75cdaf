// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PIECE_LENGTH } from '../../src/content/block-pieces';
import { BATCH_LENGTH, checkRoot, MAX_IN_FLIGHT, type CheckBlocks, type PlacedFinding } from '../../src/content/check-root';
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

    // Every block is read (a pause after each), and only those with a figure are handed on.
    expect(all).toMatchObject({ completed: true, blocks: 3 });
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

describe('checkRoot with a check that answers later, as the background does', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  /** fakeCheck behind a promise the test settles; records each batch's texts. */
  function laterCheck() {
    const batches: string[][] = [];
    const answers: { resolve: () => void; reject: (error: Error) => void }[] = [];
    const check: CheckBlocks = (blocks) => {
      batches.push(blocks.map((b) => b.text));
      return new Promise((resolve, reject) => {
        answers.push({ resolve: () => resolve(fakeCheck([])(blocks) as Finding[]), reject });
      });
    };
    return { check, batches, answers };
  }

  const paragraphs = (n: number, text: (i: number) => string) => {
    for (let i = 0; i < n; i++) {
      const p = document.createElement('p');
      p.textContent = text(i);
      document.body.append(p);
    }
  };

  const run = (check: CheckBlocks, cancelled: () => boolean = () => false) => {
    const found: PlacedFinding[] = [];
    const done = checkRoot(win, document.body, {
      check,
      slicer: new TimeSlicer(win, 12),
      onBlock: () => {},
      onFound: (placed) => found.push(...placed),
      cancelled,
    });
    return { found, done };
  };

  it('sends the texts in batches, leaves out those without figures, and places every answer', async () => {
    paragraphs(2_000, (i) => (i % 2 ? `Paragraph ${i} says margins hit 42% that year.` : 'A paragraph with no figure in it at all.'));
    const batches: string[][] = [];
    const inFlight = { now: 0, most: 0 };
    const check: CheckBlocks = async (blocks) => {
      batches.push(blocks.map((b) => b.text));
      inFlight.most = Math.max(inFlight.most, ++inFlight.now);
      await new Promise((resolve) => setTimeout(resolve, 50));
      inFlight.now--;
      return fakeCheck([])(blocks) as Finding[];
    };

    const { found, done } = run(check);
    expect(await done).toBe(true);

    const sent = batches.flat();
    expect(sent).toHaveLength(1_000);
    expect(sent.every((text) => text.includes('42%'))).toBe(true);
    expect(batches.length).toBeGreaterThan(1);
    expect(Math.max(...batches.map((b) => b.join('').length))).toBeLessThan(BATCH_LENGTH + PIECE_LENGTH);
    // The page is read on while earlier batches are being checked, a few at a time.
    expect(inFlight.most).toBeGreaterThan(1);
    expect(inFlight.most).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    expect(found).toHaveLength(1_000);
    expect(found.every(({ range }) => range.toString() === '42%')).toBe(true);
  });

  it('sends small batches first, so that a short page is checked as fast as it is read, then bigger ones', async () => {
    const filler = ' Analysts expect the trend to continue through the rest of the decade, the report says.'.repeat(2);
    paragraphs(1_500, (i) => `Paragraph ${i} says margins hit 42% that year.${filler}`);
    const lengths: number[] = [];
    const check: CheckBlocks = (blocks) => {
      lengths.push(blocks.reduce((sum, b) => sum + b.text.length, 0));
      return [];
    };

    // No slice ends during the walk, so only the batches' lengths cut them.
    expect(await checkRoot(win, document.body, { check, slicer: new TimeSlicer(win, 60_000), onBlock: () => {}, onFound: () => {}, cancelled: () => false })).toBe(true);

    const paragraph = 250;
    expect(lengths[0]).toBeGreaterThanOrEqual(8_000);
    expect(lengths[0]).toBeLessThan(8_000 + paragraph);
    let sent = 0;
    for (const length of lengths.slice(0, -1)) {
      if (sent < 128_000) expect(length).toBeLessThan(sent === 0 ? 8_000 + paragraph : 16_000 + paragraph);
      sent += length;
    }
    expect(sent).toBeGreaterThan(128_000);
    expect(Math.max(...lengths)).toBeGreaterThan(2 * 16_000);
    expect(Math.max(...lengths)).toBeLessThan(BATCH_LENGTH + paragraph);
  });

  it('drops an answer whose figure changed on the page while it was being checked', async () => {
    paragraphs(2, (i) => `Line ${i}: margins hit 42% that year.`);
    const later = laterCheck();

    const { found, done } = run(later.check);
    await vi.waitFor(() => expect(later.answers).toHaveLength(1));
    (document.body.firstChild!.firstChild as Text).replaceData(20, 2, '17');
    later.answers[0]!.resolve();

    expect(await done).toBe(true);
    expect(found.map(({ range }) => range.toString())).toEqual(['42%']);
    expect(found[0]!.range.startContainer).toBe(document.body.lastChild!.firstChild);
  });

  it('places nothing that comes back after the check was cancelled', async () => {
    paragraphs(2, () => 'Margins hit 42% that year.');
    const later = laterCheck();
    let cancelled = false;

    const { found, done } = run(later.check, () => cancelled);
    await vi.waitFor(() => expect(later.answers).toHaveLength(1));
    cancelled = true;
    later.answers[0]!.resolve();

    expect(await done).toBe(false);
    expect(found).toEqual([]);
  });

  it('fails the check when a batch cannot be checked', async () => {
    paragraphs(2, () => 'Margins hit 42% that year.');
    const later = laterCheck();

    const { done } = run(later.check);
    await vi.waitFor(() => expect(later.answers).toHaveLength(1));
    later.answers[0]!.reject(new Error('no background'));

    await expect(done).rejects.toThrow('no background');
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
