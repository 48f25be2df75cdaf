/**
 * The one-line reason a reader sees for a finding: "Page says 36% (2025); the BCG report says
 * 34% (2025)."
 */
import type { Source } from '../claims/claim';
import type { Figure } from '../quantity/figure';
import type { FigureMatch } from './match-sentence';

function withPeriod(f: Figure): string {
  const text = f.text.replace(/\\\$/g, '$').replace(/\s+/g, ' ').trim();
  return f.period && !text.includes(f.period.text) ? `${text} (${f.period.text.replace(/^(?:in|by|as of)\s+/i, '')})` : text;
}

/** How a finding names its source in a sentence: "the BCG report", "Shanghai Daily", or "the source". */
export function sourceName(source: Source | undefined): string {
  if (!source) return 'the reference document';
  if (/Boston Consulting Group|BCG/.test(source.publisher)) return 'the BCG report';
  if (source.publisher) return source.publisher;
  // The title is shown beside the reason; repeating it would make the line hard to read.
  return 'the source';
}

export function explainMatch(m: FigureMatch, source: Source | undefined): string {
  const page = withPeriod(m.figure);
  const theirs = withPeriod(m.sourceFigure);
  const name = sourceName(source);
  return m.verdict === 'corroborated'
    ? `Page says ${page}; ${name} says ${theirs}.`
    : `Page says ${page}, but ${name} says ${theirs}.`;
}
