import { describe, expect, it } from 'vitest';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleBreaks, splitSentences } from '../../src/text/sentences';

function textsOf(input: string): string[] {
  return splitSentences(input).map((s) => s.text);
}

/** The contract every result must keep, whatever the input. */
function expectOffsetsHold(input: string): void {
  const sentences = splitSentences(input);
  let previousEnd = 0;
  for (const s of sentences) {
    expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    expect(s.text).not.toBe('');
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = s.end;
  }
  // Nothing but whitespace is lost between sentences.
  expect(sentences.map((s) => s.text).join('').replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
}

describe('splitSentences', () => {
  it.each([
    ['plain sentences', 'It rose. It fell! Did it? Yes.', ['It rose.', 'It fell!', 'Did it?', 'Yes.']],
    ['titles before names', 'Mr. Smith met Dr. Jones and Prof. Lee. Mrs. Ng and Ms. Ode came.', ['Mr. Smith met Dr. Jones and Prof. Lee.', 'Mrs. Ng and Ms. Ode came.']],
    ['St. before a name', 'They met in St. Louis. It rained.', ['They met in St. Louis.', 'It rained.']],
    ['e.g., i.e. and vs.', 'Cities, e.g. Paris, i.e. France, vs. Rome grew. Then.', ['Cities, e.g. Paris, i.e. France, vs. Rome grew.', 'Then.']],
    ['etc. before lower case', 'Food, fuel, etc. rose by 5%. Wages fell.', ['Food, fuel, etc. rose by 5%.', 'Wages fell.']],
    ['etc. ending a sentence', 'Food, fuel, etc. The rest fell.', ['Food, fuel, etc.', 'The rest fell.']],
    ['No. before a digit', 'Route No. 5 is closed. No. It is open.', ['Route No. 5 is closed.', 'No.', 'It is open.']],
    ['approx. before a figure', 'It holds approx. $5 billion. Done.', ['It holds approx. $5 billion.', 'Done.']],
    ['company suffixes before lower case', 'Apple Inc. said sales of Acme Ltd. and Foo Co. and Bar Corp. rose.', ['Apple Inc. said sales of Acme Ltd. and Foo Co. and Bar Corp. rose.']],
    ['a company suffix ending a sentence', 'They sued Apple Inc. The case failed.', ['They sued Apple Inc.', 'The case failed.']],
    ['month abbreviations before a day or year', 'On Jan. 5 and Sept. 30, 2024, and in Dec. 2023 it rose.', ['On Jan. 5 and Sept. 30, 2024, and in Dec. 2023 it rose.']],
    ['a decimal number', 'Sales were $112.8 billion. Costs were 3.5%.', ['Sales were $112.8 billion.', 'Costs were 3.5%.']],
    ['a single capital initial', 'J. Smith and A. B. Jones wrote it. They agree.', ['J. Smith and A. B. Jones wrote it.', 'They agree.']],
    ['U.S. before a digit', 'The U.S. 2024 budget grew.', ['The U.S. 2024 budget grew.']],
    ['U.S. before lower case', 'In the U.S. prices rose.', ['In the U.S. prices rose.']],
    ['U.S. ending a sentence', 'It happened in the U.S. The next day it spread.', ['It happened in the U.S.', 'The next day it spread.']],
    ['U.S. before a capitalised name', 'It is the U.S. Biosecurity Act of 2024.', ['It is the U.S. Biosecurity Act of 2024.']],
    ['U.S. before a title', 'The U.S. President spoke.', ['The U.S. President spoke.']],
    ['U.S. before an opener and a name', 'It spread in the U.S. The Senate voted.', ['It spread in the U.S.', 'The Senate voted.']],
    ['U.S. before a lone capitalised word', 'It spread in the U.S. Officials said so.', ['It spread in the U.S.', 'Officials said so.']],
    ['U.K. like U.S.', 'The U.K. Parliament met. It left the U.K. The vote passed.', ['The U.K. Parliament met.', 'It left the U.K.', 'The vote passed.']],
    ['a single line break as a space', 'The company reported\n  revenue of $5 billion.', ['The company reported\n  revenue of $5 billion.']],
    ['a blank line as a break', 'Heading\n\nBody text here.', ['Heading', 'Body text here.']],
    ['surrounding whitespace', '  \n Padded.  \t ', ['Padded.']],
    ['only whitespace', ' \n\t ', []],
    ['an empty string', '', []],
  ])('splits %s', (_case, input, expected) => {
    expect(textsOf(input)).toEqual(expected);
  });

  it.each([
    'It rose. It fell! Did it? Yes.',
    '  Leading and trailing spaces.   Two spaces between.  ',
    'Line one\nline two.\r\nLine three.\n\n\nNew paragraph.',
    '“Quoted.” He said (in brackets.) Then — a dash.',
    'Emoji 😀 here. 中文句子。日本語の文。',
    'Mr. X met Dr. Y in the U.S. Senate on Jan. 5. The U.S. The U.K. J. Smith $1.5 3.14.',
    'No terminal punctuation',
    '...',
    '. . .',
    'a\u00a0b. C\u2028d. E\u2029f.',
  ])('keeps offsets and trimming right for %j', (input) => {
    expectOffsetsHold(input);
  });

  it('splits a block longer than the chunk size with the right offsets', () => {
    const input = Array.from({ length: 3000 }, (_, i) => `Sentence ${i} has $${i}.5 million.`).join(' ');

    const sentences = splitSentences(input);

    expect(input.length).toBeGreaterThan(60_000);
    expect(sentences).toHaveLength(3000);
    expect(sentences[2999]?.text).toBe('Sentence 2999 has $2999.5 million.');
    expectOffsetsHold(input);
  });

  it('repairs an abbreviation where a long block was cut into chunks', () => {
    const input = `${'word '.repeat(3990)}met Dr. Smith there${' more'.repeat(100)}.`;

    expect(textsOf(input)).toEqual([input]);
  });

  it.each([
    ['without spaces', 'x'.repeat(50_000)],
    ['with only newlines', 'line\n\n'.repeat(10_000)],
    ['with surrogate pairs and no spaces', '😀'.repeat(30_000)],
  ])('keeps offsets right in a long block %s', (_case, input) => {
    expectOffsetsHold(input);
  });

  describe('ruleBreaks', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    const icuBreaks = (text: string) => [...segmenter.segment(text)].map((s) => s.index).filter((i) => i > 0);

    it('finds the breaks the platform segmenter finds in every reference document', () => {
      const dir = join(import.meta.dirname, '../../data/seeds');
      const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = readFileSync(join(dir, file), 'utf8');
        expect(ruleBreaks(text), file).toEqual(icuBreaks(text));
      }
    });

    it.each([
      'He said “It rose.” Then it fell.',
      'Was it (really?) true? Yes!! Quite… sure.',
      'See p. 5, or e.g.) China. Or 3.5% of U.S. sales.',
      'Visit example.com today. OK.\u200b Next.',
      'End.\u2029Start. 中文句子。日本語の文。Done',
      'A. b. C.) D.\u00a0E.   f',
    ])('agrees with the platform segmenter on %j', (text) => {
      expect(ruleBreaks(text)).toEqual(icuBreaks(text));
    });
  });
});
