import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../settings/storage';
import { SiteSwitch } from './SiteSwitch';

/** What the options page needs; the settings module provides it, tests a fake. */
export interface OptionsApi {
  getSettings(): Promise<Settings>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  setEnabled(enabled: boolean): Promise<void>;
  setSiteEnabled(site: string, enabled: boolean): Promise<void>;
}

/** The options page: the global switch and the sites Tally is turned off for. */
export function OptionsPage({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | null>(null);

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
        {settings.disabledSites.length === 0 ? (
          <p class="panel__note">None. Turn Tally off for a site with the switch in its popup.</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
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
      </section>
    </main>
  );
}
