/**
 * A compact form of the claim index for the content script bundle, where every byte is loaded
 * on every page: figures as positional arrays and every term as an index into one shared
 * vocabulary. `expandClaims(compactClaims(claims))` gives back the claims the matcher reads
 * (all but `subject`, which only people read, in data/claims.json).
 */
import type { Claim, ClaimFigure } from './claim';
import type { Qualifier, UnitKind } from '../quantity/figure';

type CompactFigure = [
  text: string,
  start: number,
  end: number,
  low: number,
  high: number,
  unit: UnitKind,
  scale: number,
  tolerance: number,
  qualifier: Qualifier,
  /** [text, from, to] or 0 */
  period: [string, number, number] | 0,
  currency: string | 0,
  per: string | 0,
  timeUnit: ClaimFigure['timeUnit'] | 0,
  words: 1 | 0,
  entity: string | 0,
  context: number[],
  /** Weights × 100, rounded. */
  weights: number[],
];

type CompactClaim = [id: string, source: number, quote: string, heading: number, terms: number[], figures: CompactFigure[]];

export interface CompactIndex {
  vocabulary: string[];
  sources: string[];
  headings: string[];
  claims: CompactClaim[];
}

function interner(): { table: string[]; id: (s: string) => number } {
  const table: string[] = [];
  const ids = new Map<string, number>();
  return {
    table,
    id: (s) => {
      let i = ids.get(s);
      if (i === undefined) {
        i = table.length;
        table.push(s);
        ids.set(s, i);
      }
      return i;
    },
  };
}

export function compactClaims(claims: Claim[]): CompactIndex {
  const vocabulary = interner();
  const sources = interner();
  const headings = interner();
  const out: CompactClaim[] = claims.map((c) => [
    c.id,
    sources.id(c.source),
    c.quote,
    headings.id(c.heading),
    c.terms.map(vocabulary.id),
    c.figures.map((f): CompactFigure => [
      f.text,
      f.start,
      f.end,
      f.low,
      f.high,
      f.unit,
      f.scale,
      f.tolerance,
      f.qualifier,
      f.period ? [f.period.text, f.period.from, f.period.to] : 0,
      f.currency ?? 0,
      f.per ?? 0,
      f.timeUnit ?? 0,
      f.words ? 1 : 0,
      f.entity ?? 0,
      f.context.map(vocabulary.id),
      f.weights.map((w) => Math.round(w * 100)),
    ]),
  ]);
  return { vocabulary: vocabulary.table, sources: sources.table, headings: headings.table, claims: out };
}

export function expandClaims(index: CompactIndex): Claim[] {
  const term = (i: number) => index.vocabulary[i]!;
  return index.claims.map(([id, source, quote, heading, terms, figures]) => ({
    id,
    source: index.sources[source]!,
    quote,
    heading: index.headings[heading]!,
    subject: [],
    terms: terms.map(term),
    figures: figures.map(([text, start, end, low, high, unit, scale, tolerance, qualifier, period, currency, per, timeUnit, words, entity, context, weights]) => {
      const f: ClaimFigure = { text, start, end, low, high, unit, scale, tolerance, qualifier, context: context.map(term), weights: weights.map((w) => w / 100) };
      if (period) f.period = { text: period[0], from: period[1], to: period[2] };
      if (currency) f.currency = currency;
      if (per) f.per = per;
      if (timeUnit) f.timeUnit = timeUnit;
      if (words) f.words = true;
      if (entity) f.entity = entity;
      return f;
    }),
  }));
}
