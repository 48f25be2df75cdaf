import { siteOf } from '../settings/site-enabled';
import { getSettingsFor, onSettingsChanged, type Settings } from '../settings/storage';

/**
 * The settings of the page's site, asked for as soon as the content script is evaluated: the
 * browser answers while the rest of the script is set up, where asking once it has been would
 * add that round trip to every check. Undefined where there is no page (WXT evaluates the
 * entrypoint in Node while it builds).
 */
let early: Promise<Settings> | undefined = typeof location === 'undefined' ? undefined : getSettingsFor(siteOf(location.href));

/** Whether a setting changed after `early` was asked for, before the page began to watch them. */
let changed = false;
const unwatch = early ? onSettingsChanged(() => (changed = true)) : undefined;

/**
 * The settings read on evaluation, for the page's first look at them; call it once the page
 * watches the settings itself. They are read again if one changed meanwhile, and on every later
 * call.
 */
export function takeEarlySettings(site: string | null): Promise<Settings> {
  const settings = early && !changed ? early : getSettingsFor(site);
  unwatch?.();
  early = undefined;
  return settings;
}
