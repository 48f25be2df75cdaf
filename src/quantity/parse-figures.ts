/**
 * Finds the figures a text states and the periods that scope them.
 *
 * Works on the tokens of `tokenize` with a bounded look-around at each position, so the cost
 * is linear in the input's length whatever it holds.
 */
import type { Figure, Period, Qualifier, UnitKind } from './figure';
import { CARDINALS, CURRENCY_ONLY_SCALES, FRACTIONS, ORDINALS, SCALES, TENS } from './number-words';
import { DASHES, tokenize, type Token } from './tokenize';

/** A year or span of years the text names: "in 2025", "from 2023 to 2025", "through August 2025". */
export interface PeriodMention extends Period {
  start: number;
  end: number;
  /** Index of its first and one past its last token. */
  first: number;
  last: number;
}

export interface QuantityScan {
  figures: Figure[];
  periods: PeriodMention[];
}

interface QualifierRule {
  words: string[];
  qualifier: Qualifier;
  /** Verbs ("exceeded") set the qualifier but are not part of the figure's text. */
  verb?: boolean;
}

const QUALIFIER_RULES: QualifierRule[] = [
  { words: ['no', 'less', 'than'], qualifier: 'at-least' },
  { words: ['not', 'less', 'than'], qualifier: 'at-least' },
  { words: ['no', 'fewer', 'than'], qualifier: 'at-least' },
  { words: ['no', 'more', 'than'], qualifier: 'at-most' },
  { words: ['not', 'more', 'than'], qualifier: 'at-most' },
  { words: ['as', 'much', 'as'], qualifier: 'up-to' },
  { words: ['as', 'many', 'as'], qualifier: 'up-to' },
  { words: ['as', 'high', 'as'], qualifier: 'up-to' },
  { words: ['an', 'estimated'], qualifier: 'about' },
  { words: ['more', 'than'], qualifier: 'over' },
  { words: ['greater', 'than'], qualifier: 'over' },
  { words: ['higher', 'than'], qualifier: 'over' },
  { words: ['less', 'than'], qualifier: 'under' },
  { words: ['fewer', 'than'], qualifier: 'under' },
  { words: ['lower', 'than'], qualifier: 'under' },
  { words: ['at', 'least'], qualifier: 'at-least' },
  { words: ['at', 'most'], qualifier: 'at-most' },
  { words: ['up', 'to'], qualifier: 'up-to' },
  { words: ['close', 'to'], qualifier: 'about' },
  { words: ['just', 'under'], qualifier: 'nearly' },
  { words: ['just', 'below'], qualifier: 'nearly' },
  { words: ['just', 'over'], qualifier: 'over' },
  { words: ['well', 'over'], qualifier: 'over' },
  { words: ['well', 'above'], qualifier: 'over' },
  { words: ['about'], qualifier: 'about' },
  { words: ['around'], qualifier: 'about' },
  { words: ['roughly'], qualifier: 'about' },
  { words: ['approximately'], qualifier: 'about' },
  { words: ['approx'], qualifier: 'about' },
  { words: ['circa'], qualifier: 'about' },
  { words: ['some'], qualifier: 'about' },
  { words: ['estimated'], qualifier: 'about' },
  { words: ['nearly'], qualifier: 'nearly' },
  { words: ['almost'], qualifier: 'nearly' },
  { words: ['over'], qualifier: 'over' },
  { words: ['above'], qualifier: 'over' },
  { words: ['exceeding'], qualifier: 'over', verb: true },
  { words: ['exceeded'], qualifier: 'over', verb: true },
  { words: ['exceeds'], qualifier: 'over', verb: true },
  { words: ['exceed'], qualifier: 'over', verb: true },
  { words: ['surpassing'], qualifier: 'over', verb: true },
  { words: ['surpassed'], qualifier: 'over', verb: true },
  { words: ['tops'], qualifier: 'over', verb: true },
  { words: ['topped'], qualifier: 'over', verb: true },
  { words: ['under'], qualifier: 'under' },
  { words: ['below'], qualifier: 'under' },
];

/** The rules by their first word, longest first, so a token looks at its own few rules only. */
const RULES_BY_FIRST_WORD: ReadonlyMap<string, QualifierRule[]> = QUALIFIER_RULES.reduce((map, rule) => {
  map.set(rule.words[0]!, [...(map.get(rule.words[0]!) ?? []), rule]);
  return map;
}, new Map<string, QualifierRule[]>());

const SYMBOL_QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map([
  ['~', 'about'], ['≈', 'about'], ['∼', 'about'], ['>', 'over'], ['≥', 'at-least'], ['<', 'under'], ['≤', 'at-most'],
]);

/** Words that may stand between a qualifier and its number, or before either, without meaning. */
const FILLERS = new Set(['only', 'just', 'mere', 'a']);

const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['usd', 'USD'], ['rmb', 'RMB'], ['cny', 'RMB'], ['eur', 'EUR'], ['gbp', 'GBP'], ['jpy', 'JPY'],
  ['hkd', 'HKD'], ['chf', 'CHF'], ['inr', 'INR'], ['krw', 'KRW'], ['sgd', 'SGD'],
]);
const CURRENCY_SUFFIX_WORDS: ReadonlyMap<string, string> = new Map([
  ...CURRENCY_WORDS,
  ['dollars', 'USD'], ['dollar', 'USD'], ['yuan', 'RMB'], ['renminbi', 'RMB'], ['euros', 'EUR'],
  ['euro', 'EUR'], ['pounds', 'GBP'], ['yen', 'JPY'],
]);
const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'YEN-SIGN'], ['₹', 'INR'], ['₩', 'KRW'],
]);
/** Letters glued before "$": "US$", "HK$", "S$". */
const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['hk', 'HKD'], ['s', 'SGD'], ['a', 'AUD'], ['c', 'CAD'], ['nt', 'TWD'],
]);

