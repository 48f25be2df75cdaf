// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CheckBlocks } from '../../src/content/check-root';
import { Highlighter } from '../../src/content/highlighter';
import type { PageWindow } from '../../src/content/page-window';
import { TallyPage } from '../../src/content/tally-page';
import type { Finding } from '../../src/match/finding';
import { MAX_LISTED_FINDINGS, type PageSummary } from '../../src/messages';
import type { Settings } from '../../src/settings/storage';

/** A stand-in for the core: "42%" conflicts, "7%" is corroborated, wherever they appear. */
const check: CheckBlocks = (blocks) =>
  blocks.flatMap((block, index) =>
    (['42%', '7%'] as const).flatMap((figure) => {
      const at = block.text.indexOf(figure);
      if (at < 0 || (figure === '7%' && block.text[at - 1] === '4')) return [];
      const finding: Finding = {
        verdict: figure === '42%' ? 'conflicting' : 'corroborated',
        sentence: block.text,
        figure,
        block: index,
        sentenceStart: 0,
        sentenceEnd: block.text.length,
        figureStart: at,
        figureEnd: at + figure.length,
        claimId: `claim-${figure}`,
        source: '002.txt',
        quote: 'The quote.',
        sourceFigure: '24%',
        reason: 'Because.',
        score: 1,
        fuzzy: 1,
        pageFigure: {} as Finding['pageFigure'],
      };
      return [finding];
    }),
  );

