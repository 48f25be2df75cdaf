import { describe, expect, it } from 'vitest';
import { expectedFigures } from './expected';
import { chromiumPath, type Site, type Tally } from './fixtures';
import { withSiteAndTally } from './suite';
import { traceMainThread } from './main-thread';
import { ArticlePage } from './pages/article';

/** What mutating.html's script keeps in `window.churn`. */
interface Churn {
  changes: number;
  done: boolean;
  /** The longest gap (ms) between two runs of the page's 16 ms interval. */
  maxGap: number;
  ticks: number;
}
type ChurnWindow = { churn: Churn; startChurn(ms: number): void };

/**
 * How long the page changes: ten seconds, a thousand changes a second. The throttle's own timing
 * is unit-tested on a fake clock (tests/unit/change-watcher.test.ts).
 */
const CHURN_MS = 10_000;

describe.skipIf(!chromiumPath)('a page that changes its text 1,000 times a second', () => {
  let site: Site;
  let tally: Tally;
  const expected = expectedFigures('mutating.html');

  withSiteAndTally((s, t) => {
    site = s;
    tally = t;
  });

  it('keeps the page responsive, takes a small share of the main thread, and ends with the right findings', async () => {
    const page = new ArticlePage(await tally.context.newPage());
    await page.goto(`${site.origin}/mutating.html`);
    await expect.poll(() => page.highlightedTexts()).toEqual(expected);
    const trace = await traceMainThread(tally.context, page.page, tally.extensionId);
    const started = Date.now();

    await page.page.evaluate((ms) => (window as unknown as ChurnWindow).startChurn(ms), CHURN_MS);
    const answerTimes: number[] = [];
    const seen = new Set<string>();
    while (!(await page.page.evaluate(() => (window as unknown as ChurnWindow).churn.done))) {
      const asked = Date.now();
      seen.add(JSON.stringify(await page.highlightedTexts()));
      answerTimes.push(Date.now() - asked);
      await page.page.waitForTimeout(200);
    }
    const churnMs = Date.now() - started;
    const report = await trace.stop();
    const churn = await page.page.evaluate(() => (window as unknown as ChurnWindow).churn);

    // The page did change about a thousand times a second, and its own timer kept running.
    expect(churn.changes).toBeGreaterThan(CHURN_MS * 0.9);
    expect(churn.ticks).toBeGreaterThan(CHURN_MS / 16 / 2);
    expect(churn.maxGap).toBeLessThan(150);
    expect(Math.max(...answerTimes)).toBeLessThan(500);
    // Tally kept checking while the page changed (the ticker's findings came and went)…
    expect(seen.size).toBeGreaterThan(1);
    // …at a small share of the main thread, in short tasks.
    expect(report.extensionCpuMs).toBeLessThan(churnMs * 0.1);
    const slices = report.extensionTasks.filter((task) => !task.scriptEvaluation);
    expect(slices[0]?.cpuMs ?? 0, JSON.stringify(slices[0])).toBeLessThan(50);
    // And once the page is at rest, the highlights are those of its final text.
    await expect.poll(() => page.highlightedTexts(), { timeout: 5_000 }).toEqual(expected);
    await page.page.close();
  });
});
