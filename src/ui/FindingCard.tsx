import type { ReportedFinding } from '../messages';
import { FindingDetails } from './FindingDetails';
import { VERDICT_TEXT } from './VerdictLabel';

export interface FindingCardProps {
  finding: ReportedFinding;
  onReadSource: (event: MouseEvent) => void;
  onClose: () => void;
  /** Steps through the page's findings; given when the card was opened from the keyboard or popup. */
  nav?: { index: number; total: number; onPrevious: () => void; onNext: () => void };
}

/** The card shown on the page next to a highlighted figure. */
export function FindingCard({ finding, onReadSource, onClose, nav }: FindingCardProps) {
  const actions = (
    <div class="tally-card__actions">
      {nav && nav.total > 1 && (
        <>
          <button type="button" class="tally-icon-button" aria-label="Previous finding" onClick={nav.onPrevious}>
            ‹
          </button>
          <span aria-live="polite">
            {nav.index + 1} of {nav.total}
          </span>
          <button type="button" class="tally-icon-button" aria-label="Next finding" onClick={nav.onNext}>
            ›
          </button>
        </>
      )}
      <button type="button" class="tally-icon-button" aria-label="Close" onClick={onClose}>
        ×
      </button>
    </div>
  );
  return (
    <section
      class="tally tally-card"
      role="dialog"
      aria-label={`Tally: ${VERDICT_TEXT[finding.verdict]}`}
      tabIndex={-1}
    >
      <FindingDetails finding={finding} readSource={{ onClick: onReadSource }} actions={actions} />
    </section>
  );
}
