/**
 * Content terms: the words of a text that say what it is about, normalised so that a page and
 * a document that use different forms of a word ("originators"/"originator",
 * "kilometre"/"kilometer", "Chinese"/"China") still meet.
 */
import acronymsFile from '../../data/acronyms.json';
import type { Acronym } from './acronyms';
import { isNumberWord } from '../quantity/number-words';
import { entityOf, isEntity } from './entities';

/** Words that carry no subject: function words, hedges, scale and unit words. */
const STOPWORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with without into onto over under about above below ' +
    'as is are was were be been being am do does did done have has had having it its it\'s this that these those ' +
    'there their they them he she his her we our you your i me my which who whom whose what when where why how ' +
    'than then so such not no only just also very more most less least much many some any each every all both ' +
    'either neither other another same own up down out off again further once here can could will would shall ' +
    'should may might must now still yet even ever already while whereas although though because since until ' +
    'during before after between among across through via per around roughly approximately nearly almost ' +
    'approx circa estimated just well too quite rather said says say according reportedly ' +
    'percent cent pct percentage point points million millions billion billions trillion thousand hundred ' +
    'mn bn tn usd rmb cny eur gbp dollar dollars yuan times x fold one first ' +
    'meanwhile however moreover also including include includes included like within upon onto ' +
    'year years annual annually yearly month months day days week weeks versus vs against compared'
  ).split(/\s+/),
);

/**
 * Words that news and reports use interchangeably for the same thing: a page's "jumped" restates
 * a document's "surged", its "biggest" a "largest".
 */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ...['rise', 'rises', 'rose', 'risen', 'rising', 'jump', 'jumps', 'jumped', 'surge', 'surges', 'surged', 'soar', 'soars', 'soared',
    'climb', 'climbs', 'climbed', 'increase', 'increases', 'increased', 'grew', 'grow', 'grows', 'growing', 'gain', 'gains', 'gained']
    .map((w) => [w, 'rise'] as const),
  ...['fall', 'falls', 'fell', 'fallen', 'drop', 'drops', 'dropped', 'decline', 'declines', 'declined', 'decrease', 'decreases',
    'decreased', 'slump', 'slumped', 'plunge', 'plunged', 'shrank', 'shrink']
    .map((w) => [w, 'fall'] as const),
  ['annually', 'year'], ['yearly', 'year'], ['firms', 'company'], ['firm', 'company'], ['drugmakers', 'company'], ['drugmaker', 'company'],
  ...['deal', 'deals', 'transaction', 'transactions', 'pact', 'pacts', 'agreement', 'agreements'].map((w) => [w, 'deal'] as const),
  ...['publication', 'publications', 'paper', 'papers'].map((w) => [w, 'publication'] as const),
  ['biggest', 'largest'], ['spent', 'spend'],
]);

/** British spellings mapped to the American ones the index uses. */
function americanise(w: string): string {
  if (w.endsWith('tre') || w.endsWith('tres')) return w.replace(/tre(s?)$/, 'ter$1');
  if (w.endsWith('isation') || w.endsWith('isations')) return w.replace(/isation/, 'ization');
  if (/[^aeiou]ise[sd]?$/.test(w) && w.length > 5) return w.replace(/ise([sd]?)$/, 'ize$1');
  if (w.endsWith('our') && w.length > 5) return w.slice(0, -3) + 'or';
  return w;
}

const SUFFIXES: [string, string, number][] = [
  ['ations', '', 4], ['ation', '', 4], ['ators', '', 4], ['ator', '', 4], ['ings', '', 4], ['ing', '', 4],
  ['ies', 'y', 3], ['ied', 'y', 3], ['ers', '', 4], ['er', '', 4], ['ed', '', 4], ['es', '', 4],
  ['s', '', 3], ['ly', '', 4], ['e', '', 4],
];

/** A light stemmer: strips one common suffix, then keeps at most seven letters. */
export function stem(word: string): string {
  let w = americanise(word);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w.slice(0, 7);
  for (const [suffix, replacement, minStem] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minStem) {
      w = w.slice(0, w.length - suffix.length) + replacement;
      break;
    }
  }
  return w.slice(0, 7);
}

/** A term with where it stood: the index of its word among the text's words. */
export interface PlacedTerm {
  term: string;
  /** Character offsets of the word in the text. */
  start: number;
  end: number;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38 || c > 0xbf;
}

