import type { Figure } from '../quantity/figure';

export type Verdict = 'corroborated' | 'conflicting';

/** One page figure that a claim of the reference documents corroborates or conflicts with. */
export interface Finding {
  verdict: Verdict;
  /** The page sentence and the figure as the page writes it. */
  sentence: string;
  figure: string;
  /** Where it is: index of the text block, offsets of the sentence and the figure in the block's text. */
  block: number;
  sentenceStart: number;
  sentenceEnd: number;
  figureStart: number;
  figureEnd: number;
  /** Evidence. */
  claimId: string;
  source: string;
  quote: string;
  sourceFigure: string;
  /** One line a reader understands: "Page says 36% for 2025; the report says 34% (2025)." */
  reason: string;
  /** How closely the sentence matched the claim, 0 (none) to 1 (same words). */
  score: number;
  /** fuse.js similarity of the claim's text to the sentence's words, 0–1 (when asked for: the CLI does). */
  fuzzy?: number;
  pageFigure: Figure;
}

/** What the page needs of a finding to show it: the matcher's own values (the parsed figure, the scores) stay behind. */
export type PageFinding = Omit<Finding, 'pageFigure' | 'score' | 'fuzzy'>;