describe('TallyPage without the CSS Custom Highlight API', () => {
  let reports: PageSummary[];
  let settings: Settings;
  let settingsListener: ((settings: Settings) => void) | undefined;
  let page: TallyPage | undefined;

  const last = () => reports[reports.length - 1];
  const findings = () => page?.state().findings ?? [];
  const counted = () => (last()?.corroborated ?? 0) + (last()?.conflicting ?? 0);
  const start = async (checkWith: CheckBlocks = check) => {
    page = new TallyPage(window as unknown as PageWindow, {
      check: checkWith,
      source: (file) => ({ file, title: 'Title', publisher: '', date: '' }),
      getSettings: async () => settings,
      watchSettings: (listener) => {
        settingsListener = listener;
        return () => {};
      },
      report: (summary) => reports.push(summary),
      openSource: () => {},
      cardCss: '',
    });
    await page.start();
  };

  beforeEach(() => {
    fakeBrowser.reset();
    page = undefined;
    reports = [];
    settings = { enabled: true, disabledSites: [] };
    document.designMode = 'off';
    document.body.innerHTML = '<p id="a">Growth was 7% last year.</p><p id="b">Nothing here.</p><p>Margins hit 42% in 2024.</p>';
  });

  afterEach(() => {
    page?.stop();
  });

  it('has no highlight registry here, and degrades to no highlights', () => {
    expect(new Highlighter(window as unknown as PageWindow).supported).toBe(false);
  });

  it('still reports the findings, conflicts first', async () => {
    await start();

    await vi.waitFor(() => expect(last()?.status).toBe('done'));
    expect(last()).toMatchObject({ corroborated: 1, conflicting: 1 });
    expect(findings().map((f) => [f.verdict, f.figure])).toEqual([
      ['conflicting', '42%'],
      ['corroborated', '7%'],
    ]);
    expect(findings()[0]?.source.title).toBe('Title');
  });

  it('says the check failed when the texts could not be checked', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await start(async () => {
      throw new Error('no background');
    });

    await vi.waitFor(() => expect(last()?.status).toBe('failed'));
    expect(errors).toHaveBeenCalled();
    expect(page?.state().status).toBe('failed');
    errors.mockRestore();
  });

  it('reads a document that has no body', async () => {
    const html = document.documentElement;
    document.body.remove();
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Margins hit 42% in 2024.';
    html.append(paragraph);

    await start();
    await vi.waitFor(() => expect(last()?.status).toBe('done'));

    expect(findings().map((f) => f.figure)).toEqual(['42%']);
    paragraph.remove();
    html.append(document.createElement('body'));
  });

  it('reads nothing on a disabled site, and says once that it is off', async () => {
    settings = { enabled: true, disabledSites: [location.hostname] };

    const checkSpy = vi.fn(check);

    await start(checkSpy);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(reports).toEqual([expect.objectContaining({ status: 'off', corroborated: 0, conflicting: 0 })]);
    expect(page?.state().status).toBe('off');
    expect(checkSpy).not.toHaveBeenCalled();
  });

  it('reports the page as off when its site is switched off, and checks it again when switched on', async () => {
    await start();
    await vi.waitFor(() => expect(last()?.status).toBe('done'));

    settingsListener?.({ enabled: true, disabledSites: [location.hostname] });
    expect(last()).toMatchObject({ status: 'off', corroborated: 0, conflicting: 0 });
    expect(findings()).toEqual([]);

    settingsListener?.({ enabled: true, disabledSites: [] });
    await vi.waitFor(() => expect(last()).toMatchObject({ status: 'done', corroborated: 1, conflicting: 1 }));
    expect(findings()).toHaveLength(2);
  });

  it('drops its findings when the page turns into an editor (designMode), and checks it again when it turns back', async () => {
    await start();
    await vi.waitFor(() => expect(last()).toMatchObject({ status: 'done', corroborated: 1, conflicting: 1 }));

    document.designMode = 'on';
    await vi.waitFor(() => expect(last()).toMatchObject({ status: 'done', corroborated: 0, conflicting: 0 }), { timeout: 3000 });
    expect(findings()).toEqual([]);

    document.designMode = 'off';
    await vi.waitFor(() => expect(last()).toMatchObject({ status: 'done', corroborated: 1, conflicting: 1 }), { timeout: 3000 });
  });

  it('checks nothing in a page that is an editor from the start', async () => {
    document.designMode = 'on';
    await start();
    await vi.waitFor(() => expect(last()?.status).toBe('done'));
    expect(findings()).toEqual([]);
    document.designMode = 'off';
  });

  it('checks a paragraph added later, and drops a finding whose text went away', async () => {
    await start();
    await vi.waitFor(() => expect(counted()).toBe(2));

    const added = document.createElement('p');
    added.textContent = 'Another 42% appeared.';
    document.body.append(added);
    await vi.waitFor(() => expect(counted()).toBe(3));

    const before = last()?.version;
    document.getElementById('a')?.remove();
    await vi.waitFor(() => expect(last()).toMatchObject({ corroborated: 0, conflicting: 2 }));
    expect(last()?.version).not.toBe(before);
    expect(findings().map((f) => f.figure)).toEqual(['42%', '42%']);
  });

  it(`lists at most ${MAX_LISTED_FINDINGS} findings, conflicts first, and counts them all`, async () => {
    const paragraphs = Array.from({ length: MAX_LISTED_FINDINGS + 195 }, () => '<p>Growth was 7% last year.</p>');
    document.body.innerHTML = paragraphs.join('') + '<p>Margins hit 42% in 2024.</p>'.repeat(5);

    await start();
    await vi.waitFor(() => expect(last()?.status).toBe('done'), { timeout: 20_000 });

    const state = page!.state();
    expect(state.findings).toHaveLength(MAX_LISTED_FINDINGS);
    expect(state.findings.slice(0, 6).map((f) => f.verdict)).toEqual([...Array(5).fill('conflicting'), 'corroborated']);
    expect(state).toMatchObject({ corroborated: MAX_LISTED_FINDINGS + 195, conflicting: 5 });
  });

  it('keeps the ids of findings that are found again, so the popup can still show them', async () => {
    await start();
    await vi.waitFor(() => expect(counted()).toBe(2));
    const ids = findings().map((f) => f.id);

    const text = document.querySelector('#a')?.firstChild as Text;
    text.appendData(' More text.');
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(page?.state().findings.map((f) => f.id)).toEqual(ids);
  });
});