const TIME_UNITS: ReadonlyMap<string, 'day' | 'week' | 'month' | 'year'> = new Map([
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'], ['month', 'month'],
  ['months', 'month'], ['year', 'year'], ['years', 'year'], ['yr', 'year'], ['yrs', 'year'],
]);

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Words after which a number is a label, not a quantity: "Exhibit 3", "No. 818", "Phase 3". */
const LABEL_WORDS = new Set([
  'exhibit', 'figure', 'fig', 'table', 'chart', 'chapter', 'section', 'page', 'pages', 'no', 'nos',
  'number', 'phase', 'article', 'decree', 'covid', 'version', 'v', 'vol', 'volume', 'issue', 'item',
  'step', 'tier', 'grade', 'level', 'class', 'series', 'route', 'room', 'unit', 'ward', 'gate',
  'line', 'platform', 'episode', 'season', 'part', 'appendix', 'annex', 'footnote', 'note', 'rule',
  'clause', 'paragraph', 'slide', 'model', 'type', 'lot', 'flight', 'highway', 'channel', 'act',
]);

/** Prepositions that introduce a period: "in 2025", "as of 2025", "through August 2025". */
const PERIOD_PREPOSITIONS = new Set(['in', 'by', 'through', 'thru', 'since', 'until', 'till', 'from', 'during', 'for', 'between', 'of', 'before', 'after', 'to']);

/** Words before a span of years that make it a window rather than a figure: "over the past five years". */
const WINDOW_WORDS = new Set(['past', 'last', 'next', 'coming', 'previous', 'recent', 'over', 'within', 'during', 'for']);

/** Verbs that make a following ordinal a rank: "Shanghai ranks seventh". */
const RANK_WORDS = new Set(['rank', 'ranks', 'ranked', 'ranking', 'placed', 'places', 'finished', 'came', 'comes', 'rated']);

/**
 * The words a period or a figure can start with: the first words readPeriod (prepositions,
 * "as of", "mid-", months), matchQualifier, matchCurrencyPrefix and readNumber look for.
 */
const OPENING_WORDS: ReadonlySet<string> = new Set([
  ...PERIOD_PREPOSITIONS, 'as', 'end', 'mid', 'early', 'late', ...MONTHS,
  ...RULES_BY_FIRST_WORD.keys(), ...DOLLAR_PREFIXES.keys(), 'us', ...CURRENCY_WORDS.keys(),
  'a', 'one', 'half', 'twice', ...CARDINALS.keys(),
]);

/** The symbols a period or a figure can start with: a short year's apostrophe, a qualifier, a currency sign. */
const OPENING_SYMBOLS: ReadonlySet<string> = new Set(["'", '’', ...SYMBOL_QUALIFIERS.keys(), ...CURRENCY_SYMBOLS.keys()]);

/**
 * Whether a period or a figure may start at this token. Most words of a sentence start
 * neither, and this one lookup spares the scan from trying both readers on them.
 */
function mayOpen(tok: Token): boolean {
  if (tok.type === 'word') return OPENING_WORDS.has(tok.lower);
  if (tok.type === 'sym') return OPENING_SYMBOLS.has(tok.text);
  return true;
}

function isYearValue(t: Token | undefined): boolean {
  return (
    !!t && t.type === 'num' && !t.grouped && t.decimals === 0 && t.text.length === 4 &&
    t.value! >= 1900 && t.value! <= 2100 && (t.suffix === undefined || ['h1', 'h2', 'fy', 'q1', 'q2', 'q3', 'q4', 's'].includes(t.suffix))
  );
}

function isWord(t: Token | undefined, ...words: string[]): boolean {
  return !!t && t.type === 'word' && (words.length === 0 || words.includes(t.lower));
}

function isDash(t: Token | undefined): boolean {
  return !!t && t.type === 'sym' && DASHES.has(t.text);
}

/** Half a unit of the last written digit, with the trailing zeros of an approximate round number. */
function numberTolerance(t: Token, approximate: boolean): number {
  const d = t.decimals ?? 0;
  if (d > 0) return 0.5 * 10 ** -d;
  if (approximate && t.value! >= 100) {
    let z = 0;
    let v = Math.round(t.value!);
    while (v % 10 === 0 && v > 0 && z < 3) {
      v /= 10;
      z++;
    }
    // "About 2,000" is not 1,000–3,000: the room of a round number is at most a tenth of it.
    return Math.min(0.5 * 10 ** z, 0.1 * t.value!);
  }
  return 0.5;
}

interface NumberRead {
  value: number;
  tolerance: number;
  next: number;
  words: boolean;
  /** Fractions read as words are percentages already. */
  fraction?: boolean;
  /** "twice": a multiple by itself. */
  multiple?: boolean;
  ordinal?: boolean;
  token?: Token;
}

interface Scanner {
  text: string;
  t: Token[];
}

/** Reads a number at token i: digits, cardinal words, fractions, and ratios ("three in ten"). */
function readNumber(s: Scanner, i: number, approximate: boolean): NumberRead | null {
  const tok = s.t[i];
  // "One in five": "one" is read as a number only as a ratio's or a scale's.
  if (tok && isWord(tok, 'one')) {
    const ratio = readRatio(s, { value: 1, tolerance: 0.5, next: i + 1, words: true });
    if (ratio) return ratio;
  }
  const read = readPlainNumber(s, i, approximate);
  return read && !read.fraction && !read.ordinal && !read.multiple ? (readRatio(s, read) ?? read) : read;
}

/** Denominators of the ratios people write as "N in M" or "N out of M". */
const RATIO_DENOMINATORS = new Set([2, 3, 4, 5, 6, 8, 10, 20, 100]);

/**
 * "Three in ten", "one in five", "2 out of 3": a share written as a ratio, read as the percentage
 * it stands for. Such a ratio is rounded by nature: it stands for anything within half a step of
 * it (30% ± 5 for "three in ten", 1% ± 0.5 for "one in 100"), though no more than 5 points
 * either way.
 */
function readRatio(s: Scanner, n: NumberRead): NumberRead | null {
  const t = s.t;
  let k = n.next;
  if (isWord(t[k], 'in')) k++;
  else if (isWord(t[k], 'out') && isWord(t[k + 1], 'of')) k += 2;
  else return null;
  const m = readPlainNumber(s, k, false);
  if (!m || m.fraction || m.ordinal || m.multiple || !RATIO_DENOMINATORS.has(m.value) || !(n.value >= 1 && n.value < m.value)) return null;
  // "One in ten thousand", "2 in 5 years", "three in 10%": not a share of a whole.
  const after = t[m.next];
  if (after && ((after.type === 'sym' && after.text === '%') || (isWord(after) && (SCALES.has(after.lower) || TIME_UNITS.has(after.lower) || after.lower === 'percent')))) return null;
  if (!Number.isInteger(n.value) || (n.token && n.token.text !== String(n.value))) return null;
  return { value: (n.value / m.value) * 100, tolerance: Math.min(5, 50 / m.value), next: m.next, words: true, fraction: true };
}

