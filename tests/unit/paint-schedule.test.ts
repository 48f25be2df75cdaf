// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CheckBlocks } from '../../src/content/check-root';
import type { PageWindow } from '../../src/content/page-window';
import { TallyPage } from '../../src/content/tally-page';
import type { Finding } from '../../src/match/finding';
import type { PageSummary } from '../../src/messages';

/** The page's clock: 13 ms pass at each look, more than a slice (so the check is cut into slices), and CHECK_MS per answer. */
let now = 0;
let answeredAt: number[] = [];
const CHECK_MS = 100;
const PARAGRAPHS = 40;

/** When ranges were added to a highlight: each distinct time is one paint of the browser. */
let addedAt: number[] = [];

/** A stand-in for the browser's Highlight: a set of ranges that notes when one is added. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  override add(range: AbstractRange): this {
    addedAt.push(now);
    return super.add(range);
  }
}

/** Every "42%" conflicts; the answer comes CHECK_MS after the question, on the page's clock. */
const slowCheck: CheckBlocks = (blocks) => {
  now += CHECK_MS;
  answeredAt.push(now);
  return blocks.flatMap((block, index) => {
    const at = block.text.indexOf('42%');
    if (at < 0) return [];
    return [{ verdict: 'conflicting', figure: '42%', block: index, sentenceStart: 0, sentenceEnd: block.text.length, figureStart: at, figureEnd: at + 3, claimId: 'c', source: 's', reason: '', sourceFigure: '40%' } as Finding];
  });
};

describe('painting the highlights of a long check', () => {
  let page: TallyPage | undefined;
  let reports: PageSummary[];

  beforeEach(() => {
    fakeBrowser.reset();
    now = 0;
    addedAt = [];
    answeredAt = [];
    reports = [];
    vi.spyOn(window.performance, 'now').mockImplementation(() => (now += 13));
    Object.assign(window, { Highlight: FakeHighlight });
    Object.defineProperty(window, 'CSS', { value: { highlights: new Map() }, configurable: true });
    document.body.replaceChildren(
      ...Array.from({ length: PARAGRAPHS }, (_, i) => {
        const p = document.createElement('p');
        p.textContent = `Margins hit 42% in paragraph ${i}.`;
        return p;
      }),
    );
  });

  afterEach(() => {
    page?.stop();
    vi.restoreAllMocks();
  });

  it('paints the first finding at once, then less and less often, and everything at the end', async () => {
    page = new TallyPage(window as unknown as PageWindow, {
      check: slowCheck,
      source: (file) => ({ file, title: file, publisher: '', date: '' }),
      getSettings: async () => ({ enabled: true, disabledSites: [] }),
      watchSettings: () => () => {},
      report: (summary) => reports.push(summary),
      openSource: () => {},
      cardCss: '',
    });
    await page.start();
    await vi.waitFor(() => expect(reports.at(-1)?.status).toBe('done'));

    const paints = [...new Set(addedAt)];
    const highlight = (window as unknown as { CSS: { highlights: Map<string, FakeHighlight> } }).CSS.highlights.get('tally-conflicting');
    // The check answers in many batches, over seconds: a paint every PAINT_EVERY_MS would be dozens.
    expect(answeredAt.length).toBeGreaterThanOrEqual(20);
    expect(reports.at(-1)?.conflicting).toBe(PARAGRAPHS);
    expect(highlight?.size).toBe(PARAGRAPHS);
    // The first finding is painted as it comes, before the next answer.
    expect(paints[0]).toBeLessThan(answeredAt[1]!);
    const gaps = paints.slice(1).map((at, i) => at - paints[i]!);
    // Every wait but the last (the paint at the end of the check) doubles: 150 ms, 300 ms… up to 2 s.
    gaps.slice(0, -1).forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(Math.min(2000, 150 * 2 ** i)));
    expect(paints.length).toBeLessThanOrEqual(7);
    expect(paints.at(-1)).toBeGreaterThanOrEqual(answeredAt.at(-1)!);
  });
});
