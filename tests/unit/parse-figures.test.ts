import { describe, expect, it } from 'vitest';

import type { Figure, Qualifier, UnitKind } from '../../src/quantity/figure';
import { parseFigures, scanQuantities } from '../../src/quantity/parse-figures';

/** What a case pins down about a figure: everything a matcher compares, nothing incidental. */
interface Shape {
  text: string;
  low: number;
  high: number;
  unit: UnitKind;
  currency?: string;
  qualifier: Qualifier;
  period?: { from: number; to: number };
  per?: string;
  timeUnit?: Figure['timeUnit'];
}

type Extra = Partial<Omit<Shape, 'text' | 'low' | 'high' | 'unit'>>;

function range(text: string, low: number, high: number, unit: UnitKind, extra: Extra = {}): Shape {
  return { text, low, high, unit, qualifier: 'exact', ...extra };
}

function point(text: string, value: number, unit: UnitKind, extra: Extra = {}): Shape {
  return range(text, value, value, unit, extra);
}

function project(f: Figure): Shape {
  const shape: Shape = { text: f.text, low: f.low, high: f.high, unit: f.unit, qualifier: f.qualifier };
  if (f.currency) shape.currency = f.currency;
  if (f.period) shape.period = { from: f.period.from, to: f.period.to };
  if (f.per) shape.per = f.per;
  if (f.timeUnit) shape.timeUnit = f.timeUnit;
  return shape;
}

/** Fractions ("one-third") come out as 33.33…: compare values to 6 decimal places, relative to their size. */
function expected(shape: Shape): unknown {
  const close = (v: number) => expect.closeTo(v, Math.max(0, 6 - Math.ceil(Math.log10(Math.abs(v) + 1))));
  return { ...shape, low: close(shape.low), high: close(shape.high) };
}

function title(figures: Shape[]): string {
  return figures
    .map((f) => {
      const value = f.low === f.high ? `${+f.low.toFixed(4)}` : `${+f.low.toFixed(4)}–${+f.high.toFixed(4)}`;
      const hedge = f.qualifier === 'exact' ? '' : ` (${f.qualifier})`;
      const period = f.period ? ` [${f.period.from}–${f.period.to}]` : '';
      return `"${f.text}" = ${f.currency ?? ''}${value} ${f.unit}${hedge}${period}`;
    })
    .join(' + ');
}

type Case = [input: string, figures: Shape[]];

function table(cases: Case[]): [string, string, Shape[]][] {
  return cases.map(([input, figures]) => [input, title(figures), figures]);
}

function expectFigures(input: string, figures: Shape[]): void {
  const actual = parseFigures(input).map(project);

  expect(actual).toEqual(figures.map(expected));
}

