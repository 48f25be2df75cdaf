import type { SourceInfo } from '../messages';
import { formatSourceDate } from './format-date';

/** The cited document: title, then publisher and date. */
export function SourceLine({ source }: { source: SourceInfo }) {
  const meta = [source.publisher, formatSourceDate(source.date)].filter((part) => part.trim() !== '');
  return (
    <p class="tally-source">
      {/* Cut at two lines in the popup and the card: the whole title is its tooltip. */}
      <cite class="tally-source__title" title={source.title || source.file}>
        {source.title || source.file}
      </cite>
      {meta.length > 0 && <span class="tally-source__meta">{meta.join(' · ')}</span>}
    </p>
  );
}
