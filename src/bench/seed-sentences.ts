import { createPrng } from './prng';

/**
 * Up to `count` sentences that state a figure, taken from the reference documents' texts, so a
 * benchmark page also exercises the expensive path: sentences that retrieve claims and get
 * compared. Spread over the documents (round robin), chosen by `seed`.
 */
export function pickSeedSentences(documents: readonly string[], count = 30, seed = 1): string[] {
  const rand = createPrng(seed);
  const pools = documents.map((text) => shuffle(figureSentences(text), rand.next));
  const picked: string[] = [];
  for (let round = 0; picked.length < count && pools.some((pool) => round < pool.length); round++) {
    for (const pool of pools) {
      const sentence = pool[round];
      if (sentence !== undefined && picked.length < count) picked.push(sentence);
    }
  }
  return picked;
}

/**
 * Sentences of prose (40 to 300 characters, ending in a full stop) that hold a digit. Seed
 * texts are scraped pages, one paragraph per line; headings, list bullets and table rows
 * are not sentences a news page would restate, and the length bounds drop most of them.
 */
function figureSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split('\n')) {
    for (const sentence of line.split(/(?<=[.!?])\s+(?=[A-Z“"])/)) {
      const s = sentence.trim();
      if (s.length >= 40 && s.length <= 300 && /[.!?]["”]?$/.test(s) && /\d/.test(s) && !/^[-•\d]/.test(s)) {
        sentences.push(s);
      }
    }
  }
  return sentences;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
