/**
 * What a figure is about, read from the words around it: a weighted bag of content terms
 * (near words weigh more than far ones, words across a clause boundary less) and the place the
 * figure is bound to ("in the US", "China's total").
 */
import { normaliseWord, type PlacedTerm } from '../text/terms';
import { isEntity } from '../text/entities';

export type TermWeights = Map<string, number>;

/** Marks where one clause hands over to another with a new subject. */
const BOUNDARY = /;|:|\bwhile\b|\bwhereas\b|\bversus\b|\bvs\.?|\bagainst\b|\bcompared (?:with|to)\b|, but\b|, and\b|\bthan\b/gi;

/** Offsets in `text` where a clause boundary starts. Linear in the text's length. */
export function clauseBoundaries(text: string): number[] {
  const out: number[] = [];
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) out.push(m.index);
  return out;
}

/** True when an offset of `boundaries` (ascending) lies strictly between `a` and `b`. */
function crosses(boundaries: number[], a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  // The first offset past `lo`, by bisection: a long sentence has many boundaries and terms.
  let i = 0;
  let j = boundaries.length;
  while (i < j) {
    const mid = (i + j) >> 1;
    if (boundaries[mid]! > lo) j = mid;
    else i = mid + 1;
  }
  return i < boundaries.length && boundaries[i]! < hi;
}

/**
 * Words that name no quantity of their own: a clause with only these beside its figure ("compared
 * with roughly USD 40 billion in China over the same period") says nothing of what it counts.
 */
const FILLER_TERMS = new Set(
  ['period', 'earlier', 'later', 'before', 'respectively', 'time', 'level', 'levels', 'figure', 'total', 'mark', 'peers', 'counterparts'].map(
    normaliseWord,
  ),
);

/** A clause that sets another place beside the one before: "…, while the US needs …". */
const PARALLEL_BOUNDARY = /^(?:while|whereas|versus|vs|against|compared)\b/i;

/**
 * How much of the clause before a figure's own clause the figure takes (see `inheritedClause`):
 * less than its own words, so that a figure inheriting them does not meet a claim as closely as
 * one that says them itself.
 */
const EMPTY_SHARE = 0.7;

/**
 * Where the clause that holds [start, end) begins, when the figure counts what the clause before
 * counts: its own clause has no words outside the figure beyond places and filler ("…reached
 * about USD 54 billion in the US, compared with roughly USD 40 billion in China", "Frontier
 * technologies named: 7"). A clause with words of its own keeps to them, even one that sets
 * another place beside the first ("…, while the US's stood at 38%, down from 45% in 2020" is not
 * about what the first clause's figure counts). Undefined otherwise.
 */
function inheritedClause(terms: PlacedTerm[], boundaries: number[], start: number, end: number): number | undefined {
  let from: number | undefined;
  for (const b of boundaries) if (b < start) from = b;
  if (from === undefined || from === 0) return undefined;
  const to = boundaries.find((b) => b >= end) ?? Number.POSITIVE_INFINITY;
  for (const t of terms) {
    if (t.start < from || t.start >= to || (t.start >= start && t.end <= end)) continue;
    // The boundary's own word ("versus", "against") is not a word of the clause.
    if (t.start === from) continue;
    if (!isEntity(t.term) && !FILLER_TERMS.has(t.term)) return undefined;
  }
  return from;
}

/** The boundaries of `text` that open a clause setting another place beside the one before (see PARALLEL_BOUNDARY). */
function parallelBoundaries(text: string, boundaries: number[]): number[] {
  return boundaries.filter((x) => PARALLEL_BOUNDARY.test(text.slice(x, x + 12)));
}

/**
 * Term weights for the figure at [start, end) of `text`: 1 within three words of it, then
 * fading to 0.3; halved across a clause boundary. Entity terms are left out: they are compared
 * through `figureEntity`, since "China" alone must never make two figures the same quantity.
 * A figure that counts what the clause before counts (see `inheritedClause`) also takes the
 * words of that clause, weighed from where it ends.
 */
