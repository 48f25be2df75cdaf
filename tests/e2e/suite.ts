import { afterAll, beforeAll } from 'vitest';
import { launchTally, startSite, type Site, type Tally } from './fixtures';

/**
 * For a suite that needs the fixture site and Chromium with Tally: starts both before its tests
 * (serving `pages` too), hands them to `use`, and closes both after the tests.
 */
export function withSiteAndTally(use: (site: Site, tally: Tally) => void, pages?: ReadonlyMap<string, string>): void {
  let site: Site | undefined;
  let tally: Tally | undefined;
  beforeAll(async () => {
    site = await startSite(pages);
    tally = await launchTally();
    use(site, tally);
  });
  afterAll(async () => {
    await tally?.close();
    await site?.close();
  });
}
