import { describe, expect, it } from 'vitest';
import { canCheckUrl, isSiteEnabled, normalizeSite, siteOf, siteStatus } from '../../src/settings/site-enabled';
import type { Settings } from '../../src/settings/storage';

const on: Settings = { enabled: true, disabledSites: [] };
const offForExample: Settings = { enabled: true, disabledSites: ['example.com'] };
const offEverywhere: Settings = { enabled: false, disabledSites: [] };

describe('isSiteEnabled', () => {
  it.each([
    ['https://example.com/news', on, true],
    ['http://example.com/', on, true],
    ['http://127.0.0.1:8080/article.html', on, true],
    ['https://example.com/news', offForExample, false],
    ['https://www.example.com/news', offForExample, false],
    ['https://EXAMPLE.com/news', offForExample, false],
    ['https://news.example.com/', offForExample, true],
    ['https://example.org/', offForExample, true],
    ['https://example.com/', offEverywhere, false],
    ['chrome://version', on, false],
    ['chrome-extension://abc/popup.html', on, false],
    ['about:blank', on, false],
    ['file:///home/me/report.html', on, false],
    ['view-source:https://example.com/', on, false],
    ['https://chromewebstore.google.com/detail/x/abc', on, false],
    ['https://chrome.google.com/webstore/category/extensions', on, false],
    ['https://chrome.google.com/search', on, true],
    ['https://addons.mozilla.org/en-US/firefox/', on, false],
    ['https://microsoftedge.microsoft.com/addons/home', on, false],
    ['https://example.com/annual-report.PDF', on, false],
    ['https://example.com/pdf-guide.html', on, true],
    ['not a url', on, false],
    ['', on, false],
  ])('%s → %s', (url, settings, expected) => {
    expect(isSiteEnabled(url, settings)).toBe(expected);
  });
});

describe('siteStatus', () => {
  it.each([
    ['https://example.com/', on, 'enabled'],
    ['https://www.example.com/', offForExample, 'site-disabled'],
    ['https://example.com/', offEverywhere, 'globally-disabled'],
    ['chrome://version', offEverywhere, 'unsupported'],
  ] as const)('%s is %s', (url, settings, expected) => {
    expect(siteStatus(url, settings)).toBe(expected);
  });
});

describe('siteOf and normalizeSite', () => {
  it.each([
    ['https://www.Example.com:8443/a?b#c', 'example.com'],
    ['http://127.0.0.1:41234/x', '127.0.0.1'],
    ['http://[::1]:3000/', '[::1]'],
    ['https://xn--bcher-kva.example/', 'xn--bcher-kva.example'],
    ['chrome://version', null],
  ])('the site of %s is %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it.each([
    [' WWW.Example.COM ', 'example.com'],
    ['example.com.', 'example.com.'],
    ['<img src=x onerror=alert(1)>', null],
    ['exa mple.com', null],
    ['', null],
    ['a'.repeat(254), null],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeSite(input)).toBe(expected);
  });

  it('treats only http(s) pages outside the galleries as checkable', () => {
    expect(canCheckUrl('https://example.com/')).toBe(true);
    expect(canCheckUrl('ftp://example.com/')).toBe(false);
  });
});
