import { useEffect, useRef } from 'preact/hooks';
import type { SourceInfo } from '../messages';
import { locateQuote } from './locate-quote';
import { SourceLine } from './SourceLine';

interface SourcePageProps {
  /** Null when the page was opened with an unknown claim id. */
  document: { source: SourceInfo; text: string; quote: string } | null;
}

/**
 * A reference document in full, with the quote a finding rests on marked and scrolled into view,
 * so a reader can judge the claim in its context.
 */
export function SourcePage({ document }: SourcePageProps) {
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
    mark.current?.focus({ preventScroll: true });
  }, [document]);

  if (document === null) {
    return (
      <main class="tally page">
        <h1 class="page__title">Source not found</h1>
        <p class="panel__note">This link names a claim that is not in Tally's reference documents.</p>
      </main>
    );
  }
  const { source, text, quote } = document;
  const at = locateQuote(text, quote);
  return (
    <main class="tally page page--source">
      <header class="source-head">
        <p class="source-head__kicker">Reference document</p>
        <SourceLine source={source} />
      </header>
      <section class="source-claim" aria-label="The quote">
        <blockquote class="tally-quote">{quote}</blockquote>
        {at === null && <p class="panel__note">The quote could not be placed in the document below.</p>}
      </section>
      <article class="source-text" aria-label={source.title}>
        {at === null ? (
          text
        ) : (
          <>
            {text.slice(0, at.start)}
            <mark ref={mark} class="source-text__quote" tabIndex={-1}>
              {text.slice(at.start, at.end)}
            </mark>
            {text.slice(at.end)}
          </>
        )}
      </article>
    </main>
  );
}
