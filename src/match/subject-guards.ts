/**
 * Guards that keep a page figure from being read as a statement of a claim's figure when the
 * sentence says something else with the same words: it denies or only supposes the figure, it
 * is about another company, product or place, it counts another thing, or its percentage is a
 * change where the claim's is a level. Each guard says "no verdict"; none ever makes one.
 */
import type { IndexedClaim, IndexedFigure } from '../claims/claim-index';
import type { Figure } from '../quantity/figure';
import { SUPERLATIVE_AFTER } from '../quantity/parse-figures';
import { entityOf, isEntity } from '../text/entities';
import { normaliseWord, placedTerms, type PlacedTerm } from '../text/terms';
import { clauseBoundaries } from './figure-context';

/** Words that end the noun phrase after a figure: prepositions, verbs and clause openers. */
export const POPULATION_END = new Set(
  'in on at from by with for to into that which who whose where is are was were be been has have had than compared versus vs while whereas during since through as according up down last this next over under between among per'.split(' '),
);

/**
 * Words that do not narrow what a share is of: "all global trials" and "the world's trials"
 * count the same thing. Adverbs ("currently") are left out too.
 */
export const SCOPE_WORDS = new Set([
  'all', 'the', 'global', 'world', "world's", 'worldwide', 'international', 'total', 'overall', 'entire', 'whole', 'current',
  // The yardstick of a ratio, not the thing counted: "five times the level of Zhangjiang", "one-sixth the size of".
  'level', 'levels', 'size',
  // Trials are clinical: "cell and gene therapy trials" are the document's "… clinical trials".
  'clinical',
]);

const PART_OF_YEAR = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|half|quarter|months?|weeks?|[hq][1-4]|[1-4][hq]|ytd)\b/gi;

/** The part of a year a period names ("august", "half", "q1"), or '' for the whole year. */
export function partOfYear(period: string): string {
  return (period.toLowerCase().match(PART_OF_YEAR) ?? []).join(' ');
}

/** Words with which a sentence rejects what it reports: "It is false that…", "a post wrongly claimed…". */
const REJECTS = /\b(?:false|untrue|wrong|wrongly|erroneous(?:ly)?|mistaken(?:ly)?|incorrect(?:ly)?|overstat\w*|understat\w*|myths?|debunk\w*|misleading|contrary to)\b/i;

/**
 * Negation or supposition before a figure in its clause: "does not account for 50%", "if … were".
 * A word inside a hyphenated compound ("never-before-explored targets") negates nothing.
 */
