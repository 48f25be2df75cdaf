/**
 * `npm run index`: reads data/seeds/*.txt and writes data/claims.json, the claim index the
 * extension and the `check` command bundle, and data/acronyms.json, the abbreviations the seeds
 * define. `--check` exits 1 when a committed file is stale.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndexJson } from '../src/index/build-index';

const root = join(import.meta.dirname, '..');
const seedsDir = join(root, 'data', 'seeds');
const out = join(root, 'data', 'claims.json');
const acronymsOut = join(root, 'data', 'acronyms.json');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, content: readFileSync(join(seedsDir, file), 'utf8') }));
const { json, acronymsJson, summary } = buildIndexJson(seeds);
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== json || readFileSync(acronymsOut, 'utf8') !== acronymsJson) {
    console.error('data/claims.json or data/acronyms.json is stale: run `npm run index`.');
    process.exit(1);
  }
  console.log('data/claims.json and data/acronyms.json are fresh.');
} else {
  writeFileSync(acronymsOut, acronymsJson);
  writeFileSync(out, json);
  for (const line of summary) console.log(line);
}
