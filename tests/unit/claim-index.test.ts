import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import type { Claim, ClaimFigure } from '../../src/claims/claim';
import { loadClaimIndex } from '../../src/claims/claim-index';
import { buildIndexJson } from '../../src/index/build-index';
import { extractClaims } from '../../src/index/extract-claims';
import { numberRoles } from '../../src/quantity/parse-figures';

const root = join(import.meta.dirname, '..', '..');
const seedsDir = join(root, 'data', 'seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, content: readFileSync(join(seedsDir, file), 'utf8') }));
const committed = readFileSync(join(root, 'data', 'claims.json'), 'utf8');
const claims = (JSON.parse(committed) as { claims: Claim[] }).claims;

function seedNamed(prefix: string): { file: string; content: string } {
  const seed = seeds.find((s) => s.file.startsWith(prefix));
  if (!seed) throw new Error(`no seed ${prefix}_*.txt in data/seeds`);
  return seed;
}

function claimQuoting(quote: string): Claim {
  const claim = claims.find((c) => c.quote === quote || c.quote.includes(quote));
  if (!claim) throw new Error(`no claim quotes ${JSON.stringify(quote)}`);
  return claim;
}

function figureWritten(claim: Claim, text: string): ClaimFigure {
  const figure = claim.figures.find((f) => f.text === text);
  if (!figure) throw new Error(`claim ${claim.id} has no figure ${JSON.stringify(text)}`);
  return figure;
}

describe('data/claims.json', () => {
  it('is what `npm run index` builds from data/seeds today, byte for byte', () => {
    const { json, acronymsJson } = buildIndexJson(seeds);

    // Compared line by line (one claim a line) so a failure shows the stale claims, not 80 KB.
    // Splitting on "\n" loses nothing: equal lines mean equal bytes. Fix: `npm run index`.
    expect(json.split('\n')).toEqual(committed.split('\n'));
    expect(acronymsJson).toBe(readFileSync(join(root, 'data', 'acronyms.json'), 'utf8'));
  });

  it('is what loadClaimIndex() serves, with a source entry for every claim', () => {
    const index = loadClaimIndex();

    expect(index.claims.map((c) => c.id)).toEqual(claims.map((c) => c.id));
    expect(claims.filter((c) => !index.sources.has(c.source)).map((c) => c.id)).toEqual([]);
  });

  it('gives every claim a unique id', () => {
    const ids = claims.map((c) => c.id);

    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);

    expect(duplicates).toEqual([]);
  });

  it('derives ids from the source and the quote, so a rebuild gives the same ids', () => {
    const first = seeds.flatMap((s) => extractClaims(s.file, s.content).claims.map((c) => c.id));

    const second = seeds.flatMap((s) => extractClaims(s.file, s.content).claims.map((c) => c.id));

    expect(second).toEqual(first);
    expect(claims.filter((c) => !c.id.startsWith(`${c.source.slice(0, 3)}-`)).map((c) => c.id)).toEqual([]);
  });

  it('quotes every claim exactly as its seed file writes it', () => {
    const content = new Map(seeds.map((s) => [s.file, s.content]));

    const misquoted = claims.filter((c) => !content.get(c.source)?.includes(c.quote)).map((c) => c.id);

    expect(misquoted).toEqual([]);
  });

  it('places every figure at its offsets in the quote, with low <= high', () => {
    const misplaced = claims.flatMap((c) =>
      c.figures.filter((f) => c.quote.slice(f.start, f.end) !== f.text || !(f.low <= f.high)).map((f) => `${c.id}: ${JSON.stringify(f.text)}`),
    );

    expect(misplaced).toEqual([]);
  });
});

describe('extractClaims coverage', () => {
  it.each(seeds.map((s) => [s.file, s.content] as const))(
    'accounts for every unit of %s that holds a number: a claim, or an exclusion rule',
    (file, content) => {
      const { claims: found, excluded, units } = extractClaims(file, content);
      const quotes = new Set(found.map((c) => c.quote));
      const ruleOf = new Map(excluded.map((e) => [e.unit, e.rule?.id]));

      const unaccounted = units
        .filter((u) => numberRoles(u.text).length > 0)
        .filter((u) => !quotes.has(u.kind === 'row' ? u.text : u.text.trim()) && !ruleOf.get(u))
        .map((u) => `line ${u.line}: ${JSON.stringify(u.text.trim().slice(0, 120))}${ruleOf.has(u) ? ' (excluded without a rule)' : ''}`);

      expect(unaccounted).toEqual([]);
    },
  );

  it.each([['000'], ['001'], ['002'], ['003']])('finds claims in document %s', (prefix) => {
    const seed = seedNamed(prefix);

    const { claims: found } = extractClaims(seed.file, seed.content);

    expect(found.length).toBeGreaterThan(0);
  });

  it('finds no claim in the Shanghai Daily piece (004), which states no figures', () => {
    const seed = seedNamed('004');

    const { claims: found } = extractClaims(seed.file, seed.content);

    expect(found.map((c) => c.quote)).toEqual([]);
  });
});

