import type { Figure } from '../quantity/figure';

/** A figure of a claim, with the words that say what it measures. */
export interface ClaimFigure extends Figure {
  /** Normalised content terms that describe the figure (its clause, or its table row and column headers), closest first. */
  context: string[];
  /** Weight of each context term, 0–1, by how close it stands to the figure. */
  weights: number[];
  /** Place the figure is about (normalised: "china", "us", "boston"), when the text binds one. */
  entity?: string;
}

/** One factual statement of a reference document that states at least one figure. */
export interface Claim {
  /** Stable across runs: the source's short id and a hash of the quote. */
  id: string;
  /** The seed's file name, e.g. "003_dce1a891bb52ea4f.txt". */
  source: string;
  /** The exact text of the statement in the document (a sentence, or a table row with its headers). */
  quote: string;
  /** The section heading above the statement, or the exhibit title of a table row. */
  heading: string;
  /** What the figures are about: entities and metric words, human readable. */
  subject: string[];
  /** Normalised terms of the quote and its context, used for retrieval. */
  terms: string[];
  figures: ClaimFigure[];
}

/** A reference document, as described in data/sources.json. */
export interface Source {
  file: string;
  title: string;
  publisher: string;
  date: string;
  description: string;
}

/** Whether a claim is a row of a document's table (its cells are tab-separated), not a sentence. */
export function isTableRow(claim: Pick<Claim, 'quote'>): boolean {
  return claim.quote.includes('\t');
}
