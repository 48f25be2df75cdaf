/**
 * Splits text into the tokens the figure parser reads: numbers, words, identifiers and symbols,
 * each with its offsets in the input.
 *
 * One pass over the characters with no regular expressions over the whole input, so hostile
 * strings (100,000 digits, separators and dashes) cost time linear in their length.
 */

export type TokenType = 'num' | 'word' | 'id' | 'sym';

export interface Token {
  type: TokenType;
  /** The token as written. */
  text: string;
  /** Lowercase text, for words and symbols. */
  lower: string;
  start: number;
  end: number;
  /** True when whitespace separates this token from the one before it. */
  spaced: boolean;
  /** For `num`: the value, and how many digits follow the decimal point. */
  value?: number;
  decimals?: number;
  /** For `num`: written with thousands separators ("7,100"). */
  grouped?: boolean;
  /** For `num`: the letters glued to it that were split off as their own token ("bn", "x", "th"). */
  suffix?: string;
}

/** Letters glued to a number that we read as units rather than as part of an identifier. */
const NUMBER_SUFFIXES = new Set([
  'x', 'k', 'm', 'mn', 'mm', 'mln', 'b', 'bn', 'bln', 'tn', 'trn', 't',
  'th', 'st', 'nd', 'rd', 'h1', 'h2', 'fy', 'q1', 'q2', 'q3', 'q4', 's',
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  // Printable ASCII first: most characters of a text.
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 ||
    c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x2002 || c === 0x2003 || c === 0x200b || c === 0x2007
  );
}

/** A superscript digit (a footnote mark, skipped): ¹ ² ³ in Latin-1, ⁰ and ⁴–⁹ further on. */
function isSuperscript(c: number): boolean {
  return c >= 0xb2 && (c === 0xb2 || c === 0xb3 || c === 0xb9 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079));
}

function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 0xc0) return false;
  // Letters outside ASCII: accented Latin, Greek, CJK… Cheap check first, Unicode property second.
  return /\p{L}/u.test(ch);
}

