// @vitest-environment happy-dom
import { useRenderRoot } from './render-root';
import { describe, expect, it, vi } from 'vitest';
import type { ReportedFinding } from '../../src/messages';
import { FindingCard } from '../../src/ui/FindingCard';
import { OptionsPage } from '../../src/ui/OptionsPage';
import { Popup } from '../../src/ui/Popup';
import type { PopupApi } from '../../src/ui/popup-api';
import { SourcePage } from '../../src/ui/SourcePage';

/** Text a page (or a hand-edited store) may hold; rendered as markup, it would run script. */
const HOSTILE = '<img src=x onerror=alert(1)>';

/** A finding with the hostile text in every string a reader sees. */
const finding: ReportedFinding = {
  id: 'f1',
  verdict: 'conflicting',
  sentence: `Sales hit ${HOSTILE} 178.`,
  figure: `${HOSTILE}178`,
  sourceFigure: `${HOSTILE}187`,
  reason: `Page says ${HOSTILE}, but the source says 187.`,
  quote: `The quote ${HOSTILE}.`,
  claimId: `claim-${HOSTILE}`,
  source: { file: `${HOSTILE}.txt`, title: `Title ${HOSTILE}`, publisher: `Publisher ${HOSTILE}`, date: HOSTILE },
};


const view = useRenderRoot();
const show = (vnode: preact.VNode) => view.show(vnode);

/** The strings must all be on screen, literally, and no element may have come out of them. */
function expectShownAsText(texts: string[]): void {
  expect(view.root.querySelector('img[src="x"], img[onerror]')).toBeNull();
  for (const text of texts) expect(view.root.textContent).toContain(text);
}


describe('text that looks like markup', () => {
  it('is text in the card on the page', async () => {
    await show(<FindingCard finding={finding} onReadSource={() => {}} onClose={() => {}} />);

    expectShownAsText([finding.figure, finding.sourceFigure, finding.reason, finding.quote, finding.source.title, finding.source.publisher]);
  });

  it('is text in the popup, and in the labels of its buttons', async () => {
    const api: PopupApi = {
      findTab: async () => ({ id: 3, url: `https://example.com/${HOSTILE}`, loading: false }),
      getPageState: async () => ({
        url: `https://example.com/${HOSTILE}`,
        status: 'done',
        findings: [finding],
        corroborated: finding.verdict === 'corroborated' ? 1 : 0,
        conflicting: finding.verdict === 'conflicting' ? 1 : 0,
      }),
      onPageState: () => () => {},
      getSettings: async () => ({ enabled: true, disabledSites: [] }),
      watchSettings: () => () => {},
      setSiteEnabled: vi.fn(async () => {}),
      setEnabled: vi.fn(async () => {}),
      revealFinding: vi.fn(async () => true),
      reloadTab: vi.fn(async () => {}),
      openOptions: vi.fn(async () => {}),
      sourceHref: (claimId) => `source.html?claim=${encodeURIComponent(claimId)}`,
    };

    await show(<Popup api={api} tabId={3} />);

    expectShownAsText([finding.figure, finding.reason, finding.quote, finding.source.title]);
    expect(view.root.querySelector(`button[aria-label="Show ${finding.figure} on the page"]`)).not.toBeNull();
  });

  it('is text on the source page: title, quote and document', async () => {
    const text = `Before. ${finding.quote} After ${HOSTILE}.`;

    await show(<SourcePage document={{ source: finding.source, text, quote: finding.quote }} />);

    expectShownAsText([finding.source.title, text]);
    expect(view.root.querySelector('mark')?.textContent).toBe(finding.quote);
  });

  it('is text in the list of disabled sites, should a site name hold it', async () => {
    await show(
      <OptionsPage
        api={{
          getSettings: async () => ({ enabled: true, disabledSites: [HOSTILE] }),
          watchSettings: () => () => {},
          setEnabled: async () => {},
          setSiteEnabled: async () => {},
        }}
      />,
    );

    expectShownAsText([HOSTILE]);
    expect(view.root.querySelector(`button[aria-label="Turn Tally back on for ${HOSTILE}"]`)).not.toBeNull();
  });
});