const NEGATES = /(?<![\w-])(?:not(?!\s+(?:only|just|least|less|more|fewer|over|under|below|above)\b)|never|no longer|cannot|\w+n't|if|unless|whether)(?![\w-])/i;

/** Where a phrase breaks off: a comma, colon, semicolon or dash followed by a space. */
const PHRASE_BREAK = /[,;:—–]\s|\s[-–—]\s/g;

/** The start and end of the phrase around [start, end): the text between the breaks on either side. */
function phraseAround(sentence: string, start: number, end: number): [number, number] {
  let from = 0;
  let to = sentence.length;
  PHRASE_BREAK.lastIndex = 0;
  for (let m = PHRASE_BREAK.exec(sentence); m; m = PHRASE_BREAK.exec(sentence)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return [from, to];
}

/**
 * How far the sentence stands by the figure at [start, end):
 * - `denied` when its own phrase (between commas, colons, dashes) negates or supposes it before
 *   it, or rejects it anywhere: "China does not account for 50%", "if spending were $39 billion".
 *   No verdict at all.
 * - `doubted` when something else in the sentence rejects it ("a post claimed 48%, which
 *   overstates it") or a negation comes before it in its clause: no conflict, which would accuse
 *   the page of saying what it rejects; a corroboration stands ("The myth is dead: China
 *   accounts for 38%").
 * - `stated` otherwise.
 */
export function assertion(sentence: string, clauseStart: number, start: number, end: number): 'stated' | 'doubted' | 'denied' {
  const [from, to] = phraseAround(sentence, start, end);
  if (NEGATES.test(sentence.slice(from, start)) || REJECTS.test(sentence.slice(from, to))) return 'denied';
  if (REJECTS.test(sentence)) return 'doubted';
  return NEGATES.test(sentence.slice(clauseStart, start)) ? 'doubted' : 'stated';
}

/**
 * Values five times apart or more are rarely one quantity misstated: "$100 million" is not the
 * "$6.2 billion" deal. Except a slipped decimal point or zero: the same two or more significant
 * digits a power of ten apart ("$11.28 billion" for "$112.8 billion", "15,000" for "1,500").
 */
export function implausibleGap(page: Figure, claim: IndexedFigure): boolean {
  const a = Math.abs((page.low + page.high) / 2);
  const b = Math.abs((claim.low + claim.high) / 2);
  if (!a || !b) return false;
  const ratio = Math.max(a, b) / Math.min(a, b);
  if (ratio < 5) return false;
  const digits = significantDigits(a);
  return !(digits.length >= 2 && digits === significantDigits(b) && Math.abs(Math.log10(ratio) - Math.round(Math.log10(ratio))) < 1e-9);
}

/** The significant digits of a number, without its zeros at either end: 112.8 and 1,128,000 give "1128". */
function significantDigits(n: number): string {
  return String(n).replace('.', '').replace(/^0+|0+$/g, '');
}

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * The proper names of a text that are not places: companies and products ("Pfizer", "3SBio",
 * "SSGJ-707"), in lower case. Left out: a sentence's or a table cell's first word, acronyms ("TPD", "PD-1"),
 * months, places (one or two words), and words that carry no subject.
 */
function namesOf(text: string): { names: Set<string>; owners: Set<string> } {
  const names = new Set<string>();
  const owners = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s(“"'‘])((?:[A-Z]|\d[A-Z])[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(['’]s)?/g)) {
    const word = m[1]!;
    const owner = m[2] !== undefined;
    const at = m.index! + m[0].length - word.length - (m[2]?.length ?? 0);
    // A table row's cells are tab-separated, and a cell opens on a capital like a sentence does.
    const opensSentence = at === 0 || /[\t\n]\s*$/.test(text.slice(Math.max(0, at - 3), at)) || !/[a-z0-9,;]\s*$/i.test(text.slice(Math.max(0, at - 3), at));
    // A capital that opens the sentence is a name when a capitalised word follows ("Montage Technology's IPO").
    if (opensSentence && !owner && !/^ [A-Z][a-z]/.test(text.slice(at + word.length, at + word.length + 3))) continue;
    // A footnote number glued to a word ("1China's") is not part of its name.
    const lower = word.toLowerCase().replace(/^\d+(?=[a-z]{3})/, '');
    const before = /(\S+)\s+$/.exec(text.slice(Math.max(0, at - 20), at))?.[1]?.toLowerCase();
    const after = /^\s+([A-Za-z]+)/.exec(text.slice(at + word.length, at + word.length + 20))?.[1]?.toLowerCase();
    if (entityOf(lower) || !normaliseWord(word) || (before && entityOf(`${before} ${lower}`)) || (after && entityOf(`${lower} ${after}`))) continue;
    if (/^[A-Z&]{1,5}$/.test(word) || /^[A-Z]{1,3}-?\d{1,2}$/.test(word) || (MONTH.test(word) && word.length <= 9)) continue;
    names.add(lower);
    if (owner) owners.add(lower);
  }
  return { names, owners };
}

/** What a sentence says it is about, read once per sentence. */
export interface SentenceSubject {
  lower: string;
  /** Companies and products it names. */
  names: Set<string>;
  /** The one word of a leading "In Jiangsu," that is neither a known place nor a month. */
  leadingPlace: string | null;
  /** The parts the sentence keeps to, where it names them: "in oncology alone", "for oncology assets alone". */
  segments: Segment[];
}

/** Words that open the phrase a part of a whole is named in: "in oncology alone". */
const SEGMENT_OPENERS = new Set(['in', 'for', 'among', 'within', 'across', 'of', 'on', 'at']);

/** A part of a whole a sentence keeps to: the offset of its "alone", and its content terms. */
interface Segment {
  at: number;
  terms: string[];
}

/**
 * The parts of a whole a sentence keeps to with "alone": the words after the phrase's preposition
 * ("for oncology assets alone"), or the one word before ("oncology alone"). Places are left to
 * the place guards, and years name no part ("In 2024 alone").
 */
function segmentTerms(sentence: string): Segment[] {
  const out: Segment[] = [];
  if (!sentence.includes('alone')) return out;
  for (const m of sentence.matchAll(/((?:[A-Za-z][\w'’&-]*\s+){1,4})alone\b/g)) {
    let words = m[1]!.trim().split(/\s+/);
    if (words.at(-1)!.toLowerCase() === 'let') continue;
    const opener = words.findLastIndex((w) => SEGMENT_OPENERS.has(w.toLowerCase()));
    words = opener >= 0 ? words.slice(opener + 1) : words.slice(-1);
    const terms = placedTerms(words.join(' ')).map((t) => t.term).filter((t) => !isEntity(t));
    if (terms.length > 0) out.push({ at: m.index + m[0].length, terms });
  }
  return out;
}

export function sentenceSubject(sentence: string): SentenceSubject {
  const lead = /^In ([A-Z][a-z]+),/.exec(sentence)?.[1];
  const leadingPlace = lead && !entityOf(lead.toLowerCase()) && !MONTH.test(lead) ? lead.toLowerCase() : null;
  return { lower: sentence.toLowerCase(), names: namesOf(sentence).names, leadingPlace, segments: segmentTerms(sentence) };
}

/** Words that open a clause of its own: an owner before them owns something else ("McKinsey's analysts found that…"). */
const CLAUSE_OPENER = /\b(?:that|which|who|whom|whose|whether)\s/gi;

/**
 * The owners named in the figure's own phrase and clause: "Hengrui's R&D intensity is 22%",
 * "Merck's $588 million payment". One named in another phrase ("According to McKinsey's report,
 * …") or before the clause that holds the figure ("McKinsey's analysts found that China…") says
 * whose words these are, not whose figure.
 */
export function ownersAround(sentence: string, start: number, end: number): Set<string> {
  const [phraseStart, phraseEnd] = phraseAround(sentence, start, end);
  const lead = sentence.slice(phraseStart, start);
  let from = phraseStart;
  CLAUSE_OPENER.lastIndex = 0;
  for (let m = CLAUSE_OPENER.exec(lead); m; m = CLAUSE_OPENER.exec(lead)) from = phraseStart + m.index + m[0].length;
  return namesOf(sentence.slice(from, phraseEnd)).owners;
}

const claimSubjects = new WeakMap<IndexedClaim, { names: Set<string>; quote: string }>();

/** The companies and products a claim names, and its quote in lower case; read once a claim. */
function knownSubject(claim: IndexedClaim): { names: Set<string>; quote: string } {
  let known = claimSubjects.get(claim);
  if (!known) claimSubjects.set(claim, (known = { names: namesOf(claim.quote).names, quote: claim.quote.toLowerCase() }));
  return known;
}

/**
 * Whether the figure's clause names a company before it ("Innovent Biologics secured 187
 * patents"), not as a source ("according to…"), while the figure names no place of its own: read
 * once per figure, for `companyAgainstPlace`.
 */
export function companyNamedBefore(clauseBefore: string, entity: string | undefined): boolean {
  return !entity && !ATTRIBUTION.test(clauseBefore) && namesOf(clauseBefore).names.size > 0;
}

/**
 * True when a company is named before the figure (`namedBefore`, see `companyNamedBefore`) and the
 * claim gives its figure for a place without naming any company ("Chinese entities secured 400"):
 * a company's figure is not a country's.
 */
export function companyAgainstPlace(namedBefore: () => boolean, claim: IndexedClaim, figure: IndexedFigure): boolean {
  if (!figure.entity || !namedBefore()) return false;
  return knownSubject(claim).names.size === 0;
}

/** Words that say whose account a figure is: the names after them are sources, not owners. */
const ATTRIBUTION = /\b(?:according to|cited by|says?|said|reports?|reported|estimates?|estimated|data from|figures from|analysis)\b/i;

/**
 * True when the sentence is about another subject than the claim: it names companies or
 * products and none of the claim's, or the figure's phrase names an owner the claim does not, or
 * the sentence opens on a place the claim does not name, or keeps to a part ("in oncology alone")
 * the claim does not name in the figure's `clause`, or
 * places (in the figure's clause) none of which the claim or its document is about.
 */
export function otherSubject(
  subject: SentenceSubject,
  owners: ReadonlySet<string>,
  clausePlaces: ReadonlySet<string>,
  claim: IndexedClaim,
  documentPlaces: (file: string) => ReadonlySet<string>,
  clause: readonly [number, number],
): boolean {
  const { names, quote } = knownSubject(claim);
  if (names.size > 0 && subject.names.size > 0 && ![...names].some((n) => subject.lower.includes(n))) return true;
  for (const owner of owners) if (!quote.includes(owner)) return true;
  if (subject.leadingPlace !== null && !quote.includes(subject.leadingPlace)) return true;
  // "In oncology alone, …" is about a part of what a claim about the whole counts; "…, and the NIH
  // budget alone is $47 billion" keeps to a part in its own clause only.
  for (const segment of subject.segments) {
    if (segment.at > clause[0] && segment.at <= clause[1] && segment.terms.some((t) => !claim.termSet.has(t))) return true;
  }
  if (clausePlaces.size > 0) {
    const about = documentPlaces(claim.source);
    if (![...clausePlaces].some((p) => claim.termSet.has(p) || about.has(p))) return true;
  }
  return false;
}

/** Words that end the noun phrase a figure opens: verbs, clause openers, comparisons. */
const HEAD_END = new Set(
  'that which who whose while whereas than compared versus vs since according reflecting making bringing suggesting indicating is are was were be been has have had will would could may might rose fell grew jumped surged reached came come originate originated says said and worth'.split(' '),
);

/**
 * The first two content terms of the noun phrase right after a figure, and its last: "600 [granted
 * ADC] patents", "25% of [global CAR-T] trials", "600 [TPD patent] … [applications]".
 */
export function headTerms(text: string, end: number): string[] {
  const rest = text.slice(end, end + 80);
  const stop = /[,;:.()!?]/.exec(rest);
  const words = (stop ? rest.slice(0, stop.index) : rest).split(/\s+/).filter(Boolean);
  if (words[0]?.toLowerCase() === 'of') words.shift();
  const kept: string[] = [];
  for (const w of words) {
    const lower = w.toLowerCase();
    if (HEAD_END.has(lower) || POPULATION_END.has(lower) || /\d/.test(w)) break;
    // A participle after the noun starts what is said of it: "seven frontier technologies named in…".
    if (kept.length > 0 && /(?:ed|ing)$/.test(lower)) break;
    if (!SCOPE_WORDS.has(lower) && !(lower.length > 4 && lower.endsWith('ly'))) kept.push(w);
  }
  const terms = placedTerms(kept.join(' '))
    .map((t) => t.term)
    .filter((t) => !isEntity(t));
  // The phrase's last word is its head noun: "600 TPD patent [applications]".
  return terms.length > 2 ? [terms[0]!, terms[1]!, terms.at(-1)!] : terms;
}

const claimHeads = new WeakMap<IndexedFigure, string[]>();

/**
 * True when the page figure and the claim figure count different things: the page's noun phrase
 * holds a word the claim never uses while the claim's holds one the sentence never uses ("600
 * granted ADC patents" against "400 granted TPD patents").
 */
export function otherHead(pageHead: readonly string[], sentenceTerms: ReadonlySet<string>, claim: IndexedClaim, figure: IndexedFigure): boolean {
  if (!pageHead.some((t) => !claim.termSet.has(t))) return false;
  return claimHead(claim, figure).some((t) => !sentenceTerms.has(t));
}

/** The head terms of a claim figure's phrase (see `headTerms`), read once per figure. */
export function claimHead(claim: IndexedClaim, figure: IndexedFigure): string[] {
  let head = claimHeads.get(figure);
  if (!head) claimHeads.set(figure, (head = headTerms(claim.quote, figure.end)));
  return head;
}

const CHANGE_BEFORE =
  /\b(?:rose|risen|rises?|grew|grown|grows?|growing|fell|fallen|falls?|jump\w*|surg\w*|soar\w*|climb\w*|increas\w*|decreas\w*|declin\w*|drop\w*|slump\w*|gain\w*|cut|cuts|(?<!\bma(?:ke|kes|king|de)\s)up|down|by|(?:growth|increase|rise|decline|drop|fall|gain)\s+of)\s+(?:(?:about|roughly|some|nearly|around|almost|just|more than|over|at least|only)\s+)?$/i;

/** True for a percentage that is a change ("fell 20%", "grow by over 7%"), not a level or a share ("20% of US levels"). */
export function isChange(text: string, start: number, end: number): boolean {
  if (/^\s+of\b/.test(text.slice(end, end + 5))) return false;
  return CHANGE_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/** The verbs a change is told with; the clause's words before the verb name what changes. */
const CHANGE_VERB =
  /\b(?:rose|risen|rises?|rising|grew|grown|grows?|growing|fell|fallen|falls?|falling|jump\w*|surg\w*|soar\w*|climb\w*|increas\w*|decreas\w*|declin\w*|drop\w*|slump\w*|expand\w*)\b/gi;

/** Words that frame a change rather than name what changes: "is projected to grow". */
const CHANGE_FRAME = /^(?:expect\w*|project\w*|forecast\w*|predict\w*|likely|set|plans?|aims?|continu\w*|also|still|now|further|annual\w*|steadily|sharply|rapidly)$/i;

/**
 * The content terms of what a change is told of: the words of the figure's clause before its
 * verb, without places ("China's [CRO market] to grow by more than 7%"). Empty when the clause
 * names no verb of change before the figure.
 */
export function changeSubject(text: string, clauseStart: number, figureStart: number): string[] {
  const before = text.slice(clauseStart, figureStart);
  const verb = [...before.matchAll(CHANGE_VERB)].at(-1);
  if (!verb) return [];
  const words = before.slice(0, verb.index);
  return placedTerms(words)
    .filter((t) => !isEntity(t.term) && !CHANGE_FRAME.test(words.slice(t.start, t.end)))
    .map((t) => t.term);
}

/** "share of", "proportion of": what follows names the whole a share is taken of. */
const SHARE_OF = /\b(?:share|proportion|percentage|portion)\s+of\s+/gi;

/** Words that end the whole a share is taken of: verbs and the prepositions of a period or place. */
const WHOLE_END = /^(?:rose|rises?|risen|grew|grows?|grown|increased|increases?|climbed|jumped|fell|dropped|declined|went|was|were|is|are|has|have|had|reached|stood|stands|hit|from|to|by|at|in|since|between)$/i;

/**
 * The content terms of the whole a percentage before it is a share of: "China's share of [global
 * clinical trials] rose from 17%". Empty when no "share of" opens the figure's clause before it.
 */
export function shareWhole(text: string, clauseStart: number, figureStart: number): string[] {
  const before = text.slice(clauseStart, figureStart);
  const opener = [...before.matchAll(SHARE_OF)].at(-1);
  if (!opener) return [];
  const words: string[] = [];
  for (const word of before.slice(opener.index + opener[0].length).split(/\s+/)) {
    if (!word || WHOLE_END.test(word) || words.length === 5) break;
    words.push(word);
    if (/[,;:]$/.test(word)) break;
  }
  const phrase = words.join(' ');
  return placedTerms(phrase)
    .filter((t) => !isEntity(t.term) && !SCOPE_WORDS.has(phrase.slice(t.start, t.end).toLowerCase()))
    .map((t) => t.term);
}

/** Reads what a figure is told of from the words of its clause before it (`changeSubject`, `shareWhole`). */
type PhraseReader = (text: string, clauseStart: number, figureStart: number) => string[];

const claimPhrases = new Map<PhraseReader, WeakMap<IndexedFigure, string[]>>();

/**
 * True when the page and the claim tell their figures of different things: the page's words hold
 * one the claim never uses, and the sentence none of the claim's. For changes ("China's CRO market
 * to grow by more than 7%" against "China's R&D spending is projected to grow by over 7%") and
 * for shares ("China's share of global clinical trials rose from 17%" against "China's share of
 * originators in global BD deals increased from 17%").
 */
export function toldOfOther(
  read: PhraseReader,
  pageWords: readonly string[],
  sentenceTerms: ReadonlySet<string>,
  claim: IndexedClaim,
  figure: IndexedFigure,
): boolean {
  if (!pageWords.some((t) => !claim.termSet.has(t))) return false;
  let cache = claimPhrases.get(read);
  if (!cache) claimPhrases.set(read, (cache = new WeakMap()));
  let words = cache.get(figure);
  if (!words) {
    const [from] = clauseAround(clauseBoundaries(claim.quote), figure.start, figure.end);
    cache.set(figure, (words = read(claim.quote, from, figure.start)));
  }
  return words.length > 0 && !words.some((t) => sentenceTerms.has(t));
}

const claimChanges = new WeakMap<IndexedFigure, boolean>();

export function claimFigureIsChange(claim: IndexedClaim, figure: IndexedFigure): boolean {
  let change = claimChanges.get(figure);
  if (change === undefined) claimChanges.set(figure, (change = isChange(claim.quote, figure.start, figure.end)));
  return change;
}

/** The start and end of the clause (see clauseBoundaries) that holds the figure at [start, end). */
export function clauseAround(boundaries: readonly number[], start: number, end: number): [number, number] {
  let from = 0;
  let to = Number.POSITIVE_INFINITY;
  for (const b of boundaries) {
    if (b < start) from = Math.max(from, b);
    else if (b >= end) to = Math.min(to, b);
  }
  return [from, to];
}

/** The places named in the clause [from, to). */
export function clausePlaces(terms: readonly PlacedTerm[], [from, to]: readonly [number, number]): Set<string> {
  return new Set(terms.filter((t) => isEntity(t.term) && t.start >= from && t.end <= to).map((t) => t.term));
}

/** A pronoun that refers back to what an earlier clause named: "its share", "they hold". */
const REFERS_BACK = /\b(?:its|their|it|they)\b/gi;

/**
 * The clause a figure's clause refers back to: the one before, when a pronoun before the figure
 * stands for what it named with no place between the two ("Japan's presence has risen: its share
 * … reached 34%, closing in on the US's 38%"). Its places are the figure's, and a part it keeps
 * to ("Oncology alone is a huge field, and it accounts for 25%") narrows the figure. Null otherwise.
 */
export function referentClause(
  sentence: string,
  terms: readonly PlacedTerm[],
  boundaries: readonly number[],
  clause: readonly [number, number],
  figureStart: number,
): [number, number] | null {
  if (clause[0] === 0) return null;
  const pronoun = [...sentence.slice(clause[0], figureStart).matchAll(REFERS_BACK)].at(-1);
  if (!pronoun) return null;
  const from = clause[0] + pronoun.index;
  if (terms.some((t) => isEntity(t.term) && t.start >= from && t.end <= figureStart)) return null;
  return clauseAround(boundaries, clause[0] - 1, clause[0]);
}

/**
 * True when a rank by a superlative ranks another thing than the claim's: every content word of
 * what is ranked ("second-largest [market for medical devices]", "[economy]") must be the claim's.
 */
export function otherRanked(sentence: string, page: Figure, claim: IndexedClaim): boolean {
  if (page.unit !== 'rank') return false;
  const rest = sentence.slice(page.end, page.end + 80);
  const by = SUPERLATIVE_AFTER.exec(rest);
  if (!by || !/^\s/.test(rest.slice(by[0].length))) return false;
  const phrase = rest.slice(by[0].length).trimStart().split(/[,;:.()!?]|\s(?:and|after|behind|with|in|by|since|while|which|that|is|was|has|had)\s/)[0]!;
  return placedTerms(phrase.split(/\s+/).slice(0, 6).join(' ')).some((t) => !isEntity(t.term) && !claim.termSet.has(t.term));
}

/** Words that give a figure as a projection or a goal rather than an outcome. */
const FORECAST = /\b(?:projected|projects?|expected|expects?|forecasts?|forecasted|predicted|predicts?|will|would|is set to|are set to|aims? to|aiming to|plans? to|planned|intends? to)\b/i;

/** A sentence that sets a goal: "the plan calls for 15 hubs", "a target of 80% by 2030". */
const GOAL = /\b(?:calls? for|call(?:ed|ing) for|targets?|goals?|envisag\w*|mandat\w*|pledg\w*|vows?)\b/i;

/**
 * True for a page figure given as the outcome of a year ("grew by more than 7% in 2025"): it has
 * a period that is no deadline ("by 2030"), in a sentence that neither projects nor sets a goal.
 */
export function isOutcome(sentence: string, page: Figure): boolean {
  return !!page.period && !/^by\b/i.test(page.period.text) && !FORECAST.test(sentence) && !GOAL.test(sentence);
}

/** True for a sentence that projects a figure or sets a goal ("calls for 12 hubs", "aims to"). */
export function setsGoal(sentence: string): boolean {
  return FORECAST.test(sentence) || GOAL.test(sentence);
}

const claimForecasts = new WeakMap<IndexedFigure, boolean>();

/**
 * True when the claim gives its figure as a projection or goal ("projected to grow by over 7%
 * annually", "mandates self-reliance in 80% of components by 2030"), in the figure's own clause.
 * An outcome (see `isOutcome`) neither bears out nor contradicts a forecast.
 */
export function claimFigureIsForecast(claim: IndexedClaim, figure: IndexedFigure): boolean {
  let forecast = claimForecasts.get(figure);
  if (forecast === undefined) {
    const [from, to] = clauseAround(clauseBoundaries(claim.quote), figure.start, figure.end);
    const clause = claim.quote.slice(from, to);
    // A deadline ("in 80% of components by 2030") makes a goal too.
    forecast = setsGoal(clause) || /^by\b/i.test(figure.period?.text ?? '');
    claimForecasts.set(figure, forecast);
  }
  return forecast;
}
