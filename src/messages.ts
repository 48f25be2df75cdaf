/**
 * Every message between Tally's contexts, declared once and named by direction.
 *
 * Content scripts talk to the extension with `runtime.sendMessage`, which reaches the background
 * and any open extension page (so an open popup hears `page-state` too), and send their texts to be
 * checked over a port (see CHECK_PORT); the extension talks to a tab's content script with
 * `tabs.sendMessage`, which needs no `tabs` permission.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Finding, PageFinding, Verdict } from './match/finding';

/** A reference document, as a finding cites it. */
export interface SourceInfo {
  /** The seed's file name, e.g. "003_dce1a891bb52ea4f.txt". */
  file: string;
  title: string;
  publisher: string;
  date: string;
}

/** A finding as it travels between contexts: plain data, no DOM. */
export interface ReportedFinding {
  /** Names the finding within its page while the page stays open; the popup sends it back to reveal it. */
  id: string;
  verdict: Verdict;
  /** The page's sentence and the figure as the page writes it. */
  sentence: string;
  figure: string;
  /** The figure as the source states it, and the one-line reason. */
  sourceFigure: string;
  reason: string;
  quote: string;
  claimId: string;
  source: SourceInfo;
}

/**
 * `checking` while a check runs, `done` when it finished, `failed` when it could not finish (the
 * extension's background did not answer), `off` when Tally is off for the page, `unsupported`
 * for documents that are not web pages (a PDF or an image shown by the browser).
 */
export type PageStatus = 'checking' | 'done' | 'failed' | 'off' | 'unsupported';

/**
 * What a content script knows about its page: its findings, conflicts first, then in page order,
 * at most MAX_LISTED_FINDINGS of them (a page that repeats a figure 100,000 times would make a
 * message of many megabytes), and how many there are of each verdict in all.
 */
export interface PageState {
  url: string;
  status: PageStatus;
  findings: ReportedFinding[];
  corroborated: number;
  conflicting: number;
}

/** The most findings a page's state lists; a popup shows them fifty at a time. */
export const MAX_LISTED_FINDINGS = 1_000;

/**
 * What a content script tells the background about its page, often: small whatever the page
 * (a page can hold thousands of findings, and a message is copied between processes).
 */
export interface PageSummary {
  url: string;
  status: PageStatus;
  corroborated: number;
  conflicting: number;
  /** Changes whenever the findings do, counts or not: a popup then asks for the new list. */
  version: number;
}

/** content script → background (and any open popup). */
export interface ContentToBackground {
  /** The page's state changed: a scan started or ended, findings came or went, the switch flipped. */
  'page-state': { data: { summary: PageSummary }; reply: void };
  /** Open the source page of a claim in a new tab (a web page may not link to extension pages). */
  'open-source': { data: { claimId: string }; reply: void };
}

/**
 * The name of the port a content script sends its page's texts over to be checked against the
 * claim index, which lives in the background, once for every tab: the matching runs there, off the
 * page's main thread. A check sends its texts in several batches, and a port carries them all
 * where a message each would open and close a channel of its own, each a round trip more through
 * the browser's main thread, which the page's load keeps busy.
 */
export const CHECK_PORT = 'check-texts';

/** content script → background, over CHECK_PORT: check these texts (blocks of the page, or pieces of long ones). */
export interface CheckRequest {
  /** Chosen by the sender, and sent back with the reply. */
  id: number;
  texts: string[];
}

/**
 * background → content script, over CHECK_PORT: the answer to request `id`, in which a finding's
 * `block` is the index of its text; null when the texts could not be checked.
 */
export interface CheckReply {
  id: number;
  answer: CheckedTexts | null;
}

/**
 * A finding as the background sends it back, without what the content script has already or
 * gets once per claim: its sentence is a slice of the text that was sent, and its quote is in
 * `CheckedTexts.quotes`. Findings are most of a reply, and a reply is copied between processes.
 */
export type SentFinding = Omit<PageFinding, 'sentence' | 'quote'>;

/** The findings in some texts of a page, with the citation of every source and the quote of every claim they name. */
export interface CheckedTexts {
  findings: SentFinding[];
  sources: Record<string, SourceInfo>;
  /** Claim id → the claim's quote. */
  quotes: Record<string, string>;
}

