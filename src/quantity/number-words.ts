/**
 * Numbers written as words: cardinals ("eleven", "twenty-five"), fractions ("a quarter",
 * "one-sixth", "two-thirds") and ordinals ("seventh").
 */

export const CARDINALS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90], ['dozen', 12],
]);

export const TENS = new Set(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);

/** Denominators of fractions, singular and plural. */
export const FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4],
  ['fourth', 4], ['fourths', 4], ['fifth', 5], ['fifths', 5], ['sixth', 6], ['sixths', 6],
  ['seventh', 7], ['sevenths', 7], ['eighth', 8], ['eighths', 8], ['ninth', 9], ['ninths', 9],
  ['tenth', 10], ['tenths', 10],
]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6],
  ['seventh', 7], ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12],
  ['thirteenth', 13], ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16],
  ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20],
]);

/** Scale words, and the abbreviations that may follow a number. */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['millions', 1e6],
  ['mn', 1e6], ['mln', 1e6], ['mm', 1e6], ['m', 1e6], ['billion', 1e9], ['billions', 1e9],
  ['bn', 1e9], ['bln', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12], ['trn', 1e12],
  ['t', 1e12], ['lakh', 1e5], ['crore', 1e7],
]);

/** One-letter scale abbreviations are read as scales only next to a currency ("$5m", not "5m tall"). */
export const CURRENCY_ONLY_SCALES = new Set(['m', 'b', 't', 'k']);

/** Every word the parser may read as a number or a fraction, in lower case. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...CARDINALS.keys(),
  ...FRACTIONS.keys(),
  ...ORDINALS.keys(),
  'twice',
  'hundred',
  'thousand',
]);

/**
 * Words that can be read as numbers, for finding sentences that state figures. "one" and
 * "first" are left out: in running text they are almost always pronouns, sequence markers or
 * parts of names ("one of the", "first-in-class").
 */
export function isNumberWord(lower: string): boolean {
  return lower !== 'one' && lower !== 'first' && NUMBER_WORDS.has(lower);
}
