import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Settings } from '../settings/storage';
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
  const matching = useMemo(() => {
    const sites = settings?.disabledSites ?? [];
    const wanted = query.trim().toLowerCase();
    return wanted === '' ? sites : sites.filter((site) => site.includes(wanted));
  }, [settings, query]);

  useEffect(() => {
    void api.getSettings().then(setSettings);
    return api.watchSettings(setSettings);
  }, [api]);

  if (settings === null) return null;
  return (
    <main class="tally page">
      <h1 class="page__title">Tally settings</h1>
      <section class="panel">
        <SiteSwitch site="every site" on={settings.enabled} onChange={(on) => void api.setEnabled(on)} />
        <p class="panel__note">
          When this is off, Tally reads no page at all. It never sends what you read anywhere either way.
        </p>
      </section>
      <section class="panel" aria-labelledby="disabled-sites">
        <h2 id="disabled-sites" class="panel__title">
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
          <ul class="sites">
            {matching.slice(0, SHOWN_SITES).map((site) => (
              <li key={site} class="sites__item">
                <span class="sites__name">{site}</span>
                <button
                  type="button"
                  class="show-button"
                  aria-label={`Turn Tally back on for ${site}`}
                  onClick={() => void api.setSiteEnabled(site, true)}
                >
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
        {matching.length > SHOWN_SITES && (
          <p class="panel__note" role="status">
            {(matching.length - SHOWN_SITES).toLocaleString('en')} more {query.trim() === '' ? 'sites' : 'matching sites'}: search
            to find one.
          </p>
        )}
      </section>
    </main>
  );
}
