import type { ClaimIndex } from '../claims/claim-index';
import { extractBlocks } from '../dom/extract-blocks';
import type { TextBlock } from '../dom/text-block';
import { checkBlocks, figureSentences, forgetMatches } from '../match/check-blocks';
import { matchSentence } from '../match/match-sentence';
import { retrieveCandidates } from '../match/retrieve';
import { scanQuantities } from '../quantity/parse-figures';
import { splitSentences } from '../text/sentences';
import { placedTerms } from '../text/terms';
import { countDigitRuns } from './digit-floor';

/** One timed step of the benchmark. */
export interface Stage {
  name: string;
  /** What the step runs over, for the table's legend. */
  note: string;
  run: () => unknown;
}

/** What the stages work on, computed once so that each stage times only its own work. */
export interface StageInputs {
  blocks: TextBlock[];
  /** Characters of page text in the blocks: the MB of the MB/s column. */
  textLength: number;
  sentences: number;
  figureSentences: number;
}

/**
 * The pipeline cut into the stages the benchmark reports, each over the output of the one
 * before: extract, segment, figures, retrieve, match (figures + retrieve + compare, as
 * matchSentence runs them), the whole of checkBlocks, and the digit floor.
 *
 * The core exposes no compare stage of its own: alignment and comparison run inside
 * matchSentence, so the bench reports "compare" as match − figures − retrieve.
 */
export function pipelineStages(document: Document, index: ClaimIndex): { stages: Stage[]; inputs: StageInputs } {
  const blocks = extractBlocks(document);
  const candidates = figureSentences(blocks);
  const stated = candidates.filter((s) => scanQuantities(s.text).figures.length > 0);
  const stages: Stage[] = [
    { name: 'extract', note: 'extractBlocks(document)', run: () => extractBlocks(document) },
    {
      name: 'segment',
      note: 'splitSentences over every block',
      run: () => blocks.reduce((n, b) => n + splitSentences(b.text).length, 0),
    },
    {
      name: 'figures',
      note: 'scanQuantities over the sentences that may state a figure',
      run: () => candidates.reduce((n, s) => n + scanQuantities(s.text).figures.length, 0),
    },
    {
      name: 'retrieve',
      note: 'placedTerms + retrieveCandidates for the sentences that state one',
      run: () =>
        stated.reduce((n, s) => n + retrieveCandidates(index, placedTerms(s.text).map((t) => t.term)).length, 0),
    },
    {
      name: 'match',
      note: 'matchSentence over the sentences that may state a figure (figures + retrieve + compare)',
      run: () => candidates.reduce((n, s) => n + matchSentence(s.text, index).length, 0),
    },
    {
      name: 'total',
      note: 'checkBlocks(blocks): text blocks → findings, with nothing remembered from the run before',
      run: () => {
        forgetMatches(index);
        return checkBlocks(blocks, index);
      },
    },
    { name: 'floor', note: 'one charCodeAt pass finding the digit runs of every block', run: () => countDigitRuns(blocks) },
  ];
  return {
    stages,
    inputs: {
      blocks,
      textLength: blocks.reduce((n, b) => n + b.text.length, 0),
      sentences: blocks.reduce((n, b) => n + splitSentences(b.text).length, 0),
      figureSentences: stated.length,
    },
  };
}

