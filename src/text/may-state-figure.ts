/** True when a text may state a figure: it has a digit or a number word. Cheap, for pre-filtering. */
export function mayStateFigure(text: string): boolean {
  // Regular expressions run as native code from the first call, where a loop would start interpreted.
  return DIGIT.test(text) || NUMBER_WORD.test(text);
}

const DIGIT = /[0-9]/;

const NUMBER_WORD = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth|twice|second)\b/i;


/**
 * True when a text may state a figure of a claim: a figure (see `mayStateFigure`) and a character
 * a content term can hold (a letter, `&`, or any character past Latin-1's symbols; see
 * `placedTerms`). Numbers are never terms, so a text of digits and signs alone ("12.5%", "$3.2",
 * a table's figures without their headers) retrieves no claim, and is not worth checking.
 */
export function mayStateClaimedFigure(text: string): boolean {
  return TERM_CHAR.test(text) && mayStateFigure(text);
}

const TERM_CHAR = /[A-Za-z&\u00c0-\uffff]/;
