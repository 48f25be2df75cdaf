/**
 * Finds the claims a page sentence may restate: an IDF-weighted keyword pre-filter over the
 * index's inverted term lists gives a short list; fuse.js then scores the claim a finding
 * cites by fuzzy token similarity to the sentence's words (fuse's Bitap search handles patterns
 * of at most 32 characters, so it is given words, never whole sentences).
 */
import Fuse from 'fuse.js';
import type { ClaimIndex, IndexedClaim } from '../claims/claim-index';
import { isEntity } from '../text/entities';

export interface Candidate {
  claim: IndexedClaim;
  /** IDF-weighted share of the sentence's terms the claim holds, 0–1. */
  overlap: number;
}

/** At most this many claims go on to alignment. */
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
  for (const term of sentenceTerms) {
    if (seen.has(term) || isEntity(term)) continue;
    seen.add(term);
    const w = index.idf(term);
    total += w;
    const list = index.byTerm.get(term);
    if (!list) continue;
    for (const i of list) {
      if (scratch[i] === 0) touched.push(i);
      scratch[i] = scratch[i]! + w;
    }
  }
  const out: Candidate[] = [];
  for (const i of touched) {
    const overlap = scratch[i]! / total;
    scratch[i] = 0;
    if (overlap >= MIN_OVERLAP) out.push({ claim: index.claims[i]!, overlap });
  }
  if (out.length > 1) out.sort((a, b) => b.overlap - a.overlap);
  if (out.length > SHORTLIST) out.length = SHORTLIST;
  return out;
}

let scratch = new Float64Array(0);

const fuses = new WeakMap<IndexedClaim, Fuse<IndexedClaim>>();

/**
 * fuse.js similarity of a claim to the words of a page sentence, 0 (none) to 1 (same): the
 * fuzzy token score that a finding records beside the alignment score. One Fuse instance per
 * claim, built when first needed, so only sentences that produced a finding pay for it.
 */
export function fuzzyScore(claim: IndexedClaim, words: string[]): number {
  // The longest words say most about a sentence; eight keep fuse's token search cheap.
  const query = [...new Set(words.filter((w) => w.length > 3 && w.length <= 32))].sort((a, b) => b.length - a.length).slice(0, 8).join(' ');
  if (!query) return 0;
  let fuse = fuses.get(claim);
  if (!fuse) {
    fuse = new Fuse([claim], { keys: ['quote', 'heading'], includeScore: true, ignoreLocation: true, useTokenSearch: true, tokenMatch: 'any', threshold: 0.3 });
    fuses.set(claim, fuse);
  }
  const hit = fuse.search(query)[0];
  return hit ? Math.round((1 - (hit.score ?? 1)) * 1000) / 1000 : 0;
}
