// @vitest-environment happy-dom
import { useRenderRoot } from './render-root';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { PageState, ReportedFinding } from '../../src/messages';
import type { Settings } from '../../src/settings/storage';
import { OptionsPage, type OptionsApi } from '../../src/ui/OptionsPage';
import { Popup } from '../../src/ui/Popup';
import type { PopupApi } from '../../src/ui/popup-api';
import type { PopupTab } from '../../src/ui/popup-view';
import { SourcePage } from '../../src/ui/SourcePage';

const source = { file: '002.txt', title: 'China’s Biopharma Revolution', publisher: 'Pharma Daily', date: '2026-02-10' };

function finding(overrides: Partial<ReportedFinding>): ReportedFinding {
  return {
    id: 'f1',
    verdict: 'corroborated',
    sentence: "China's pharmaceutical sales reached $112.8 billion in 2024.",
    figure: '$112.8 billion',
    sourceFigure: '$112.8 billion',
    reason: 'Page says $112.8 billion (2024); the source says $112.8 billion (2024).',
    quote: 'with sales reaching $112.8 billion in 2024.',
    claimId: '002-aaaa',
    source,
    ...overrides,
  };
}

const conflict = finding({
  id: 'f2',
  verdict: 'conflicting',
  figure: '178',
  sourceFigure: '187',
  reason: 'Page says 178, but the source says 187 (2024).',
  quote: 'significantly more than the 187 granted in the United States.',
  claimId: '002-bbbb',
});

/** A PopupApi over fixed answers, with spies on what the popup asks to change. */
function fakeApi(options: { tab?: PopupTab | null; page?: PageState | null; settings?: Settings } = {}) {
  return {
    findTab: vi.fn(async () => (options.tab === undefined ? { id: 3, loading: false } : options.tab)),
    getPageState: vi.fn(async () => options.page ?? null),
    onPageState: vi.fn(() => () => {}),
    getSettings: vi.fn(async () => options.settings ?? { enabled: true, disabledSites: [] }),
    watchSettings: vi.fn((_listener: (settings: Settings) => void) => () => {}),
    setSiteEnabled: vi.fn(async () => {}),
    setEnabled: vi.fn(async () => {}),
    revealFinding: vi.fn(async () => true),
    reloadTab: vi.fn(async () => {}),
    openOptions: vi.fn(async () => {}),
    sourceHref: (claimId: string) => `chrome-extension://id/source.html?claim=${claimId}`,
  } satisfies PopupApi;
}

/** A page's state listing `findings`, which are `unlisted` fewer than the page has. */
const page = (findings: ReportedFinding[], status: PageState['status'] = 'done', unlisted = 0): PageState => ({
  url: 'https://www.example.com/story',
  status,
  findings,
  corroborated: findings.filter((f) => f.verdict === 'corroborated').length + unlisted,
  conflicting: findings.filter((f) => f.verdict === 'conflicting').length,
});


const view = useRenderRoot();
const show = (vnode: preact.VNode) => view.show(vnode);

function click(element: Element | null): Promise<void> {
  return act(() => {
    (element as HTMLElement).click();
  });
}


