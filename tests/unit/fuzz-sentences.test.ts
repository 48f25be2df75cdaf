import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences';
import { ADVERSARIAL, createPrng, growthRatio, randomText, repeated } from './fuzz-inputs';

/** What must hold of any split of any text; returns the broken rules, for a readable failure. */
function brokenRules(input: string): string[] {
  const broken: string[] = [];
  const sentences = splitSentences(input);
  let previousEnd = 0;
  for (const [i, s] of sentences.entries()) {
    const at = `sentence ${i} at ${s.start}`;
    if (s.text !== input.slice(s.start, s.end)) broken.push(`${at}: text is not input.slice(start, end)`);
    if (s.text.length === 0) broken.push(`${at}: empty`);
    if (/^\s|\s$/.test(s.text)) broken.push(`${at}: starts or ends with whitespace`);
    if (s.start < previousEnd) broken.push(`${at}: overlaps or precedes the sentence before`);
    previousEnd = s.end;
  }
  if (previousEnd > input.length) broken.push('a sentence ends past the input');
  // Nothing but whitespace is left out.
  const covered = sentences.reduce((sum, s) => sum + s.text.length, 0);
  if (input.replace(/\s/g, '').length > 0 && covered === 0) broken.push('no sentence in a text with words');
  return broken;
}

/**
 * Adversarial inputs also checked at 1 MB. Not line breaks: the segmenter breaks after each one,
 * so a text of nothing else costs about 5 µs a character (5 s a megabyte): linear, but slow.
 */
const HUGE = ['full stops', 'abbreviations', 'one long word', 'sentences', 'emoji'];

/** Inputs whose splitting does the most per character, timed at n and 2n. */
const LINEARITY = ['abbreviations', 'initials', 'line breaks', 'blank lines with spaces', 'sentences'];

const pieceOf = (name: string) => (ADVERSARIAL.find(([n]) => n === name) as readonly [string, string])[1];

describe('splitSentences under fuzzing (seeded)', () => {
  it('holds its invariants on 2,000 random short texts', () => {
    const rng = createPrng(20260502);

    for (let i = 0; i < 2_000; i++) {
      const input = randomText(rng, rng.int(0, 300));
      expect(brokenRules(input), JSON.stringify(input)).toEqual([]);
    }
  });

  it('holds its invariants on 20 random texts of up to 100 KB and one of 1 MB', () => {
    const rng = createPrng(8);
    const inputs = [...Array.from({ length: 20 }, () => randomText(rng, rng.int(1_000, 100_000))), randomText(rng, 1_000_000)];

    for (const input of inputs) expect(brokenRules(input)).toEqual([]);
  });

  it.each(ADVERSARIAL)('holds its invariants on 100 KB of %s', (_, piece) => {
    expect(brokenRules(repeated(piece, 100_000))).toEqual([]);
  });

  it.each(HUGE)('holds its invariants on 1 MB of %s', (name) => {
    expect(brokenRules(repeated(pieceOf(name), 1_000_000))).toEqual([]);
  });

  it.each(LINEARITY)('takes time linear in the length of %s', (name) => {
    expect(growthRatio((text) => splitSentences(text), (n) => repeated(pieceOf(name), n), 20_000)).toBeLessThan(3.5);
  });

  it('takes time linear in the length of random text', () => {
    const text = randomText(createPrng(98), 100_000);

    expect(growthRatio((t) => splitSentences(t), (n) => text.slice(0, n), 50_000)).toBeLessThan(3.5);
  });

  it('has a linearity measure that tells quadratic work from linear', () => {
    let sink = 0;
    const quadratic = (t: string) => {
      for (let i = 0; i < t.length; i++) for (let j = i; j < t.length; j++) sink += t.charCodeAt(j);
    };
    const linear = (t: string) => {
      for (let k = 0; k < 200; k++) for (let i = 0; i < t.length; i++) sink += t.charCodeAt(i);
    };

    expect(growthRatio(quadratic, (n) => 'x'.repeat(n), 1_000)).toBeGreaterThan(3.5);
    expect(growthRatio(linear, (n) => 'x'.repeat(n), 1_000)).toBeLessThan(3.5);
    expect(sink).toBeGreaterThan(0);
  });
});
