/**
 * `npm run index`: reads data/seeds/*.txt and writes data/claims.json, the claim index the
 * extension and the `check` command bundle. `--check` exits 1 when the committed file is stale.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndexJson } from '../src/index/build-index';

const root = join(import.meta.dirname, '..');
const seedsDir = join(root, 'data', 'seeds');
const out = join(root, 'data', 'claims.json');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, content: readFileSync(join(seedsDir, file), 'utf8') }));
const { json, summary } = buildIndexJson(seeds);
if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== json) {
    console.error('data/claims.json is stale: run `npm run index`.');
    process.exit(1);
  }
  console.log('data/claims.json is fresh.');
} else {
  writeFileSync(out, json);
  for (const line of summary) console.log(line);
}