function readPlainNumber(s: Scanner, i: number, approximate: boolean): NumberRead | null {
  const t = s.t;
  const tok = t[i];
  if (!tok) return null;
  if (tok.type === 'num') {
    if (tok.suffix && ['th', 'st', 'nd', 'rd'].includes(tok.suffix)) {
      return { value: tok.value!, tolerance: 0.5, next: i + 2, words: false, ordinal: true, token: tok };
    }
    return { value: tok.value!, tolerance: numberTolerance(tok, approximate), next: i + 1, words: false, token: tok };
  }
  if (tok.type !== 'word') return null;
  const w = tok.lower;
  // Fractions: "a quarter", "one-third", "two-thirds", "three quarters", "half".
  let numerator = 0;
  let j = i;
  if (w === 'a' || w === 'one') {
    numerator = 1;
    j = i + 1;
  } else if (CARDINALS.has(w) && (CARDINALS.get(w) ?? 0) < 10) {
    numerator = CARDINALS.get(w)!;
    j = i + 1;
  }
  if (numerator && isDash(t[j]) && !t[j]!.spaced) j++;
  const fracTok = t[j];
  if (numerator && fracTok && isWord(fracTok) && FRACTIONS.has(fracTok.lower) && fractionHere(s, i, j, numerator)) {
    const den = FRACTIONS.get(fracTok.lower)!;
    return { value: (numerator / den) * 100, tolerance: 1.5, next: j + 1, words: true, fraction: true };
  }
  if (w === 'half' && fractionHere(s, i, i, 1)) {
    return { value: 50, tolerance: 1.5, next: i + 1, words: true, fraction: true };
  }
  if (w === 'twice') return { value: 2, tolerance: 0.05, next: i + 1, words: true, multiple: true };
  if (CARDINALS.has(w) && w !== 'one') {
    if (nameLike(s, i)) return null;
    let value = CARDINALS.get(w)!;
    let next = i + 1;
    // "twenty-five", "twenty five"
    if (TENS.has(w)) {
      let k = next;
      if (isDash(t[k]) && !t[k]!.spaced) k++;
      const unit = t[k];
      if (unit && isWord(unit) && CARDINALS.has(unit.lower) && CARDINALS.get(unit.lower)! < 10) {
        value += CARDINALS.get(unit.lower)!;
        next = k + 1;
      }
    }
    if (isWord(t[next], 'hundred')) {
      value *= 100;
      next++;
    }
    return { value, tolerance: 0.5, next, words: true };
  }
  if (w === 'one' && isWord(t[i + 1]) && SCALES.has(t[i + 1]!.lower) && !CURRENCY_ONLY_SCALES.has(t[i + 1]!.lower)) {
    return { value: 1, tolerance: 0.5, next: i + 1, words: true };
  }
  return null;
}

/** A fraction word is a fraction, not a date part ("first quarter") or an ordinal ("the third core"). */
function fractionHere(s: Scanner, first: number, fracIndex: number, numerator: number): boolean {
  const t = s.t;
  const before = t[first - 1];
  if (before && isWord(before) && (ORDINALS.has(before.lower) || before.lower === 'the' || before.lower === 'this' || before.lower === 'last' || before.lower === 'next')) {
    return false;
  }
  const frac = t[fracIndex]!;
  if (frac.lower === 'half') {
    const after = t[fracIndex + 1];
    if (after && isDash(after) && !after.spaced) return false; // "half-life"
    return !after || !isWord(after) || ['of', 'the', 'that', 'its', 'their', 'a', 'an', 'what', 'as', 'his', 'her', 'our'].includes(after.lower) || numerator === 1 && first !== fracIndex;
  }
  if (first === fracIndex) return false;
  const after = t[fracIndex + 1];
  // "a third of", "one-sixth of the US level", "less than one-third"; not "a third party" nor "a
  // third-party vendor".
  if (after && (after.text === '-' || after.text === '\u2010' || after.text === '\u2011') && !after.spaced && isWord(t[fracIndex + 2])) return false;
  if (!after || after.type === 'sym') return true;
  return isWord(after, 'of', 'the', 'that', 'to', 'as', 'in', 'for', 'more', 'less', 'lower', 'higher', 'smaller', 'larger', 'fewer');
}

/** A capitalised number word after another word is part of a name ("14th Five-Year Plan"). */
function nameLike(s: Scanner, i: number): boolean {
  const tok = s.t[i]!;
  const first = tok.text.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  const prev = s.t[i - 1];
  if (!prev) return false;
  if (prev.type === 'sym' && ['.', '!', '?', ':', '"', '“', '(', '[', '-', '•', '|', "'", '‘'].includes(prev.text)) return false;
  // Line starts (headings, list items) begin a sentence too.
  if (s.text.slice(prev.end, tok.start).includes('\n')) return false;
  return true;
}