/** The background's side of a check (see CHECK_PORT): the findings in the texts, each source and quote sent once. */
export function packFindings(findings: readonly Finding[], source: (file: string) => SourceInfo): CheckedTexts {
  const reply: CheckedTexts = { findings: [], sources: {}, quotes: {} };
  for (const f of findings) {
    reply.sources[f.source] ??= source(f.source);
    reply.quotes[f.claimId] ??= f.quote;
    reply.findings.push({
      verdict: f.verdict,
      figure: f.figure,
      block: f.block,
      sentenceStart: f.sentenceStart,
      sentenceEnd: f.sentenceEnd,
      figureStart: f.figureStart,
      figureEnd: f.figureEnd,
      claimId: f.claimId,
      source: f.source,
      sourceFigure: f.sourceFigure,
      reason: f.reason,
    });
  }
  return reply;
}

/**
 * The content script's side: the findings of `texts` (the texts it sent) from the background's
 * reply. A finding whose text or quote the reply does not account for is dropped.
 */
export function unpackFindings(texts: readonly string[], reply: CheckedTexts): PageFinding[] {
  const out: PageFinding[] = [];
  for (const f of reply.findings) {
    const text = texts[f.block];
    const quote = reply.quotes[f.claimId];
    if (text === undefined || quote === undefined) continue;
    out.push({ ...f, sentence: text.slice(f.sentenceStart, f.sentenceEnd), quote });
  }
  return out;
}

/** popup → content script of one tab. */
export interface PopupToContent {
  'get-page-state': { data: Record<string, never>; reply: PageState };
  /** The state without the findings: cheap to ask for however many there are. */
  'get-page-summary': { data: Record<string, never>; reply: PageSummary };
  /** Scroll to a finding's figure, flash it and show its card. Replies false when it is gone. */
  'reveal-finding': { data: { findingId: string }; reply: boolean };
}

/** background → content script of one tab. */
export interface BackgroundToContent {
  /** The keyboard command: focus the card of the next finding. Replies false when there is none. */
  'focus-next-finding': { data: Record<string, never>; reply: boolean };
}

type Protocol<P> = { [K in keyof P]: { data: object; reply: unknown } };
type Envelope<P extends Protocol<P>, K extends keyof P> = { type: K } & P[K]['data'];
type Handlers<P extends Protocol<P>> = {
  [K in keyof P]?: (
    data: Envelope<P, K>,
    sender: Browser.runtime.MessageSender,
  ) => P[K]['reply'] | Promise<P[K]['reply']>;
};

/** Sends a message from a content script to the extension. */
export async function sendToBackground<K extends keyof ContentToBackground>(
  type: K,
  data: ContentToBackground[K]['data'],
): Promise<ContentToBackground[K]['reply']> {
  // Async, so that a context the extension left (reloaded, updated) rejects instead of throwing
  // into the caller: the browser throws "Extension context invalidated" at once.
  return browser.runtime.sendMessage({ ...data, type });
}

/** Sends a message from an extension page or the background to the content script of a tab. */
export function sendToContent<K extends keyof (PopupToContent & BackgroundToContent)>(
  tabId: number,
  type: K,
  data: (PopupToContent & BackgroundToContent)[K]['data'],
): Promise<(PopupToContent & BackgroundToContent)[K]['reply']> {
  return browser.tabs.sendMessage(tabId, { ...data, type });
}

/**
 * Listens for the messages of one protocol, by type; messages of other types are left to other
 * listeners (the background and the popup both hear `page-state`, only the background answers).
 * Returns the function that stops listening.
 *
 * @example
 * handleMessages<PopupToContent>({ 'get-page-state': () => tally.state() });
 */
export function handleMessages<P extends Protocol<P>>(handlers: Handlers<P>): () => void {
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply?: unknown) => void,
  ): true | undefined => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as keyof P] as (m: unknown, s: typeof sender) => unknown;
    // sendResponse + `return true` rather than a returned promise: it works natively in every
    // browser, with webextension-polyfill, and in fakeBrowser.
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(sendResponse, (error: unknown) => {
        console.error('[tally]', type, error);
        sendResponse(undefined);
      });
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
