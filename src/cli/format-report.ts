import type { Finding, Verdict } from '../match/finding';

export interface ReportContext {
  /** What was checked, as the user named it. */
  target: string;
  /** How many text blocks were read, for the summary. */
  blockCount: number;
  /** The title of a source file, from data/sources.json; undefined when it has none. */
  sourceTitle: (file: string) => string | undefined;
  /** ANSI colors: only for a terminal, and never when NO_COLOR is set. */
  color: boolean;
}

/** Conflicts first: they are what a reader must look at. */
const SECTIONS: { verdict: Verdict; heading: string; mark: string; paint: Paint }[] = [
  { verdict: 'conflicting', heading: 'Conflicting', mark: '✗', paint: 'red' },
  { verdict: 'corroborated', heading: 'Corroborated', mark: '✓', paint: 'green' },
];

const ANSI = { red: [31, 39], green: [32, 39], bold: [1, 22], dim: [2, 22] } as const;
type Paint = keyof typeof ANSI;

/** How much of a sentence or quote to show around its figure. */
const EXCERPT_CHARS = 200;

/**
 * The human report of `check`: findings grouped by verdict, conflicts first, in page order;
 * each with the page figure, the source figure, the reason, the page sentence, the quote and
 * its source; then a one-line summary.
 */
export function formatReport(findings: readonly Finding[], context: ReportContext): string {
  const paint = (style: Paint, text: string) =>
    context.color ? `\u001b[${ANSI[style][0]}m${text}\u001b[${ANSI[style][1]}m` : text;
  const lines: string[] = [];
  for (const section of SECTIONS) {
    const group = findings
      .filter((f) => f.verdict === section.verdict)
      .sort((a, b) => a.block - b.block || a.figureStart - b.figureStart);
    if (group.length === 0) continue;
    lines.push(paint('bold', `${section.heading} (${group.length})`), '');
    for (const f of group) {
      const title = context.sourceTitle(f.source);
      const figureAt = f.figureStart - f.sentenceStart;
      lines.push(
        `  ${paint(section.paint, section.mark)} ${paint('bold', f.figure)}  ${paint('dim', 'source:')} ${f.sourceFigure}`,
        `    ${f.reason}`,
        `    ${paint('dim', 'page:  ')} ${excerpt(f.sentence, figureAt, f.figure.length, (s) => paint('bold', s))}`,
        `    ${paint('dim', 'quote: ')} ${excerpt(f.quote, f.quote.indexOf(f.sourceFigure), f.sourceFigure.length, (s) => paint('bold', s))}`,
        `    ${paint('dim', 'from:  ')} ${title ? `${title} (${f.source})` : f.source}`,
        '',
      );
    }
  }
  lines.push(summary(findings, context));
  return lines.join('\n') + '\n';
}

function summary(findings: readonly Finding[], context: ReportContext): string {
  const count = (v: Verdict) => findings.filter((f) => f.verdict === v).length;
  const blocks = `${context.blockCount} text block${context.blockCount === 1 ? '' : 's'}`;
  if (findings.length === 0) {
    return `No figure in ${context.target} matches the reference documents (${blocks} read).`;
  }
  return `${count('conflicting')} conflicting, ${count('corroborated')} corroborated in ${context.target} (${blocks} read).`;
}

/**
 * The text around [at, at + length), cut to about EXCERPT_CHARS with ellipses, the focus
 * painted; when the focus is not found (at < 0 or out of range), the start of the text.
 */
function excerpt(text: string, at: number, length: number, mark: (s: string) => string): string {
  const found = at >= 0 && length > 0 && at + length <= text.length;
  if (!found) return quoteText(flat(text.length > EXCERPT_CHARS ? text.slice(0, EXCERPT_CHARS) + '…' : text));
  const room = Math.max(0, EXCERPT_CHARS - length);
  const to = Math.min(text.length, Math.max(0, at - Math.floor(room / 2)) + length + room);
  const from = Math.max(0, to - length - room);
  const before = (from > 0 ? '…' : '') + text.slice(from, at);
  const after = text.slice(at + length, to) + (to < text.length ? '…' : '');
  return quoteText(flat(before) + mark(flat(text.slice(at, at + length))) + flat(after));
}

/** Line breaks and runs of spaces in page text would break the report's layout. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function quoteText(text: string): string {
  return `“${text}”`;
}
