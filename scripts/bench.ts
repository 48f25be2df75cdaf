/**
 * `npm run bench [-- --sizes 100k,1m,5m] [--runs N] [--json]`: times the pipeline, stage by
 * stage, over generated news-like pages. Generation and the stages are in src/bench/.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { formatBenchTable, type BenchResult, type SizeResult } from '../src/bench/bench-report';
import { generateArticleHtml } from '../src/bench/generate-article';
import { timeMedian } from '../src/bench/measure';
import { pipelineStages } from '../src/bench/pipeline-stages';
import { readSeedSentences } from '../src/bench/read-seeds';
import { loadClaimIndex } from '../src/claims/claim-index';
import { checkBlocks } from '../src/match/check-blocks';
import { parseBenchArgs } from '../src/bench/bench-args';

const USAGE = 'usage: npm run bench -- [--sizes 100k,1m,5m] [--runs N] [--json]';
const SEED = 20260401;

function fail(message: string): never {
  process.stderr.write(`bench: ${message}; ${USAGE}\n`);
  process.exit(2);
}

/** Collects garbage between measurements when node runs with --expose-gc (npm run bench does). */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

const args = parseBenchArgs(process.argv.slice(2), fail);
const seedSentences = readSeedSentences();
const index = loadClaimIndex();
const progress = (line: string) => process.stderr.write(line + '\n');

const sizes: SizeResult[] = [];
for (const [n, size] of args.sizes.entries()) {
  const runs = args.runs ?? (size.bytes > 2 * 1024 * 1024 ? 3 : 7);
  const html = generateArticleHtml(size.bytes, SEED + n, seedSentences);
  let start = performance.now();
  const document = parseHTML(html).document as unknown as Document;
  const parseMs = performance.now() - start;
  const { stages, inputs } = pipelineStages(document, index);

  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const findings = checkBlocks(inputs.blocks, index);
  const heapDeltaBytes = process.memoryUsage().heapUsed - heapBefore;

  const timed: SizeResult['stages'] = [];
  for (const stage of stages) {
    collect();
    start = performance.now();
    timed.push({ name: stage.name, note: stage.note, timing: timeMedian(runs, stage.run) });
    progress(`${size.label} ${stage.name}: ${((performance.now() - start) / 1000).toFixed(1)} s for ${runs} runs and a warm-up`);
  }
  sizes.push({
    label: size.label,
    htmlBytes: Buffer.byteLength(html),
    textChars: inputs.textLength,
    blocks: inputs.blocks.length,
    sentences: inputs.sentences,
    figureSentences: inputs.figureSentences,
    findings: findings.length,
    conflicting: findings.filter((f) => f.verdict === 'conflicting').length,
    runs,
    parseMs,
    stages: timed,
    heapDeltaBytes,
  });
}

const result: BenchResult = {
  node: process.version,
  cpus: availableParallelism(),
  sizes,
  // maxRSS is in kilobytes.
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(args.json ? JSON.stringify(result, null, 2) + '\n' : '\n' + formatBenchTable(result));
