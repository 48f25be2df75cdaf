import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The content script asks for its site's settings as soon as it is evaluated (see
 * src/content/early-settings.ts). Each test evaluates it anew, in a page of its own.
 */
async function evaluateInPage(href: string | undefined) {
  vi.resetModules();
  vi.stubGlobal('location', href === undefined ? undefined : { href });
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  const storage = await import('../../src/settings/storage');
  return { fakeBrowser, storage, load: () => import('../../src/content/early-settings') };
}

describe('the settings the content script asks for when it is evaluated', () => {
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => vi.unstubAllGlobals());

  it('are asked for once, on evaluation, and read again on every later call', async () => {
    const { fakeBrowser, storage, load } = await evaluateInPage('https://news.example/story');
    fakeBrowser.reset();
    await storage.setSiteEnabled('news.example', false);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const { takeEarlySettings } = await load();
    expect(get).toHaveBeenCalledTimes(1);
    expect(await takeEarlySettings('news.example')).toEqual({ enabled: true, disabledSites: ['news.example'] });
    expect(get).toHaveBeenCalledTimes(1);
    await storage.setSiteEnabled('news.example', true);
    const before = get.mock.calls.length;
    expect(await takeEarlySettings('news.example')).toEqual({ enabled: true, disabledSites: [] });
    expect(get).toHaveBeenCalledTimes(before + 1);
  });

  it('are read again when the store changed before the page began to watch it', async () => {
    const { fakeBrowser, storage, load } = await evaluateInPage('https://news.example/story');
    fakeBrowser.reset();
    await storage.setSiteEnabled('news.example', false);
    const { takeEarlySettings } = await load();
    // The user turns the site back on while the script is set up.
    await storage.setSiteEnabled('news.example', true);
    expect(await takeEarlySettings('news.example')).toEqual({ enabled: true, disabledSites: [] });
  });

  it('are not asked for where there is no page', async () => {
    const { fakeBrowser, storage, load } = await evaluateInPage(undefined);
    fakeBrowser.reset();
    await storage.setEnabled(false);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const { takeEarlySettings } = await load();
    expect(get).not.toHaveBeenCalled();
    expect(await takeEarlySettings(null)).toEqual({ enabled: false, disabledSites: [] });
  });
});
