/**
 * Abbreviations the reference documents define, as in "targeted protein degradation (TPD)" or a
 * note's "PCC = preclinical candidate", and the common ones of business writing they use without
 * defining ("VC", "M&A"): a page that spells one out speaks of what the documents abbreviate, and
 * the other way round. `npm run index` reads them from data/seeds into data/acronyms.json;
 * `placedTerms` adds the abbreviation's term wherever its words stand (see src/text/terms.ts).
 */

/** An abbreviation and the words it stands for, as the document writes them. */
export interface Acronym {
  /** "TPD", "APIs", "R&D". */
  short: string;
  /** "targeted protein degradation". */
  long: string;
}

/** Short words an abbreviation may skip: "research and development (R&D)". */
const MINOR = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to']);

/**
 * Abbreviations of business and finance writing with one meaning there, which a document may use
 * without defining them ("VC/PE", "BD deals", "M&As"). The index uses one only where the documents
 * do not define it themselves.
 */
export const COMMON_ACRONYMS: readonly Acronym[] = [
  { short: 'AI', long: 'artificial intelligence' },
  { short: 'BD', long: 'business development' },
  { short: 'CAGR', long: 'compound annual growth rate' },
  { short: 'GDP', long: 'gross domestic product' },
  { short: 'IP', long: 'intellectual property' },
  { short: 'IPO', long: 'initial public offering' },
  { short: 'M&A', long: 'mergers and acquisitions' },
  { short: 'PE', long: 'private equity' },
  { short: 'VC', long: 'venture capital' },
];

/** "(TPD)", "(APIs)"; "…in Cell, Nature, and Science (collectively, CNS)" defines one as well. */
const DEFINITION = /\((?:(?:collectively|together|jointly|hereafter),?\s+)?([A-Z][A-Z&]{1,7})(s?)\)/g;

/**
 * The abbreviations `text` defines: a parenthesised run of capitals whose letters are the
 * initials of the words right before it (hyphenated words count each part; short words such as
 * "and" may be skipped). Each definition once, in the order of the text; an abbreviation defined
 * two ways ("central nervous system (CNS)", "Cell, Nature and Science (CNS)") is given twice.
 *
 * @example
 * definedAcronyms('targeted protein degradation (TPD)') // [{ short: 'TPD', long: 'targeted protein degradation' }]
 */
export function definedAcronyms(text: string): Acronym[] {
  const out = new Map<string, Acronym>();
  for (const m of text.matchAll(DEFINITION)) {
    const short = m[1]! + m[2]!;
    const letters = m[1]!.replace(/&/g, '');
    if (letters.length < 2) continue;
    const words = [...text.slice(Math.max(0, m.index - 160), m.index).matchAll(/[A-Za-z]+/g)].map((w) => w[0]);
    let need = letters.length - 1;
    let k = words.length - 1;
    let first = -1;
    while (need >= 0 && k >= 0 && words.length - k <= letters.length * 2 + 2) {
      const word = words[k]!;
      if (word[0]!.toUpperCase() === letters[need]) {
        need--;
        first = k;
      } else if (!MINOR.has(word.toLowerCase())) break;
      k--;
    }
    const long = words.slice(first).join(' ').toLowerCase();
    if (need < 0 && first >= 0) out.set(`${short} ${long}`, { short, long });
  }
  for (const m of text.matchAll(GLOSSARY)) {
    const short = m[1]! + m[2]!;
    // Words as the definitions above read them: "first-in-class" is "first in class".
    const words = [...m[3]!.matchAll(/[A-Za-z]+/g)].map((w) => w[0].toLowerCase());
    if (words.length <= GLOSSARY_WORDS) out.set(`${short} ${words.join(' ')}`, { short, long: words.join(' ') });
  }
  return [...out.values()];
}

/**
 * A note's definition: "PCC = preclinical candidate", "CMC = chemistry, manufacturing, and
 * controls", up to the end of the sentence or the line. It says what the abbreviation stands for,
 * so the words need not be its initials ("CV&M = cardiovascular and metabolism"). The abbreviation
 * ends in a capital or "&": "Tox = toxicology" is a word, not one.
 */
const GLOSSARY = /(?<![\w&])([A-Z][A-Za-z&]{0,7}?[A-Z&])(s?) = ([A-Za-z][A-Za-z ,'-]*?)(?=\s*(?:[.;\n]|$))/g;
/** A longer run after "=" is a sentence, not an abbreviation's words. */
const GLOSSARY_WORDS = 8;