/** Tokenizes `text`. Linear in its length. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let spaced = true;
  while (i < n) {
    const ch = text[i]!;
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      spaced = true;
      i++;
      continue;
    }
    if (isSuperscript(c)) {
      // Footnote markers ("Pharma ²") are not numbers of the text.
      i++;
      continue;
    }
    if (ch === '^' && i + 1 < n && (text[i + 1] === '{' || isDigit(text.charCodeAt(i + 1)))) {
      // "^{3,4}" and "^2": footnote markers written in plain text.
      let j = i + 1;
      if (text[j] === '{') {
        // Look for the closing brace only nearby, so a page of unclosed "^{" stays linear.
        const close = text.slice(j, j + 21).indexOf('}');
        j = close < 0 ? j + 1 : j + close + 1;
      } else while (j < n && isDigit(text.charCodeAt(j))) j++;
      i = j;
      continue;
    }
    if (isDigit(c)) {
      const start = i;
      let j = i;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      let grouped = false;
      // Thousands groups: ",ddd" not followed by another digit.
      while (
        j + 3 < n + 0 &&
        text[j] === ',' &&
        isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2)) && isDigit(text.charCodeAt(j + 3)) &&
        !(j + 4 < n && isDigit(text.charCodeAt(j + 4)))
      ) {
        grouped = true;
        j += 4;
      }
      let decimals = 0;
      if (j + 1 < n && text[j] === '.' && isDigit(text.charCodeAt(j + 1))) {
        let k = j + 1;
        while (k < n && isDigit(text.charCodeAt(k))) k++;
        decimals = k - j - 1;
        j = k;
      }
      const numText = text.slice(start, j);
      // Letters glued to the number: a unit ("2.6x", "$1.25bn", "7th") or an identifier ("3SBio").
      let k = j;
      while (k < n && isLetter(text[k]!)) k++;
      // "2025H1", "Q3": a letter-digit suffix.
      if (k > j && k < n && isDigit(text.charCodeAt(k)) && k - j === 1 && k + 1 <= n) {
        const two = text.slice(j, k + 1).toLowerCase();
        if (NUMBER_SUFFIXES.has(two) && !(k + 1 < n && (isLetter(text[k + 1]!) || isDigit(text.charCodeAt(k + 1))))) k++;
      }
      const glued = text.slice(j, k);
      const prevIsIdent = start > 0 && (isLetter(text[start - 1]!) || text[start - 1] === '_');
      const value = Number(numText.replace(/,/g, ''));
      if (prevIsIdent) {
        // "IBI363", "H2H", "A4": digits inside a name. Swallow any further letters and digits.
        let e = k;
        while (e < n && (isLetter(text[e]!) || isDigit(text.charCodeAt(e)))) e++;
        mergeIdentifier(tokens, text, start, e, spaced);
        spaced = false;
        i = e;
        continue;
      }
      if (glued && !NUMBER_SUFFIXES.has(glued.toLowerCase())) {
        let e = k;
        while (e < n && (isLetter(text[e]!) || isDigit(text.charCodeAt(e)))) e++;
        const id = text.slice(start, e);
        tokens.push(token('id', id, id.toLowerCase(), start, e, spaced));
        spaced = false;
        i = e;
        continue;
      }
      const num = token('num', numText, numText, start, j, spaced);
      num.value = value;
      num.decimals = decimals;
      num.grouped = grouped;
      num.suffix = glued ? glued.toLowerCase() : undefined;
      tokens.push(num);
      if (glued) tokens.push(token('word', glued, glued.toLowerCase(), j, k, false));
      spaced = false;
      i = k;
      continue;
    }
    if (isLetter(ch)) {
      const start = i;
      let j = i;
      let hasDigit = false;
      while (j < n) {
        const cj = text[j]!;
        if (isLetter(cj)) j++;
        else if (isDigit(text.charCodeAt(j))) {
          hasDigit = true;
          j++;
        } else if ((cj === '\'' || cj === '’') && j + 1 < n && isLetter(text[j + 1]!) && j > start) {
          // Possessives and contractions stay inside the word: "China's".
          j++;
        } else break;
      }
      const word = text.slice(start, j);
      tokens.push(token(hasDigit ? 'id' : 'word', word, word.toLowerCase(), start, j, spaced));
      spaced = false;
      i = j;
      continue;
    }
    // Everything else is a one-character symbol; a backslash before "$" is an escape, not text.
    if (ch === '\\' && text[i + 1] === '$') {
      i++;
      continue;
    }
    tokens.push(token('sym', ch, ch, i, i + 1, spaced));
    spaced = false;
    i++;
  }
  return tokens;
}

/** Glues "IL-2"-like runs into one identifier token when digits follow letters directly. */
function mergeIdentifier(tokens: Token[], text: string, start: number, end: number, spaced: boolean): void {
  const last = tokens[tokens.length - 1];
  if (last && (last.type === 'word' || last.type === 'id') && last.end === start) {
    last.type = 'id';
    last.end = end;
    last.text = text.slice(last.start, end);
    last.lower = last.text.toLowerCase();
    return;
  }
  const id = text.slice(start, end);
  tokens.push(token('id', id, id.toLowerCase(), start, end, spaced));
}

/**
 * A token with every property set, those of numbers to undefined, in one order: the parser reads
 * tokens of every type in the same places, and objects of one shape keep its compiled code fast.
 */
function token(type: TokenType, text: string, lower: string, start: number, end: number, spaced: boolean): Token {
  return { type, text, lower, start, end, spaced, value: undefined, decimals: undefined, grouped: undefined, suffix: undefined };
}

/** Dashes that can join the two ends of a range or the parts of a compound. */
export const DASHES = new Set(['-', '–', '—', '‑', '‐', '−']);
