import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Settings } from '../settings/storage';
import { formatCount } from './format-count';
import { notSavedMessage } from './not-saved';
import { SiteSwitch } from './SiteSwitch';

/** What the options page needs; the settings module provides it, tests a fake. */
export interface OptionsApi {
  getSettings(): Promise<Settings>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  setEnabled(enabled: boolean): Promise<void>;
  setSiteEnabled(site: string, enabled: boolean): Promise<void>;
}

/**
 * The most sites the list shows at once. Nobody switches off thousands of sites by hand, but a
 * store filled by something else can hold 100,000: the page then offers a search instead of
 * rendering them all (which takes the browser seconds).
 */
export const SHOWN_SITES = 200;

/** The options page: the global switch and the sites Tally is turned off for. */
export function OptionsPage({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [query, setQuery] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const save = (change: Promise<void>) => {
    setSaveError(null);
    change.catch((error: unknown) => setSaveError(notSavedMessage(error)));
  };
  const matching = useMemo(() => {
    const sites = settings?.disabledSites ?? [];
    // Sites are stored without "www.", as the switch names them.
    const wanted = query.trim().toLowerCase().replace(/^www\./, '');
    return wanted === '' ? sites : sites.filter((site) => site.includes(wanted));
  }, [settings, query]);

  // A site turned back on leaves the list: keyboard focus goes to the row that takes its place
  // (or the one before it, or the heading), not back to the top of the page.
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<{ gone: string; next: string[] } | null>(null);
  useEffect(() => {
    const pending = focusAfter.current;
    if (!pending) return;
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-site]') ?? [])];
    if (buttons.some((button) => button.dataset.site === pending.gone)) return;
    focusAfter.current = null;
    const next = pending.next.map((site) => buttons.find((button) => button.dataset.site === site)).find(Boolean);
    (next ?? heading.current)?.focus();
  }, [matching]);
  const turnBackOn = (site: string, shown: string[]) => {
    const at = shown.indexOf(site);
    focusAfter.current = { gone: site, next: [shown[at + 1], shown[at - 1]].filter((s): s is string => s !== undefined) };
    save(
      api.setSiteEnabled(site, true).catch((error: unknown) => {
        focusAfter.current = null;
        throw error;
      }),
    );
  };

  useEffect(() => {
    void api.getSettings().then(setSettings);
    return api.watchSettings(setSettings);
  }, [api]);

  if (settings === null) return null;
  return (
    <main class="tally page">
      <h1 class="page__title">Tally settings</h1>
      {saveError !== null && (
        <p class="page__error" role="alert">
          {saveError}
        </p>
      )}
      <section class="panel">
        <SiteSwitch site="every site" on={settings.enabled} onChange={(on) => save(api.setEnabled(on))} />
        <p class="panel__note">
          When this is off, Tally reads no page at all. It never sends what you read anywhere either way.
        </p>
      </section>
      <section class="panel" aria-labelledby="disabled-sites">
        <h2 id="disabled-sites" class="panel__title" ref={heading} tabIndex={-1}>
          Sites where Tally is off
        </h2>
        {settings.disabledSites.length > SHOWN_SITES && (
          <input
            type="search"
            class="sites__search"
            placeholder="Find a site"
            aria-label="Find a site"
            value={query}
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
        )}
        {settings.disabledSites.length === 0 ? (
          <p class="panel__note">None. Turn Tally off for a site with the switch in its popup.</p>
        ) : (
          <ul class="sites" ref={list}>
            {matching.slice(0, SHOWN_SITES).map((site, _, shown) => (
              <li key={site} class="sites__item">
                <span class="sites__name">{site}</span>
                <button
                  type="button"
                  class="show-button"
                  aria-label={`Turn Tally back on for ${site}`}
                  data-site={site}
                  onClick={() => turnBackOn(site, shown)}
                >
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
        {settings.disabledSites.length > 0 && matching.length === 0 && (
          <p class="panel__note" role="status">
            No site matches “{query.trim()}”.
          </p>
        )}
        {matching.length > SHOWN_SITES && (
          <p class="panel__note" role="status">
            {formatCount(matching.length - SHOWN_SITES)} more {query.trim() === '' ? 'sites' : 'matching sites'}: search
            to find one.
          </p>
        )}
      </section>
    </main>
  );
}
