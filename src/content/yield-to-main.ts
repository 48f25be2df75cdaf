/** `scheduler.yield()` is not in TypeScript's DOM library yet. */
interface WithScheduler {
  scheduler?: { yield?: () => Promise<void> };
}

/**
 * Gives the main thread back to the page (input, rendering) between two slices of work.
 * `scheduler.yield()` resumes ahead of other queued tasks, so a long check does not fall behind
 * a busy page; where it is missing, a zero-delay timeout does the same with less priority.
 */
export function yieldToMain(win: Window): Promise<void> {
  const scheduler = (win as unknown as WithScheduler).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

/** The longest a slice of work may run before yielding; well under the 50 ms long-task mark. */
export const SLICE_BUDGET_MS = 12;

/**
 * Sizes the slices of a loop whose items cost unknown, uneven time: starts small, grows the
 * slice while slices finish well within the budget, and shrinks it as soon as one runs over.
 */
export class SliceSizer {
  private size: number;

  constructor(
    initial = 8,
    private readonly budgetMs = SLICE_BUDGET_MS,
  ) {
    this.size = initial;
  }

  get next(): number {
    return this.size;
  }

  /** Records how long the last slice of `count` items took. */
  record(count: number, elapsedMs: number): void {
    if (elapsedMs > this.budgetMs) this.size = Math.max(1, Math.floor(count / 2));
    else if (count >= this.size && elapsedMs < this.budgetMs / 3) this.size = Math.min(this.size * 2, 4096);
  }
}
