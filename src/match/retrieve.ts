/**
 * Finds the claims a page sentence may restate: a keyword pre-filter over the index's inverted
 * term lists, then fuse.js ranks the short list by fuzzy token similarity to the sentence's
 * words (fuse's Bitap search handles patterns of at most 32 characters, so it is given words,
 * never whole sentences).
 */
import Fuse from 'fuse.js';
import type { ClaimIndex, IndexedClaim } from '../claims/claim-index';
import { isEntity } from '../text/entities';

export interface Candidate {
  claim: IndexedClaim;
  /** IDF-weighted share of the sentence's terms the claim holds, 0–1. */
  overlap: number;
  /** fuse.js similarity of the claim's quote to the sentence's words, 0 (none) to 1 (same). */
  fuzzy: number;
}

/** At most this many claims go on to alignment. */
const SHORTLIST = 8;
/** A claim must hold at least this share of the sentence's (IDF-weighted, non-place) terms. */
const MIN_OVERLAP = 0.12;

/** The claims worth aligning against a sentence with these content terms and words. */
export function retrieveCandidates(index: ClaimIndex, sentenceTerms: string[], words: string[]): Candidate[] {
  const scores = new Map<number, number>();
  let total = 0;
  for (const term of new Set(sentenceTerms)) {
    if (isEntity(term)) continue;
    const w = index.idf(term);
    total += w;
    const list = index.byTerm.get(term);
    if (!list) continue;
    for (const i of list) scores.set(i, (scores.get(i) ?? 0) + w);
  }
  if (!total) return [];
  const shortlist = [...scores]
    .map(([i, s]) => ({ claim: index.claims[i]!, overlap: s / total }))
    .filter((c) => c.overlap >= MIN_OVERLAP)
    .sort((a, b) => b.overlap - a.overlap)
    .slice(0, SHORTLIST);
  if (!shortlist.length) return [];
  const query = [...new Set(words.filter((w) => w.length > 2 && w.length <= 32))].slice(0, 24).join(' ');
  const fuzzy = new Map<IndexedClaim, number>();
  if (query) {
    const fuse = new Fuse(shortlist.map((c) => c.claim), {
      keys: ['quote', 'heading'],
      includeScore: true,
      ignoreLocation: true,
      useTokenSearch: true,
      tokenMatch: 'any',
      threshold: 0.3,
    });
    for (const r of fuse.search(query)) fuzzy.set(r.item, 1 - (r.score ?? 1));
  }
  return shortlist
    .map((c) => ({ ...c, fuzzy: fuzzy.get(c.claim) ?? 0 }))
    .sort((a, b) => b.overlap + 0.25 * b.fuzzy - (a.overlap + 0.25 * a.fuzzy));
}