const CURRENCY: Case[] = [
  ['$112.8 billion', [point('$112.8 billion', 112.8e9, 'currency', { currency: 'USD' })]],
  ['US$112.8bn', [point('US$112.8bn', 112.8e9, 'currency', { currency: 'USD' })]],
  ['USD 260 billion', [point('USD 260 billion', 260e9, 'currency', { currency: 'USD' })]],
  ['RMB 5 million', [point('RMB 5 million', 5e6, 'currency', { currency: 'RMB' })]],
  ['\\$7–10 Mn/PCC', [range('$7–10 Mn/PCC', 7e6, 10e6, 'currency', { currency: 'USD', per: 'pcc' })]],
  ['\\$6–9 Mn/PCC', [range('$6–9 Mn/PCC', 6e6, 9e6, 'currency', { currency: 'USD', per: 'pcc' })]],
  ['€4.5 billion', [point('€4.5 billion', 4.5e9, 'currency', { currency: 'EUR' })]],
  ['€1.2bn', [point('€1.2bn', 1.2e9, 'currency', { currency: 'EUR' })]],
  ['£300 million', [point('£300 million', 300e6, 'currency', { currency: 'GBP' })]],
  ['HK$2.3 billion', [point('HK$2.3 billion', 2.3e9, 'currency', { currency: 'HKD' })]],
  ['the listing raised HK$7bn', [point('HK$7bn', 7e9, 'currency', { currency: 'HKD' })]],
  ['1.2 trillion yuan', [point('1.2 trillion yuan', 1.2e12, 'currency', { currency: 'RMB' })]],
  ['5 billion dollars', [point('5 billion dollars', 5e9, 'currency', { currency: 'USD' })]],
  ['300 million euros', [point('300 million euros', 300e6, 'currency', { currency: 'EUR' })]],
  ['CHF 2 billion', [point('CHF 2 billion', 2e9, 'currency', { currency: 'CHF' })]],
  ['₹500 crore', [point('₹500 crore', 5e9, 'currency', { currency: 'INR' })]],
  ['$5m', [point('$5m', 5e6, 'currency', { currency: 'USD' })]],
  ['$1.25bn', [point('$1.25bn', 1.25e9, 'currency', { currency: 'USD' })]],
  ['$1,250 million', [point('$1,250 million', 1.25e9, 'currency', { currency: 'USD' })]],
  ['$3.5 trillion', [point('$3.5 trillion', 3.5e12, 'currency', { currency: 'USD' })]],
  ['$750,000', [point('$750,000', 750e3, 'currency', { currency: 'USD' })]],
  ['raising $902 Million', [point('$902 Million', 902e6, 'currency', { currency: 'USD' })]],
  ['as much as $6.5 billion', [point('as much as $6.5 billion', 6.5e9, 'currency', { currency: 'USD', qualifier: 'up-to' })]],
  ['exceeded USD 260 billion', [point('USD 260 billion', 260e9, 'currency', { currency: 'USD', qualifier: 'over' })]],
  ['about $15 billion to $16 billion', [range('about $15 billion to $16 billion', 15e9, 16e9, 'currency', { currency: 'USD', qualifier: 'about' })]],
  ['roughly USD 15 to 16 billion', [range('roughly USD 15 to 16 billion', 15e9, 16e9, 'currency', { currency: 'USD', qualifier: 'about' })]],
  ['USD 405 billion across 423 transactions', [point('USD 405 billion', 405e9, 'currency', { currency: 'USD' }), point('423', 423, 'count')]],
];

const PERCENT: Case[] = [
  ['20%–30%', [range('20%–30%', 20, 30, 'percent')]],
  ['60%-70%', [range('60%-70%', 60, 70, 'percent')]],
  ['30% to 50%', [range('30% to 50%', 30, 50, 'percent')]],
  ['between 5 and 6 percent', [range('5 and 6 percent', 5, 6, 'percent')]],
  ['18 per cent', [point('18 per cent', 18, 'percent')]],
  ['12 percent', [point('12 percent', 12, 'percent')]],
  ['7 pct', [point('7 pct', 7, 'percent')]],
  ['0.5%', [point('0.5%', 0.5, 'percent')]],
  ['31.5%', [point('31.5%', 31.5, 'percent')]],
  ['22% of revenue', [point('22%', 22, 'percent')]],
  ['1.5 percentage points', [point('1.5 percentage points', 1.5, 'percent', { per: 'point' })]],
];

const COUNTS_AND_MULTIPLES: Case[] = [
  ['160–180', [range('160–180', 160, 180, 'count')]],
  ['1,000–2,000', [range('1,000–2,000', 1000, 2000, 'count')]],
  ['15 to 16 billion', [range('15 to 16 billion', 15e9, 16e9, 'count')]],
  ['12.5 million people', [point('12.5 million', 12.5e6, 'count')]],
  ['400 granted patents', [point('400', 400, 'count')]],
  ['10 to 25 times', [range('10 to 25 times', 10, 25, 'multiple')]],
  ['3–4X', [range('3–4X', 3, 4, 'multiple')]],
  ['3.5–4.5X higher', [range('3.5–4.5X', 3.5, 4.5, 'multiple')]],
  ['2.6x', [point('2.6x', 2.6, 'multiple')]],
  ['1.5x', [point('1.5x', 1.5, 'multiple')]],
  ['3 times', [point('3 times', 3, 'multiple')]],
  ['10-fold', [point('10-fold', 10, 'multiple')]],
  ['five times the level', [point('five times', 5, 'multiple')]],
  ['twice as fast', [point('twice', 2, 'multiple')]],
  ['>2X', [point('>2X', 2, 'multiple', { qualifier: 'over' })]],
];