describe('Popup', () => {
  it('lists the findings with both figures, the reason, the quote and the source', async () => {
    await show(<Popup api={fakeApi({ page: page([conflict, finding({})]) })} tabId={3} />);

    const items = [...view.root.querySelectorAll('.finding-item')];
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Conflicts with the source');
    expect(items[0]?.textContent).toContain('178');
    expect(items[0]?.textContent).toContain('187');
    expect(items[0]?.textContent).toContain('Page says 178, but the source says 187 (2024).');
    expect(items[0]?.textContent).toContain('187 granted in the United States');
    expect(items[0]?.textContent).toContain('China’s Biopharma Revolution');
    expect(items[0]?.textContent).toContain('Pharma Daily · 10 Feb 2026');
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('chrome-extension://id/source.html?claim=002-bbbb');
    expect(view.root.querySelector('.summary')?.textContent).toBe('1 figure conflicts, 1 figure matches with the reference documents.');
  });

  it('asks the page to show a finding when it is clicked', async () => {
    const api = fakeApi({ page: page([conflict]) });
    await show(<Popup api={api} tabId={3} />);

    await click(view.root.querySelector('button[aria-label="Show 178 on the page"]'));
    await click(view.root.querySelector('.tally-reason'));

    expect(api.revealFinding).toHaveBeenCalledTimes(2);
    expect(api.revealFinding).toHaveBeenCalledWith(3, 'f2');
  });

  it('has a switch named after the site that turns the site off', async () => {
    const api = fakeApi({ page: page([conflict]) });
    await show(<Popup api={api} tabId={3} />);

    const toggle = view.root.querySelector('[role="switch"]');
    const label = document.getElementById(toggle?.getAttribute('aria-labelledby') ?? '');
    expect(label?.textContent).toBe('Check figures on example.com');
    expect(toggle?.getAttribute('aria-checked')).toBe('true');

    await click(toggle);

    expect(api.setSiteEnabled).toHaveBeenCalledWith('example.com', false);
  });

  it('shows the switch flipped at once, so that a second click before the settings change undoes the first', async () => {
    const api = fakeApi({ page: page([conflict]) });
    await show(<Popup api={api} tabId={3} />);
    const toggle = view.root.querySelector('[role="switch"]');

    await click(toggle);
    expect(toggle?.getAttribute('aria-checked')).toBe('false');
    await click(toggle);

    expect(api.setSiteEnabled).toHaveBeenNthCalledWith(1, 'example.com', false);
    expect(api.setSiteEnabled).toHaveBeenNthCalledWith(2, 'example.com', true);
    expect(toggle?.getAttribute('aria-checked')).toBe('true');
  });

  it.each([
    ['checking', { page: page([], 'checking') }, 'Checking the figures on this page…'],
    ['no findings', { page: page([]) }, 'No figures from the reference documents on this page.'],
    ['a disabled site', { page: page([]), settings: { enabled: true, disabledSites: ['example.com'] } }, 'Tally is off on example.com.'],
    ['Tally off everywhere', { page: page([]), settings: { enabled: false, disabledSites: [] } }, 'Tally is turned off.'],
    ['a browser page', { page: null }, 'This page cannot be checked.'],
    ['a page opened before install', { tab: { id: 3, url: 'https://example.com/', loading: false } }, 'Reload to check this page.'],
    ['a check that could not finish', { page: page([], 'failed') }, 'Tally could not finish checking this page.'],
  ])('says so for %s', async (_, options, text) => {
    await show(<Popup api={fakeApi(options)} tabId={3} />);

    expect(view.root.querySelector('[role="status"]')?.textContent).toContain(text);
  });

  const many = (n: number) => Array.from({ length: n }, (_, i) => finding({ id: `f${i}`, figure: `${i}%` }));
  const more = () => view.root.querySelector('.findings__more');

  it('lists 50 findings at first, with counts written out', async () => {
    await show(<Popup api={fakeApi({ page: page(many(1_234)) })} tabId={3} />);

    expect(view.root.querySelectorAll('.finding-item')).toHaveLength(50);
    expect(view.root.querySelector('.summary')?.textContent).toBe('1,234 figures match with the reference documents.');
    expect(more()?.textContent).toBe('Show 50 more of 1,184');
  });

  it('lists 50 more findings on each ask, up to the last', async () => {
    await show(<Popup api={fakeApi({ page: page(many(120)) })} tabId={3} />);
    await click(more());
    expect(view.root.querySelectorAll('.finding-item')).toHaveLength(100);
    expect(view.root.querySelectorAll('.finding-item')[99]?.getAttribute('aria-label')).toBe('99%: matches the source');
    expect(more()?.textContent).toBe('Show 20 more of 20');
    await click(more());

    expect(view.root.querySelectorAll('.finding-item')).toHaveLength(120);
    expect(more()).toBeNull();
    // The button went with the last findings: focus is on the first of them.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Show 100% on the page');
  });

  it('says how many findings the page has beyond those it lists', async () => {
    await show(<Popup api={fakeApi({ page: page(many(40), 'done', 2_960) })} tabId={3} />);

    expect(view.root.querySelectorAll('.finding-item')).toHaveLength(40);
    expect(view.root.querySelector('.summary')?.textContent).toBe('3,000 figures match with the reference documents.');
    expect(more()).toBeNull();
    expect(view.root.querySelector('.findings__unlisted')?.textContent).toBe(
      'Listed here: 40 of 3,000 figures. All of them are highlighted on the page.',
    );
  });

  it('lists the findings found so far while the page is still being checked', async () => {
    await show(<Popup api={fakeApi({ page: page([conflict], 'checking') })} tabId={3} />);

    expect(view.root.querySelectorAll('.finding-item')).toHaveLength(1);
    expect(view.root.querySelector('.summary')?.textContent).toBe(
      '1 figure conflicts with the reference documents. Still checking the rest of the page…',
    );
  });

  it('looks again at a tab that was loading, and stops waiting once it has loaded', async () => {
    const api = fakeApi({ page: null });
    api.findTab.mockResolvedValueOnce({ id: 3, loading: true });
    await show(<Popup api={api} tabId={3} />);
    expect(view.root.querySelector('[role="status"]')?.textContent).toBe('Loading…');

    await vi.waitFor(() => expect(view.root.querySelector('[role="status"]')?.textContent).toContain('This page cannot be checked.'), {
      timeout: 3_000,
    });
    expect(api.findTab).toHaveBeenCalledTimes(2);
  });

  it('flips the switch back and says why when the change cannot be saved', async () => {
    const api = fakeApi({ page: page([conflict]) });
    api.setSiteEnabled.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await show(<Popup api={api} tabId={3} />);
    const toggle = view.root.querySelector('[role="switch"]');

    await click(toggle);
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));

    expect(toggle?.getAttribute('aria-checked')).toBe('true');
    expect(view.root.querySelector('[role="alert"]')?.textContent).toBe(
      'Tally could not save this change (QUOTA_BYTES quota exceeded). Nothing was changed.',
    );
  });

  it('gives keyboard focus to the site switch once Tally is turned back on everywhere', async () => {
    let listener: ((settings: Settings) => void) | undefined;
    const api = fakeApi({ page: page([conflict]), settings: { enabled: false, disabledSites: [] } });
    api.watchSettings.mockImplementation((l: (settings: Settings) => void) => ((listener = l), () => {}));
    api.setEnabled.mockImplementation(async () => act(() => listener?.({ enabled: true, disabledSites: [] })));
    await show(<Popup api={api} tabId={3} />);

    await click(view.root.querySelector('.status .button'));

    expect(view.root.querySelectorAll('.finding-item')).toHaveLength(1);
    expect(document.activeElement).toBe(view.root.querySelector('[role="switch"]'));
  });

  it('asks the page again once its tab has loaded, rather than say it needs a reload', async () => {
    const api = fakeApi({ page: page([conflict]) });
    api.findTab.mockResolvedValueOnce({ id: 3, url: 'https://www.example.com/story', loading: true });
    api.getPageState.mockResolvedValueOnce(null);
    await show(<Popup api={api} tabId={3} />);
    expect(view.root.querySelector('[role="status"]')?.textContent).toContain('Checking the figures on this page');

    await vi.waitFor(() => expect(view.root.querySelectorAll('.finding-item')).toHaveLength(1), { timeout: 3_000 });
    expect(view.root.textContent).not.toContain('Reload');
  });

  it('shows the switch off on a disabled site, and turning it on re-enables the site', async () => {
    const api = fakeApi({ page: page([]), settings: { enabled: true, disabledSites: ['example.com'] } });
    await show(<Popup api={api} tabId={3} />);

    const toggle = view.root.querySelector('[role="switch"]');
    expect(toggle?.getAttribute('aria-checked')).toBe('false');
    await click(toggle);

    expect(api.setSiteEnabled).toHaveBeenCalledWith('example.com', true);
  });

  it('shows text that looks like markup as text', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    await show(
      <Popup
        api={fakeApi({ page: page([finding({ reason: hostile, quote: hostile, source: { ...source, title: hostile } })]) })}
        tabId={3}
      />,
    );

    expect(view.root.querySelector('img[src="x"]')).toBeNull();
    expect(view.root.querySelector('.tally-quote')?.textContent).toBe(hostile);
  });
});