/**
 * The content terms of `text`, in order, with their offsets. Numbers, years and number words
 * are left out: they are figures, compared apart. Place names become entity terms ("china").
 */
export function placedTerms(text: string): PlacedTerm[] {
  const out: PlacedTerm[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n) {
      const cj = text.charCodeAt(j);
      // Keep "R&D", "M&A" and "U.S." whole; stop at other punctuation.
      if (isWordChar(cj)) j++;
      else if ((cj === 39 || cj === 0x2019) && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) j++;
      else if (cj === 46 && j + 1 < n && /[A-Z]/.test(text[j + 1]!) && j - i === 1 && /[A-Z]/.test(text[i]!)) j++;
      else break;
    }
    let raw = text.slice(i, j);
    // "U.S" from "U.S." — put the dot back so entities see "u.s.".
    if (text[j] === '.' && /^[A-Z](\.[A-Z])+$/.test(raw)) raw += '.';
    const start = i;
    i = j;
    const term = normaliseWord(raw);
    if (term) out.push({ term, start, end: j });
  }
  const merged = withoutAuthors(text, mergeMultiwordEntities(text, out));
  return expansions.size > 0 ? withAcronyms(text, merged) : merged;
}

/** An abbreviation's words as terms, and the abbreviation's own term. */
interface Expansion {
  terms: string[];
  term: string;
}

/**
 * The words an abbreviation stands for, by its term, without places ("EMA" is not about Europe):
 * the terms `placedTerms` adds where the abbreviation stands.
 */
let spelledOut = new Map<string, string[]>();

/**
 * The abbreviations in use, by the first term of their words (see src/text/acronyms.ts); filled
 * at the end of this module, once everything `placedTerms` needs is defined.
 */
let expansions = new Map<string, Expansion[]>();

/**
 * Sets the abbreviations `placedTerms` knows; those of data/acronyms.json until then. The index
 * build sets the ones it reads from the documents before it reads their claims.
 */
export function useAcronyms(acronyms: readonly Acronym[]): void {
  // An abbreviation's own words are read without any abbreviation.
  expansions = new Map();
  spelledOut = new Map();
  expansions = compileAcronyms(acronyms);
  for (const list of expansions.values()) {
    for (const e of list) spelledOut.set(e.term, e.terms.filter((t) => !isEntity(t)));
  }
}

function compileAcronyms(acronyms: readonly Acronym[]): Map<string, Expansion[]> {
  const out = new Map<string, Expansion[]>();
  for (const { short, long } of acronyms) {
    const terms = placedTerms(long).map((t) => t.term);
    const term = normaliseWord(short);
    if (terms.length < 2 || !term) continue;
    const list = out.get(terms[0]!);
    if (list) list.push({ terms, term });
    else out.set(terms[0]!, [{ terms, term }]);
  }
  return out;
}

/** An abbreviation's words among this many terms before it were written out ("targeted protein degradation (TPD)"). */
const SPELLED_OUT_WITHIN = 8;

/** Between two words of an abbreviation's: spaces, hyphens and the short words it skips. */
const EXPANSION_GAP = /^[\s-]*(?:(?:and|of|the|for|in|on|to)[\s-]+)*$/i;

/**
 * Adds an abbreviation's term after the words it stands for, placed on the last of them:
 * "targeted protein degradation" also reads as "tpd". And the other way round: the abbreviation's
 * words after it, placed on it, unless the text has just written them out. "TPD patents" also
 * reads as "tpd target protein degrad patent", so that a page's "patents on protein degraders"
 * meets a document's "TPD patents".
 */
function withAcronyms(text: string, terms: PlacedTerm[]): PlacedTerm[] {
  const out: PlacedTerm[] = [];
  for (let k = 0; k < terms.length; k++) {
    out.push(terms[k]!);
    // Most terms neither are an abbreviation nor start one's words.
    if (!spelledOut.has(terms[k]!.term) && !expansions.has(terms[k]!.term)) continue;
    const words = spelledOut.get(terms[k]!.term);
    if (words) {
      const { start, end } = terms[k]!;
      const written = new Set(out.slice(-SPELLED_OUT_WITHIN - 1).map((t) => t.term));
      for (const term of words) if (!written.has(term)) out.push({ term, start, end });
    }
    for (const e of expansions.get(terms[k]!.term) ?? []) {
      const n = e.terms.length;
      let ok = k + n <= terms.length;
      for (let j = 1; ok && j < n; j++) {
        ok = terms[k + j]!.term === e.terms[j] && EXPANSION_GAP.test(text.slice(terms[k + j - 1]!.end, terms[k + j]!.start));
      }
      if (!ok) continue;
      for (let j = 1; j < n; j++) out.push(terms[k + j]!);
      const last = terms[k + n - 1]!;
      out.push({ term: e.term, start: last.start, end: last.end });
      k += n - 1;
      break;
    }
  }
  return out;
}

