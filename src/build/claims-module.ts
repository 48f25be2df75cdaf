/**
 * A Vite plugin that serves `virtual:tally-claims`: the claim index and its sources in the
 * compact form of src/claims/compact-claims.ts, read from data/ at build time. The background,
 * which checks the pages' texts, imports it instead of data/claims.json, which would make its
 * bundle half again as big.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { Claim } from '../claims/claim';
import { compactClaims } from '../claims/compact-claims';

const ID = 'virtual:tally-claims';
const RESOLVED = '\0' + ID;

export function claimsModule(dataDir: string): Plugin {
  return {
    name: 'tally-claims',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const claimsFile = join(dataDir, 'claims.json');
      const sourcesFile = join(dataDir, 'sources.json');
      this.addWatchFile(claimsFile);
      this.addWatchFile(sourcesFile);
      const claims = (JSON.parse(readFileSync(claimsFile, 'utf8')) as { claims: Claim[] }).claims;
      const sources: unknown = JSON.parse(readFileSync(sourcesFile, 'utf8'));
      return `export default ${JSON.stringify({ index: compactClaims(claims), sources })};`;
    },
  };
}
