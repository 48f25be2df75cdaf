/**
 * The fuse.js score a finding records beside the alignment score: how closely the cited claim's
 * text matches the page sentence's words, with fuse's fuzzy token search (its Bitap matcher
 * takes patterns of at most 32 characters, so it is given words, never whole sentences).
 *
 * The `check` command asks for it. The content script does not: it would add fuse.js to the
 * bundle every page loads and a fuse search per finding.
 */
import Fuse from 'fuse.js';
import type { IndexedClaim } from '../claims/claim-index';

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