const QUALIFIERS: Case[] = [
  ['over 7% annually', [point('over 7%', 7, 'percent', { qualifier: 'over' })]],
  ['surged over 57% on debut', [point('over 57%', 57, 'percent', { qualifier: 'over' })]],
  ['nearly 40%', [point('nearly 40%', 40, 'percent', { qualifier: 'nearly' })]],
  ['just under 20%', [point('just under 20%', 20, 'percent', { qualifier: 'nearly' })]],
  ['~61%', [point('~61%', 61, 'percent', { qualifier: 'about' })]],
  ['<50%', [point('<50%', 50, 'percent', { qualifier: 'under' })]],
  ['>70% US time', [point('>70%', 70, 'percent', { qualifier: 'over' })]],
  ['≥5%', [point('≥5%', 5, 'percent', { qualifier: 'at-least' })]],
  ['>1–2 months', [range('>1–2 months', 1, 2, 'duration', { qualifier: 'over', timeUnit: 'month' })]],
  ['at least 50% lower', [point('at least 50%', 50, 'percent', { qualifier: 'at-least' })]],
  ['up to 30%', [point('up to 30%', 30, 'percent', { qualifier: 'up-to' })]],
  ['as high as 9%', [point('as high as 9%', 9, 'percent', { qualifier: 'up-to' })]],
  ['around 30%', [point('around 30%', 30, 'percent', { qualifier: 'about' })]],
  ['close to 30%', [point('close to 30%', 30, 'percent', { qualifier: 'about' })]],
  ['approx. 40%', [point('approx. 40%', 40, 'percent', { qualifier: 'about' })]],
  ['approximately 25%', [point('approximately 25%', 25, 'percent', { qualifier: 'about' })]],
  ['an estimated 2 million', [point('an estimated 2 million', 2e6, 'count', { qualifier: 'about' })]],
  ['roughly 30%–50% of the price', [range('roughly 30%–50%', 30, 50, 'percent', { qualifier: 'about' })]],
  ['no more than 10%', [point('no more than 10%', 10, 'percent', { qualifier: 'at-most' })]],
  ['below 5%', [point('below 5%', 5, 'percent', { qualifier: 'under' })]],
  ['less than 10%', [point('less than 10%', 10, 'percent', { qualifier: 'under' })]],
  ['fewer than 200 deals', [point('fewer than 200', 200, 'count', { qualifier: 'under' })]],
  ['more than 4,400 satellites', [point('more than 4,400', 4400, 'count', { qualifier: 'over' })]],
  ['well over 100', [point('well over 100', 100, 'count', { qualifier: 'over' })]],
  ['3,000 or more', [point('3,000 or more', 3000, 'count', { qualifier: 'at-least' })]],
  ['8+', [point('8+', 8, 'count', { qualifier: 'at-least' })]],
];

