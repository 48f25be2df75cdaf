import type { Settings } from './storage';

/** Whether Tally checks a page, and if not, why not. */
export type SiteStatus = 'enabled' | 'site-disabled' | 'globally-disabled' | 'unsupported';

/**
 * Hosts whose pages browsers keep extensions out of (the extension galleries): a content script
 * never runs there, so the popup says "cannot be checked" instead of "checking…" forever.
 */
const GALLERIES: { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/**
 * The site a URL belongs to, as the per-site switch names it: the hostname in lower case without
 * a leading "www.", so example.com and www.example.com share one switch. Null for URLs that are
 * not http(s) pages.
 */
export function siteOf(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  return normalizeSite(parsed.hostname);
}

const MAX_SITE_INPUT = 1_000;

/**
 * Normalises a hostname typed or stored for the per-site list; null when it is not a hostname.
 * Accepts IPv4, bracketed IPv6 and internationalised names in their punycode form.
 */
export function normalizeSite(host: string): string | null {
  // Longer than any hostname with room for spaces around it: a corrupt store's 5 MB string is
  // not worth lower-casing.
  if (host.length > MAX_SITE_INPUT) return null;
  const site = host.trim().toLowerCase().replace(/^www\./, '');
  if (site.length === 0 || site.length > 253) return null;
  if (/^\[[0-9a-f:.]+\]$/.test(site)) return site;
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/.test(site) ? site : null;
}

/**
 * Whether the page at `url` is one Tally can read at all: http(s) pages, except the extension
 * galleries and PDF documents (the browser renders those in its own viewer).
 */
export function canCheckUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return false;
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname.toLowerCase();
  if (GALLERIES.some((g) => g.host === host && (!g.path || path.startsWith(g.path)))) return false;
  return !path.endsWith('.pdf');
}

/** Why Tally does or does not check the page at `url` under `settings`. */
export function siteStatus(url: string, settings: Settings): SiteStatus {
  if (!canCheckUrl(url)) return 'unsupported';
  if (!settings.enabled) return 'globally-disabled';
  const site = siteOf(url);
  return site !== null && settings.disabledSites.includes(site) ? 'site-disabled' : 'enabled';
}

/**
 * True when Tally should check the page at `url`: a checkable page, Tally switched on, and the
 * page's site not in the disabled list.
 *
 * @example
 * isSiteEnabled('https://www.example.com/a', { enabled: true, disabledSites: ['example.com'] }); // false
 */
export function isSiteEnabled(url: string, settings: Settings): boolean {
  return siteStatus(url, settings) === 'enabled';
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
