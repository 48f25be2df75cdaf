import { storage } from 'wxt/utils/storage';
import { normalizeSite } from './site-enabled';

/** Everything the user can set. */
export interface Settings {
  /** The global switch: false turns Tally off on every site. */
  enabled: boolean;
  /** Sites (see `siteOf`) where the user turned Tally off, sorted, without duplicates. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ enabled: true, disabledSites: [] });

/**
 * Every stored setting, declared once: its storage key and how to read whatever is stored there.
 * Items are typed `unknown` on purpose: storage is shared with every past version of the
 * extension and with anyone poking at it from devtools, so values are parsed, never trusted.
 */
const items = {
  enabled: storage.defineItem<unknown>('local:enabled'),
  disabledSites: storage.defineItem<unknown>('local:disabledSites'),
};

/**
 * Turns whatever is stored into valid settings: a value of the wrong type falls back to its
 * default, and a list keeps every valid entry while dropping the rest.
 */
export function parseSettings(raw: { [K in keyof Settings]?: unknown }): Settings {
  return {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: parseSiteList(raw.disabledSites),
  };
}

/**
 * Reads the settings; never throws. A corrupt value falls back to its default, and so does a
 * store that cannot be read at all (a damaged profile): Tally then runs with its defaults.
 */
export async function getSettings(): Promise<Settings> {
  try {
    const [enabled, disabledSites] = await Promise.all([items.enabled.getValue(), items.disabledSites.getValue()]);
    return parseSettings({ enabled, disabledSites });
  } catch (error) {
    console.error('[tally] cannot read the settings', error);
    return { ...DEFAULT_SETTINGS, disabledSites: [] };
  }
}

/**
 * Calls `onChange` with the whole, parsed settings whenever any of them changes (in any
 * context: the popup's switch reaches every open tab this way). Returns the unwatch function.
 */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const reread = () => void getSettings().then(onChange);
  const unwatchers = Object.values(items).map((item) => item.watch(reread));
  return () => unwatchers.forEach((unwatch) => unwatch());
}

/** Turns Tally on or off everywhere. */
export async function setEnabled(enabled: boolean): Promise<void> {
  await items.enabled.setValue(enabled);
}

/**
 * The last site switch of this context: each reads the list the one before wrote, so that two
 * quick switches (off, then on again; two sites at once) both count. A long list takes seconds
 * to read and write back.
 */
let siteSwitches: Promise<unknown> = Promise.resolve();

/**
 * The lock a site switch holds while it reads and rewrites the list. Web Locks are shared by
 * origin, so the popup, the options page and the background all queue on it: without it, a switch
 * in the popup and one in the options page could both read the old list, and the second write
 * would undo the first.
 */
export const SITE_LIST_LOCK = 'tally-disabled-sites';

/** The part of the Web Locks API a switch uses. */
interface SiteListLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** Turns Tally on or off for one site (a hostname; see `siteOf`). */
export function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const key = normalizeSite(site);
  if (key === null) return Promise.resolve();
  const rewrite = async () => {
    const current = parseSiteList(await items.disabledSites.getValue());
    const next = enabled ? current.filter((s) => s !== key) : [...current, key];
    await items.disabledSites.setValue(parseSiteList(next));
  };
  // A browser without Web Locks (none that runs Tally lacks them) still orders this context's switches.
  const locks = (globalThis.navigator as { locks?: SiteListLocks } | undefined)?.locks;
  const done = siteSwitches.then(() => (locks ? locks.request(SITE_LIST_LOCK, rewrite) : rewrite()));
  siteSwitches = done.catch(() => undefined);
  return done;
}

/**
 * Reads the disabled-site list: an array of hostnames, or (as a hand-edited store might hold)
 * an object whose keys are hostnames set to true.
 */
function parseSiteList(value: unknown): string[] {
  let entries: unknown[] = [];
  if (Array.isArray(value)) entries = value;
  else if (value !== null && typeof value === 'object') {
    entries = Object.entries(value).flatMap(([site, off]) => (off === true ? [site] : []));
  }
  const sites = new Set<string>();
  for (const entry of entries) {
    const site = typeof entry === 'string' ? normalizeSite(entry) : null;
    if (site !== null) sites.add(site);
  }
  return [...sites].sort();
}
