import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageState, PageSummary } from '../../src/messages';
import { browserPopupApi } from '../../src/ui/popup-api';

describe('the popup hearing its tab', () => {
  const tabId = 4;
  const summary = (version: number): PageSummary => ({ url: 'https://example.com/', status: 'done', corroborated: version, conflicting: 0, version });
  const announce = (version: number, from: { tab: number; frameId: number } = { tab: tabId, frameId: 0 }) =>
    fakeBrowser.runtime.onMessage.trigger(
      { type: 'page-state', summary: summary(version) },
      { tab: { id: from.tab } as Browser.tabs.Tab, frameId: from.frameId },
      () => {},
    );

  let asked: number;
  let answers: ((state: PageState) => void)[];

  beforeEach(() => {
    fakeBrowser.reset();
    asked = 0;
    answers = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (id: number, message: { type: string }) => {
      expect([id, message.type]).toEqual([tabId, 'get-page-state']);
      asked++;
      return new Promise<PageState>((resolve) => answers.push(resolve));
    }) as never);
  });

  const state = (n: number): PageState => ({
    url: 'https://example.com/',
    status: 'done',
    findings: Array(n).fill(null),
    corroborated: n,
    conflicting: 0,
  });

  it('asks for the list when the tab announces a change, and hands it on', async () => {
    const heard: PageState[] = [];
    const stop = browserPopupApi.onPageState(tabId, (s) => heard.push(s));

    await announce(1);
    await vi.waitFor(() => expect(asked).toBe(1));
    answers[0]!(state(1));

    await vi.waitFor(() => expect(heard).toEqual([state(1)]));
    stop();
  });

  it('asks once more, not once per change, for changes announced while it was asking', async () => {
    const heard: PageState[] = [];
    const stop = browserPopupApi.onPageState(tabId, (s) => heard.push(s));

    await announce(1);
    await vi.waitFor(() => expect(asked).toBe(1));
    await announce(2);
    await announce(3);
    answers[0]!(state(1));
    await vi.waitFor(() => expect(asked).toBe(2));
    answers[1]!(state(3));

    await vi.waitFor(() => expect(heard).toEqual([state(1), state(3)]));
    expect(asked).toBe(2);
    stop();
  });

  it('ignores other tabs and frames, and stops when told', async () => {
    const heard: PageState[] = [];
    const stop = browserPopupApi.onPageState(tabId, (s) => heard.push(s));

    await announce(1, { tab: 9, frameId: 0 });
    await announce(1, { tab: tabId, frameId: 2 });
    stop();
    await announce(2);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(asked).toBe(0);
    expect(heard).toEqual([]);
  });
});