const WORDS: Case[] = [
  ['less than one-third', [point('less than one-third', 100 / 3, 'percent', { qualifier: 'under' })]],
  ['one-sixth', [point('one-sixth', 100 / 6, 'percent')]],
  ['roughly one-sixth of the US level', [point('roughly one-sixth', 100 / 6, 'percent', { qualifier: 'about' })]],
  ['a quarter', [point('a quarter', 25, 'percent')]],
  ['a third of the deals', [point('a third', 100 / 3, 'percent')]],
  ['two-thirds of patients', [point('two-thirds', 200 / 3, 'percent')]],
  ['three-quarters of firms', [point('three-quarters', 75, 'percent')]],
  ['four-fifths', [point('four-fifths', 80, 'percent')]],
  ['half', [point('half', 50, 'percent')]],
  ['a half', [point('a half', 50, 'percent')]],
  ['almost half of the trials', [point('almost half', 50, 'percent', { qualifier: 'nearly' })]],
  ['eleven', [point('eleven', 11, 'count')]],
  ['about three in ten agents', [point('about three in ten', 30, 'percent', { qualifier: 'about' })]],
  ['one in five patients', [point('one in five', 20, 'percent')]],
  ['2 out of 3 deals', [point('2 out of 3', 200 / 3, 'percent')]],
  ['nine in 10 firms', [point('nine in 10', 90, 'percent')]],
  ['3 in 2024', [point('3', 3, 'count', { period: { from: 2024, to: 2024 } })]],
  ['one in a million', []],
  ['twenty-five companies', [point('twenty-five', 25, 'count')]],
  ['three hundred companies', [point('three hundred', 300, 'count')]],
  ['one of seven frontier technologies', [point('seven', 7, 'count')]],
  ['Shanghai ranks seventh', [point('seventh', 7, 'rank')]],
  ['Shanghai ranks seventh and Boston second', [point('seventh', 7, 'rank'), point('second', 2, 'rank')]],
  ['the team ranked 3rd', [point('3rd', 3, 'rank')]],
  ["the world's second-largest market", [point('second', 2, 'rank')]],
  ['the 3rd biggest producer', [point('3rd', 3, 'rank')]],
  ['its second highest-paid executive', [point('second', 2, 'rank')]],
  ['a second-round deal and a third-party vendor', []],
  ['the largest market', []],
  ['about a third—roughly', [point('about a third', 100 / 3, 'percent', { qualifier: 'about' })]],
  ['eight (about 73%)', [point('eight', 8, 'count'), point('about 73%', 73, 'percent', { qualifier: 'about' })]],
];

const DURATIONS_AND_RATES: Case[] = [
  ['30-day', [point('30-day', 30, 'duration', { timeUnit: 'day' })]],
  ['10-year', [point('10-year', 10, 'duration', { timeUnit: 'year' })]],
  ['45 days', [point('45 days', 45, 'duration', { timeUnit: 'day' })]],
  ['12 weeks', [point('12 weeks', 12, 'duration', { timeUnit: 'week' })]],
  ['5–6 months', [range('5–6 months', 5, 6, 'duration', { timeUnit: 'month' })]],
  ['24–36 months', [range('24–36 months', 24, 36, 'duration', { timeUnit: 'month' })]],
  ['about 6 months', [point('about 6 months', 6, 'duration', { qualifier: 'about', timeUnit: 'month' })]],
  ['~1 months', [point('~1 months', 1, 'duration', { qualifier: 'about', timeUnit: 'month' })]],
  ['7,100 people per square kilometer', [point('7,100 people per square kilometer', 7100, 'count', { per: 'square kilometer' })]],
  ['about 1,500 people per square kilometer', [point('about 1,500 people per square kilometer', 1500, 'count', { qualifier: 'about', per: 'square kilometer' })]],
];

