import type { ComponentChildren } from 'preact';
import type { ReportedFinding } from '../messages';
import { SourceLine } from './SourceLine';
import { VerdictLabel } from './VerdictLabel';

interface FindingDetailsProps {
  finding: ReportedFinding;
  /**
   * How "Read the source" opens the document: a link to it (the popup), or a button whose click
   * asks for it (the card on a web page, where a link to an extension page would show the page
   * the extension's address and could not be opened from there anyway).
   */
  readSource: { href: string } | { onClick: (event: MouseEvent) => void };
  /** Shown after the verdict label, e.g. a "Show on page" button. */
  actions?: ComponentChildren;
}

/**
 * What Tally knows about one page figure: the verdict, the page's figure against the source's,
 * why, the quote it rests on, and the document it comes from. Shared by the popup and the card
 * on the page. Every string is rendered as text, never as markup.
 */
export function FindingDetails({ finding, readSource, actions }: FindingDetailsProps) {
  return (
    <div class={`tally-finding tally-finding--${finding.verdict}`}>
      <div class="tally-finding__top">
        <VerdictLabel verdict={finding.verdict} />
        {actions}
      </div>
      <dl class="tally-figures">
        <div class="tally-figures__item">
          <dt>This page</dt>
          <dd class="tally-figures__page">{finding.figure}</dd>
        </div>
        <div class="tally-figures__item">
          <dt>Source</dt>
          <dd>{finding.sourceFigure}</dd>
        </div>
      </dl>
      <p class="tally-reason">{finding.reason}</p>
      <blockquote class="tally-quote">{finding.quote}</blockquote>
      <div class="tally-finding__foot">
        <SourceLine source={finding.source} />
        {'href' in readSource ? (
          <a class="tally-read" href={readSource.href} target="_blank" rel="noreferrer">
            Read the source
          </a>
        ) : (
          <button type="button" class="tally-read" onClick={readSource.onClick}>
            Read the source
          </button>
        )}
      </div>
    </div>
  );
}
