import type { PageState, ReportedFinding } from '../messages';
import { siteOf, siteStatus } from '../settings/site-enabled';
import type { Settings } from '../settings/storage';

/** The tab the popup is about, as far as the popup can tell without the `tabs` permission. */
export interface PopupTab {
  id: number;
  /** Present only when the browser lets the extension see it (a page its content script runs on). */
  url?: string;
  /** The tab is still loading: its content script may not have started yet. */
  loading: boolean;
}

/** What the popup shows. */
export type PopupView =
  | { kind: 'loading' }
  | { kind: 'unsupported' }
  | { kind: 'reload'; site: string }
  | { kind: 'globally-disabled'; site: string | null }
  | { kind: 'site-disabled'; site: string }
  | { kind: 'checking'; site: string }
  | { kind: 'failed'; site: string }
  | { kind: 'empty'; site: string }
  /**
   * `findings` lists some or all of the page's findings (see MAX_LISTED_FINDINGS); `counts` counts
   * them all. `checking`: the page is still being read; these are the findings so far.
   */
  | { kind: 'findings'; site: string; findings: ReportedFinding[]; counts: FindingCounts; checking?: true };

/** How many findings of each verdict a page has. */
export type FindingCounts = Pick<PageState, 'corroborated' | 'conflicting'>;

/**
 * Decides what the popup shows from the tab, the page's own report (null when no content script
 * answered) and the settings. The settings win over the page's report, so the switch's effect
 * shows at once, before the page has caught up.
 */
export function popupView(tab: PopupTab | null, page: PageState | null, settings: Settings | null): PopupView {
  if (settings === null) return { kind: 'loading' };
  if (tab === null) return { kind: 'unsupported' };
  const url = page?.url ?? tab.url;
  // No content script and no URL: a page the extension may not touch (chrome://, the web store…).
  if (url === undefined) return tab.loading ? { kind: 'loading' } : { kind: 'unsupported' };
  const site = siteOf(url);
  const status = siteStatus(url, settings);
  if (site === null || status === 'unsupported' || page?.status === 'unsupported') return { kind: 'unsupported' };
  if (status === 'globally-disabled') return { kind: 'globally-disabled', site };
  if (status === 'site-disabled') return { kind: 'site-disabled', site };
  if (page === null) return tab.loading ? { kind: 'checking', site } : { kind: 'reload', site };
  if (page.status === 'failed') return { kind: 'failed', site };
  const counts = { corroborated: page.corroborated, conflicting: page.conflicting };
  if (page.status !== 'done') {
    return page.findings.length > 0 ? { kind: 'findings', site, findings: page.findings, counts, checking: true } : { kind: 'checking', site };
  }
  if (page.findings.length === 0) return { kind: 'empty', site };
  return { kind: 'findings', site, findings: page.findings, counts };
}