export function figureTerms(text: string, terms: PlacedTerm[], boundaries: number[], start: number, end: number): TermWeights {
  const weights = ownTerms(text, terms, boundaries, start, end);
  let at = inheritedClause(terms, boundaries, start, end);
  if (at === undefined) return weights;
  // The comma that ends the clause before ("…in the US, compared with…") parts nothing from the figure.
  while (at > 0 && /[\s,]/.test(text[at - 1]!)) at--;
  for (const [term, w] of ownTerms(text, terms, boundaries, at, at)) {
    const share = w * EMPTY_SHARE;
    if (share > (weights.get(term) ?? 0)) weights.set(term, share);
  }
  return weights;
}

/**
 * Between two figures of one series: "17% in 2020 to 31% in 2025", "13% of deals in 2020 and 31%
 * in 2025", "38% and 45%".
 */
const SERIES_GAP = /(?:^|\b(?:in|by|for)\s+(?:19|20)\d\d)\s*,?\s*(?:and|to|then)\s+(?:to\s+)?$/i;

/**
 * `figureTerms` for each figure of a sentence, where a figure that continues a series of the one
 * before it (same unit, joined by "to" or "and", right after the first or after its year, and not
 * followed by an "of" phrase of its own) also counts what the first counts: "from 17% in 2020 to
 * 31% in 2025".
 */
export function figureTermsOfAll(
  text: string,
  terms: PlacedTerm[],
  boundaries: number[],
  figures: readonly { start: number; end: number; unit: string }[],
): TermWeights[] {
  const out = figures.map((f) => figureTerms(text, terms, boundaries, f.start, f.end));
  for (let i = 1; i < figures.length; i++) {
    const [a, b] = [figures[i - 1]!, figures[i]!];
    if (a.unit !== b.unit || crosses(boundaries, a.end, b.start) || /^\s+of\b/i.test(text.slice(b.end, b.end + 4))) continue;
    if (!SERIES_GAP.test(text.slice(a.end, b.start))) continue;
    const weights = out[i]!;
    for (const [term, w] of out[i - 1]!) if (w > (weights.get(term) ?? 0)) weights.set(term, w);
  }
  return out;
}

function ownTerms(text: string, terms: PlacedTerm[], boundaries: number[], start: number, end: number): TermWeights {
  const weights: TermWeights = new Map();
  const commas: number[] = [];
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) commas.push(i);
  // "…came from novel modalities and only three from established ones": words before "and"
  // belong to the previous conjunct, not to the figure that opens the next one.
  const opensConjunct = /\b(?:and|or)\s+(?:only\s+|just\s+|about\s+|roughly\s+|nearly\s+)?[^\s]*$/i.test(text.slice(Math.max(0, start - 24), start).replace(/[^\s]*$/, 'x'));
  let pos = terms.findIndex((t) => t.start >= end);
  if (pos < 0) pos = terms.length;
  const before = terms.findIndex((t) => t.end > start);
  const firstAfter = pos;
  const lastBefore = before < 0 ? terms.length - 1 : before - 1;
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k]!;
    if (isEntity(t.term)) continue;
    if (t.start >= start && t.end <= end) {
      // Words inside the figure ("people per square kilometer") describe it directly.
      weights.set(t.term, Math.max(weights.get(t.term) ?? 0, 1));
      continue;
    }
    const d = k >= firstAfter ? k - firstAfter + 1 : lastBefore - k + 1;
    let w = d <= 3 ? 1 : Math.max(0.3, 1 - (d - 3) * 0.12);
    const [from, to] = k >= firstAfter ? [end, t.start] : [t.end, start];
    if (crosses(boundaries, from, to)) w *= 0.5;
    // A comma often opens another clause ("…30%, reflecting how…"): softer than a boundary.
    else if (crosses(commas, from - 1, to)) w *= 0.7;
    if (opensConjunct && k < firstAfter) w *= 0.5;
    weights.set(t.term, Math.max(weights.get(t.term) ?? 0, w));
  }
  return weights;
}

/**
 * Words before a place that make it the yardstick rather than the subject: "than the US",
 * "compared with China". After a figure "of" does too ("30% of US levels"); before one it
 * usually names the owner ("the R&D intensity of US innovators is 25%").
 */
const REFERENCE_WORDS = /\b(?:than|to|with|versus|vs\.?|against|on|over|from|like|unlike|as)\s+(?:the\s+)?$/i;

/** "20%–30% of US levels": a place right after a figure and "of" is what the figure is measured against. */
const OF_AFTER_FIGURE = /[\d%]\s+of\s+(?:the\s+)?$/;

