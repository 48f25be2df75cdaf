import { browser } from 'wxt/browser';
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
 * The stored settings, in `storage.local`: the global switch under ENABLED_KEY, and one key per
 * site turned off (`off:example.com` set to true). A site has a key of its own so that a switch
 * writes that key alone, and a page reads and hears about its own site only, however many sites
 * the user turned off.
 *
 * Storage is shared with every past version of the extension and with anyone poking at it from
 * devtools, so values are parsed, never trusted: a value of the wrong type falls back to its
 * default, and keys Tally does not know are left alone.
 */
const ENABLED_KEY = 'enabled';
const SITE_KEY_PREFIX = 'off:';
/**
 * Where earlier versions kept every disabled site, in one list. It is still read, and moved to
 * per-site keys by the next switch or start of the background (see `moveSiteList`).
 */
const SITE_LIST_KEY = 'disabledSites';

/** The key that turns Tally off for `site` (a normalised site; see `normalizeSite`). */
export function siteKey(site: string): string {
  return SITE_KEY_PREFIX + site;
}

/** The site a stored key turns off, or null for any other key (or one naming no site as Tally writes it). */
function siteOfKey(key: string): string | null {
  if (!key.startsWith(SITE_KEY_PREFIX)) return null;
  const site = key.slice(SITE_KEY_PREFIX.length);
  return normalizeSite(site) === site ? site : null;
}

function parseEnabled(value: unknown): boolean {
  return typeof value === 'boolean' ? value : DEFAULT_SETTINGS.enabled;
}

/**
 * Turns whatever is stored (all of `storage.local`, or part of it) into valid settings: a switch of
 * the wrong type falls back to its default, and every valid site is kept while the rest is dropped.
 */
export function parseSettings(raw: Record<string, unknown>): Settings {
  const sites = new Set(parseSiteList(raw[SITE_LIST_KEY]));
  for (const key of Object.keys(raw)) {
    const site = raw[key] === true ? siteOfKey(key) : null;
    if (site !== null) sites.add(site);
  }
  return { enabled: parseEnabled(raw[ENABLED_KEY]), disabledSites: [...sites].sort() };
}

/**
 * Reads all the settings (the options page lists every site); never throws. A corrupt value falls
 * back to its default, and so does a store that cannot be read at all (a damaged profile): Tally
 * then runs with its defaults.
 */
export function getSettings(): Promise<Settings> {
  return readOrDefault(async () => parseSettings(await browser.storage.local.get(null)));
}

/** The settings `read` gives, or the defaults when the store cannot be read. */
async function readOrDefault(read: () => Promise<Settings>): Promise<Settings> {
  try {
    return await read();
  } catch (error) {
    console.error('[tally] cannot read the settings', error);
    return { ...DEFAULT_SETTINGS, disabledSites: [] };
  }
}

/**
 * Reads the settings that decide one site (a page's content script needs no other): the global
 * switch, and `disabledSites` holding the site alone when it is off. Never throws, as `getSettings`.
 */
export function getSettingsFor(site: string | null): Promise<Settings> {
  return readOrDefault(async () => {
    const keys = site === null ? [ENABLED_KEY, SITE_LIST_KEY] : [ENABLED_KEY, SITE_LIST_KEY, siteKey(site)];
    const raw = await browser.storage.local.get(keys);
    const off = site !== null && (raw[siteKey(site)] === true || parseSiteList(raw[SITE_LIST_KEY]).includes(site));
    return { enabled: parseEnabled(raw[ENABLED_KEY]), disabledSites: off ? [site] : [] };
  });
}

type StorageChanges = Record<string, unknown>;

