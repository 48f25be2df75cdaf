/**
 * Finds the claims a page sentence may restate: an IDF-weighted keyword pre-filter over the
 * index's inverted term lists gives a short list for alignment (see fuzzy-score.ts for the
 * fuse.js score the `check` command records beside each finding).
 */
import { isTableRow } from '../claims/claim';
import type { ClaimIndex, IndexedClaim } from '../claims/claim-index';
import { isEntity } from '../text/entities';

export interface Candidate {
  claim: IndexedClaim;
  /** IDF-weighted share of the sentence's terms the claim holds, 0–1. */
  overlap: number;
}

/** At most this many claims go on to alignment (eight cost the matching 10–25% more time). */
const SHORTLIST = 6;
/** A claim must hold at least this share of the sentence's (IDF-weighted, non-place) terms. */
const MIN_OVERLAP = 0.15;

/** The claims worth aligning against a sentence with these content terms and words. */
export function retrieveCandidates(index: ClaimIndex, sentenceTerms: string[]): Candidate[] {
  // Scores accumulate in a reused typed array; only the claims touched are read back.
  if (scratch.length < index.claims.length) scratch = new Float64Array(index.claims.length);
  const touched: number[] = [];
  let total = 0;
  const seen = new Set<string>();
  // Indexed loops: most sentences of a page get here, and array iterators allocate until the
  // code is optimized.
  for (let k = 0; k < sentenceTerms.length; k++) {
    const term = sentenceTerms[k]!;
    if (seen.has(term) || isEntity(term)) continue;
    seen.add(term);
    const w = index.idf(term);
    total += w;
    const list = index.byTerm.get(term);
    if (!list) continue;
    for (let m = 0; m < list.length; m++) {
      const i = list[m]!;
      if (scratch[i] === 0) touched.push(i);
      scratch[i] = scratch[i]! + w;
    }
  }
  const out: Candidate[] = [];
  for (let k = 0; k < touched.length; k++) {
    const i = touched[k]!;
    const overlap = scratch[i]! / total;
    scratch[i] = 0;
    if (overlap >= MIN_OVERLAP) out.push({ claim: index.claims[i]!, overlap });
  }
  if (out.length > 1) out.sort((a, b) => b.overlap - a.overlap);
  if (out.length <= SHORTLIST) return out;
  // The rows of one table share its long title, and so each other's overlap: a few of them must
  // leave room for other claims, lest a sentence about the table's total be read against its rows.
  const kept: Candidate[] = [];
  const rowsOf = new Map<string, number>();
  for (const c of out) {
    if (kept.length === SHORTLIST) break;
    if (isTableRow(c.claim)) {
      const rows = rowsOf.get(c.claim.heading) ?? 0;
      if (rows >= ROWS_PER_TABLE) continue;
      rowsOf.set(c.claim.heading, rows + 1);
    }
    kept.push(c);
  }
  return kept;
}

/** At most this many rows of one table go on to alignment. */
const ROWS_PER_TABLE = 3;

let scratch = new Float64Array(0);
