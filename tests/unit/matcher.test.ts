import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { loadClaimIndex } from '../../src/claims/claim-index';
import { matchSentence } from '../../src/match/match-sentence';
import { parseFigures } from '../../src/quantity/parse-figures';

type Expected = 'corroborated' | 'conflicting' | 'none';

interface MatcherCase {
  /** The hard case of issue 3 the sentence covers. */
  case: string;
  sentence: string;
  /** Every figure the parser finds in the sentence, in order, with its expected verdict. */
  figures: { text: string; verdict: Expected }[];
}

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'matcher-cases.json'), 'utf8')) as { cases: MatcherCase[] };
const cases = fixture.cases;
const index = loadClaimIndex();

describe('matchSentence on labelled sentences', () => {
  it.each(cases.map((c) => [c.case, c.sentence, c] as const))('%s: %j', (_kind, sentence, c) => {
    const matches = matchSentence(sentence, index);

    const verdicts = parseFigures(sentence).map((f) => ({
      text: f.text,
      verdict: matches.find((m) => m.figure.start === f.start && m.figure.end === f.end)?.verdict ?? 'none',
    }));

    expect(verdicts).toEqual(c.figures);
  });

  it('covers every hard case of issue 3', () => {
    const kinds = new Set(cases.map((c) => c.case));

    const missing = [
      'other subject, same numbers',
      'same subject, other metric',
      'same metric, other year',
      'several figures, one conflicting',
      'number words',
      'fractions',
      'ranks',
      'qualifiers',
      'unit mismatch',
      'period mismatch',
      'entity swap',
      'unrelated',
    ].filter((k) => !kinds.has(k));

    expect(missing).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
});
