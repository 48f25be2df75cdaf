import { describe, expect, it } from 'vitest';

import { clauseBoundaries, figureEntity, figureTerms, figureTermsOfAll } from '../../src/match/figure-context';
import { placedTerms } from '../../src/text/terms';

/** The place `figureEntity` gives the figure written `figure` in `text`. */
function placeOf(text: string, figure: string): string | undefined {
  const start = text.indexOf(figure);
  return figureEntity(text, placedTerms(text), clauseBoundaries(text), start, start + figure.length);
}

/** The terms `figureTerms` weighs at 0.6 or more for the figure written `figure` in `text`. */
function strongTerms(text: string, figure: string): string[] {
  const start = text.indexOf(figure);
  const weights = figureTerms(text, placedTerms(text), clauseBoundaries(text), start, start + figure.length);
  return [...weights].filter(([, w]) => w >= 0.6).map(([t]) => t).sort();
}

describe('figureEntity', () => {
  it('gives the place a figure is about', () => {
    expect(placeOf("In 2025, spending in the US exceeded USD 260 billion, while China's total was about USD 39 billion.", 'USD 39 billion')).toBe('@china');
    expect(placeOf('Spending reached about $54 billion in the US.', '$54 billion')).toBe('@us');
    expect(placeOf('I count 64 Chinese biotech deals in five years.', '64')).toBe('@china');
  });

  it('reads no place off a yardstick, nor off places joined to one', () => {
    expect(placeOf('The roadmap calls for 12 hubs, meant to compete with Boston and the Bay Area.', '12')).toBeUndefined();
    expect(placeOf('The roadmap calls for 12 hubs, meant to compete with Boston, Shanghai and the Bay Area.', '12')).toBeUndefined();
  });

  it('reads no place off a clause set beside the figure\'s', () => {
    const text = 'Its top 80 targets cover about 80% of pipelines, while the US needs about 109 targets.';
    expect(placeOf(text, 'about 80%')).toBeUndefined();
    expect(placeOf(text, 'about 109')).toBe('@us');
  });
});

describe('figureTerms', () => {
  it('gives a figure whose clause has no words of its own the words of the clause before', () => {
    const text = 'Over five years, licensing deals by biotech companies were worth about $40 billion, compared with about $45 billion in the US.';
    expect(strongTerms(text, 'about $45 billion')).toEqual(expect.arrayContaining(['deal', 'worth']));
    expect(strongTerms('Frontier technologies named by the plan: 7.', '7')).toEqual(expect.arrayContaining(['fronti', 'technol']));
  });

  it('gives a figure that continues a series the words of the first', () => {
    const text = 'Chinese groups originated 24% of global BD deals in 2022 and 31% in 2025.';
    const start = text.indexOf('31%');
    const [, second] = figureTermsOfAll(text, placedTerms(text), clauseBoundaries(text), [
      { start: text.indexOf('24%'), end: text.indexOf('24%') + 3, unit: 'percent' },
      { start, end: start + 3, unit: 'percent' },
    ]);
    expect([...second!].filter(([, w]) => w >= 0.6).map(([t]) => t)).toEqual(expect.arrayContaining(['deal', 'origina']));
  });

  it('keeps a clause with words of its own to them', () => {
    const text = 'Licensing deals were worth about $40 billion, while clinical trial starts numbered 600.';
    expect(strongTerms(text, '600')).not.toContain('deal');
  });
});
