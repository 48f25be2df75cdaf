import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { generateArticleHtml } from '../../src/bench/generate-article';
import { readSeedSentences } from '../../src/bench/read-seeds';
import { loadClaimIndex } from '../../src/claims/claim-index';
import { figureSentences } from '../../src/match/check-blocks';
import { matchSentence, type FigureMatch } from '../../src/match/match-sentence';
import { tokenize } from '../../src/quantity/tokenize';
import { mayStateClaimedFigure, mayStateFigure } from '../../src/text/may-state-figure';
import { placedTerms } from '../../src/text/terms';

const root = join(import.meta.dirname, '..', '..');
const index = loadClaimIndex();

/** What a match says, comparable across runs. */
function said(matches: FigureMatch[]): string[] {
  return matches.map((m) => `${m.figure.start}-${m.figure.end} ${m.verdict} ${m.claim.id} ${m.sourceFigure.text} ${m.score}`);
}

/** Sentences that restate, paraphrase or contradict the documents, and many that do neither. */
function sentences(): string[] {
  const texts: string[] = [];
  const seeds = join(root, 'data', 'seeds');
  for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) texts.push(...readFileSync(join(seeds, file), 'utf8').split('\n'));
  const cases = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'matcher-cases.json'), 'utf8')) as { cases: { sentence: string }[] };
  texts.push(...cases.cases.map((c) => c.sentence));
  // News-like pages, as the benchmark generates them: figures in most sentences, some restating
  // the documents with other values.
  const restated = readSeedSentences();
  for (const seed of [11, 12, 13]) texts.push(...generateArticleHtml(60_000, seed, restated).split(/<[^>]+>/));
  return figureSentences(texts.filter((t) => /\S/.test(t)).map((text) => ({ text }))).map((s) => s.text);
}

describe('the matcher’s pre-filters', () => {
  // `debug` sees every figure's candidates, so the matching it asks for skips the pre-filter
  // that rules sentences out by their values: both must find the same.
  it('rule out no sentence that states a claim’s figure or contradicts it', () => {
    const all = sentences();
    let found = 0;
    let conflicts = 0;
    for (const sentence of all) {
      const filtered = said(matchSentence(sentence, index));
      const full = said(matchSentence(sentence, index, { debug: () => undefined }));
      expect(filtered, sentence).toEqual(full);
      found += full.length;
      conflicts += full.filter((m) => m.includes(' conflicting ')).length;
    }
    // The comparison means something only if there was much to find, of both verdicts.
    expect(all.length).toBeGreaterThan(1_000);
    expect(found).toBeGreaterThan(200);
    expect(conflicts).toBeGreaterThan(20);
  });

  it('give every claim figure of the index one shape', () => {
    const shapes = new Set(index.claims.flatMap((c) => c.figures.map((f) => Object.keys(f).join())));
    expect(shapes.size).toBe(1);
  });

  it('read the near words of claim figures from arrays that say what their map says', () => {
    let local = 0;
    for (const claim of index.claims) {
      for (const f of claim.figures) {
        expect(f.nearTerms).toEqual([...f.near.keys()]);
        expect(f.nearWeighted).toEqual(f.nearTerms.map((t) => f.near.get(t)! * index.idf(t)));
        const held = f.nearTerms.filter((t) => f.near.get(t)! >= 0.5 && claim.termSet.has(t));
        expect(f.localTerms).toEqual(held);
        expect(f.localWeights).toEqual(held.map((t) => index.idf(t) * Math.min(1, f.near.get(t)!)));
        local += held.length;
      }
    }
    expect(local).toBeGreaterThan(50);
  });

  it('give every token one shape, whatever its type', () => {
    const tokens = tokenize('In FY2024, IL-2 sales rose 7,100 units (12.5%) to $3.2bn — 3x more; 1st & 2nd.');
    expect(new Set(tokens.map((t) => t.type))).toEqual(new Set(['num', 'word', 'id', 'sym']));
    expect(new Set(tokens.map((t) => Object.keys(t).join())).size).toBe(1);
  });

  it('leave out, on the page, only texts in which no content term can stand', () => {
    // Figures, signs and spaces, and a few characters that can start a term.
    const parts = ['0', '42', '7.5', ',', '.', '%', '$', '¥', '£', '(', ')', '-', '–', '/', ' ', '\n', '\t', '+', '~', '²', '|', '*', '&', 'x', 'bn', 'é', '€', '中'];
    let seed = 20261126;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    let skipped = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(random() * 10); k > 0; k--) text += parts[Math.floor(random() * parts.length)];
      // Texts with a figure that the check leaves out for want of a word.
      if (!mayStateFigure(text) || mayStateClaimedFigure(text)) continue;
      skipped++;
      expect(placedTerms(text), text).toEqual([]);
    }
    expect(skipped).toBeGreaterThan(2_000);
    expect(mayStateClaimedFigure('12.5%')).toBe(false);
    expect(mayStateClaimedFigure('$3.2')).toBe(false);
    expect(mayStateClaimedFigure('R&D: 12%')).toBe(true);
    expect(mayStateClaimedFigure('12 patents')).toBe(true);
    expect(mayStateClaimedFigure('patents')).toBe(false);
  });
});
