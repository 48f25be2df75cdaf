/**
 * `npm run check -- <file.html|file.txt|URL> [--json] [--timeout SECONDS]`: checks a page's
 * figures against the claim index from the command line. The logic is in src/cli/run-check.ts.
 */
import { loadClaimIndex } from '../src/claims/claim-index';
import { runCheck } from '../src/cli/run-check';
import { extractBlocks } from '../src/dom/extract-blocks';
import { checkBlocks } from '../src/match/check-blocks';
import { fuzzyScore } from '../src/match/fuzzy-score';

// `--json` output is a contract read by other programs: whatever the core or a dependency
// logs goes to stderr, so stdout carries the report and nothing else.
console.log = console.info = console.debug = console.error;

// A reader that stops early (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCheck(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  },
  {
    extractBlocks,
    loadClaimIndex,
    checkBlocks: (blocks, index) => checkBlocks(blocks, index, { fuzzy: fuzzyScore }),
    sourceTitle: (index, file) => index.sources.get(file)?.title,
  },
);
