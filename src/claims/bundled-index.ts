/**
 * The claim index as the extension bundles it (see src/build/claims-module.ts), expanded on
 * first use: once per life of the background, which checks the texts of every tab.
 */
import bundled from 'virtual:tally-claims';
import { createClaimIndex, type ClaimIndex } from './claim-index';
import { expandClaims } from './compact-claims';

let index: ClaimIndex | undefined;

export function loadBundledIndex(): ClaimIndex {
  index ??= createClaimIndex(expandClaims(bundled.index), bundled.sources);
  return index;
}