describe('OptionsPage', () => {
  it('lists the disabled sites, each with a way to turn it back on, and the global switch', async () => {
    const api: OptionsApi = {
      getSettings: async () => ({ enabled: true, disabledSites: ['a.example', 'b.example'] }),
      watchSettings: () => () => {},
      setEnabled: vi.fn(async () => {}),
      setSiteEnabled: vi.fn(async () => {}),
    };
    await show(<OptionsPage api={api} />);

    expect([...view.root.querySelectorAll('.sites__name')].map((el) => el.textContent)).toEqual(['a.example', 'b.example']);
    await click(view.root.querySelector('button[aria-label="Turn Tally back on for b.example"]'));
    await click(view.root.querySelector('[role="switch"]'));

    expect(api.setSiteEnabled).toHaveBeenCalledWith('b.example', true);
    expect(api.setEnabled).toHaveBeenCalledWith(false);
  });

  /** An OptionsApi whose site switches change the list it shows, as the real settings do. */
  function liveApi(sites: string[]): OptionsApi {
    let listener: ((settings: Settings) => void) | undefined;
    let current = sites;
    return {
      getSettings: async () => ({ enabled: true, disabledSites: current }),
      watchSettings: (l) => ((listener = l), () => {}),
      setEnabled: async () => {},
      setSiteEnabled: async (site, enabled) => {
        if (enabled) current = current.filter((s) => s !== site);
        await act(() => listener?.({ enabled: true, disabledSites: current }));
      },
    };
  }

  it('says why when the global switch cannot be saved', async () => {
    const api: OptionsApi = {
      getSettings: async () => ({ enabled: true, disabledSites: [] }),
      watchSettings: () => () => {},
      setEnabled: vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))),
      setSiteEnabled: vi.fn(async () => {}),
    };
    await show(<OptionsPage api={api} />);

    await click(view.root.querySelector('[role="switch"]'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));

    expect(view.root.querySelector('[role="alert"]')?.textContent).toBe(
      'Tally could not save this change (QUOTA_BYTES quota exceeded). Nothing was changed.',
    );
    expect(view.root.querySelector('[role="switch"]')?.getAttribute('aria-checked')).toBe('true');
  });

  it('gives keyboard focus to the next site once one is turned back on, and to the heading after the last', async () => {
    await show(<OptionsPage api={liveApi(['a.example', 'b.example', 'c.example'])} />);
    const button = (site: string) => view.root.querySelector<HTMLElement>(`button[aria-label="Turn Tally back on for ${site}"]`);

    await click(button('b.example'));
    expect(document.activeElement).toBe(button('c.example'));
    await click(button('c.example'));
    expect(document.activeElement).toBe(button('a.example'));
    await click(button('a.example'));

    expect(view.root.querySelector('.sites')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Sites where Tally is off');
  });
});

describe('SourcePage', () => {
  it('shows the whole document with the quote marked', async () => {
    const text = 'Intro.\n\nIn 2024 alone, Chinese entities secured 400 granted TPD patents.\n\nOutro.';
    await show(<SourcePage document={{ source, text, quote: 'In 2024 alone, Chinese entities secured 400 granted TPD patents.' }} />);

    expect(view.root.querySelector('mark')?.textContent).toBe('In 2024 alone, Chinese entities secured 400 granted TPD patents.');
    expect(view.root.querySelector('.source-text')?.textContent).toBe(text);
  });

  it('says so when the claim is unknown', async () => {
    await show(<SourcePage document={null} />);

    expect(view.root.textContent).toContain('Source not found');
  });
});
