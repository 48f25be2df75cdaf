import { describe, expect, it } from 'vitest';
import { blockPieces, PIECE_LENGTH } from '../../src/content/block-pieces';
import { splitSentences } from '../../src/text/sentences';

const SENTENCES = [
  'China accounts for 38% of global TPD publications, a new survey finds.',
  'The U.S. share fell to 21% in 2024, said Dr. Smith of the No. 1 lab.',
  "China's pharmaceutical sales reached $112.8 billion in 2024.",
  'Nothing in the report surprised the analysts.',
];

function text(length: number): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < length; i++) {
    const sentence = SENTENCES[i % SENTENCES.length] as string;
    parts.push(sentence);
    size += sentence.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

describe('blockPieces', () => {
  it('gives a short block whole', () => {
    expect([...blockPieces({ text: 'Sales rose 7%.' })]).toEqual([{ text: 'Sales rose 7%.', offset: 0 }]);
  });

  it('cuts a 2 MB block into pieces that join back into it, each at most a piece long', () => {
    const long = text(2_000_000);

    const pieces = [...blockPieces({ text: long })];

    expect(pieces.map((p) => p.text).join('')).toBe(long);
    expect(pieces.every((p) => p.text.length <= PIECE_LENGTH && long.startsWith(p.text, p.offset))).toBe(true);
    expect(pieces.length).toBeGreaterThan(2_000_000 / PIECE_LENGTH);
  });

  it('cuts where a sentence starts, so each piece holds the same sentences as the whole block', () => {
    const long = text(50_000);
    const whole = splitSentences(long).map((s) => [s.start, s.text]);

    const pieced = [...blockPieces({ text: long })].flatMap((p) => splitSentences(p.text).map((s) => [s.start + p.offset, s.text]));

    expect(pieced).toEqual(whole);
  });

  it('cuts a text without sentence ends at spaces, and one without spaces anywhere but in a surrogate pair', () => {
    const words = 'word '.repeat(3_000);
    const emoji = '😀'.repeat(5_000);

    for (const long of [words, emoji]) {
      const pieces = [...blockPieces({ text: long })];
      expect(pieces.map((p) => p.text).join('')).toBe(long);
      expect(pieces.every((p) => !/^[\udc00-\udfff]/.test(p.text))).toBe(true);
    }
    expect([...blockPieces({ text: words })].every((p, i, all) => i === all.length - 1 || p.text.endsWith(' '))).toBe(true);
  });
});
