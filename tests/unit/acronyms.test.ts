import { describe, expect, it } from 'vitest';

import { buildIndexJson } from '../../src/index/build-index';
import { COMMON_ACRONYMS, definedAcronyms } from '../../src/text/acronyms';
import { placedTerms, spelledOutIn, useAcronyms } from '../../src/text/terms';

describe('definedAcronyms', () => {
  it('reads an abbreviation from the initials of the words before it', () => {
    expect(definedAcronyms('Targeted protein degradation (TPD) has become a strength.')).toEqual([
      { short: 'TPD', long: 'targeted protein degradation' },
    ]);
    expect(definedAcronyms('equipment and active pharmaceutical ingredients (APIs) by 2030')).toEqual([
      { short: 'APIs', long: 'active pharmaceutical ingredients' },
    ]);
  });

  it('counts each part of a hyphenated word and skips short words the abbreviation leaves out', () => {
    expect(definedAcronyms('a potential first-in-class (FIC) asset')).toEqual([{ short: 'FIC', long: 'first in class' }]);
    expect(definedAcronyms('spanning research and development (R&D)')).toEqual([{ short: 'R&D', long: 'research and development' }]);
  });

  it('reads nothing when the initials do not spell the abbreviation', () => {
    expect(definedAcronyms('Western multinational corporations (MNCs) led.')).toEqual([]);
    expect(definedAcronyms('The figure (USD) is in dollars, and (A) is a label.')).toEqual([]);
  });

  it('reads each definition once, and both of an abbreviation defined two ways', () => {
    const text = 'new drug application (NDA) … a new drug application (NDA) again';
    expect(definedAcronyms(text)).toEqual([{ short: 'NDA', long: 'new drug application' }]);
    expect(definedAcronyms('the central nervous system (CNS) … in Cell, Nature, and Science (collectively, CNS)')).toEqual([
      { short: 'CNS', long: 'central nervous system' },
      { short: 'CNS', long: 'cell nature and science' },
    ]);
  });
});

describe('definedAcronyms in a note', () => {
  it('reads "ABBR = words" up to the end of the sentence, the words as written', () => {
    expect(definedAcronyms('Note: PCC = preclinical candidate. CMC = chemistry, manufacturing, and controls.')).toEqual([
      { short: 'PCC', long: 'preclinical candidate' },
      { short: 'CMC', long: 'chemistry manufacturing and controls' },
    ]);
    expect(definedAcronyms('NHP = non-human primate; FPI = First Patient In\nnext line')).toEqual([
      { short: 'NHP', long: 'non human primate' },
      { short: 'FPI', long: 'first patient in' },
    ]);
  });

  it('reads a note and a parenthesis that define one abbreviation alike as one definition', () => {
    expect(definedAcronyms('a first-in-class (FIC) asset. Note: FIC = first-in-class.')).toEqual([{ short: 'FIC', long: 'first in class' }]);
  });

  it('takes words that are not the initials, and an abbreviation with "&", but not a word', () => {
    expect(definedAcronyms('Note: CV&M = cardiovascular and metabolism. Tox = toxicology.')).toEqual([
      { short: 'CV&M', long: 'cardiovascular and metabolism' },
    ]);
  });

  it('reads neither a sentence after "=" nor an equation', () => {
    expect(definedAcronyms('ROI = what the fund earns on each dollar it put into the company over the years.')).toEqual([]);
    expect(definedAcronyms('Let x = 5 and y = 10.')).toEqual([]);
  });
});

describe('the abbreviations the index uses', () => {
  const seed = (content: string) => ({ file: 'doc.txt', content });

  it('adds a common abbreviation a claim uses without the documents defining it', () => {
    const { acronymsJson } = buildIndexJson([seed('In 2025, VC investors put USD 5 billion into Chinese biotech companies.')]);
    expect(JSON.parse(acronymsJson)).toEqual([{ short: 'VC', long: 'venture capital' }]);
  });

  it('takes the documents\' own meaning over the common one, and none when no claim uses it', () => {
    const defined = buildIndexJson([seed('Vaccine candidates (VC) reached 12 in 2025, up from 4 in 2020.')]);
    expect(JSON.parse(defined.acronymsJson)).toEqual([{ short: 'VC', long: 'vaccine candidates' }]);
    expect(COMMON_ACRONYMS.some((a) => a.short === 'VC')).toBe(true);
    const unused = buildIndexJson([seed('Chinese biotech companies raised USD 5 billion in 2025.')]);
    expect(JSON.parse(unused.acronymsJson)).toEqual([]);
  });
});

describe('placedTerms with abbreviations', () => {
  const terms = (text: string) => placedTerms(text).map((t) => t.term);

  it('adds the abbreviation after the words it stands for, placed on the last of them', () => {
    useAcronyms([{ short: 'TPD', long: 'targeted protein degradation' }, { short: 'R&D', long: 'research and development' }]);
    const text = 'Patents on targeted protein degradation rose.';
    const added = placedTerms(text).find((t) => t.term === 'tpd');
    expect(added && text.slice(added.start, added.end)).toBe('degradation');
    expect(terms('research and development spending')).toContain('r&d');
  });

  it('adds nothing for words apart, in another order, or when no abbreviation is in use', () => {
    useAcronyms([{ short: 'R&D', long: 'research and development' }]);
    expect(terms('research, development and sales')).not.toContain('r&d');
    expect(terms('development and research')).not.toContain('r&d');
    useAcronyms([]);
    expect(terms('research and development spending')).not.toContain('r&d');
  });

  it("adds the abbreviation's words where it stands, placed on it", () => {
    useAcronyms([{ short: 'TPD', long: 'targeted protein degradation' }]);
    const text = 'China holds 37% of TPD patents.';
    const added = placedTerms(text).filter((t) => ['target', 'protein', 'degrad'].includes(t.term));
    expect(added.map((t) => t.term)).toEqual(['target', 'protein', 'degrad']);
    for (const t of added) expect(text.slice(t.start, t.end)).toBe('TPD');
    expect(terms('patents on protein degraders').filter((t) => terms(text).includes(t))).toEqual(['patent', 'protein', 'degrad']);
  });

  it('does not add them again where the text has just written them out', () => {
    useAcronyms([{ short: 'TPD', long: 'targeted protein degradation' }]);
    expect(terms('targeted protein degradation (TPD) patents').filter((t) => t === 'protein')).toHaveLength(1);
    expect(terms('protein kinases, and TPD patents').filter((t) => t === 'protein')).toHaveLength(1);
  });

  it('leaves out the places among them: an agency is not its continent', () => {
    useAcronyms([{ short: 'EMA', long: 'European Medicines Agency' }]);
    expect(terms('The EMA approved it.')).toEqual(expect.arrayContaining(['ema', 'agency']));
    expect(terms('The EMA approved it.').some((t) => t.startsWith('@'))).toBe(false);
  });

  it('tells which terms of a bag of words are the words of an abbreviation also in it, however written', () => {
    useAcronyms([{ short: 'BD', long: 'business development' }]);
    const bag = (text: string) => new Map(placedTerms(text).map((t) => [t.term, 1]));
    expect([...spelledOutIn(bag('BD deals rose.'))].sort()).toEqual(['busines', 'develop']);
    expect([...spelledOutIn(bag('Business development deals rose.'))].sort()).toEqual(['busines', 'develop']);
    expect([...spelledOutIn(bag('Development of the business rose.'))]).toEqual([]);
  });
});