describe('claims as parsed from the documents', () => {
  it('reads the exhibit 15 pharma row in USD billions, the US column and the China column, for 2025', () => {
    const row = claimQuoting('~61%\t160–180\tPharma ²\t15–18\t~40%');

    const us = figureWritten(row, '160–180');
    const china = figureWritten(row, '15–18');

    expect(us).toMatchObject({ unit: 'currency', currency: 'USD', low: 160e9, high: 180e9, entity: '@us', period: { from: 2025, to: 2025 } });
    expect(china).toMatchObject({ unit: 'currency', currency: 'USD', low: 15e9, high: 18e9, entity: '@china', period: { from: 2025, to: 2025 } });
    expect(figureWritten(row, '~61%')).toMatchObject({ unit: 'percent', low: 61, qualifier: 'about' });
    expect(figureWritten(row, '~40%')).toMatchObject({ unit: 'percent', low: 40, qualifier: 'about' });
  });

  it('reads the escaped "\\$7–10 Mn/PCC" of exhibit 4 as USD 7–10 million per preclinical candidate', () => {
    const row = claimQuoting('\\$7–10 Mn/PCC');

    const cost = figureWritten(row, '$7–10 Mn/PCC');

    expect(cost).toMatchObject({ unit: 'currency', currency: 'USD', low: 7e6, high: 10e6, per: 'pcc' });
  });

  it('reads "increased from 17% in 2020 to 31% in 2025" as two figures, each with its year', () => {
    const claim = claimQuoting('increased from 17% in 2020 to 31% in 2025');

    const figures = claim.figures.map((f) => ({ text: f.text, low: f.low, high: f.high, period: f.period && [f.period.from, f.period.to] }));

    expect(figures).toEqual([
      { text: '17%', low: 17, high: 17, period: [2020, 2020] },
      { text: '31%', low: 31, high: 31, period: [2025, 2025] },
    ]);
  });

  it.each([
    ['sales reaching $112.8 billion in 2024', '$112.8 billion', { unit: 'currency', currency: 'USD', low: 112.8e9, period: { from: 2024, to: 2024 } }],
    ['assets worth $50 billion through August 2025', '$50 billion', { unit: 'currency', low: 50e9, period: { from: 2025, to: 2025 } }],
    ['exceeded USD 260 billion', 'USD 260 billion', { unit: 'currency', low: 260e9, qualifier: 'over', entity: '@us' }],
    ['nearly 40% of licensing deals from 2023 to 2025', 'nearly 40%', { unit: 'percent', low: 40, qualifier: 'nearly', period: { from: 2023, to: 2025 } }],
    ['roughly USD 15 to 16 billion', 'roughly USD 15 to 16 billion', { unit: 'currency', low: 15e9, high: 16e9, qualifier: 'about', entity: '@boston' }],
    ['about 7,100 people per square kilometer', 'about 7,100 people per square kilometer', { unit: 'count', low: 7100, per: 'square kilometer' }],
    ['Shanghai ranks seventh', 'seventh', { unit: 'rank', low: 7, entity: '@shanghai' }],
    ['stood at only eleven as of 2025', 'eleven', { unit: 'count', low: 11, period: { from: 2025, to: 2025 } }],
    ['less than one-third of the US total', 'less than one-third', { unit: 'percent', qualifier: 'under' }],
    ['10 to 25 times the R&D budgets', 'roughly 10 to 25 times', { unit: 'multiple', low: 10, high: 25, qualifier: 'about' }],
  ])('reads the claim with %j: %j', (quote, text, shape) => {
    const claim = claimQuoting(quote);

    const figure = figureWritten(claim, text);

    expect(figure).toMatchObject(shape);
  });
});