const PERIODS: Case[] = [
  ['16% in 2020 to 34% in 2025', [point('16%', 16, 'percent', { period: { from: 2020, to: 2020 } }), point('34%', 34, 'percent', { period: { from: 2025, to: 2025 } })]],
  ['increased from 17% in 2020 to 31% in 2025', [point('17%', 17, 'percent', { period: { from: 2020, to: 2020 } }), point('31%', 31, 'percent', { period: { from: 2025, to: 2025 } })]],
  ['rose from 16% to 34%', [point('16%', 16, 'percent'), point('34%', 34, 'percent')]],
  ["went from 2020's 17% to 2025's 31%", [point('17%', 17, 'percent', { period: { from: 2020, to: 2020 } }), point('31%', 31, 'percent', { period: { from: 2025, to: 2025 } })]],
  ['share rise from 2020 year 16% to 2025 year 31%', [point('16%', 16, 'percent', { period: { from: 2020, to: 2020 } }), point('31%', 31, 'percent', { period: { from: 2025, to: 2025 } })]],
  ['sales reached $112.8 billion in 2024', [point('$112.8 billion', 112.8e9, 'currency', { currency: 'USD', period: { from: 2024, to: 2024 } })]],
  ['assets worth $50 billion through August 2025', [point('$50 billion', 50e9, 'currency', { currency: 'USD', period: { from: 2025, to: 2025 } })]],
  ['nearly 40% of licensing deals from 2023 to 2025', [point('nearly 40%', 40, 'percent', { qualifier: 'nearly', period: { from: 2023, to: 2025 } })]],
  ['self-reliance in 80% of components by 2030', [point('80%', 80, 'percent', { period: { from: 2030, to: 2030 } })]],
  ["a 40% rise in '20-'25", [point('40%', 40, 'percent', { period: { from: 2020, to: 2025 } })]],
  ['stood at only eleven as of 2025', [point('eleven', 11, 'count', { period: { from: 2025, to: 2025 } })]],
  ['51% at companies founded in 2022 or later', [point('51%', 51, 'percent', { period: { from: 2022, to: 2022 } })]],
  [
    "In 2025, spending in the US exceeded USD 260 billion, while China's total was about USD 39 billion.",
    [
      point('USD 260 billion', 260e9, 'currency', { currency: 'USD', qualifier: 'over', period: { from: 2025, to: 2025 } }),
      point('about USD 39 billion', 39e9, 'currency', { currency: 'USD', qualifier: 'about', period: { from: 2025, to: 2025 } }),
    ],
  ],
];

describe('parseFigures', () => {
  describe.each([
    ['currency amounts', CURRENCY],
    ['percentages', PERCENT],
    ['counts, ranges and multiples', COUNTS_AND_MULTIPLES],
    ['qualifiers', QUALIFIERS],
    ['numbers in words, fractions and ranks', WORDS],
    ['durations and rates', DURATIONS_AND_RATES],
    ['periods that scope figures', PERIODS],
  ])('%s', (_group, cases) => {
    it.each(table(cases))('reads %j as %s', (input, _title, figures) => {
      expectFigures(input, figures);
    });
  });

  it.each([
    ['in 2025'],
    ['since 2021'],
    ['February 10, 2026'],
    ['January 9, 2026'],
    ['as of December 31, 2025'],
    ['Data from January 1, 2020 to January 12, 2026.'],
    ['the 1980s'],
    ['2025H1'],
    ['the third quarter of 2025'],
    ['at 10:30 this morning'],
    ['Exhibit 12'],
    ['See Exhibit 3.'],
    ['Decree No. 818'],
    ['Page A4'],
    ['Phase 3 trial'],
    ['IL-2'],
    ['PD-1'],
    ['CD3/CD19'],
    ['IBI363'],
    ['3SBio'],
    ['Covid-19'],
    ['J-20 stealth fighter'],
    ['14th Five-Year Plan'],
    ['Innovation 2.0'],
    ['Web 3.0'],
    ['Bayh-Dole Act of 1980'],
    ['the first quarter'],
    ['first-in-class'],
    ['one of the largest'],
    ['Over the past five years'],
  ])('finds no figure in %j', (input) => {
    const figures = parseFigures(input);

    expect(figures).toEqual([]);
  });
});

describe('scanQuantities periods', () => {
  it.each([
    ['in 2025', 'in 2025', 2025, 2025],
    ['since 2021', 'since 2021', 2021, 2021],
    ['through August 2025', 'through August 2025', 2025, 2025],
    ['from 2023 to 2025', 'from 2023 to 2025', 2023, 2025],
    ['between 2020 and 2025', 'between 2020 and 2025', 2020, 2025],
    ['in 2020–2025', 'in 2020–2025', 2020, 2025],
    ["'20-'25", "'20-'25", 2020, 2025],
    ['the 2020s', '2020s', 2020, 2029],
    ['by the end of 2025', 'by the end of 2025', 2025, 2025],
    ['as of 2025', 'as of 2025', 2025, 2025],
  ])('reads %j as the period %j (%i–%i)', (input, text, from, to) => {
    const { figures, periods } = scanQuantities(input);

    expect(figures).toEqual([]);
    expect(periods.map((p) => ({ text: p.text, from: p.from, to: p.to }))).toEqual([{ text, from, to }]);
  });
});

