import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claims/claim';
import { compactClaims, expandClaims } from '../../src/claims/compact-claims';

const claims = (JSON.parse(readFileSync(new URL('../../data/claims.json', import.meta.url), 'utf8')) as { claims: Claim[] }).claims;

describe('the compact claim index the content script bundles', () => {
  it('expands back to every claim of data/claims.json, all but the subject people read', () => {
    const expanded = expandClaims(compactClaims(claims));

    expect(expanded).toEqual(claims.map((c) => ({ ...c, subject: [] })));
  });

  it('is smaller than the claim file', () => {
    const compact = JSON.stringify(compactClaims(claims));

    expect(compact.length).toBeLessThan(0.7 * JSON.stringify(claims).length);
  });
});
