import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageState } from '../messages';
import type { Settings } from '../settings/storage';
import { FindingList } from './FindingList';
import { notSavedMessage } from './not-saved';
import type { PopupApi } from './popup-api';
import { popupView, type PopupTab, type PopupView } from './popup-view';
import { SiteSwitch } from './SiteSwitch';
import { StatusMessage } from './StatusMessage';

interface PopupProps {
  api: PopupApi;
  /** From `?tabId=N`: the tab to show instead of the active one (tests open the popup as a page). */
  tabId: number | null;
}

/** How often the popup looks at a tab that is still loading. */
const TAB_LOADING_POLL_MS = 500;

/** The toolbar popup: the page's site with its switch, then the findings or the page's state. */
export function Popup({ api, tabId }: PopupProps) {
  const [tab, setTab] = useState<PopupTab | null | undefined>(undefined);
  const [page, setPage] = useState<PageState | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    void api.getSettings().then(setSettings);
    return api.watchSettings(setSettings);
  }, [api]);

  useEffect(() => {
    let stop = () => {};
    void api.findTab(tabId).then(async (found) => {
      setTab(found);
      if (!found) return;
      stop = api.onPageState(found.id, setPage);
      const state = await api.getPageState(found.id);
      // A report heard meanwhile is newer than this answer.
      if (state) setPage((current) => current ?? state);
    });
    return () => stop();
  }, [api, tabId]);

  // A tab still loading may get no content script at all (a browser page, a PDF): the popup looks
  // again until it has loaded, rather than wait for a report that never comes.
  useEffect(() => {
    if (!tab?.loading) return;
    const timer = setTimeout(async () => {
      const found = await api.findTab(tab.id);
      if (!found) return;
      // Loaded: its content script may have started since the popup last asked.
      if (!found.loading) {
        const state = await api.getPageState(found.id);
        if (state) setPage((current) => current ?? state);
      }
      setTab(found);
    }, TAB_LOADING_POLL_MS);
    return () => clearTimeout(timer);
  }, [api, tab]);

  const view: PopupView = tab === undefined ? { kind: 'loading' } : popupView(tab, page, settings);
  const site = 'site' in view ? view.site : null;
  const siteOn = view.kind !== 'site-disabled' && view.kind !== 'globally-disabled';

  // The switch shows what the user asked for at once: the stored settings catch up later (seconds,
  // when the switch first moves an earlier version's long list of sites to per-site keys), and a
  // second click meanwhile must undo the first.
  const [wanted, setWanted] = useState<{ on: boolean; id: number; saved: boolean } | null>(null);
  const switches = useRef(0);
  useEffect(() => {
    if (wanted?.saved && wanted.on === siteOn) setWanted(null);
  }, [wanted, siteOn]);
  // A switch that could not be saved (storage full, a damaged profile) flips back and says why.
  const [saveError, setSaveError] = useState<string | null>(null);
  const switchSite = (name: string, on: boolean) => {
    const id = ++switches.current;
    setWanted({ on, id, saved: false });
    setSaveError(null);
    api.setSiteEnabled(name, on).then(
      () => setWanted((current) => (current?.id === id ? { ...current, saved: true } : current)),
      (error: unknown) => {
        setWanted((current) => (current?.id === id ? null : current));
        setSaveError(notSavedMessage(error));
      },
    );
  };
  // "Turn Tally on" goes away once Tally is on: keyboard focus moves to the site's switch.
  const header = useRef<HTMLElement>(null);
  const focusSwitch = useRef(false);
  useEffect(() => {
    if (!focusSwitch.current || view.kind === 'globally-disabled' || view.kind === 'loading') return;
    focusSwitch.current = false;
    header.current?.querySelector<HTMLElement>('[role="switch"]')?.focus();
  }, [view.kind]);
  const turnOn = () => {
    focusSwitch.current = true;
    setSaveError(null);
    api.setEnabled(true).catch((error: unknown) => {
      focusSwitch.current = false;
      setSaveError(notSavedMessage(error));
    });
  };

  return (
    <div class="tally popup">
      <header class="popup__header" ref={header}>
        <div class="popup__brand">
          <img class="popup__logo" src="/icon/icon.svg" alt="" width="20" height="20" />
          <h1 class="popup__title">Tally</h1>
          <button type="button" class="popup__options" onClick={() => void api.openOptions()}>
            Settings
          </button>
        </div>
        {site !== null && (
          <SiteSwitch
            site={site}
            on={wanted?.on ?? siteOn}
            disabled={view.kind === 'globally-disabled'}
            onChange={(on) => switchSite(site, on)}
          />
        )}
        {saveError !== null && (
          <p class="popup__error" role="alert">
            {saveError}
          </p>
        )}
      </header>
      <main class="popup__body">
        <Body view={view} api={api} tabId={tab?.id ?? null} turnOn={turnOn} />
      </main>
    </div>
  );
}

function Body({ view, api, tabId, turnOn }: { view: PopupView; api: PopupApi; tabId: number | null; turnOn: () => void }) {
  const reload = tabId === null ? undefined : { label: 'Reload page', onClick: () => void api.reloadTab(tabId) };
  switch (view.kind) {
    case 'loading':
      return <StatusMessage title="Loading…" busy />;
    case 'checking':
      return (
        <StatusMessage title="Checking the figures on this page…" busy>
          Tally compares them with its reference documents.
        </StatusMessage>
      );
    case 'empty':
      return (
        <StatusMessage title="No figures from the reference documents on this page.">
          Tally only speaks up when a figure here restates one in its bundled reference documents.
        </StatusMessage>
      );
    case 'site-disabled':
      return (
        <StatusMessage title={`Tally is off on ${view.site}.`}>
          Turn on the switch above to check the figures on this site again.
        </StatusMessage>
      );
    case 'globally-disabled':
      return (
        <StatusMessage
          title="Tally is turned off."
          action={{ label: 'Turn Tally on', onClick: turnOn }}
        >
          It checks no page until you turn it back on.
        </StatusMessage>
      );
    case 'reload':
      return (
        <StatusMessage
          title="Reload to check this page."
          action={reload}
        >
          This page was opened before Tally was ready.
        </StatusMessage>
      );
    case 'failed':
      return (
        <StatusMessage
          title="Tally could not finish checking this page."
          action={reload}
        >
          Reload the page to check it again.
        </StatusMessage>
      );
    case 'unsupported':
      return (
        <StatusMessage title="This page cannot be checked.">
          Tally reads web pages. Browser pages, extension stores and PDF files are out of its reach.
        </StatusMessage>
      );
    case 'findings':
      return (
        <FindingList
          findings={view.findings}
          counts={view.counts}
          checking={view.checking === true}
          sourceHref={api.sourceHref}
          onReveal={(finding) => {
            if (tabId !== null) void api.revealFinding(tabId, finding.id);
          }}
        />
      );
  }
}
