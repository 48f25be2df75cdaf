import type { TextBlock } from '../dom/text-block';
import type { Finding } from '../match/finding';
import { CHECK_USAGE, parseCheckArgs } from './check-args';
import { fetchUrlInput, isUrlLike } from './fetch-url-input';
import { findingsToJson } from './finding-json';
import { formatReport } from './format-report';
import { InputError } from './input-error';
import { htmlToDocument, textToDocument } from './page-document';
import { readFileInput } from './read-file-input';

/** Where `check` writes, and whether it may use color. */
export interface CheckIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
}

/**
 * The core `check` runs. Passed in by the script rather than imported here, so tests can run
 * every input path without the claim index, and the index is loaded only for a good input.
 */
export interface CheckCore<Index> {
  extractBlocks: (root: Document) => TextBlock[];
  loadClaimIndex: () => Index;
  checkBlocks: (blocks: TextBlock[], index: Index) => Finding[];
  sourceTitle: (index: Index, file: string) => string | undefined;
}

/**
 * The `check` command: reads a page from a file or a URL, checks its figures against the
 * claim index and prints a report, or `{"findings":[…]}` with `--json`. Returns the exit
 * code: 0 when the page was checked (whatever the verdicts), 1 when the input or the check
 * failed, 2 for a usage error. Errors are one line on stderr, never a stack trace.
 */
export async function runCheck<Index>(argv: readonly string[], io: CheckIo, core: CheckCore<Index>): Promise<number> {
  const parsed = parseCheckArgs(argv);
  if ('help' in parsed) {
    io.stdout(CHECK_USAGE + '\n');
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`tally check: ${parsed.error}; ${CHECK_USAGE}\n`);
    return 2;
  }
  const { target, json, timeoutMs } = parsed.options;
  try {
    const page = isUrlLike(target) ? await fetchUrlInput(target, { timeoutMs }) : await readFileInput(target);
    const document = page.kind === 'html' ? htmlToDocument(page.text) : textToDocument(page.text);
    const blocks = core.extractBlocks(document);
    const index = core.loadClaimIndex();
    const findings = core.checkBlocks(blocks, index);
    io.stdout(
      json
        ? findingsToJson(findings) + '\n'
        : formatReport(findings, {
            target,
            blockCount: blocks.length,
            sourceTitle: (file) => core.sourceTitle(index, file),
            color: io.color,
          }),
    );
    return 0;
  } catch (error) {
    io.stderr(`tally check: ${errorLine(error)}\n`);
    return 1;
  }
}

/** One line for any error: an InputError is the user's to fix, anything else is a bug of ours. */
function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.replace(/\s+/g, ' ').trim();
  return error instanceof InputError ? line : `internal error (${error instanceof Error ? error.name : 'thrown'}): ${line}`;
}
