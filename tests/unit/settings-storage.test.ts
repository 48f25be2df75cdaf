import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  getSettingsFor,
  migrateSettings,
  parseSettings,
  setEnabled,
  setSiteEnabled,
  watchSettings,
  watchSettingsFor,
} from '../../src/settings/storage';

describe('parseSettings', () => {
  it.each([
    ['nothing stored', {}, DEFAULT_SETTINGS],
    ['valid values', { enabled: false, disabledSites: ['b.com', 'a.com'] }, { enabled: false, disabledSites: ['a.com', 'b.com'] }],
    ['a string for a boolean', { enabled: 'false' }, DEFAULT_SETTINGS],
    ['null', { enabled: null, disabledSites: null }, DEFAULT_SETTINGS],
    ['a number for the list', { disabledSites: 42 }, DEFAULT_SETTINGS],
    ['a string for the list', { disabledSites: 'example.com' }, DEFAULT_SETTINGS],
    [
      'a list with some bad entries',
      { disabledSites: ['example.com', 7, null, { host: 'x' }, '<script>', 'WWW.News.org', 'example.com'] },
      { enabled: true, disabledSites: ['example.com', 'news.org'] },
    ],
    [
      'an object of hostnames',
      { disabledSites: { 'example.com': true, 'other.com': false, 'bad host': true } },
      { enabled: true, disabledSites: ['example.com'] },
    ],
  ])('reads %s', (_, raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });

  it('keeps every valid entry of a huge list', () => {
    const sites = Array.from({ length: 20_000 }, (_, i) => `site${i}.example`);

    const settings = parseSettings({ disabledSites: [...sites, 123, ''] });

    expect(settings.disabledSites).toHaveLength(20_000);
  });
});

/** Web Locks as a browser grants them: one holder per name at a time, the others in the order they asked. */
function fakeLocks() {
  const queues = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const granted = (queues.get(name) ?? Promise.resolve()).then(callback);
      queues.set(name, granted.catch(() => undefined));
      return granted;
    },
  };
}

describe('stored settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('falls back to the defaults when storage is corrupt, without throwing', async () => {
    await fakeBrowser.storage.local.set({ enabled: { nested: true }, disabledSites: 'oops', unknownKey: [1, 2] });

    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('adds and removes a site, leaving the others', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['other.org', 17] });

    await setSiteEnabled('www.example.com', false);
    expect((await getSettings()).disabledSites).toEqual(['example.com', 'other.org']);

    await setSiteEnabled('example.com', true);
    expect((await getSettings()).disabledSites).toEqual(['other.org']);
  });

  it('keeps every switch made at once: two sites off, then one of them on again', async () => {
    await Promise.all([setSiteEnabled('a.example', false), setSiteEnabled('b.example', false)]);
    expect((await getSettings()).disabledSites).toEqual(['a.example', 'b.example']);

    await Promise.all([setSiteEnabled('a.example', true), setSiteEnabled('a.example', false), setSiteEnabled('a.example', true)]);
    expect((await getSettings()).disabledSites).toEqual(['b.example']);
  });

  it('keeps both of two switches made at once in two extension pages, the popup and the options page', async () => {
    vi.stubGlobal('navigator', { ...globalThis.navigator, locks: fakeLocks() });
    // Each page runs its own copy of the module: only the store and the origin's locks are shared.
    vi.resetModules();
    const popup = await import('../../src/settings/storage');
    vi.resetModules();
    const options = await import('../../src/settings/storage');
    expect(popup.setSiteEnabled).not.toBe(options.setSiteEnabled);

    await Promise.all([popup.setSiteEnabled('a.example', false), options.setSiteEnabled('b.example', false)]);
    expect((await getSettings()).disabledSites).toEqual(['a.example', 'b.example']);

    await Promise.all([popup.setSiteEnabled('a.example', true), options.setSiteEnabled('c.example', false)]);
    expect((await getSettings()).disabledSites).toEqual(['b.example', 'c.example']);
  });

  it('keeps each site under a key of its own: a switch writes that key alone', async () => {
    await fakeBrowser.storage.local.set({ 'off:other.org': true });

    await setSiteEnabled('www.Example.com', false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'off:example.com': true, 'off:other.org': true });

    await setSiteEnabled('example.com', true);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'off:other.org': true });
  });

  it('moves the list of sites an earlier version kept to per-site keys, reading the same before and after', async () => {
    await fakeBrowser.storage.local.set({ enabled: false, disabledSites: ['b.example', 'a.example', 7], 'off:c.example': true });
    const before = await getSettings();

    await migrateSettings();

    expect(await fakeBrowser.storage.local.get(null)).toEqual({ enabled: false, 'off:a.example': true, 'off:b.example': true, 'off:c.example': true });
    expect(await getSettings()).toEqual(before);
    expect(before).toEqual({ enabled: false, disabledSites: ['a.example', 'b.example', 'c.example'] });
  });

  it('turns on a site that only the old list names', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['a.example', 'b.example'] });

    await setSiteEnabled('a.example', true);

    expect((await getSettings()).disabledSites).toEqual(['b.example']);
    expect(await getSettingsFor('a.example')).toEqual({ enabled: true, disabledSites: [] });
  });

  it("reads one site's settings: the global switch, and whether that site is off, in either layout", async () => {
    await fakeBrowser.storage.local.set({ enabled: false, 'off:a.example': true, disabledSites: ['b.example'] });

    expect(await getSettingsFor('a.example')).toEqual({ enabled: false, disabledSites: ['a.example'] });
    expect(await getSettingsFor('b.example')).toEqual({ enabled: false, disabledSites: ['b.example'] });
    expect(await getSettingsFor('c.example')).toEqual({ enabled: false, disabledSites: [] });
    expect(await getSettingsFor(null)).toEqual({ enabled: false, disabledSites: [] });
  });

  it("tells a page of its own site's switch and of the global one, not of other sites'", async () => {
    const onChange = vi.fn();
    const unwatch = watchSettingsFor('a.example', onChange);

    await setSiteEnabled('b.example', false);
    await setSiteEnabled('a.example', false);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange).toHaveBeenLastCalledWith({ enabled: true, disabledSites: ['a.example'] });

    await setEnabled(false);
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith({ enabled: false, disabledSites: ['a.example'] }));
    unwatch();
    await setSiteEnabled('a.example', true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('ignores a switch for something that is not a hostname', async () => {
    await setSiteEnabled('javascript:alert(1)', false);

    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('tells watchers the whole new settings when either one changes', async () => {
    const onChange = vi.fn();
    const unwatch = watchSettings(onChange);

    await setEnabled(false);

    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith({ enabled: false, disabledSites: [] }));
    unwatch();
  });
});
