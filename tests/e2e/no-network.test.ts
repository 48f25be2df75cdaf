import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchTally, startSite, tabIdOf, type Site, type Tally } from './fixtures';
import { ArticlePage } from './pages/article';
import { PopupPage } from './pages/popup';

/** One network request as the browser's net log records it when it starts. */
interface LoggedRequest {
  url: string;
  /** The origin that asked for it, or "not an origin" for the browser's own requests. */
  initiator: string;
  /** Which site's cache and connections it uses: the extension's requests carry its origin here. */
  isolationKey: string;
}

/** The requests of a Chromium net log (`--log-net-log`). */
function loggedRequests(file: string): LoggedRequest[] {
  const log = JSON.parse(readFileSync(file, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string; network_isolation_key?: string } }[];
  };
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((event) => event.type === startJob && event.params?.url !== undefined)
    .map(({ params }) => ({
      url: params?.url as string,
      initiator: params?.initiator ?? '',
      isolationKey: params?.network_isolation_key ?? '',
    }));
}

describe.skipIf(!chromiumPath)('network', () => {
  let site: Site;
  let tally: Tally;
  let dir: string;
  let netLog: string;
  /** Every request Playwright saw: pages (the extension's included) and the service worker. */
  const seen: { url: string; from: string }[] = [];

  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(join(tmpdir(), 'tally-netlog-'));
    netLog = join(dir, 'netlog.json');
    tally = await launchTally({ args: [`--log-net-log=${netLog}`] });
    tally.context.on('request', (request) => {
      // A navigation may start before its frame exists; the URLs are what the test judges.
      const from = request.serviceWorker()?.url() ?? (request.isNavigationRequest() ? 'navigation' : request.frame().url());
      seen.push({ url: request.url(), from });
    });
  });

  afterAll(async () => {
    await tally?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes no request while it checks a page and shows its popup, card, source and options pages', async () => {
    const article = new ArticlePage(await tally.context.newPage());
    await article.goto(`${site.origin}/article.html`);
    await article.waitForHighlights();
    await article.hoverText('#p-patents', '178');
    await expect.poll(() => article.card().isVisible()).toBe(true);
    const popup = await PopupPage.open(tally, await tabIdOf(tally, article.page));
    await expect.poll(() => popup.findings().count()).toBeGreaterThan(0);
    const [source] = await Promise.all([
      tally.context.waitForEvent('page'),
      popup.findings().first().getByRole('link', { name: 'Read the source' }).click(),
    ]);
    await source.locator('mark').waitFor();
    const options = await tally.context.newPage();
    await options.goto(`chrome-extension://${tally.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Tally settings' }).waitFor();
    // Give anything deferred (a timer, an idle callback) the time to ask.
    await article.page.waitForTimeout(1_000);
    await tally.close(); // writes the net log out

    const extension = `chrome-extension://${tally.extensionId}`;
    // Playwright's view: the extension loads its own files and nothing else; pages load the site.
    const fromExtension = seen.filter((r) => r.from.startsWith(extension));
    expect(fromExtension.length).toBeGreaterThan(0);
    expect(fromExtension.filter((r) => !r.url.startsWith(`${extension}/`))).toEqual([]);
    expect(seen.filter((r) => !r.url.startsWith(`${extension}/`) && !r.url.startsWith(`${site.origin}/`))).toEqual([]);

    // The browser's view, service worker and content script included: no request on the
    // extension's behalf, and the page (with Tally's content script in it) asks only its own site.
    const requests = loggedRequests(netLog);
    expect(requests.some((r) => r.url === `${site.origin}/article.html`)).toBe(true);
    expect(requests.filter((r) => r.initiator.includes(extension) || r.isolationKey.includes(extension))).toEqual([]);
    expect(requests.filter((r) => r.initiator === site.origin && !r.url.startsWith(`${site.origin}/`))).toEqual([]);
    // What is left is the browser's own business (sign-in, updates: `initiator` "not an origin").
    expect(requests.filter((r) => !r.url.startsWith(`${site.origin}/`) && r.initiator !== 'not an origin')).toEqual([]);
  });
});
