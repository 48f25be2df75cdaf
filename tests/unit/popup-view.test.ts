import { describe, expect, it } from 'vitest';
import type { PageState } from '../../src/messages';
import type { Settings } from '../../src/settings/storage';
import { popupView, type PopupTab } from '../../src/ui/popup-view';

const on: Settings = { enabled: true, disabledSites: [] };
const tab: PopupTab = { id: 1, loading: false };
const url = 'https://news.example.com/story';
const page = (status: PageState['status'], findings = 0): PageState => ({
  url,
  status,
  findings: Array.from({ length: findings }, (_, i) => ({
    id: `f${i}`,
    verdict: 'corroborated',
    sentence: '',
    figure: '1',
    sourceFigure: '1',
    reason: '',
    quote: '',
    claimId: 'c',
    source: { file: 'f', title: 't', publisher: '', date: '' },
  })),
  corroborated: findings,
  conflicting: 0,
});

describe('popupView', () => {
  it.each([
    ['settings not read yet', tab, page('done'), null, 'loading'],
    ['no tab', null, null, on, 'unsupported'],
    ['a browser page (no URL, no content script)', tab, null, on, 'unsupported'],
    ['a tab still loading', { ...tab, loading: true }, null, on, 'loading'],
    ['a web store page', { ...tab, url: 'https://chromewebstore.google.com/x' }, null, on, 'unsupported'],
    ['a PDF the content script saw', tab, page('unsupported'), on, 'unsupported'],
    ['a page opened before install', { ...tab, url }, null, on, 'reload'],
    ['a check under way', tab, page('checking'), on, 'checking'],
    ['a check under way with findings so far', tab, page('checking', 2), on, 'findings'],
    ['a check that could not finish', tab, page('failed', 1), on, 'failed'],
    ['a site just switched back on', tab, page('off'), on, 'checking'],
    ['a page with no findings', tab, page('done'), on, 'empty'],
    ['a page with findings', tab, page('done', 2), on, 'findings'],
    ['a disabled site', tab, page('done', 2), { enabled: true, disabledSites: ['news.example.com'] }, 'site-disabled'],
    ['Tally off everywhere', tab, page('done', 2), { enabled: false, disabledSites: [] }, 'globally-disabled'],
  ] as [string, PopupTab | null, PageState | null, Settings | null, string][])('shows %s as %s', (_, tab, page, settings, kind) => {
    expect(popupView(tab, page, settings).kind).toBe(kind);
  });

  it('lists the findings found so far while the check goes on, and says it does', () => {
    expect(popupView(tab, page('checking', 2), on)).toMatchObject({ kind: 'findings', checking: true });
    expect(popupView(tab, page('done', 2), on)).not.toHaveProperty('checking');
  });

  it('names the site without www', () => {
    expect(popupView({ id: 1, url: 'https://www.example.com/', loading: false }, null, on)).toEqual({
      kind: 'reload',
      site: 'example.com',
    });
  });
});
