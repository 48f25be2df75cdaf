import { browser } from 'wxt/browser';
import { siteOf } from '../settings/site-enabled';
import { getSettingsFor, type Settings } from '../settings/storage';

/**
 * The settings of the page's site, asked for as soon as the content script is evaluated: the
 * browser answers while the rest of the script is set up, where asking once it has been would
 * add that round trip to every check. Undefined where there is no page (WXT evaluates the
 * entrypoint in Node while it builds).
 */
let early: Promise<Settings> | undefined = typeof location === 'undefined' ? undefined : getSettingsFor(siteOf(location.href));

/** Whether the store changed after `early` was asked for, before the page began to watch it. */
let changed = false;
const onChanged = (_changes: unknown, area: string) => {
  if (area === 'local') changed = true;
};
if (early) browser.storage.onChanged.addListener(onChanged);

/**
 * The settings read on evaluation, for the page's first look at them; call it once the page
 * watches the settings itself. They are read again if the store changed meanwhile, and on every
 * later call.
 */
export function takeEarlySettings(site: string | null): Promise<Settings> {
  const settings = early && !changed ? early : getSettingsFor(site);
  if (early) browser.storage.onChanged.removeListener(onChanged);
  early = undefined;
  return settings;
}
