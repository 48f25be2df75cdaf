import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSiteEnabled } from '../../src/settings/site-enabled';
import { DEFAULT_SETTINGS, getSettings, getSettingsFor, setSiteEnabled, watchSettings } from '../../src/settings/storage';

const FIVE_MB = 'x'.repeat(5 * 1024 * 1024);

/** 100,000 valid sites, in a shuffled order and with a few duplicates. */
const MANY_SITES = Array.from({ length: 100_000 }, (_, i) => `site${(i * 7919) % 100_000}.example`);

describe('settings read from a corrupt store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['a 5 MB string for the switch', { enabled: FIVE_MB }, DEFAULT_SETTINGS],
    ['a 5 MB string for the list', { disabledSites: FIVE_MB }, DEFAULT_SETTINGS],
    ['a 5 MB string in the list', { disabledSites: [FIVE_MB, 'example.com'] }, { enabled: true, disabledSites: ['example.com'] }],
    ['a 5 MB key in the object form', { disabledSites: { [FIVE_MB]: true, 'example.com': true } }, { enabled: true, disabledSites: ['example.com'] }],
    ['numbers', { enabled: 1, disabledSites: 0 }, DEFAULT_SETTINGS],
    ['nested lists', { enabled: [true], disabledSites: [['example.com'], [[['x.org']]]] }, DEFAULT_SETTINGS],
    ['an object for the switch', { enabled: { valueOf: true } }, DEFAULT_SETTINGS],
    [
      'keys that look like prototype pollution',
      { disabledSites: JSON.parse('{"__proto__": true, "constructor": "yes", "example.com": true}') as object },
      { enabled: true, disabledSites: ['example.com'] },
    ],
    [
      'markup for a site',
      { disabledSites: ['<img src=x onerror=alert(1)>', { '<img src=x onerror=alert(1)>': true }, 'news.example'] },
      { enabled: true, disabledSites: ['news.example'] },
    ],
  ])('falls back to the default for %s, keeping what is valid', async (_, stored, expected) => {
    await fakeBrowser.storage.local.set(stored as Record<string, unknown>);

    expect(await getSettings()).toEqual(expected);
  });

  it('keeps all of 100,000 disabled sites, sorted and without duplicates, without slowing down', async () => {
    await fakeBrowser.storage.local.set({ enabled: false, disabledSites: [...MANY_SITES, ...MANY_SITES.slice(0, 100), 42, null] });
    const started = performance.now();

    const settings = await getSettings();

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(settings.enabled).toBe(false);
    expect(settings.disabledSites).toHaveLength(100_000);
    expect(settings.disabledSites).toEqual([...new Set(MANY_SITES)].sort());
    expect(isSiteEnabled('https://site99999.example/a', { ...settings, enabled: true })).toBe(false);
    expect(isSiteEnabled('https://other.example/a', { ...settings, enabled: true })).toBe(true);
  });

  it('reads 100,000 sites stored as an object of hostnames', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: Object.fromEntries(MANY_SITES.map((site) => [site, true])) });

    expect((await getSettings()).disabledSites).toHaveLength(100_000);
  });

  it('leaves keys it does not know in the store, and reads its own beside them', async () => {
    await fakeBrowser.storage.local.set({ enabled: false, legacyTheme: { dark: 1 }, [FIVE_MB.slice(0, 1000)]: 'junk' });

    expect(await getSettings()).toEqual({ enabled: false, disabledSites: [] });
    expect(await fakeBrowser.storage.local.get('legacyTheme')).toEqual({ legacyTheme: { dark: 1 } });
  });

  it('runs with the defaults when the store cannot be read at all', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error: database corrupt'));
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('moves the list to per-site keys when a site is switched, dropping the junk and keeping every valid site', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['b.example', 7, FIVE_MB, 'A.example', { x: 1 }, 'b.example'], other: 1 });

    await setSiteEnabled('c.example', false);

    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'off:a.example': true, 'off:b.example': true, 'off:c.example': true, other: 1 });
  });

  it('reads only per-site keys set to true that name a site as Tally writes it, and leaves the others alone', async () => {
    const junk = {
      'off:b.example': 'yes',
      'off:WWW.C.example': true,
      'off:<img src=x onerror=alert(1)>': true,
      [`off:${FIVE_MB}`]: true,
      'off:': true,
      'off:d.example': { nested: true },
    };
    await fakeBrowser.storage.local.set({ 'off:a.example': true, ...junk });

    expect(await getSettings()).toEqual({ enabled: true, disabledSites: ['a.example'] });
    expect(await getSettingsFor('b.example')).toEqual({ enabled: true, disabledSites: [] });
    await setSiteEnabled('e.example', false);
    expect(await fakeBrowser.storage.local.get(Object.keys(junk))).toEqual(junk);
  });

  it('reads 100,000 sites stored under keys of their own, and one site without the others', async () => {
    await fakeBrowser.storage.local.set(Object.fromEntries(MANY_SITES.map((site) => [`off:${site}`, true])));

    expect((await getSettings()).disabledSites).toEqual([...new Set(MANY_SITES)].sort());
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await getSettingsFor('site12345.example')).toEqual({ enabled: true, disabledSites: ['site12345.example'] });
    expect(get).toHaveBeenCalledWith(['enabled', 'disabledSites', 'off:site12345.example']);
  });

  it('gives watchers parsed settings when something writes junk', async () => {
    const onChange = vi.fn();
    const unwatch = watchSettings(onChange);

    await fakeBrowser.storage.local.set({ enabled: 'no', disabledSites: [FIVE_MB, 'x.example'] });

    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith({ enabled: true, disabledSites: ['x.example'] }));
    unwatch();
  });
});
