import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickSeedSentences } from './seed-sentences';

/** The benchmark pages' restated sentences, picked from the reference documents in data/seeds. */
export function readSeedSentences(): string[] {
  const dir = join(import.meta.dirname, '../../data/seeds');
  const documents = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  return pickSeedSentences(documents);
}
