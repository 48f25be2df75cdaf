/**
 * Builds the claim index file from the seed documents: the same function runs in
 * `npm run index` and in the test that checks data/claims.json is fresh.
 */
import type { Claim } from '../claims/claim';
import { extractClaims } from './extract-claims';

export interface ClaimIndexFile {
  version: 1;
  claims: Claim[];
}

/** Rounds floating noise ("16.666666666666664") so the file stays stable and small. */
function tidy(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(12));
  return key === 'start' || key === 'end' ? value : value;
}

export function buildIndexJson(seeds: { file: string; content: string }[]): { json: string; summary: string[] } {
  const claims: Claim[] = [];
  const summary: string[] = [];
  for (const { file, content } of seeds) {
    const { claims: found, excluded } = extractClaims(file, content);
    claims.push(...found);
    const figures = found.reduce((n, c) => n + c.figures.length, 0);
    summary.push(`${file}: ${found.length} claims, ${figures} figures, ${excluded.length} units left out`);
  }
  const file: ClaimIndexFile = { version: 1, claims };
  // One claim per line: small diffs when a document or the extractor changes.
  const body = claims.map((c) => '  ' + JSON.stringify(c, tidy)).join(',\n');
  return { json: `{"version":1,"claims":[\n${body}\n]}\n`, summary };
}
