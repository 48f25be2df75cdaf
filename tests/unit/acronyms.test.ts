import { describe, expect, it } from 'vitest';

import { definedAcronyms } from '../../src/text/acronyms';
import { placedTerms, useAcronyms } from '../../src/text/terms';

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
});