/** Seeded generator, so a failure can be replayed. */
function hostile(length: number, pieces: string[], seed: number): string {
  let state = seed;
  let out = '';
  while (out.length < length) {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    out += pieces[(state >>> 16) % pieces.length];
  }
  return out.slice(0, length);
}

const HOSTILE: [string, string[]][] = [
  ['digits only', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']],
  ['digits, separators and dashes', ['1', '2', '3', '9', '0', ',', '.', '–', '-', ' ']],
  ['digits with "%", "$" and dashes', ['1', '2', '3', ',', '.', '–', '-', '%', '$', '9', '0', ' ']],
  ['thousands groups and decimals', ['1,000', '.5', '–', '-', '20']],
  ['chained ranges', ['1–', '2-', '3%–', '$4–', '5 to ']],
  ['qualifiers and symbols', ['over ', 'about ', '~', '<', '>', '1', '–', '2', ' ', '%']],
];

describe('parseFigures on hostile input', () => {
  it.each(HOSTILE)('returns well-formed figures for 100,000 characters of %s', (_name, pieces) => {
    const input = hostile(100_000, pieces, 7);

    const figures = parseFigures(input);

    const broken = figures.filter((f) => f.text !== input.slice(f.start, f.end) || !(f.low <= f.high) || !Number.isFinite(f.high));
    expect(broken.slice(0, 5)).toEqual([]);
  });

  // Bounded by input size, not wall clock: doubling the input must roughly double the time.
  // A linear parser gives a ratio near 2, a quadratic one near 4. Runs alternate between the
  // two sizes so that a busy machine slows both alike.
  it('takes time linear in the input length (100k vs 50k characters)', () => {
    // The three alphabets that yield the most figures per character, so the most work per run.
    const dense = HOSTILE.filter(([name]) => ['digits with "%", "$" and dashes', 'chained ranges', 'thousands groups and decimals'].includes(name));
    const inputs = (length: number) => dense.map(([, pieces], i) => hostile(length, pieces, 11 + i));
    const small = inputs(50_000);
    const large = inputs(100_000);
    const run = (texts: string[]) => {
      const t0 = performance.now();
      for (const text of texts) parseFigures(text);
      return performance.now() - t0;
    };
    run(small);
    run(large);
    const smallTimes: number[] = [];
    const largeTimes: number[] = [];

    for (let i = 0; i < 5; i++) {
      smallTimes.push(run(small));
      largeTimes.push(run(large));
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
    expect(median(largeTimes) / median(smallTimes)).toBeLessThan(4);
  });
});

describe('fiscal years and version numbers', () => {
  it.each([
    ['$3 billion in FY2024', 2024],
    ['FY2025 revenue rose 12%', 2025],
  ])('reads "%s" as scoped to %i', (text, year) => {
    const [figure] = scanQuantities(text).figures;

    expect(figure?.period).toMatchObject({ from: year, to: year });
  });

  it('finds no figure in a version number', () => {
    expect(scanQuantities('version 1.2.3 shipped').figures).toEqual([]);
  });
});

describe('periods open on one side', () => {
  it('keeps "or later" and "onwards" in the period it reads', () => {
    expect(scanQuantities('51% at companies founded in 2022 or later').figures[0]?.period?.text).toBe('in 2022 or later');
    expect(scanQuantities('sales of 3% from 2025 onwards').figures[0]?.period?.text).toBe('from 2025 onwards');
    expect(scanQuantities('rose 5% in 2024 and later fell').figures[0]?.period?.text).toBe('in 2024');
    expect(parseFigures('2 in 5 years').map((f) => f.text)).toEqual(['2', '5 years']);
  });
});
