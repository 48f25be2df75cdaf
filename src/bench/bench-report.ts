import type { Timing } from './measure';

/** The measurements of one page size. */
export interface SizeResult {
  label: string;
  htmlBytes: number;
  /** Characters of text in the extracted blocks. */
  textChars: number;
  blocks: number;
  sentences: number;
  figureSentences: number;
  findings: number;
  conflicting: number;
  runs: number;
  /** linkedom parse, timed once: it is the DOM's cost, not the pipeline's. */
  parseMs: number;
  stages: { name: string; note: string; timing: Timing }[];
  /** heapUsed after one full checkBlocks run minus before it, garbage included. */
  heapDeltaBytes: number;
}

export interface BenchResult {
  node: string;
  cpus: number;
  sizes: SizeResult[];
  peakRssBytes: number;
}

/** The issue's target: text blocks to findings over 1 MB in under this median. */
export const TARGET_MS_PER_MB = 150;

const MB = 1024 * 1024;

/** "compare" is not a stage of its own in the core: what matchSentence spends besides figures and retrieval. */
function withCompare(size: SizeResult): { name: string; ms: number; derived: boolean }[] {
  const ms = (name: string) => size.stages.find((s) => s.name === name)?.timing.medianMs;
  const rows = size.stages.map((s) => ({ name: s.name, ms: s.timing.medianMs, derived: false }));
  const [match, figures, retrieve] = [ms('match'), ms('figures'), ms('retrieve')];
  if (match !== undefined && figures !== undefined && retrieve !== undefined) {
    const at = rows.findIndex((r) => r.name === 'match');
    rows.splice(at, 0, { name: 'compare', ms: Math.max(0, match - figures - retrieve), derived: true });
  }
  return rows;
}

/** The human table: per size and stage, the median, the throughput and the multiple of the floor. */
export function formatBenchTable(result: BenchResult): string {
  const out: string[] = [`node ${result.node}, ${result.cpus} CPUs; medians after one warm-up run; MB/s = MB of extracted page text per second`, ''];
  const header = ['size', 'stage', 'median ms', 'MB/s', '× floor'];
  const rows: string[][] = [];
  for (const size of result.sizes) {
    const floor = size.stages.find((s) => s.name === 'floor')?.timing.medianMs ?? NaN;
    const textMb = size.textChars / MB;
    rows.push([size.label, 'parse (once)', size.parseMs.toFixed(1), '', '']);
    for (const row of withCompare(size)) {
      rows.push([
        '',
        row.derived ? `${row.name} *` : row.name,
        row.ms.toFixed(row.ms < 10 ? 2 : 1),
        row.ms > 0 ? (textMb / (row.ms / 1000)).toFixed(1) : '—',
        row.name === 'floor' ? '1' : (row.ms / floor).toFixed(0),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  out.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) out.push(line(r));
  out.push('', '* compare = match − figures − retrieve: alignment and comparison run inside matchSentence.', '');
  for (const size of result.sizes) {
    out.push(
      `${size.label}: ${(size.htmlBytes / MB).toFixed(2)} MB of HTML, ${(size.textChars / MB).toFixed(2)} MB of text in ${size.blocks} blocks, ` +
        `${size.sentences} sentences (${size.figureSentences} state a figure), ${size.findings} findings (${size.conflicting} conflicting); ` +
        `${size.runs} runs; heap Δ of one total run ${(size.heapDeltaBytes / MB).toFixed(1)} MB`,
    );
  }
  out.push(`peak RSS ${(result.peakRssBytes / MB).toFixed(0)} MB`);
  const verdict = targetVerdict(result);
  if (verdict) out.push(verdict);
  return out.join('\n') + '\n';
}

/** The target line, scaled to the size nearest 1 MB that was run. */
function targetVerdict(result: BenchResult): string | undefined {
  const size = [...result.sizes].sort((a, b) => Math.abs(a.htmlBytes - MB) - Math.abs(b.htmlBytes - MB))[0];
  const total = size?.stages.find((s) => s.name === 'total')?.timing.medianMs;
  if (!size || total === undefined) return undefined;
  const perMb = total / (size.htmlBytes / MB);
  const met = perMb < TARGET_MS_PER_MB;
  return `target: text blocks → findings under ${TARGET_MS_PER_MB} ms per MB of page: ${perMb.toFixed(0)} ms/MB at ${size.label}, ${met ? 'met' : `missed (${(perMb / TARGET_MS_PER_MB).toFixed(1)}× over)`}`;
}
