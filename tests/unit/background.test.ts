import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { badgeFor, CONFLICTING_COLOR, CORROBORATED_COLOR } from '../../src/background/badge';
import { loadBundledIndex } from '../../src/claims/bundled-index';
import { checkBlocks } from '../../src/match/check-blocks';
import { CHECK_PORT, unpackFindings, type CheckedTexts, type CheckReply, type PageSummary } from '../../src/messages';
import { setSiteEnabled } from '../../src/settings/storage';

describe('badgeFor', () => {
  it.each([
    ['no findings', 0, 0, '', undefined],
    ['corroborated only', 3, 0, '3', CORROBORATED_COLOR],
    ['a conflict among matches', 4, 1, '1', CONFLICTING_COLOR],
    ['more than 99 conflicts', 0, 120, '99+', CONFLICTING_COLOR],
  ])('shows %s', (_, corroborated, conflicting, text, color) => {
    const badge = badgeFor({ corroborated, conflicting });

    expect(badge.text).toBe(text);
    if (color) expect(badge.color).toBe(color);
  });
});

describe('background', () => {
  const tabId = 7;
  const report = (summary: PageSummary, frameId = 0) =>
    fakeBrowser.runtime.onMessage.trigger({ type: 'page-state', summary }, { tab: { id: tabId } as Browser.tabs.Tab, frameId }, () => {});
  const badge = async () => ({
    text: await fakeBrowser.action.getBadgeText({ tabId }),
    color: await fakeBrowser.action.getBadgeBackgroundColor({ tabId }),
  });
  const page = (corroborated: number, conflicting: number): PageSummary => ({
    url: 'https://example.com/a',
    status: 'done',
    corroborated,
    conflicting,
    version: corroborated + conflicting,
  });

  let onCommand: ((command: string) => Promise<void>) | undefined;
  let onConnect: ((port: Browser.runtime.Port) => void) | undefined;

  beforeEach(() => {
    fakeBrowser.reset();
    // fakeBrowser has no in-memory `commands` nor ports: keep the listeners to call them by hand.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
      onCommand = listener as typeof onCommand;
    });
    onConnect = undefined;
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => {
      onConnect = listener as typeof onConnect;
    });
    background.main();
  });

  it('shows the number of conflicting figures on red', async () => {
    await report(page(2, 3));

    expect(await badge()).toEqual({ text: '3', color: [0xd9, 0x30, 0x25, 255] });
  });

  it('shows the number of corroborated figures on green when nothing conflicts', async () => {
    await report(page(2, 0));

    expect(await badge()).toEqual({ text: '2', color: [0x18, 0x80, 0x38, 255] });
  });

  it('shows nothing for a page without findings', async () => {
    await report(page(2, 0));

    await report(page(0, 0));

    expect((await badge()).text).toBe('');
  });

  it('ignores reports from frames other than the top one', async () => {
    await report(page(0, 1), 3);

    expect((await badge()).text).toBe('');
  });

  it('clears the badge when the tab navigates', async () => {
    await report(page(0, 1));

    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, { id: tabId } as never);

    expect((await badge()).text).toBe('');
  });

  it('sets a badge only when it changes: a page reports often while it loads and checks', async () => {
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const setColor = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor');
    setText.mockClear();
    setColor.mockClear();
    const loading = () => fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, { id: tabId } as never);

    await loading();
    await report({ ...page(0, 0), status: 'checking' });
    await report({ ...page(2, 0), status: 'checking' });
    await report(page(2, 0));
    await report(page(2, 1));
    await loading();
    await loading();
    await report({ ...page(0, 0), status: 'checking' });

    expect(setText.mock.calls.map(([details]) => details.text)).toEqual(['', '2', '1', '']);
    expect(setColor.mock.calls.map(([details]) => details.color)).toEqual([CORROBORATED_COLOR, CONFLICTING_COLOR]);
    expect((await badge()).text).toBe('');
  });

  it('sets a badge the browser refused again, even if the next report asks for the same', async () => {
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    setText.mockClear().mockRejectedValueOnce(new Error('No tab with id: 7.'));

    await report(page(2, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await report(page(2, 0));

    expect(setText).toHaveBeenCalledTimes(2);
    expect((await badge()).text).toBe('2');
  });

  it('sets the badge again on a tab closed and opened under the same id', async () => {
    await report(page(2, 0));
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false });
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText');

    await report(page(2, 0));

    expect(setText).toHaveBeenCalledWith({ tabId, text: '2' });
  });

  it('clears the badge as soon as the site is switched off', async () => {
    await report(page(0, 2));

    await setSiteEnabled('example.com', false);

    await expect.poll(async () => (await badge()).text).toBe('');
  });

  it('keeps the badge of other sites when one is switched off', async () => {
    await report(page(0, 2));

    await setSiteEnabled('other.org', false);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect((await badge()).text).toBe('2');
  });

  /** Connects to the background as a content script does, sends `requests` on the port, and collects what comes back. */
  const connect = (requests: unknown[], name = CHECK_PORT) => {
    const replies: unknown[] = [];
    const listeners: ((message: unknown) => void)[] = [];
    const port = {
      name,
      sender: { tab: { id: tabId }, frameId: 0 },
      postMessage: (reply: unknown) => replies.push(reply),
      onMessage: { addListener: (listener: (message: unknown) => void) => listeners.push(listener) },
      onDisconnect: { addListener: () => {} },
      disconnect: () => {},
    };
    onConnect!(port as unknown as Browser.runtime.Port);
    for (const request of requests) for (const listener of listeners) listener(request);
    return replies;
  };
  const ask = (texts: unknown) => {
    const [reply, ...more] = connect([{ id: 3, texts }]) as CheckReply[];
    expect(more).toEqual([]);
    expect(reply?.id).toBe(3);
    return reply!.answer;
  };

  it("checks a page's texts against the claim index, and cites each finding's source", async () => {
    const texts = ['Nothing to see.', "China's pharmaceutical sales reached $112.8 billion in 2024, and 120 billion in 2025."];

    const reply = ask(texts)!;

    expect(reply.findings.map((f) => [f.block, f.verdict, f.figure])).toContainEqual([1, 'corroborated', '$112.8 billion']);
    expect(reply.findings.every((f) => texts[f.block]!.slice(f.figureStart, f.figureEnd) === f.figure)).toBe(true);
    for (const finding of reply.findings) {
      expect(reply.sources[finding.source]).toMatchObject({ file: finding.source, title: expect.stringMatching(/\S/) });
    }
  });

  it('sends findings without their sentence and quote, and the content script gets them back whole', async () => {
    const texts = [
      'Nothing to see here.',
      "China's pharmaceutical sales reached $112.8 billion in 2024. Sales reached $112.8 billion in 2024, the ministry said.",
      'Elsewhere, China accounts for 38% of global TPD publications and 47% of patents in this field.',
    ];

    const reply = ask(texts)!;
    const whole = checkBlocks(texts.map((text) => ({ text })), loadBundledIndex());

    expect(new Set(whole.map((f) => f.block))).toEqual(new Set([1, 2]));
    expect(reply.findings.some((f) => 'sentence' in f || 'quote' in f || 'pageFigure' in f || 'score' in f)).toBe(false);
    // One quote per claim, however many findings name it.
    expect(Object.keys(reply.quotes).sort()).toEqual([...new Set(whole.map((f) => f.claimId))].sort());
    expect(unpackFindings(texts, reply)).toEqual(whole.map(({ pageFigure: _figure, score: _score, fuzzy: _fuzzy, ...shown }) => shown));
  });

  it('drops a finding whose text or quote the reply does not account for', () => {
    const sent = { verdict: 'corroborated', figure: '38%', block: 0, sentenceStart: 0, sentenceEnd: 12, figureStart: 8, figureEnd: 11, claimId: 'c1', source: 'a.txt', sourceFigure: '38%', reason: 'r' } as const;
    const reply: CheckedTexts = {
      findings: [sent, { ...sent, block: 3 }, { ...sent, claimId: 'c2' }],
      sources: {},
      quotes: { c1: 'The quote.' },
    };

    expect(unpackFindings(['China holds 38%.'], reply)).toEqual([{ ...sent, sentence: 'China holds ', quote: 'The quote.' }]);
  });

  it('answers null to texts that are not strings', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(ask([42])).toBeNull();
    expect(ask('a string')).toBeNull();
    expect(errors).toHaveBeenCalled();
  });

  it('answers every request on a port by its id, and nothing to one without an id or on another port', () => {
    const texts = ["China's pharmaceutical sales reached $112.8 billion in 2024."];

    const replies = connect([{ id: 1, texts }, { texts }, null, { id: 2, texts: [] }]) as CheckReply[];

    expect(replies.map((r) => r.id)).toEqual([1, 2]);
    expect(replies[0]!.answer!.findings.map((f) => f.figure)).toContain('$112.8 billion');
    expect(replies[1]!.answer).toEqual({ findings: [], sources: {}, quotes: {} });
    expect(connect([{ id: 1, texts }], 'another-port')).toEqual([]);
  });

  it('asks the active tab to show its next finding on the keyboard command', async () => {
    // fakeBrowser's tabs.query needs a focused window it cannot be given after reset().
    const active = { id: 5 } as Browser.tabs.Tab;
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [active]);
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => true);

    await onCommand?.('focus-next-finding');

    expect(sendMessage).toHaveBeenCalledWith(active.id, { type: 'focus-next-finding' });
  });
});