const normalised = new Map<string, string>();

/** Normalises one word to its term, or '' when it carries no subject. Cached: a page repeats its words. */
export function normaliseWord(raw: string): string {
  let term = normalised.get(raw);
  if (term === undefined) {
    term = normaliseUncached(raw);
    // Bounded, so a page of random words cannot grow it without end.
    if (normalised.size > 50_000) normalised.clear();
    normalised.set(raw, term);
  }
  return term;
}

function normaliseUncached(raw: string): string {
  let w = raw.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("s'")) w = w.slice(0, -1);
  // "us" is a pronoun unless written as a country: "US", "U.S.".
  const entity = w === 'us' && raw.replace(/['’]s$/, '') !== 'US' ? '' : entityOf(w);
  if (entity) return entity;
  if (/\d/.test(w)) return /[a-z]/.test(w) ? w : '';
  if (w.length < 2 && w !== '&') return '';
  const synonym = SYNONYMS.get(w);
  if (synonym) return synonym;
  if (STOPWORDS.has(w) || isNumberWord(w)) return '';
  return stem(w);
}

/** First words of the place names that take two words. */
const MULTIWORD_STARTS = new Set(['united', 'hong', 'san', 'new', 'south', 'bay', 'silicon', 'mainland', "people's", 'people’s']);

/** The first letters of MULTIWORD_STARTS, lower case: most words start with none, and are not sliced. */
const MULTIWORD_FIRST_LETTERS = new Set([...MULTIWORD_STARTS].map((word) => word.charCodeAt(0)));

/** Joins "United States", "Hong Kong", "San Francisco"… into one entity term. */
function mergeMultiwordEntities(text: string, terms: PlacedTerm[]): PlacedTerm[] {
  const out: PlacedTerm[] = [];
  for (let k = 0; k < terms.length; k++) {
    const a = terms[k]!;
    const b = terms[k + 1];
    if (
      b &&
      b.start - a.end <= 2 &&
      MULTIWORD_FIRST_LETTERS.has(text.charCodeAt(a.start) | 0x20) &&
      MULTIWORD_STARTS.has(text.slice(a.start, a.end).toLowerCase()) &&
      text.slice(a.end, b.start).trim() === ''
    ) {
      const entity = entityOf((text.slice(a.start, a.end) + ' ' + text.slice(b.start, b.end)).toLowerCase());
      if (entity) {
        out.push({ term: entity, start: a.start, end: b.end });
        k++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** Firms a page cites for its figures whose names hold a place: neither that place nor a subject. */
const AUTHORS = /\bBoston\s+Consulting\s+Group\b/g;

/** `terms` without those of the firms' names in `text` (see AUTHORS), wherever they stand. */
function withoutAuthors(text: string, terms: PlacedTerm[]): PlacedTerm[] {
  if (!text.includes('Consulting')) return terms;
  const spans = [...text.matchAll(AUTHORS)].map((m) => [m.index, m.index + m[0].length] as const);
  return spans.length === 0 ? terms : terms.filter((t) => !spans.some(([from, to]) => t.start >= from && t.end <= to));
}

/**
 * The terms of `weights` that are the words of an abbreviation also there ("busines" and
 * "develop" beside "bd"), whether `placedTerms` added them where the abbreviation stands or the
 * text wrote them out (and `placedTerms` added the abbreviation after them).
 */
export function spelledOutIn(weights: ReadonlyMap<string, number>): Set<string> {
  const out = new Set<string>();
  for (const term of weights.keys()) for (const word of spelledOut.get(term) ?? []) if (weights.has(word)) out.add(word);
  return out;
}

/** The set of content terms of a text. */
export function termsOf(text: string): string[] {
  return [...new Set(placedTerms(text).map((t) => t.term))];
}

useAcronyms(acronymsFile as Acronym[]);
