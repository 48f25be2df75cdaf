// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeWatcher } from '../../src/content/change-watcher';
import type { PageWindow } from '../../src/content/page-window';

/** A MutationObserver the test feeds by hand, so a page can "change" on a fake clock. */
class ManualObserver {
  static last: ManualObserver | undefined;
  observing = false;

  constructor(private readonly callback: (records: MutationRecord[]) => void) {
    ManualObserver.last = this;
  }

  observe(): void {
    this.observing = true;
  }

  disconnect(): void {
    this.observing = false;
  }

  /** Delivers the records of one task's changes, as the browser does at the end of a task. */
  deliver(records: Partial<MutationRecord>[]): void {
    if (this.observing) this.callback(records.map((r) => ({ addedNodes: [] as unknown as NodeList, ...r }) as MutationRecord));
  }
}

describe('ChangeWatcher on a page that never stops changing', () => {
  let ticker: HTMLElement;
  let batches: Element[][];
  let timersSet: number;
  let watcher: ChangeWatcher;

  const start = (options = {}) => {
    const win = {
      document,
      MutationObserver: ManualObserver,
      performance: { now: () => Date.now() },
      setTimeout: (fn: () => void, ms: number) => {
        timersSet += 1;
        return setTimeout(fn, ms);
      },
      clearTimeout: (id: number) => clearTimeout(id),
    } as unknown as PageWindow;
    watcher = new ChangeWatcher(win, (roots) => batches.push(roots), options);
    watcher.start();
    watcher.learn(ticker);
  };

  /** The page's text changes `perSecond` times a second for `ms`, in tasks of 4 changes (a 4 ms timer). */
  const mutate = (perSecond: number, ms: number) => {
    const text = ticker.firstChild as Text;
    const perTask = 4;
    for (let t = 0; t < ms; t += (1000 * perTask) / perSecond) {
      vi.advanceTimersByTime((1000 * perTask) / perSecond);
      ManualObserver.last?.deliver(Array.from({ length: perTask }, () => ({ type: 'characterData', target: text })));
    }
  };

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p id="ticker">Sales rose 7%.</p><p id="other">Nothing here.</p>';
    ticker = document.getElementById('ticker') as HTMLElement;
    batches = [];
    timersSet = 0;
  });

  afterEach(() => {
    watcher.stop();
    vi.useRealTimers();
  });

  it('hands over one batch a second, not one per change, over 10 s of 1,000 changes a second', () => {
    start();

    mutate(1000, 10_000);

    // 10,000 changes; a batch at most every maxWait (1 s).
    expect(batches.length).toBeGreaterThanOrEqual(9);
    expect(batches.length).toBeLessThanOrEqual(11);
    // The timer is armed per batch (and re-armed a few times while waiting), not per change.
    expect(timersSet).toBeLessThan(100);
    expect(batches.every((roots) => roots.length === 1 && roots[0] === ticker)).toBe(true);
  });

  it('hands over the last changes once the page has been quiet for the debounce time', () => {
    start({ debounceMs: 150, maxWaitMs: 1000 });
    mutate(1000, 2_500);
    const during = batches.length;

    vi.advanceTimersByTime(149);
    const quiet149 = batches.length;
    vi.advanceTimersByTime(1);

    expect(during).toBe(2);
    expect(quiet149).toBe(2);
    expect(batches.length).toBe(3);
    vi.advanceTimersByTime(10_000);
    expect(batches.length).toBe(3);
  });

  it('waits out a burst and hands it over as one batch', () => {
    start({ debounceMs: 150, maxWaitMs: 1000 });

    mutate(1000, 100);
    vi.advanceTimersByTime(200);

    expect(batches).toEqual([[ticker]]);
  });

  it('ignores changes inside Tally\'s own elements', () => {
    start();
    const own = document.createElement('div');
    own.setAttribute('data-tally', '');
    document.body.append(own);

    ManualObserver.last?.deliver([{ type: 'childList', target: document.body, addedNodes: [own] as unknown as NodeList }]);
    vi.advanceTimersByTime(200);

    expect(batches).toEqual([[]]);
  });

  it('stops handing over batches once stopped', () => {
    start();
    mutate(1000, 500);

    watcher.stop();
    vi.advanceTimersByTime(5_000);

    expect(batches).toEqual([]);
  });
});

describe('ChangeWatcher on a block it did not learn', () => {
  it('hands over the block a changed node stands in, not the inline element around it', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<div><p id="late">Sales <b><i id="value">were pending</i></b> today.</p></div>';
    const batches: Element[][] = [];
    const win = {
      document,
      MutationObserver: ManualObserver,
      performance: { now: () => Date.now() },
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (id: number) => clearTimeout(id),
    } as unknown as PageWindow;
    const watcher = new ChangeWatcher(win, (roots) => batches.push(roots));
    watcher.start();
    // The paragraph held no figure when the page was read, so the check never handed it on.
    const text = document.getElementById('value')!.firstChild as Text;
    text.data = 'rose 7%';
    ManualObserver.last?.deliver([{ type: 'characterData', target: text }]);
    vi.advanceTimersByTime(2_000);
    watcher.stop();
    vi.useRealTimers();

    expect(batches).toEqual([[document.getElementById('late')]]);
  });
});
