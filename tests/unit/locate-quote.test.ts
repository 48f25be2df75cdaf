import { describe, expect, it } from 'vitest';
import { formatSourceDate } from '../../src/ui/format-date';
import { locateQuote } from '../../src/ui/locate-quote';

describe('locateQuote', () => {
  const text = 'Exhibit 3\nMetric   2024\nPatents\t400\n\nIn 2024 alone, Chinese entities secured 400 patents.';

  it.each([
    ['an exact quote', 'In 2024 alone, Chinese entities secured 400 patents.', 'In 2024 alone, Chinese entities secured 400 patents.'],
    ['a quote whose whitespace differs', 'Metric 2024 Patents 400', 'Metric   2024\nPatents\t400'],
    ['a quote not in the text', 'Nothing like this', null],
    ['an empty quote', '   ', null],
  ])('finds %s', (_, quote, expected) => {
    const at = locateQuote(text, quote);

    expect(at && text.slice(at.start, at.end)).toBe(expected);
  });
});

describe('formatSourceDate', () => {
  it.each([
    ['2026-02-10', '10 Feb 2026'],
    ['2026-04', 'Apr 2026'],
    ['2026', '2026'],
    ['February 10, 2026', 'February 10, 2026'],
    ['', ''],
  ])('formats %j as %j', (date, expected) => {
    expect(formatSourceDate(date)).toBe(expected);
  });
});