/** Calls `onChange` whenever a change in `storage.local` passes `concerns`. Returns the unwatch function. */
function onStoreChange(concerns: (changes: StorageChanges) => boolean, onChange: () => void): () => void {
  const listener = (changes: StorageChanges, area: string) => {
    if (area === 'local' && concerns(changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Calls `read` whenever a change in `storage.local` passes `concerns`, and hands `onChange` what it
 * read; an answer older than one already given is dropped. Returns the unwatch function.
 */
function watchStore(
  concerns: (changes: StorageChanges) => boolean,
  read: () => Promise<Settings>,
  onChange: (settings: Settings) => void,
): () => void {
  let asked = 0;
  let answered = 0;
  return onStoreChange(concerns, () => {
    const ask = ++asked;
    void read().then((settings) => {
      if (ask < answered) return;
      answered = ask;
      onChange(settings);
    });
  });
}

function concernsAnySite(changes: StorageChanges): boolean {
  return ENABLED_KEY in changes || SITE_LIST_KEY in changes || Object.keys(changes).some((key) => key.startsWith(SITE_KEY_PREFIX));
}

/**
 * Calls `onChange` with all the settings, parsed, whenever any of them changes (in any context).
 * Returns the unwatch function.
 */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return watchStore(concernsAnySite, getSettings, onChange);
}

/**
 * Calls `onChange` with the settings of one site (see `getSettingsFor`) whenever they change: the
 * switches of other sites are not heard at all, so no open tab pays for them.
 */
export function watchSettingsFor(site: string | null, onChange: (settings: Settings) => void): () => void {
  const concerns = (changes: StorageChanges) =>
    ENABLED_KEY in changes || SITE_LIST_KEY in changes || (site !== null && siteKey(site) in changes);
  return watchStore(concerns, () => getSettingsFor(site), onChange);
}

/** Calls `onChange` whenever any setting changes, without reading them. Returns the unwatch function. */
export function onSettingsChanged(onChange: () => void): () => void {
  return onStoreChange(concernsAnySite, onChange);
}

/** Turns Tally on or off everywhere. */
export async function setEnabled(enabled: boolean): Promise<void> {
  await browser.storage.local.set({ [ENABLED_KEY]: enabled });
}

/**
 * The last site switch of this context: each runs after the one before, so that two quick switches
 * (off, then on again) end as the second one says.
 */
let siteSwitches: Promise<unknown> = Promise.resolve();

/**
 * The lock a site switch holds while it writes. Web Locks are shared by origin, so the popup, the
 * options page and the background all queue on it: a switch that moves the old list to per-site
 * keys (see `moveSiteList`) must not overwrite a switch made meanwhile in another page.
 */
export const SITE_LIST_LOCK = 'tally-disabled-sites';

/** The part of the Web Locks API a switch uses. */
interface SiteListLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** Runs `write` after this context's switches before it, and alone among the extension's contexts. */
function exclusively(write: () => Promise<void>): Promise<void> {
  // A browser without Web Locks (none that runs Tally lacks them) still orders this context's switches.
  const locks = (globalThis.navigator as { locks?: SiteListLocks } | undefined)?.locks;
  const done = siteSwitches.then(() => (locks ? locks.request(SITE_LIST_LOCK, write) : write()));
  siteSwitches = done.catch(() => undefined);
  return done;
}

/**
 * Moves a list kept by an earlier version to per-site keys: every valid site gets its key, then
 * the list goes (so a reader in between sees each site off in one place or both).
 */
async function moveSiteList(): Promise<void> {
  const { [SITE_LIST_KEY]: list } = await browser.storage.local.get(SITE_LIST_KEY);
  if (list === undefined) return;
  const sites = parseSiteList(list);
  if (sites.length > 0) await browser.storage.local.set(Object.fromEntries(sites.map((site) => [siteKey(site), true])));
  await browser.storage.local.remove(SITE_LIST_KEY);
}

/** Moves the disabled-site list of an earlier version to per-site keys; the background does so when it starts. */
export function migrateSettings(): Promise<void> {
  return exclusively(moveSiteList);
}

/** Turns Tally on or off for one site (a hostname; see `siteOf`). */
export function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const key = normalizeSite(site);
  if (key === null) return Promise.resolve();
  return exclusively(async () => {
    await moveSiteList();
    if (enabled) await browser.storage.local.remove(siteKey(key));
    else await browser.storage.local.set({ [siteKey(key)]: true });
  });
}

/**
 * Reads the disabled-site list of an earlier version: an array of hostnames, or (as a hand-edited
 * store might hold) an object whose keys are hostnames set to true.
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
