import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  parseSettings,
  setEnabled,
  setSiteEnabled,
  watchSettings,
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
