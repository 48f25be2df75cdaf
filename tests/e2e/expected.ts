import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { loadClaimIndex } from '../../src/claims/claim-index';
import { extractBlocks } from '../../src/dom/extract-blocks';
import { checkBlocks } from '../../src/match/check-blocks';

/**
 * What the matching core finds in a fixture page, run in Node exactly as the `check` CLI does:
 * the e2e tests assert that the extension shows the same, whatever the core's current answers.
 */
export function expectedFigures(file: string, selector?: string): ExpectedFigures {
  return expectedFiguresIn(readFileSync(join(import.meta.dirname, 'site', file), 'utf8'), selector);
}

/** The figures each highlight should hold, sorted, by verdict. */
export interface ExpectedFigures {
  corroborated: string[];
  conflicting: string[];
}

/** What the core finds in a page's HTML (in `selector` when given, else in the whole body). */
export function expectedFiguresIn(html: string, selector?: string): ExpectedFigures {
  const { document } = parseHTML(html);
  const root = selector ? document.querySelector(selector) : document;
  if (!root) throw new Error(`${selector} not in the page`);
  const findings = checkBlocks(extractBlocks(root as unknown as Element), loadClaimIndex());
  const figures = (verdict: string) => findings.filter((f) => f.verdict === verdict).map((f) => f.figure).sort();
  return { corroborated: figures('corroborated'), conflicting: figures('conflicting') };
}
