import type { Source } from '../claims/claim';
import type { SourceInfo } from '../messages';

/** The citation of a seed file, from data/sources.json; the file name stands in for a missing title. */
export function sourceInfo(sources: ReadonlyMap<string, Source>, file: string): SourceInfo {
  const source = sources.get(file);
  return { file, title: source?.title || file, publisher: source?.publisher ?? '', date: source?.date ?? '' };
}
