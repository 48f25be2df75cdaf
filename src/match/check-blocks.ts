/**
 * The page pipeline shared by the content script and the `check` command: text blocks →
 * sentences that may state figures → matched figures → findings with their evidence.
 */
import type { ClaimIndex } from '../claims/claim-index';
import type { TextBlock } from '../dom/text-block';
import { splitSentences } from '../text/sentences';
import type { Finding } from './finding';
import { explainMatch } from './explain';
import { mayStateFigure } from '../text/may-state-figure';
import { matchSentence, type FigureMatch, type MatchOptions } from './match-sentence';

/** A sentence of a block that may state a figure. */
export interface BlockSentence {
  block: number;
  text: string;
  start: number;
  end: number;
}

/** The sentences of the blocks that hold a digit or a number word; other blocks are never segmented. */
export function figureSentences(blocks: readonly Pick<TextBlock, 'text'>[]): BlockSentence[] {
  const out: BlockSentence[] = [];
  blocks.forEach((b, block) => {
    if (!mayStateFigure(b.text)) return;
    for (const s of splitSentences(b.text)) {
      if (mayStateFigure(s.text)) out.push({ block, text: s.text, start: s.start, end: s.end });
    }
  });
  return out;
}

/**
 * Matches of sentences already seen, per index: a page checked again after a change, or one that
 * repeats a sentence, pays once. Bounded; only plain matching (no fuzzy score, no debug) is kept.
 */
const seen = new WeakMap<ClaimIndex, Map<string, FigureMatch[]>>();
const SEEN_LIMIT = 5_000;

/** Forgets the matches kept for `index`: a benchmark times each run from nothing. */
export function forgetMatches(index: ClaimIndex): void {
  seen.get(index)?.clear();
}

function matchOnce(text: string, index: ClaimIndex, options: MatchOptions): FigureMatch[] {
  if (options.fuzzy || options.debug) return matchSentence(text, index, options);
  let memo = seen.get(index);
  if (!memo) seen.set(index, (memo = new Map()));
  let matches = memo.get(text);
  if (!matches) {
    matches = matchSentence(text, index, options);
    if (memo.size >= SEEN_LIMIT) memo.clear();
    memo.set(text, matches);
  }
  return matches;
}

/** The findings of one sentence. */
export function checkSentence(sentence: BlockSentence, index: ClaimIndex, options: MatchOptions = {}): Finding[] {
  return matchOnce(sentence.text, index, options).map((m) => {
    const source = index.sources.get(m.claim.source);
    return {
      verdict: m.verdict,
      sentence: sentence.text,
      figure: m.figure.text,
      block: sentence.block,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      figureStart: sentence.start + m.figure.start,
      figureEnd: sentence.start + m.figure.end,
      claimId: m.claim.id,
      source: m.claim.source,
      quote: m.claim.quote,
      sourceFigure: m.sourceFigure.text,
      reason: explainMatch(m, source),
      score: Math.round(m.score * 1000) / 1000,
      ...(m.fuzzy !== undefined ? { fuzzy: m.fuzzy } : {}),
      pageFigure: m.figure,
    };
  });
}

/** Checks every block and returns the findings in page order. */
export function checkBlocks(blocks: readonly Pick<TextBlock, 'text'>[], index: ClaimIndex, options: MatchOptions = {}): Finding[] {
  return figureSentences(blocks).flatMap((s) => checkSentence(s, index, options));
}
