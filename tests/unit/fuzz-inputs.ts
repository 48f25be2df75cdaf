/**
 * Inputs for the fuzz tests of the text core: seeded random text made of the pieces the parsers
 * react to, and adversarial strings that repeat one such piece up to any length.
 */
import { createPrng, type Prng } from '../../src/bench/prng';

export { createPrng };

/** Pieces the quantity parser and the sentence splitter react to, and some they must survive. */
const PIECES = [
  ...'0123456789',
  '12', '3.5', '1,000', '112.8', '0.', '.5', '1e9', '007', '2024', '2025', 'FY2025', '1990s',
  '%', ' percent', '$', 'US$', 'RMB', '€', '£', '¥', 'bn', ' billion', ' million', 'k', 'Mn', ' trillion', 'X', 'x', ' times',
  '-', '–', '—', '~', '<', '>', '≥', '≤', '+', '/', '(', ')', '[', ']', '"', '“', '”', "'", '’',
  'about ', 'around ', 'nearly ', 'over ', 'more than ', 'less than ', 'at least ', 'up to ', 'no more than ', 'as much as ',
  'eleven', 'twenty-one', 'a quarter', 'one-third', 'half', 'seventh', 'hundred', 'dozen', 'twice',
  ' in ', ' from ', ' to ', ' through ', ' by ', ' as of ', 'August ', 'Q3 ',
  'U.S.', 'U.K.', 'Dr.', 'Mr.', 'e.g.', 'i.e.', 'etc.', 'No.', 'Jan.', 'vs.', 'J.', 'Inc.',
  '. ', '? ', '! ', '... ', '.\n', '\n', '\n\n', '\r\n', '\t', ' ', '  ', '\u00a0', '\u2029',
  'The ', 'It ', 'China ', 'sales ', 'rose ', 'patents ', 'President ', 'Biosecurity Act ',
  '😀', '\ud83d', '\ude00', 'é', 'ß', 'İ', 'ﬁ', '\u0301', 'ع', '中国', '\u200b', '\u0000',
];

/** `length` characters (about) of random pieces. */
export function randomText(rng: Prng, length: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const piece = rng.chance(0.1) ? String.fromCharCode(rng.int(0, 0xffff)) : rng.pick(PIECES);
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('').slice(0, length);
}

/** Strings that repeat a piece the parsers dwell on: each a (name, piece) pair. */
export const ADVERSARIAL: readonly (readonly [string, string])[] = [
  ['one long number', '1'],
  ['a chain of thousands groups', '1,'],
  ['a chain of decimals', '1.'],
  ['a chain of ranges', '1–'],
  ['hyphenated numbers', '12-'],
  ['percent signs', '%'],
  ['currency signs', '$'],
  ['figures back to back', '$1bn '],
  ['percentages back to back', '12% '],
  ['qualifiers with no figure', 'more than '],
  ['periods with no figure', 'from 2023 to '],
  ['years', '2024 '],
  ['number words', 'eleven '],
  ['fractions', 'a quarter of '],
  ['open parentheses', '('],
  ['full stops', '.'],
  ['abbreviations', 'U.S. '],
  ['titles', 'Dr. '],
  ['initials', 'J. '],
  ['line breaks', '\n'],
  ['blank lines with spaces', ' \n \n'],
  ['carriage returns', '\r\n'],
  ['spaces', ' '],
  ['one long word', 'a'],
  ['sentences', 'Sales rose 7% in 2024. '],
  ['questions', 'Why? '],
  ['lone high surrogates', '\ud83d'],
  ['emoji', '😀'],
  ['markup', '<img src=x onerror=alert(1)>'],
];

/** `piece` repeated up to `length` characters. */
export function repeated(piece: string, length: number): string {
  return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}

/**
 * Whether `run` takes time linear in the input: how much its time grows when the input doubles,
 * measured over a fourfold step (n to 4n) and taken per doubling. A ratio of 2 is linear;
 * quadratic work gives 4. Each size keeps its fastest of several runs: on a shared machine, other
 * work and garbage collection only ever add time, so the fastest run is the truest.
 */
export function growthRatio(run: (text: string) => void, make: (length: number) => string, n: number): number {
  const small = make(n);
  const large = make(4 * n);
  const time = (text: string) => {
    const started = performance.now();
    run(text);
    return performance.now() - started;
  };
  time(small);
  time(large);
  let smallest = Number.POSITIVE_INFINITY;
  let largest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 7; i++) {
    smallest = Math.min(smallest, time(small));
    largest = Math.min(largest, time(large));
  }
  // A floor of 1 ms keeps timer noise on tiny runs from making up a ratio.
  return Math.sqrt(Math.max(largest, 1) / Math.max(smallest, 1));
}