/** "…, while in the US, …", "that in China, …": a place a clause opens on, in a phrase of its own. */
function opensClauseWithPlace(text: string, t: PlacedTerm): boolean {
  return (
    /^\s*,/.test(text.slice(t.end, t.end + 3)) &&
    /(?:^|[,;:]\s*|\b(?:that|while|whereas|but|and)\s+)in\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, t.start - 24), t.start))
  );
}

function isReference(text: string, t: PlacedTerm): boolean {
  if (/['’]s$/.test(text.slice(t.start, t.end))) return false;
  const before = text.slice(Math.max(0, t.start - 16), t.start);
  return REFERENCE_WORDS.test(before) || OF_AFTER_FIGURE.test(before);
}

/** "…with Boston and the Bay Area": a place joined to a yardstick place is a yardstick too. */
const JOINED_PLACE = /^\s*(?:,\s*|,?\s*(?:and|or|&)\s+)(?:the\s+)?$/i;

/** The place terms of `terms` that are yardsticks (see `isReference`), by their index. */
export function referencePlaces(text: string, terms: PlacedTerm[]): Set<number> {
  const out = new Set<number>();
  let last = -1;
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k]!;
    if (!isEntity(t.term)) continue;
    const joined = last >= 0 && out.has(last) && JOINED_PLACE.test(text.slice(terms[last]!.end, t.start));
    if (isReference(text, t) || (joined && !/['’]s$/.test(text.slice(t.start, t.end)))) out.add(k);
    last = k;
  }
  return out;
}

/**
 * The place a figure is about: "… $54 billion in the US" (a place right after, with "in"), or
 * "64 Chinese deals" (a people's name right after), else
 * the nearest place before it in its clause ("China's total was about $39 billion"), else none.
 * `references` are the sentence's yardstick places (see `referencePlaces`), read once a sentence.
 */
export function figureEntity(
  text: string,
  terms: PlacedTerm[],
  boundaries: number[],
  start: number,
  end: number,
  references: ReadonlySet<number> = referencePlaces(text, terms),
): string | undefined {
  for (const t of terms) {
    if (t.start < end || !isEntity(t.term)) continue;
    const gap = text.slice(end, t.start);
    if (gap.length > 40 || /[,;:.()]/.test(gap) || crosses(boundaries, end, t.start)) break;
    if (/\b(?:in|for|at|across|within|among)\s+(?:the\s+)?$/i.test(gap)) return t.term;
    // "64 Chinese biotech deals": a people's name right after the figure says whose it is (not
    // "US" in "10 billion US dollars").
    if (/^\s+$/.test(gap) && /^[A-Z][a-z]+(?:ese|an|ish)$/.test(text.slice(t.start, t.end))) return t.term;
    break;
  }
  let pastComma = false;
  for (let k = terms.length - 1; k >= 0; k--) {
    const t = terms[k]!;
    if (t.end > start) continue;
    const gap = text.slice(t.end, start);
    if (crosses(boundaries, t.end, start)) break;
    if (/[,;:]/.test(gap)) pastComma = true;
    if (!isEntity(t.term)) continue;
    // "the US's 38%": a possessive right before the figure names its owner, whatever precedes it.
    if (/['’]s$/.test(text.slice(t.start, t.end)) && gap.trim() === '') return t.term;
    if (references.has(k)) continue;
    // Across a comma only the sentence's own subject still holds: "Zhangjiang, by comparison, is at 1,500";
    // and a clause's opening "in China," ("data show that in China, the top 80 targets account for 80%").
    if (pastComma && k > 1 && !opensClauseWithPlace(text, t)) break;
    return t.term;
  }
  // A sentence about one place only is about that place throughout: "Industry: Boston hosts …,
  // and biopharma employment density is about 7,100 people per square kilometer".
  // Not a place in a clause set beside the figure's: "Its top 80 targets cover 80% …, while the US
  // needs 109" says nothing of where the 80% is.
  const beside = parallelBoundaries(text, boundaries);
  const places = new Set(
    terms.filter((t, k) => isEntity(t.term) && !references.has(k) && !crosses(beside, start, t.start)).map((t) => t.term),
  );
  return places.size === 1 ? [...places][0] : undefined;
}