function matchQualifier(s: Scanner, i: number): { rule: QualifierRule; next: number } | null {
  const t = s.t;
  const tok = t[i];
  if (!tok) return null;
  if (tok.type === 'sym') {
    const q = SYMBOL_QUALIFIERS.get(tok.text);
    if (!q) return null;
    // "≥" written as ">" "="
    let next = i + 1;
    let qualifier = q;
    if (t[next]?.text === '=' && !t[next]!.spaced) {
      qualifier = q === 'over' ? 'at-least' : q === 'under' ? 'at-most' : q;
      next++;
    }
    return { rule: { words: [tok.text], qualifier }, next };
  }
  if (tok.type !== 'word') return null;
  for (const rule of RULES_BY_FIRST_WORD.get(tok.lower) ?? []) {
    let ok = true;
    for (let k = 1; k < rule.words.length; k++) {
      if (!isWord(t[i + k], rule.words[k]!)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    let next = i + rule.words.length;
    if (rule.words[0] === 'approx' && t[next]?.text === '.') next++;
    return { rule, next };
  }
  return null;
}

function matchCurrencyPrefix(s: Scanner, i: number): { currency: string; next: number } | null {
  const t = s.t;
  const tok = t[i];
  if (!tok) return null;
  if (tok.type === 'sym' && CURRENCY_SYMBOLS.has(tok.text)) return { currency: CURRENCY_SYMBOLS.get(tok.text)!, next: i + 1 };
  if (tok.type === 'word') {
    const next = t[i + 1];
    if (next && next.type === 'sym' && next.text === '$' && !next.spaced && DOLLAR_PREFIXES.has(tok.lower)) {
      return { currency: DOLLAR_PREFIXES.get(tok.lower)!, next: i + 2 };
    }
    if (tok.lower === 'us' && next?.type === 'sym' && next.text === '$') return { currency: 'USD', next: i + 2 };
    if (CURRENCY_WORDS.has(tok.lower) && (tok.text === tok.text.toUpperCase())) return { currency: CURRENCY_WORDS.get(tok.lower)!, next: i + 1 };
  }
  return null;
}

interface Suffix {
  unit?: UnitKind;
  scale?: number;
  currency?: string;
  timeUnit?: Figure['timeUnit'];
  per?: string;
  next: number;
  /** True when the number is a temperature or otherwise not a figure. */
  reject?: boolean;
}

/** Reads what follows a number: scale, %, times, time units, currency words, "per X". */
function readSuffix(s: Scanner, i: number, hasCurrency: boolean): Suffix {
  const t = s.t;
  const out: Suffix = { next: i };
  let j = i;
  const tok = t[j];
  if (tok && isWord(tok) && SCALES.has(tok.lower) && tok.lower !== 'hundred') {
    const glued = !tok.spaced;
    const oneLetter = CURRENCY_ONLY_SCALES.has(tok.lower);
    const isAbbrev = ['mn', 'mln', 'mm', 'bn', 'bln', 'tn', 'trn'].includes(tok.lower);
    if (oneLetter ? hasCurrency && glued : isAbbrev ? glued || hasCurrency || tok.text[0] === tok.text[0]!.toUpperCase() : true) {
      out.scale = SCALES.get(tok.lower)!;
      j++;
    }
  }
  const u = t[j];
  if (u) {
    if (u.type === 'sym' && u.text === '%') {
      out.unit = 'percent';
      j++;
      if (isWord(t[j], 'points', 'point', 'pts', 'pt')) {
        out.per = 'point';
        j++;
      }
    } else if (isWord(u, 'percent', 'pct')) {
      out.unit = 'percent';
      j++;
    } else if (isWord(u, 'per') && isWord(t[j + 1], 'cent')) {
      out.unit = 'percent';
      j += 2;
    } else if (isWord(u, 'percentage') && isWord(t[j + 1], 'points', 'point')) {
      out.unit = 'percent';
      out.per = 'point';
      j += 2;
    } else if ((isWord(u, 'x') && !u.spaced) || (u.type === 'sym' && u.text === '×') || isWord(u, 'times', 'fold')) {
      out.unit = 'multiple';
      j++;
    } else if (isDash(u) && !u.spaced && isWord(t[j + 1], 'fold')) {
      out.unit = 'multiple';
      j += 2;
    } else if (isWord(u) && TIME_UNITS.has(u.lower)) {
      out.unit = 'duration';
      out.timeUnit = TIME_UNITS.get(u.lower);
      j++;
    } else if (isDash(u) && !u.spaced && isWord(t[j + 1]) && TIME_UNITS.has(t[j + 1]!.lower) && !t[j + 1]!.spaced) {
      // "30-day", "10-year"
      out.unit = 'duration';
      out.timeUnit = TIME_UNITS.get(t[j + 1]!.lower);
      j += 2;
    } else if (isWord(u) && CURRENCY_SUFFIX_WORDS.has(u.lower) && (u.lower !== 'usd' || true)) {
      out.unit = 'currency';
      out.currency = CURRENCY_SUFFIX_WORDS.get(u.lower)!;
      j++;
    } else if ((u.type === 'sym' && u.text === '°') || (isWord(u, 'c', 'f') && u.text === u.text.toUpperCase() && u.spaced && !t[j + 1])) {
      out.reject = true;
    }
  }
  out.next = j;
  return out;
}

/** "per square kilometer", "/PCC", "per patient": the denominator of a rate. */
function readPer(s: Scanner, i: number): { per: string; next: number } | null {
  const t = s.t;
  const tok = t[i];
  if (!tok) return null;
  if (tok.type === 'sym' && tok.text === '/' && isWord(t[i + 1]) && !t[i + 1]!.spaced) {
    return { per: t[i + 1]!.lower, next: i + 2 };
  }
  if (isWord(tok, 'per') && !isWord(t[i + 1], 'cent')) {
    const a = t[i + 1];
    if (!a || !isWord(a)) return null;
    if (a.lower === 'square' || a.lower === 'sq') {
      const b = t[i + 2];
      if (b && isWord(b)) return { per: 'square ' + normaliseLength(b.lower), next: i + 3 };
      return null;
    }
    return { per: a.lower.replace(/s$/, ''), next: i + 2 };
  }
  return null;
}

function normaliseLength(w: string): string {
  if (w === 'kilometre' || w === 'kilometres' || w === 'kilometers' || w === 'km') return 'kilometer';
  if (w === 'mile' || w === 'miles' || w === 'mi') return 'mile';
  if (w === 'metre' || w === 'metres' || w === 'meters' || w === 'm') return 'meter';
  return w;
}

/** Tokens right before `i` that turn "X to Y" into a change rather than a range: "from 16% to 34%". */
function precededByFrom(s: Scanner, start: number): boolean {
  for (let k = start - 1; k >= 0 && k >= start - 3; k--) {
    const tok = s.t[k]!;
    if (isWord(tok, 'from')) return true;
    if (tok.type === 'num') return false;
  }
  return false;
}

function precededByBetween(s: Scanner, start: number): boolean {
  for (let k = start - 1; k >= 0 && k >= start - 2; k--) if (isWord(s.t[k], 'between')) return true;
  return false;
}

/** Is the number at token i part of a label or a name: "Exhibit 3", "No. 818", "IL-2", "Top 20"? */
function isLabel(s: Scanner, i: number): boolean {
  const t = s.t;
  const prev = t[i - 1];
  if (!prev) return false;
  const tok = t[i]!;
  // "the top 50", "top 20 companies": the size of a list that scopes other figures.
  if (isWord(prev, 'top') && tok.spaced) return true;
  if (prev.type === 'word' && LABEL_WORDS.has(prev.lower) && tok.spaced) {
    // "Phase 3 trial", "Exhibit 12"; "no 5" only when capitalised ("No 5").
    if (prev.lower === 'no' || prev.lower === 'number') return prev.text[0] === 'N' || prev.lower === 'number';
    return true;
  }
  if (prev.type === 'sym' && prev.text === '.' && isWord(t[i - 2], 'no', 'nos', 'fig', 'vol', 'p', 'pp')) return true;
  if (prev.type === 'sym' && prev.text === '#' && !tok.spaced) return true;
  // "Innovation 2.0", "Web 3.0": a version number after a name.
  if (prev.type === 'word' && /^[A-Z]/.test(prev.text) && tok.decimals === 1 && tok.text.endsWith('.0') && tok.spaced) return true;
  // "IL-2", "PD-1", "Covid-19", "J-20": a name, a hyphen, digits, no spaces.
  if (isDash(prev) && !tok.spaced && !prev.spaced) {
    const w = t[i - 2];
    if (w && (w.type === 'word' || w.type === 'id') && /[A-Z]/.test(w.text) && !CARDINALS.has(w.lower)) return true;
  }
  // "10:30", "1.2.3": clock times and version numbers.
  const next = t[i + 1];
  if (next && next.type === 'sym' && (next.text === ':' || next.text === '.') && !next.spaced && t[i + 2]?.type === 'num' && !t[i + 2]!.spaced) return true;
  if (prev.type === 'sym' && prev.text === ':' && !tok.spaced && t[i - 2]?.type === 'num') return true;
  if (prev.type === 'sym' && prev.text === '.' && !tok.spaced && !prev.spaced && t[i - 2]?.type === 'num') return true;
  return false;
}

/** A day of the month next to a month name: "January 9, 2026", "9 January". */
function isDayOfMonth(s: Scanner, i: number): boolean {
  const tok = s.t[i]!;
  if (tok.type !== 'num' || tok.decimals !== 0 || tok.value! < 1 || tok.value! > 31 || tok.grouped) return false;
  const prev = s.t[i - 1];
  if (prev && isWord(prev) && MONTHS.has(prev.lower.replace(/\.$/, ''))) return true;
  if (prev && prev.text === '.' && isWord(s.t[i - 2]) && MONTHS.has(s.t[i - 2]!.lower)) return true;
  const next = s.t[i + 1];
  return !!next && isWord(next) && MONTHS.has(next.lower) && next.text[0] !== next.text[0]!.toLowerCase();
}

/** An apostrophe and two digits: "'20". */
function shortYear(t: Token[], k: number): boolean {
  const a = t[k];
  const b = t[k + 1];
  return !!a && !!b && a.type === 'sym' && (a.text === "'" || a.text === '’') && b.type === 'num' && b.text.length === 2 && !b.spaced;
}

/** Reads a period at token i (a year, a span of years, a month and year), with its preposition. */
function readPeriod(s: Scanner, i: number): PeriodMention | null {
  const t = s.t;
  let j = i;
  let first = i;
  // "'20-'25"
  if (shortYear(t, j) && isDash(t[j + 2]) && shortYear(t, j + 3)) {
    const a = 2000 + t[j + 1]!.value!;
    const b = 2000 + t[j + 4]!.value!;
    return mention(s, first, j + 5, a, b);
  }
  if (isWord(t[j]) && PERIOD_PREPOSITIONS.has(t[j]!.lower)) {
    j++;
    if (isWord(t[j], 'the') && isWord(t[j + 1], 'end', 'start', 'beginning', 'middle') && isWord(t[j + 2], 'of')) j += 3;
  } else if (isWord(t[j], 'as') && isWord(t[j + 1], 'of')) {
    j += 2;
  } else if (isWord(t[j], 'end', 'mid', 'early', 'late') && isDash(t[j + 1])) {
    j += 2;
  }
  if (isWord(t[j]) && MONTHS.has(t[j]!.lower)) {
    j++;
    if (t[j]?.type === 'num' && isDayOfMonth(s, j)) {
      j++;
      if (t[j]?.text === ',') j++;
    }
  }
  // "FY2024": a fiscal year, read as its calendar year.
  const fy = t[j];
  if (fy && fy.type === 'id' && /^FY(?:19|20)\d\d$/i.test(fy.text)) {
    const year = Number(fy.text.slice(2));
    return mention(s, i, j + 1, year, year);
  }
  const y = t[j];
  if (!isYearValue(y)) return null;
  if (j > i && !isWord(t[i]) && !(t[i]?.type === 'sym')) return null;
  let from = y!.value!;
  let to = from;
  let end = j + 1;
  if (y!.suffix) end++;
  if (y!.suffix === 's') to = from + 9;
  // "2020 to 2025", "2020–2025", "2023 and 2025" after "between"
  const joiner = t[end];
  if (joiner && (isDash(joiner) || isWord(joiner, 'to', 'through', 'and', 'until')) && isYearValue(t[end + 1])) {
    if (!isWord(joiner, 'and') || isWord(t[i], 'between')) {
      to = t[end + 1]!.value!;
      end += 2;
    }
  }
  if (to < from) return null;
  first = i;
  return mention(s, first, end, from, to);
}

/** Words just before or after a year that make the period a part of the year: "first half of", "Q1", "H1". */
const SUB_YEAR = /^(?:half|quarter|months?|weeks?|[hq][1-4]|[1-4][hq]|ytd)$/i;

function mention(s: Scanner, first: number, last: number, from: number, to: number): PeriodMention {
  // "The first half of", "Q1", "H1" stay in the period's text, so that a part of a year is never
  // compared with the whole year (see partOfYear).
  for (let k = first - 1; k >= 0 && k >= first - 4; k--) {
    const tok = s.t[k]!;
    if (tok.type === 'sym' && tok.text !== '-') break;
    // "Months" and "weeks" part a year only as "the first six months of 2025", not as "the eight
    // months through August 2025".
    if (SUB_YEAR.test(tok.text) && (!/^(?:months?|weeks?)$/i.test(tok.text) || s.t[k + 1]?.text.toLowerCase() === 'of')) {
      first = k;
      break;
    }
  }
  if (s.t[last] && SUB_YEAR.test(s.t[last]!.text)) last++;
  // "In 2022 or later", "2022 onwards": the years from that one on, which the text says.
  if (isWord(s.t[last], 'or') && isWord(s.t[last + 1], 'later', 'after')) last += 2;
  else if (isWord(s.t[last], 'onward', 'onwards')) last++;
  const start = s.t[first]!.start;
  const end = s.t[last - 1]!.end;
  return { text: s.text.slice(start, end), start, end, first, last, from, to };
}

/** True when the year at token i is followed by something that makes it a quantity: "2000 people". */
function yearIsQuantity(s: Scanner, i: number): boolean {
  const next = s.t[i + 1];
  const prev = s.t[i - 1];
  if (prev && ((prev.type === 'sym' && (CURRENCY_SYMBOLS.has(prev.text) || SYMBOL_QUALIFIERS.has(prev.text))) || (isWord(prev) && matchQualifier(s, i - 1) !== null))) return true;
  if (!next) return false;
  if (next.type === 'sym' && next.text === '%') return true;
  if (isWord(next) && (SCALES.has(next.lower) || CURRENCY_SUFFIX_WORDS.has(next.lower) || TIME_UNITS.has(next.lower) || ['percent', 'times', 'per', 'people', 'patents', 'deals', 'companies', 'units'].includes(next.lower))) return true;
  return false;
}

/**
 * Scans a text for figures and periods. Periods are bound to the figure they follow closely
 * ("17% in 2020"); a period bound to no figure scopes every figure of the text that has none
 * ("In 2024 alone, … 400 patents … 187 …"), when it is the only such period.
 */
export function scanQuantities(text: string): QuantityScan {
  const s: Scanner = { text, t: tokenize(text) };
  const t = s.t;
  const figures: Figure[] = [];
  const periods: PeriodMention[] = [];
  const figureTokenEnds: number[] = [];
  const figureTokenStarts: number[] = [];
  let i = 0;
  while (i < t.length) {
    const tok = t[i]!;
    if (!mayOpen(tok)) {
      i++;
      continue;
    }
    // Periods first: a year is never a figure.
    if (tok.type !== 'id' || /^FY\d{4}$/i.test(tok.text)) {
      const p = (tok.type === 'num' && yearIsQuantity(s, i)) ? null : readPeriod(s, i);
      if (p) {
        periods.push(p);
        i = p.last;
        continue;
      }
    }
    const fig = readFigure(s, i);
    if (fig) {
      figures.push(fig.figure);
      figureTokenStarts.push(fig.first);
      figureTokenEnds.push(fig.next);
      i = fig.next;
      continue;
    }
    i++;
  }
  for (const rank of readRanks(s)) {
    const at = figures.findIndex((f) => f.start > rank.figure.start);
    const index = at < 0 ? figures.length : at;
    figures.splice(index, 0, rank.figure);
    figureTokenStarts.splice(index, 0, rank.first);
    figureTokenEnds.splice(index, 0, rank.next);
  }
  bindPeriods(s, figures, figureTokenStarts, figureTokenEnds, periods);
  return { figures, periods };
}

/** The figures a text states, with their periods. */
export function parseFigures(text: string): Figure[] {
  return scanQuantities(text).figures;
}

function bindPeriods(s: Scanner, figures: Figure[], starts: number[], ends: number[], periods: PeriodMention[]): void {
  const unbound: PeriodMention[] = [];
  let f = 0;
  for (const p of periods) {
    while (f + 1 < figures.length && ends[f + 1]! <= p.first) f++;
    const figEnd = ends[f];
    const fig = figures[f];
    let bound = false;
    // "from 2020 year 16% to 2025 year 31%", "from 2020's 17% to 2025's 31%": a "to" or "from"
    // period that the next figure follows at once opens that figure's phrase.
    const k = /^(?:to|from)\s/i.test(p.text) ? starts.findIndex((start) => start >= p.last) : -1;
    if (k >= 0 && starts[k]! - p.last <= 2) {
      const gap = s.t.slice(p.last, starts[k]);
      const next = figures[k]!;
      if (!next.period && gap.every((g) => isWord(g, 'year', 'years', 's') || g.text === "'" || g.text === '\u2019')) {
        next.period = { text: p.text, from: p.from, to: p.to };
        continue;
      }
    }
    if (fig && figEnd !== undefined && figEnd <= p.first && p.first - figEnd <= 3 && !fig.period) {
      const gap = s.t.slice(figEnd, p.first);
      const clean = gap.every((g) => g.type === 'word' || g.text === '(' || g.text === ')');
      if (gap.length <= 3 && clean && !gap.some((g) => isWord(g, 'and', 'while', 'but', 'whereas', 'versus', 'vs', 'compared'))) {
        fig.period = { text: p.text, from: p.from, to: p.to };
        bound = true;
      }
    }
    // "(2025)" right after a figure, or "in 2025" right before the figure: "In 2025, 40%".
    if (!bound) unbound.push(p);
  }
  const distinct = new Set(unbound.map((p) => `${p.from}-${p.to}`));
  if (distinct.size === 1) {
    const p = unbound[0]!;
    for (const fig of figures) if (!fig.period) fig.period = { text: p.text, from: p.from, to: p.to };
  }
}

interface FigureRead {
  figure: Figure;
  first: number;
  next: number;
}

/** Tries to read one figure starting at token i. */
function readFigure(s: Scanner, i: number): FigureRead | null {
  const t = s.t;
  let j = i;
  let qualifier: Qualifier = 'exact';
  let textStart = -1;
  const q = matchQualifier(s, j);
  if (q) {
    qualifier = q.rule.qualifier;
    if (!q.rule.verb) textStart = t[j]!.start;
    j = q.next;
    while (isWord(t[j]) && FILLERS.has(t[j]!.lower) && !(t[j]!.lower === 'a' && readNumber(s, j, false)?.fraction)) j++;
  }
  const c1 = matchCurrencyPrefix(s, j);
  let currency = c1?.currency;
  if (c1) {
    if (textStart < 0) textStart = t[j]!.start;
    j = c1.next;
  }
  const numTok = t[j];
  if (!numTok) return null;
  if (numTok.type === 'num') {
    if (isYearValue(numTok) && !currency && qualifier === 'exact' && !yearIsQuantity(s, j)) return null;
    if (isLabel(s, j) || isDayOfMonth(s, j)) return null;
  }
  const approximate = qualifier === 'about' || qualifier === 'nearly';
  const n1 = readNumber(s, j, approximate);
  if (!n1) return null;
  if (textStart < 0) textStart = numTok.start;
  const first = i;

  if (n1.ordinal || (n1.words && ORDINALS.has(numTok.lower) && !n1.fraction)) {
    return null;
  }
  let k = n1.next;
  // Glued suffix token of a number ("bn", "x") sits right after it.
  const suf1 = readSuffix(s, k, !!currency);
  if (suf1.reject) return null;
  k = suf1.next;
  let unit: UnitKind | undefined = n1.fraction ? 'percent' : n1.multiple ? 'multiple' : suf1.unit;
  let scale = suf1.scale ?? 1;
  if (suf1.currency) currency = suf1.currency;
  let timeUnit = suf1.timeUnit;
  let per = suf1.per;
  let low = n1.value;
  let high = n1.value;
  let tolerance = n1.tolerance;
  let words = n1.words;

  // A range: "20%–30%", "15 to 16 billion", "$15 billion to $16 billion", "3–4X", "between 5 and 6".
  const joiner = t[k];
  const between = precededByBetween(s, first);
  if (
    joiner &&
    ((isDash(joiner) && (!n1.words || joiner.spaced === false)) || (isWord(joiner, 'to') && !precededByFrom(s, first)) || (isWord(joiner, 'and') && between))
  ) {
    let m = k + 1;
    const c2 = matchCurrencyPrefix(s, m);
    if (c2) m = c2.next;
    const n2tok = t[m];
    const n2 = n2tok && !(n2tok.type === 'num' && isYearValue(n2tok) && !c2) ? readNumber(s, m, approximate) : null;
    if (n2 && !n2.ordinal && (n2tok!.type === 'num') === (numTok.type === 'num') && !(n2tok!.type === 'num' && isLabel(s, m))) {
      const suf2 = readSuffix(s, n2.next, !!(currency || c2));
      const unit2: UnitKind | undefined = n2.fraction ? 'percent' : suf2.unit;
      const compatible = !unit || !unit2 || unit === unit2;
      const scale2 = suf2.scale ?? 1;
      const lowScaled = n1.value * (suf1.scale ?? scale2);
      const highScaled = n2.value * scale2;
      const currencyOk = !c2 || !currency || c2.currency === currency;
      if (compatible && currencyOk && highScaled > lowScaled && !suf2.reject) {
        scale = suf2.scale ?? scale;
        low = n1.value * (suf1.scale ?? scale);
        high = n2.value * scale;
        unit = unit ?? unit2;
        currency = currency ?? c2?.currency ?? suf2.currency;
        timeUnit = timeUnit ?? suf2.timeUnit;
        per = per ?? suf2.per;
        tolerance = Math.max(n1.tolerance * (suf1.scale ?? scale), n2.tolerance * scale);
        words = words || n2.words;
        k = suf2.next;
        const figure = finish(s, { textStart, k, low, high, unit, currency, scale, tolerance, qualifier, timeUnit, per, words, first });
        return figure;
      }
    }
  }
  low = n1.value * scale;
  high = low;
  tolerance = n1.tolerance * scale;
  return finish(s, { textStart, k, low, high, unit, currency, scale, tolerance, qualifier, timeUnit, per, words, first });
}

interface Draft {
  textStart: number;
  k: number;
  low: number;
  high: number;
  unit: UnitKind | undefined;
  currency: string | undefined;
  scale: number;
  tolerance: number;
  qualifier: Qualifier;
  timeUnit: Figure['timeUnit'];
  per: string | undefined;
  words: boolean;
  first: number;
}

function finish(s: Scanner, d: Draft): FigureRead | null {
  const t = s.t;
  let k = d.k;
  let unit = d.unit;
  let per = d.per;
  let qualifier = d.qualifier;
  if (d.currency) unit = 'currency';
  if (!unit) unit = 'count';
  // A span of years after "over the past" is a window that scopes other figures, not a figure.
  if (unit === 'duration' && d.timeUnit === 'year') {
    const before = t[d.first - 1];
    const before2 = t[d.first - 2];
    if ((before && isWord(before) && WINDOW_WORDS.has(before.lower)) || (isWord(before, 'the') && before2 && isWord(before2) && WINDOW_WORDS.has(before2.lower)) || (qualifier === 'over' && isWord(t[d.first], 'over'))) {
      return null;
    }
  }
  // "7,100 people per square kilometer": one noun may stand between a count and its rate.
  let p = readPer(s, k);
  for (let skip = 1; !p && skip <= 2 && unit === 'count'; skip++) {
    const nouns = t.slice(k, k + skip);
    if (nouns.length === skip && nouns.every((w) => isWord(w) && /^[a-z]+$/.test(w.text)) && isWord(t[k + skip], 'per')) p = readPer(s, k + skip);
  }
  if (p) {
    per = p.per;
    k = p.next;
  }
  // "or more", "8+", "plus"
  if (isWord(t[k], 'or') && isWord(t[k + 1], 'more', 'higher', 'above')) {
    qualifier = 'at-least';
    k += 2;
  } else if (isWord(t[k], 'or') && isWord(t[k + 1], 'less', 'fewer', 'lower', 'below')) {
    qualifier = 'at-most';
    k += 2;
  } else if (t[k]?.type === 'sym' && t[k]!.text === '+' && !t[k]!.spaced) {
    qualifier = 'at-least';
    k++;
  }
  if (d.low < 0 || !Number.isFinite(d.low) || !Number.isFinite(d.high)) return null;
  const lastTok = t[k - 1]!;
  const end = lastTok.end;
  const figure: Figure = {
    text: s.text.slice(d.textStart, end),
    start: d.textStart,
    end,
    low: d.low,
    high: d.high,
    unit,
    scale: d.scale,
    tolerance: d.tolerance,
    qualifier,
  };
  if (d.currency) figure.currency = d.currency;
  if (d.timeUnit) figure.timeUnit = d.timeUnit;
  if (per) figure.per = per;
  if (d.words) figure.words = true;
  return { figure, first: d.first, next: k };
}

/** Superlatives an ordinal ranks by: "the second-largest market", "its third biggest". */
const SUPERLATIVES = new Set(['largest', 'biggest', 'highest']);

/** What follows the ordinal of a rank by a superlative in a text: "[second]-largest", "[2nd] biggest". */
export const SUPERLATIVE_AFTER = new RegExp(`^[-\\u2010\\u2011\\s]*(?:${[...SUPERLATIVES].join('|')})\\b`, 'i');

/** Whether the ordinal ending before token `j` ranks by a superlative: "second-largest", "2nd largest". */
function ranksBySuperlative(t: readonly Token[], j: number): boolean {
  const next = t[j];
  if (isDash(next) && !next!.spaced) return isWord(t[j + 1]) && SUPERLATIVES.has(t[j + 1]!.lower) && !t[j + 1]!.spaced;
  return isWord(next) && SUPERLATIVES.has(next!.lower);
}

/**
 * Ranks: "Shanghai ranks seventh and Boston second", "ranked 3rd", and ordinals of a superlative
 * ("the world's second-largest market", whose figure is "second"). Read apart from other figures.
 */
function readRanks(s: Scanner): FigureRead[] {
  const { t, text } = s;
  const out: FigureRead[] = [];
  let rankAt = -1;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    if (isWord(tok) && RANK_WORDS.has(tok.lower)) {
      rankAt = i;
      continue;
    }
    const ordinal = isWord(tok) && ORDINALS.has(tok.lower) ? ORDINALS.get(tok.lower)! : tok.type === 'num' && tok.suffix && ['th', 'st', 'nd', 'rd'].includes(tok.suffix) ? tok.value! : 0;
    if (!ordinal) continue;
    const after = i + (tok.type === 'num' ? 2 : 1);
    const superlative = ordinal > 1 && ranksBySuperlative(t, after);
    if (!superlative) {
      if (rankAt < 0 || i - rankAt > 8) continue;
      // Any other compound ("second-round", "third-party") describes rather than ranks.
      const next = t[after];
      if (next && isDash(next) && !next.spaced) continue;
      const prev = t[i - 1];
      const directlyAfterVerb = i - rankAt === 1 || (i - rankAt === 2 && isWord(prev, 'at', 'in', 'as', 'No'));
      const afterAndName = prev && (prev.type === 'word' || prev.type === 'id') && /^[A-Z]/.test(prev.text) && isWord(t[i - 2], 'and', 'while', 'with');
      if (!directlyAfterVerb && !afterAndName) continue;
    }
    const end = tok.type === 'num' ? t[i + 1]!.end : tok.end;
    const figure: Figure = { text: text.slice(tok.start, end), start: tok.start, end, low: ordinal, high: ordinal, unit: 'rank', scale: 1, tolerance: 0.5, qualifier: 'exact' };
    if (tok.type === 'word') figure.words = true;
    out.push({ figure, first: i, next: tok.type === 'num' ? i + 2 : i + 1 });
  }
  return out;
}

/** What a number written in a text is, for the index's account of every number it leaves out. */
export type NumberRole = 'figure' | 'period' | 'window' | 'label' | 'name' | 'ordinal' | 'other';

/**
 * The role of every run of digits and every number word in `text`: part of a figure, of a
 * period or date, a label ("Exhibit 3", "No. 818"), part of a name ("IL-2", "3SBio"), an
 * ordinal that is not a rank ("14th", "Second,"), or other (a number the parser could not read).
 */
export function numberRoles(text: string): { text: string; start: number; role: NumberRole }[] {
  const s: Scanner = { text, t: tokenize(text) };
  const scan = scanQuantities(text);
  const inside = (a: number, spans: { start: number; end: number }[]) => spans.some((x) => a >= x.start && a < x.end);
  const out: { text: string; start: number; role: NumberRole }[] = [];
  s.t.forEach((tok, i) => {
    const hasDigit = /\d/.test(tok.text);
    const numberWord = tok.type === 'word' && (CARDINALS.has(tok.lower) || FRACTIONS.has(tok.lower) || ORDINALS.has(tok.lower)) && tok.lower !== 'one' && tok.lower !== 'first';
    if (!hasDigit && !numberWord) return;
    if (tok.type === 'word' && !numberWord) return; // a unit suffix such as "bn" after a number
    let role: NumberRole = 'other';
    if (inside(tok.start, scan.figures)) role = 'figure';
    else if (inside(tok.start, scan.periods)) role = 'period';
    else if (tok.type === 'id') role = 'name';
    else if (isWord(s.t[i + 1]) && TIME_UNITS.get(s.t[i + 1]!.lower) === 'year' && (WINDOW_WORDS.has(s.t[i - 1]?.lower ?? '') || (isWord(s.t[i - 1], 'the') && WINDOW_WORDS.has(s.t[i - 2]?.lower ?? '')))) role = 'window';
    else if (tok.type === 'num' && (isLabel(s, i) || isDayOfMonth(s, i))) role = isDayOfMonth(s, i) ? 'period' : 'label';
    else if ((tok.type === 'num' && tok.suffix && ['th', 'st', 'nd', 'rd'].includes(tok.suffix)) || (tok.type === 'word' && ORDINALS.has(tok.lower))) role = 'ordinal';
    else if (tok.type === 'word' && nameLike(s, i)) role = 'name';
    out.push({ text: tok.text, start: tok.start, role });
  });
  return out;
}
