import type { Finding } from '../match/finding';

/** The fields of a Finding that `check --json` prints: the evidence and the offsets, no DOM. */
export type JsonFinding = Pick<
  Finding,
  | 'sentence'
  | 'figure'
  | 'verdict'
  | 'claimId'
  | 'source'
  | 'quote'
  | 'sourceFigure'
  | 'reason'
  | 'score'
  | 'fuzzy'
  | 'block'
  | 'sentenceStart'
  | 'sentenceEnd'
  | 'figureStart'
  | 'figureEnd'
  | 'pageFigure'
>;

/**
 * `{"findings":[…]}`, the contract the shared scorer reads. Fields are copied by name, so a
 * DOM reference added to Finding later (a Range, a node) never reaches the JSON by accident.
 */
export function findingsToJson(findings: readonly Finding[]): string {
  return JSON.stringify({ findings: findings.map(toJsonFinding) });
}

function toJsonFinding(f: Finding): JsonFinding {
  return {
    sentence: f.sentence,
    figure: f.figure,
    verdict: f.verdict,
    claimId: f.claimId,
    source: f.source,
    quote: f.quote,
    sourceFigure: f.sourceFigure,
    reason: f.reason,
    score: f.score,
    ...(f.fuzzy !== undefined ? { fuzzy: f.fuzzy } : {}),
    block: f.block,
    sentenceStart: f.sentenceStart,
    sentenceEnd: f.sentenceEnd,
    figureStart: f.figureStart,
    figureEnd: f.figureEnd,
    pageFigure: f.pageFigure,
  };
}
