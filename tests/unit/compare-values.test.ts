import { describe, expect, it } from 'vitest';

import type { Figure } from '../../src/quantity/figure';
import { parseFigures } from '../../src/quantity/parse-figures';
import { compareValues, type Agreement } from '../../src/match/compare-values';

function figure(text: string): Figure {
  const [first, ...rest] = parseFigures(text);
  if (!first || rest.length) throw new Error(`expected exactly one figure in ${JSON.stringify(text)}`);
  return first;
}

describe('compareValues', () => {
  it.each<[page: string, source: string, agreement: Agreement]>([
    // Precision: the page is judged to the last digit it (or the source) wrote.
    ['112.8', '113', 'agree'],
    ['113', '112.8', 'agree'],
    ['$112.8 billion', '$113 billion', 'agree'],
    ['$1.25bn', '$1,250 million', 'agree'],
    ['$50 billion', '$50bn', 'agree'],
    ['US$112.8bn', '$112.8 billion', 'agree'],
    ['18%', '18 per cent', 'agree'],
    ['18.4%', '18%', 'agree'],
    ['17%', '17.4%', 'agree'],
    ['400', '400', 'agree'],
    ['7,100', '7,100', 'agree'],
    ['30-day', '30 days', 'agree'],
    ['2.6x', '2.6x', 'agree'],
    ['five times', '5x', 'agree'],
    ['eleven', '11', 'agree'],
    ['twenty-five', '25', 'agree'],
    ['178', '187', 'conflict'],
    ['400', '387', 'conflict'],
    ['19%', '18%', 'conflict'],
    ['38%', '37%', 'conflict'],
    ['49%', '51%', 'conflict'],
    ['$60 billion', '$50 billion', 'conflict'],
    ['$6.5 billion', '$6.2 billion', 'conflict'],
    ['$112.8 billion', '$112.8 million', 'conflict'],
    ['7,100', '1,500', 'conflict'],
    ['60-day', '30-day', 'conflict'],
    ['eight', 'seven', 'conflict'],
    ['a dozen', '15', 'conflict'],
    ['17%', '17.6%', 'unsure'],
    ['112', '112.8', 'unsure'],
    // Fractions written in words.
    ['a quarter', '20%–30%', 'agree'],
    ['half', '50%', 'agree'],
    ['one-third', '33%', 'agree'],
    ['a third', 'one-third', 'agree'],
    ['two-thirds', '66%', 'agree'],
    ['two-thirds', '60%–70%', 'agree'],
    ['one-sixth', 'roughly one-sixth', 'agree'],
    ['a fifth', 'one-sixth', 'conflict'],
    ['a quarter', '35%', 'conflict'],
    // Hedges: "about" gives room, bounds agree with what they allow.
    ['about 26%', 'approximately 25%', 'agree'],
    ['about 30%', 'approximately 25%', 'unsure'],
    ['about 40%', '~40%', 'agree'],
    ['nearly 40%', '39%', 'agree'],
    ['nearly 40%', '40%', 'agree'],
    ['22%', 'about 22%', 'agree'],
    ['USD 39 billion', 'about USD 39 billion', 'agree'],
    ['USD 40 billion', 'about USD 39 billion', 'agree'],
    ['USD 45 billion', 'about USD 39 billion', 'conflict'],
    ['about 2,000', '2,100', 'agree'],
    ['about 27%', 'about 73%', 'conflict'],
    ['about five times', '4x', 'unsure'],
    ['more than 7%', 'over 7%', 'agree'],
    ['over 7%', 'over 7%', 'agree'],
    ['at least 50%', 'at least 50%', 'agree'],
    ['more than 5%', 'over 7%', 'conflict'],
    ['over 9%', 'over 7%', 'conflict'],
    ['over 7%', '8%', 'agree'],
    ['over 7%', '5%', 'conflict'],
    ['at least 50%', '60%', 'agree'],
    ['more than 400', '187', 'conflict'],
    ['up to 30%', '30%', 'agree'],
    ['under 50%', '<50%', 'agree'],
    ['under 50%', '40%', 'agree'],
    ['under 50%', '60%', 'conflict'],
    ['fewer than 200', '187', 'agree'],
    ['fewer than 100', '187', 'conflict'],
    ['less than one-third', '30%', 'agree'],
    ['less than one-third', '40%', 'conflict'],
    ['under 50%', 'over 50%', 'unsure'],
    // A bound far from the value holds, but does not restate it.
    ['at least 10', '64', 'unsure'],
    ['above $1 billion', 'about USD 10 billion', 'unsure'],
    ['more than 40', '64', 'agree'],
    ['more than 30', '64', 'unsure'],
    ['under 80%', '30%', 'unsure'],
    ['under 60%', '30%', 'agree'],
    // Ranges: equal, inside, overlapping, disjoint.
    ['20%–30%', '20%–30%', 'agree'],
    ['60%–70%', '60%–70%', 'agree'],
    ['24–36 months', '24–36 months', 'agree'],
    ['25%', '20%–30%', 'agree'],
    ['$15 billion', '$15 billion to $16 billion', 'agree'],
    ['3–4X', '3.5x', 'agree'],
    ['20%–30%', '25%–35%', 'unsure'],
    ['50%–70%', '60%–70%', 'unsure'],
    ['20%–30%', '40%–50%', 'conflict'],
    ['35%', '20%–30%', 'conflict'],
    ['$20 billion', '$15 billion to $16 billion', 'conflict'],
  ])('judges page %j against source %j: %s', (pageText, sourceText, agreement) => {
    const page = figure(pageText);
    const source = figure(sourceText);

    const result = compareValues(page, source);

    expect(result).toBe(agreement);
  });
});
