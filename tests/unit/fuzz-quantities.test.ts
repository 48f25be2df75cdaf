import { describe, expect, it } from 'vitest';
import { scanQuantities } from '../../src/quantity/parse-figures';
import { ADVERSARIAL, createPrng, growthRatio, randomText, repeated } from './fuzz-inputs';

/** What must hold of any scan of any text; returns the broken rules, for a readable failure. */
function brokenRules(input: string): string[] {
  const broken: string[] = [];
  const { figures, periods } = scanQuantities(input);
  for (const f of figures) {
    const at = `figure ${JSON.stringify(f.text)} at ${f.start}`;
    if (f.text !== input.slice(f.start, f.end)) broken.push(`${at}: text is not input.slice(start, end)`);
    if (!(f.start >= 0 && f.start < f.end && f.end <= input.length)) broken.push(`${at}: offsets out of range`);
    if (!(f.low <= f.high)) broken.push(`${at}: low ${f.low} > high ${f.high}`);
    for (const key of ['low', 'high', 'scale', 'tolerance'] as const) {
      if (!Number.isFinite(f[key])) broken.push(`${at}: ${key} is ${f[key]}`);
    }
    if (f.period && !(f.period.from <= f.period.to)) broken.push(`${at}: period ${f.period.from} > ${f.period.to}`);
  }
  for (const p of periods) {
    const at = `period ${JSON.stringify(p.text)} at ${p.start}`;
    if (p.text !== input.slice(p.start, p.end)) broken.push(`${at}: text is not input.slice(start, end)`);
    if (!(Number.isFinite(p.from) && Number.isFinite(p.to) && p.from <= p.to)) broken.push(`${at}: years ${p.from}–${p.to}`);
  }
  for (let i = 1; i < figures.length; i++) {
    if ((figures[i] as { start: number }).start < (figures[i - 1] as { start: number }).start) broken.push(`figures out of order at ${i}`);
  }
  return broken;
}

/** Adversarial inputs also checked at 1 MB: a mix of the cheap and the dense. */
const HUGE = ['one long number', 'a chain of decimals', 'figures back to back', 'full stops', 'line breaks', 'lone high surrogates'];

/** The adversarial inputs that make the parser work hardest per character, timed at n and 2n. */
const LINEARITY = [
  'one long number',
  'a chain of thousands groups',
  'a chain of ranges',
  'figures back to back',
  'qualifiers with no figure',
  'periods with no figure',
  'number words',
  'fractions',
  'sentences',
];

describe('scanQuantities under fuzzing (seeded)', () => {
  it('holds its invariants on 2,000 random short texts', () => {
    const rng = createPrng(20260501);

    for (let i = 0; i < 2_000; i++) {
      const input = randomText(rng, rng.int(0, 300));
      expect(brokenRules(input), JSON.stringify(input)).toEqual([]);
    }
  });

  it('holds its invariants on 20 random texts of up to 100 KB and one of 1 MB', () => {
    const rng = createPrng(7);
    const inputs = [...Array.from({ length: 20 }, () => randomText(rng, rng.int(1_000, 100_000))), randomText(rng, 1_000_000)];

    for (const input of inputs) expect(brokenRules(input)).toEqual([]);
  });

  it.each([
    ['a 400-digit percentage', `${'9'.repeat(400)}%`],
    ['a 300-digit amount with a scale', `$${'9'.repeat(300)} billion`],
    ['400 decimals with a scale', `$1.${'9'.repeat(400)} trillion`],
    ['a tiny percentage', `0.${'0'.repeat(400)}1%`],
    ['120 thousands groups', `1${',999'.repeat(120)} people`],
    ['an exponent', '1e308 times'],
    ['a 30-digit year range', `from ${'9'.repeat(30)} to 2025`],
    ['nested fractions', `a ${'quarter of a '.repeat(50)}`],
  ])('holds its invariants on %s', (_, input) => {
    expect(brokenRules(input)).toEqual([]);
  });

  it.each(ADVERSARIAL)('holds its invariants on 100 KB of %s', (_, piece) => {
    expect(brokenRules(repeated(piece, 100_000))).toEqual([]);
  });

  it.each(HUGE)('holds its invariants on 1 MB of %s', (name) => {
    const [, piece] = ADVERSARIAL.find(([n]) => n === name) as readonly [string, string];

    expect(brokenRules(repeated(piece, 1_000_000))).toEqual([]);
  });

  it.each(LINEARITY)('takes time linear in the length of %s', (name) => {
    const [, piece] = ADVERSARIAL.find(([n]) => n === name) as readonly [string, string];

    expect(growthRatio((text) => scanQuantities(text), (n) => repeated(piece, n), 50_000)).toBeLessThan(3.5);
  });

  it('takes time linear in the length of random text', () => {
    const rng = createPrng(99);
    const text = randomText(rng, 200_000);

    expect(growthRatio((t) => scanQuantities(t), (n) => text.slice(0, n), 100_000)).toBeLessThan(3.5);
  });
});
