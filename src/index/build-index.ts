/**
 * Builds the claim index file from the seed documents: the same function runs in
 * `npm run index` and in the test that checks data/claims.json is fresh.
 */
import type { Claim } from '../claims/claim';
import { COMMON_ACRONYMS, definedAcronyms, type Acronym } from '../text/acronyms';
import { normaliseWord, useAcronyms } from '../text/terms';
import { extractClaims } from './extract-claims';

/** Rounds floating noise ("16.666666666666664") so the file stays stable and small. */
function tidy(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(12));
  return key === 'start' || key === 'end' ? value : value;
}

/**
 * The claim index file and the abbreviations file (data/acronyms.json) built from the seeds.
 * The abbreviations are those the documents define, and the common ones (COMMON_ACRONYMS) they
 * use without defining. Only those some claim uses are kept (a page's "Boston Consulting Group"
 * needs no "BCG" when no claim says it); they are put in use (see `useAcronyms`) before the
 * claims are read for good, so that the claims' terms hold them as a page's will.
 */
export function buildIndexJson(seeds: { file: string; content: string }[]): { json: string; acronymsJson: string; summary: string[] } {
  // An abbreviation the documents define two ways is left out: its claims could mean either.
  const definitions = new Map<string, Acronym[]>();
  for (const { content } of seeds) {
    for (const a of definedAcronyms(content)) {
      const known = definitions.get(a.short) ?? [];
      if (!known.some((k) => k.long === a.long)) definitions.set(a.short, [...known, a]);
    }
  }
  const defined = new Map([...definitions].filter(([, list]) => list.length === 1).map(([short, [a]]) => [short, a!]));
  // A common abbreviation the documents define (either way) means what they say.
  for (const a of COMMON_ACRONYMS) if (!definitions.has(a.short)) defined.set(a.short, a);
  useAcronyms([]);
  const used = new Set(extractAll(seeds).claims.flatMap((c) => c.terms));
  const acronyms = [...defined.values()].filter((a) => used.has(normaliseWord(a.short)));
  useAcronyms(acronyms);
  const { claims, summary } = extractAll(seeds);
  // One claim per line: small diffs when a document or the extractor changes.
  const body = claims.map((c) => '  ' + JSON.stringify(c, tidy)).join(',\n');
  summary.push(
    `${acronyms.length} abbreviations are used by claims and have one meaning, of the ${definitions.size} the documents define and the ${COMMON_ACRONYMS.length} common ones`,
  );
  const acronymsJson = `[\n${acronyms.map((a) => '  ' + JSON.stringify(a)).join(',\n')}\n]\n`;
  return { json: `{"version":1,"claims":[\n${body}\n]}\n`, acronymsJson, summary };
}

function extractAll(seeds: { file: string; content: string }[]): { claims: Claim[]; summary: string[] } {
  const claims: Claim[] = [];
  const summary: string[] = [];
  for (const { file, content } of seeds) {
    const { claims: found, excluded } = extractClaims(file, content);
    claims.push(...found);
    const figures = found.reduce((n, c) => n + c.figures.length, 0);
    summary.push(`${file}: ${found.length} claims, ${figures} figures, ${excluded.length} units left out`);
  }
  return { claims, summary };
}
