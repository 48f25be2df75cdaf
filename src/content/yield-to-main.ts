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
 * Cuts a long job into slices of about `budgetMs` of main-thread time. The job asks `due` between
 * two of its steps (each step a few milliseconds at most) and, when it is, awaits `pause()`, which
 * yields to the page and starts the next slice. One slicer serves a whole check, across its
 * roots, so many small roots do not add up to one long task. `busyMs` sums the slices' time: what
 * the job cost the page.
 */
export class TimeSlicer {
  private sliceStart: number;
  /** The window's clock, read once: `due` is asked between every two steps, from another world. */
  private readonly clock: Performance;
  /** Slices ended by `pause()`: a job whose state may have changed meanwhile compares it. */
  pauses = 0;
  busyMs = 0;

  constructor(
    private readonly win: Window,
    private readonly budgetMs = SLICE_BUDGET_MS,
  ) {
    this.clock = win.performance;
    this.sliceStart = this.clock.now();
  }

  get due(): boolean {
    return this.clock.now() - this.sliceStart >= this.budgetMs;
  }

  async pause(): Promise<void> {
    this.busyMs += this.clock.now() - this.sliceStart;
    await yieldToMain(this.win);
    this.pauses += 1;
    this.sliceStart = this.clock.now();
  }

  /** Ends the job's last slice and returns the job's total time. */
  finish(): number {
    this.busyMs += this.clock.now() - this.sliceStart;
    this.sliceStart = this.clock.now();
    return this.busyMs;
  }
}
