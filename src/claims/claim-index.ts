/**
 * The claim index as the matcher uses it: the claims of data/claims.json with their sources, an
 * inverted index from content terms to claims, and the inverse document frequency of every term
 * (a term found in many claims, such as "china" or "drug", says little about which one is meant).
 */
import type { Claim, ClaimFigure, Source } from './claim';
import claimsFile from '../../data/claims.json';
import sourcesFile from '../../data/sources.json';

export interface IndexedFigure extends ClaimFigure {
  /** Context term → weight, for the alignment of page figures. */
  near: Map<string, number>;
  /** The IDF-weighted total of `near`: what the claim side of a similarity is a share of. */
  nearWeight: number;
  /**
   * The terms of `near` in its order, each with its weight times its IDF: the matcher weighs
   * them for every sentence it aligns with the figure, and arrays are read without the allocations
   * of a map's iterator.
   */
  nearTerms: string[];
  nearWeighted: number[];
  /**
   * The near terms of weight 0.5 or more that the claim holds, each with its IDF times its weight
   * capped at 1: the words a page figure can share with this one (a pair's `local`).
   */
  localTerms: string[];
  localWeights: number[];
}

export interface IndexedClaim extends Omit<Claim, 'figures'> {
  figures: IndexedFigure[];
  termSet: Set<string>;
}

export interface ClaimIndex {
  claims: IndexedClaim[];
  /** Term → indices of the claims that hold it. */
  byTerm: Map<string, number[]>;
  /** Term → inverse document frequency; terms in no claim get the highest. */
  idf: (term: string) => number;
  sources: Map<string, Source>;
}

/** Builds the in-memory index from claims and sources. */
export function createClaimIndex(claims: Claim[], sources: Source[]): ClaimIndex {
  const indexed: IndexedClaim[] = claims.map((c) => ({
    ...c,
    termSet: new Set(c.terms),
    figures: c.figures.map(indexFigure),
  }));
  const byTerm = new Map<string, number[]>();
  indexed.forEach((c, i) => {
    for (const t of c.termSet) {
      const list = byTerm.get(t);
      if (list) list.push(i);
      else byTerm.set(t, [i]);
    }
  });
  const n = indexed.length;
  const unseen = Math.log(n + 1) + 1;
  const idfCache = new Map<string, number>();
  for (const [t, list] of byTerm) idfCache.set(t, Math.log((n + 1) / (list.length + 1)) + 1);
  const idf = (term: string) => idfCache.get(term) ?? unseen;
  for (const claim of indexed) {
    for (const figure of claim.figures) {
      for (const [t, w] of figure.near) {
        const weight = idf(t);
        const weighted = w * weight;
        figure.nearWeight += weighted;
        figure.nearTerms.push(t);
        figure.nearWeighted.push(weighted);
        if (w < 0.5 || !claim.termSet.has(t)) continue;
        figure.localTerms.push(t);
        figure.localWeights.push(weight * Math.min(1, w));
      }
    }
  }
  return {
    claims: indexed,
    byTerm,
    idf,
    sources: new Map(sources.map((s) => [s.file, s])),
  };
}

/**
 * A claim figure with every property set, absent ones to undefined, in one order: the matcher
 * reads thousands of figures per page, and objects of one shape keep its compiled code fast
 * (figures shaped by which of their optional parts they have make V8 give up on it).
 */
function indexFigure(f: ClaimFigure): IndexedFigure {
  return {
    text: f.text,
    start: f.start,
    end: f.end,
    low: f.low,
    high: f.high,
    unit: f.unit,
    currency: f.currency,
    scale: f.scale,
    tolerance: f.tolerance,
    qualifier: f.qualifier,
    timeUnit: f.timeUnit,
    per: f.per,
    period: f.period,
    words: f.words,
    context: f.context,
    weights: f.weights,
    entity: f.entity,
    near: new Map(f.context.map((t, i) => [t, f.weights[i] ?? 1])),
    nearWeight: 0,
    nearTerms: [],
    nearWeighted: [],
    localTerms: [],
    localWeights: [],
  };
}

function isClaimList(value: unknown): value is Claim[] {
  return Array.isArray(value) && value.every((c) => typeof c === 'object' && c !== null && 'id' in c && 'quote' in c && 'figures' in c);
}

let bundled: ClaimIndex | undefined;

/** The index bundled with the extension and the CLI (data/claims.json and data/sources.json). */
export function loadClaimIndex(): ClaimIndex {
  if (bundled) return bundled;
  const claims = (claimsFile as { claims: unknown }).claims;
  if (!isClaimList(claims)) throw new Error('data/claims.json does not hold a list of claims; run `npm run index`.');
  bundled = createClaimIndex(claims, sourcesFile as Source[]);
  return bundled;
}
