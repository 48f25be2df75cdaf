/** True when a text may state a figure: it has a digit or a number word. Cheap, for pre-filtering. */
export function mayStateFigure(text: string): boolean {
  // Regular expressions run as native code from the first call, where a loop would start interpreted.
  return DIGIT.test(text) || NUMBER_WORD.test(text);
}

const DIGIT = /[0-9]/;

const NUMBER_WORD = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth|twice|second)\b/i;

