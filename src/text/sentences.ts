/** One sentence of a text, trimmed, with its place in that text. */
export interface Sentence {
  /** Equal to `input.slice(start, end)`; never empty, never starts or ends with whitespace. */
  text: string;
  start: number;
  end: number;
}

/** Abbreviations after which a break is always false: what follows is a name or an example. */
const ALWAYS_JOINED = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'e.g', 'i.e']);

/**
 * Abbreviations that also end sentences ("…and so on, etc. The next…"), so the break is false
 * only when the next word starts with a lower-case letter or a digit.
 */
const JOINED_BEFORE_LOWER = new Set([
  'etc',
  'approx',
  'inc',
  'ltd',
  'co',
  'corp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/**
 * Words that, after "U.S." or "U.K.", start a new sentence rather than continue a name.
 * Checked first, so "…in the U.S. The Senate voted" still breaks.
 */
const SENTENCE_STARTERS = new Set([
  'a',
  'after',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'he',
  'her',
  'his',
  'however',
  'i',
  'if',
  'in',
  'it',
  'its',
  'meanwhile',
  'on',
  'one',
  'she',
  'since',
  'so',
  'that',
  'the',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'we',
  'when',
  'while',
  'yet',
]);

/** Words that, after "U.S." or "U.K.", are the head of a title or institution: "U.S. President". */
const TITLES_AFTER_COUNTRY = new Set([
  'ambassador',
  'army',
  'attorney',
  'census',
  'congress',
  'constitution',
  'court',
  'department',
  'dollar',
  'embassy',
  'federal',
  'government',
  'governor',
  'house',
  'military',
  'navy',
  'parliament',
  'president',
  'prime',
  'representative',
  'secretary',
  'senate',
  'senator',
  'supreme',
  'treasury',
]);

/**
 * Splits one block of text into sentences, with offsets into it.
 *
 * Finds the breaks the Unicode rules give (see ruleBreaks), then removes the false ones: after titles and
 * common abbreviations ("Dr. Jones", "e.g. Paris", "etc. and", "No. 5", "Jan. 2020"), after a
 * single initial ("J. Smith"), inside decimals ("$112.8 billion"), and after dotted country
 * acronyms ("U.S.", "U.K."). A capitalised word after an acronym is ambiguous; the rule is:
 * a common sentence opener ("The", "It"…) starts a new sentence; a title or institution
 * ("President", "Senate"…) or a capitalised word followed by another one ("Biosecurity Act")
 * continues the name; anything else starts a new sentence.
 *
 * A single line break counts as a space, because raw DOM text keeps the page source's line
 * wrapping and the rules would otherwise cut sentences there; a blank line still breaks.
 * Linear in the length of the text; pass one block at a time.
 */
export function splitSentences(text: string): Sentence[] {
  const flat = flattenLineBreaks(text);
  const sentences: Sentence[] = [];
  let sentenceStart = 0;
  for (const breakAt of ruleBreaks(flat)) {
    if (isFalseBreak(flat, sentenceStart, breakAt)) continue;
    pushTrimmed(text, sentenceStart, breakAt, sentences);
    sentenceStart = breakAt;
  }
  pushTrimmed(text, sentenceStart, text.length, sentences);
  return sentences;
}

/** Replaces each single line break with spaces of the same length, so offsets stay valid. */
function flattenLineBreaks(text: string): string {
  return text.replace(/(\r\n|\r|\n)((?:[^\S\r\n]*(?:\r\n|\r|\n))*)/g, (all: string, first: string, blank: string) =>
    blank === '' ? ' '.repeat(first.length) : all,
  );
}

/**
 * Where sentences start, by the Unicode sentence-boundary rules (UAX #29, as Intl.Segmenter
 * applies them) for the characters news text uses: a break follows `.`, `!`, `?` (and their
 * CJK and full-width forms) with any closing quotes or brackets and spaces after them, and
 * follows every paragraph separator. After a full stop there is no break before a digit
 * ("3.5"), between two letters and a capital ("U.S"), or when the next letter, past spaces,
 * digits and punctuation, is lower case ("etc. and"); after any terminator there is none before
 * a comma, colon, semicolon, dash or another terminator ("?!", "...").
 *
 * Hand-written rather than Intl.Segmenter: one pass over the characters costs a fraction of the
 * segmenter, which also loads ICU data the first time one is built (tens of milliseconds on
 * every page the content script runs on).
 */
export function ruleBreaks(text: string): number[] {
  const breaks: number[] = [];
  const n = text.length;
  for (let at = 0; at < n; at++) {
    const c = text.charCodeAt(at);
    if (c < 128 ? !ASCII_ENDS[c] : !(isParaSep(c) || TERMINATOR_CHAR.test(text[at]!))) continue;
    if (isParaSep(c)) {
      // CR LF is one separator.
      const end = c === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
      if (end < n) breaks.push(end);
      at = end - 1;
      continue;
    }
    const stop = at;
    let j = skipIgnorable(text, at + 1);
    while (j < n && isClose(text[j]!)) j = skipIgnorable(text, j + 1);
    while (j < n && isSp(text.charCodeAt(j))) j = skipIgnorable(text, j + 1);
    // The scan goes on from the first character after the spaces.
    at = j - 1;
    if (j >= n) continue;
    const next = text[j]!;
    // "?!", "...", "etc.," and "p. 5-6" continue the sentence.
    if (isTerminatorChar(next) || SCONTINUE.test(next)) continue;
    if (isFullStop(c)) {
      // Straight after the full stop, with nothing but ignorables between.
      if (j === skipIgnorable(text, stop + 1)) {
        if (DIGIT.test(next)) continue;
        if (UPPER.test(next) && LETTER_CASED.test(text[stop - 1] ?? '')) continue;
      }
      if (lowerFollows(text, j)) continue;
    }
    if (isParaSep(text.charCodeAt(j))) {
      // The separator belongs to the sentence it ends: the scan reaches it next and breaks after it.
      continue;
    }
    breaks.push(j);
  }
  return breaks;
}

/** Sentence terminators: full stops (ATerm) and the others (STerm), in their common forms. */
const TERMINATORS = '.!?\\u2024\\uFE52\\uFF0E\\u0589\\u061F\\u0964\\u0965\\u203C\\u2047-\\u2049\\u3002\\uFF01\\uFF1F\\uFF61';
/** The ASCII characters where a sentence can end: terminators and line breaks. */
const ASCII_ENDS: readonly boolean[] = Array.from({ length: 128 }, (_, c) => '.!?\r\n'.includes(String.fromCharCode(c)));
const TERMINATOR_CHAR = new RegExp(`[${TERMINATORS}]`);
const DIGIT = /\p{Nd}/u;
const UPPER = /[\p{Uppercase}\p{Lt}]/u;
const LETTER_CASED = /[\p{Uppercase}\p{Lt}\p{Lowercase}]/u;
const LOWER = /\p{Lowercase}/u;
const LETTER = /\p{Alphabetic}/u;
/** Characters after which a sentence goes on: commas, colons, semicolons and dashes. */
const SCONTINUE = /[,\-:;\u037E\u055D\u060C\u060D\u2013\u2014\u3001\uFE10\uFE11\uFE13\uFE31\uFE32\uFE50\uFE51\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF1A\uFF1B\uFF64]/;
/** Closing punctuation that may follow a terminator: quotes and brackets of either side. */
const CLOSE = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"']/u;

function isTerminatorChar(c: string): boolean {
  return TERMINATOR_CHAR.test(c);
}

/** Combining marks and format characters: the rules look through them (UAX #29, SB5). */
const IGNORABLE = /[\p{M}\p{Cf}]/u;

/** The first index from `k` on that is not a combining mark or format character. */
function skipIgnorable(text: string, k: number): number {
  while (k < text.length && text.charCodeAt(k) >= 0x300 && IGNORABLE.test(text[k]!)) k++;
  return k;
}

function isFullStop(c: number): boolean {
  return c === 46 || c === 0x2024 || c === 0xfe52 || c === 0xff0e;
}

function isParaSep(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** Spaces that are not paragraph separators. */
function isSp(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isClose(c: string): boolean {
  return CLOSE.test(c);
}

/**
 * After a full stop: whether the first letter from `from` on is lower case, looking past
 * digits, symbols and punctuation but not past a terminator or a paragraph separator.
 */
function lowerFollows(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + 200);
  for (let k = from; k < limit; k++) {
    const code = text.charCodeAt(k);
    if (code < 128) {
      if (code >= 97 && code <= 122) return true;
      if ((code >= 65 && code <= 90) || code === 46 || code === 33 || code === 63 || code === 10 || code === 13) return false;
      continue;
    }
    const ch = text[k]!;
    if (isParaSep(code) || isTerminatorChar(ch)) return false;
    if (LETTER.test(ch)) return LOWER.test(ch);
  }
  return false;
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase();
}

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** Whether the break at `at` (start of the next sentence) is one the Unicode rules get wrong. */
function isFalseBreak(text: string, sentenceStart: number, at: number): boolean {
  let end = at;
  while (end > sentenceStart && isSpace(text[end - 1])) end--;
  const gap = text.slice(end, at);
  // A blank line (kept by flattenLineBreaks) is a paragraph break whatever precedes it.
  if (/[\r\n]/.test(gap)) return false;
  if (text[end - 1] !== '.') return false;
  if (gap === '' && /\d/.test(text[end - 2] ?? '') && /\d/.test(text[at] ?? '')) return true;

  // Abbreviations are short: looking at a bounded window keeps this linear.
  const limit = Math.max(sentenceStart, end - 24);
  let tokenStart = end - 1;
  while (tokenStart > limit && !TOKEN_STOP.has(text.charCodeAt(tokenStart - 1)) && !isSpace(text[tokenStart - 1])) tokenStart--;
  const core = text.slice(tokenStart, end - 1);
  const lowered = core.toLowerCase();
  const words = () => text.slice(at, at + 64).split(/\s+/);

  if (ALWAYS_JOINED.has(lowered)) return true;
  if (/^\p{Lu}$/u.test(core)) return true;
  if (JOINED_BEFORE_LOWER.has(lowered)) return startsLowerOrDigit(words()[0] ?? '');
  if (lowered === 'no') return startsDigit(words()[0] ?? '');
  if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(core)) {
    const [next = '', afterNext = ''] = words();
    return continuesAcronym(next, afterNext);
  }
  return false;
}

/** Characters that open a token before an abbreviation's full stop: "(e.g." is "e.g". */
const TOKEN_STOP = new Set([...'("\'“‘['].map((c) => c.charCodeAt(0)));

/** The letter or digit a word starts with, past opening quotes, brackets and currency signs. */
function firstAlphanumeric(word: string): string {
  return /[\p{L}\p{N}]/u.exec(word)?.[0] ?? '';
}

function startsLowerOrDigit(word: string): boolean {
  const c = firstAlphanumeric(word);
  return /\p{Ll}|\p{N}/u.test(c);
}

function startsDigit(word: string): boolean {
  return /\p{N}/u.test(firstAlphanumeric(word));
}

/** After "U.S."/"U.K.": is `next` part of the same name (see splitSentences for the rule)? */
function continuesAcronym(next: string, afterNext: string): boolean {
  if (startsLowerOrDigit(next)) return true;
  const word = next.replace(/[^\p{L}]+$/u, '').toLowerCase();
  if (SENTENCE_STARTERS.has(word)) return false;
  if (TITLES_AFTER_COUNTRY.has(word)) return true;
  // "Biosecurity Act": only if `next` does not itself end the clause ("…the U.S. Congress.").
  return /^[\p{L}]+$/u.test(next.replace(/^[("'“‘]+/u, '')) && /^\p{Lu}/u.test(afterNext);
}

function pushTrimmed(text: string, from: number, to: number, out: Sentence[]): void {
  let start = from;
  let end = to;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (start < end) out.push({ text: text.slice(start, end), start, end });
}
