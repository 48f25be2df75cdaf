/** One sentence of a text, trimmed, with its place in that text. */
export interface Sentence {
  /** Equal to `input.slice(start, end)`; never empty, never starts or ends with whitespace. */
  text: string;
  start: number;
  end: number;
}

// Built once: constructing a segmenter loads ICU data and is far slower than using one.
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Above this length a block is cut into chunks before segmenting, because Node's ICU segmenter
 * slows down badly on huge strings. Chunk cuts fall where a sentence ends anyway when possible.
 */
const CHUNK_LENGTH = 20_000;

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
 * Uses the platform's sentence segmenter, then removes its false breaks: after titles and
 * common abbreviations ("Dr. Jones", "e.g. Paris", "etc. and", "No. 5", "Jan. 2020"), after a
 * single initial ("J. Smith"), inside decimals ("$112.8 billion"), and after dotted country
 * acronyms ("U.S.", "U.K."). A capitalised word after an acronym is ambiguous; the rule is:
 * a common sentence opener ("The", "It"…) starts a new sentence; a title or institution
 * ("President", "Senate"…) or a capitalised word followed by another one ("Biosecurity Act")
 * continues the name; anything else starts a new sentence.
 *
 * A single line break counts as a space, because raw DOM text keeps the page source's line
 * wrapping and the segmenter would otherwise cut sentences there; a blank line still breaks.
 * Linear in the length of the text; pass one block at a time.
 */
export function splitSentences(text: string): Sentence[] {
  const flat = flattenLineBreaks(text);
  const sentences: Sentence[] = [];
  let sentenceStart = 0;
  for (const breakAt of segmenterBreaks(flat)) {
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

/** The segmenter's breaks (offsets where a sentence starts), excluding 0 and the end. */
function* segmenterBreaks(text: string): Generator<number> {
  let chunkStart = 0;
  for (const chunkEnd of chunkEnds(text)) {
    for (const { index } of segmenter.segment(text.slice(chunkStart, chunkEnd))) {
      if (index > 0) yield chunkStart + index;
    }
    if (chunkEnd < text.length) yield chunkEnd;
    chunkStart = chunkEnd;
  }
}

/**
 * Ends of the chunks to segment separately, in one pass: each chunk is at most CHUNK_LENGTH
 * long and ends, by preference, after a line break, after ". " before a capital, after any
 * whitespace, or (text with no spaces at all) anywhere but inside a surrogate pair.
 */
function chunkEnds(text: string): number[] {
  if (text.length <= CHUNK_LENGTH) return [text.length];
  const ends: number[] = [];
  let chunkStart = 0;
  let afterNewline = -1;
  let afterPeriod = -1;
  let afterSpace = -1;
  for (let i = 0; i < text.length; i++) {
    if (i - chunkStart >= CHUNK_LENGTH) {
      let cut = [afterNewline, afterPeriod, afterSpace].find((at) => at > chunkStart) ?? i;
      if (cut === i && isLowSurrogate(text.charCodeAt(i))) cut -= 1;
      ends.push(cut);
      chunkStart = cut;
    }
    const c = text[i];
    if (c === '\n') afterNewline = i + 1;
    else if (c === ' ' && text[i - 1] === '.' && isUpper(text[i + 1])) afterPeriod = i + 1;
    else if (c !== undefined && /\s/.test(c)) afterSpace = i + 1;
  }
  ends.push(text.length);
  return ends;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase();
}

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** Whether the break at `at` (start of the next sentence) is one the segmenter got wrong. */
function isFalseBreak(text: string, sentenceStart: number, at: number): boolean {
  let end = at;
  while (end > sentenceStart && isSpace(text[end - 1])) end--;
  const gap = text.slice(end, at);
  // A blank line (kept by flattenLineBreaks) is a paragraph break whatever precedes it.
  if (/[\r\n]/.test(gap)) return false;
  if (text[end - 1] !== '.') return false;
  if (gap === '' && /\d/.test(text[end - 2] ?? '') && /\d/.test(text[at] ?? '')) return true;

  // Abbreviations are short: looking at a bounded window keeps this linear.
  const before = text.slice(Math.max(sentenceStart, end - 24), end);
  const token = /[^\s("'“‘\[]*$/.exec(before)?.[0] ?? '';
  const core = token.slice(0, -1);
  const [next = '', afterNext = ''] = text.slice(at, at + 64).split(/\s+/);
  const lowered = core.toLowerCase();

  if (ALWAYS_JOINED.has(lowered)) return true;
  if (/^\p{Lu}$/u.test(core)) return true;
  if (JOINED_BEFORE_LOWER.has(lowered)) return startsLowerOrDigit(next);
  if (lowered === 'no') return startsDigit(next);
  if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(core)) return continuesAcronym(next, afterNext);
  return false;
}

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
