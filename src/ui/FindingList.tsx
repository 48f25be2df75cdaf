import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReportedFinding } from '../messages';
import type { FindingCounts } from './popup-view';
import { FindingDetails } from './FindingDetails';
import { formatCount } from './format-count';
import { VERDICT_TEXT } from './VerdictLabel';

interface FindingListProps {
  /** What the page lists of its findings: all of them, or the first of many (see MAX_LISTED_FINDINGS). */
  findings: ReportedFinding[];
  /** The page's findings in all. */
  counts: FindingCounts;
  /** The page is still being checked: more findings may come. */
  checking?: boolean;
  sourceHref: (claimId: string) => string;
  onReveal: (finding: ReportedFinding) => void;
}

/**
 * Findings listed at first, and added by each "Show more": a big page's thousands of findings
 * would keep the popup blank for seconds, and a reader starts from the top (conflicts first).
 */
export const FINDINGS_PER_PAGE = 50;

/** The page's findings with a one-line summary; clicking one shows it on the page. */
export function FindingList({ findings, counts, checking = false, sourceHref, onReveal }: FindingListProps) {
  const [shown, setShown] = useState(FINDINGS_PER_PAGE);
  // "Show more" leaves once the last findings are listed: focus goes to the first of those.
  const list = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const at = focusFrom.current;
    focusFrom.current = null;
    if (at !== null) list.current?.querySelectorAll<HTMLElement>('.show-button')[at]?.focus();
  }, [shown]);
  const { conflicting, corroborated } = counts;
  const hidden = findings.length - shown;
  const unlisted = conflicting + corroborated - findings.length;
  return (
    <section aria-labelledby="findings-summary">
      <p id="findings-summary" class="summary" aria-busy={checking}>
        {summary(conflicting, corroborated)}
        {checking && ' Still checking the rest of the page…'}
      </p>
      <ul class="findings" ref={list}>
        {findings.slice(0, shown).map((finding) => (
          <li key={finding.id}>
            <article
              class="finding-item"
              aria-label={`${finding.figure}: ${VERDICT_TEXT[finding.verdict].toLowerCase()}`}
              onClick={(event) => {
                // The links inside keep their own behaviour.
                if (!(event.target as Element).closest('a, button')) onReveal(finding);
              }}
            >
              <FindingDetails
                finding={finding}
                readSource={{ href: sourceHref(finding.claimId) }}
                actions={
                  <button
                    type="button"
                    class="show-button"
                    aria-label={`Show ${finding.figure} on the page`}
                    onClick={() => onReveal(finding)}
                  >
                    Show on page
                  </button>
                }
              />
            </article>
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          class="show-button findings__more"
          onClick={() => {
            if (hidden <= FINDINGS_PER_PAGE) focusFrom.current = shown;
            setShown(shown + FINDINGS_PER_PAGE);
          }}
        >
          Show {formatCount(Math.min(hidden, FINDINGS_PER_PAGE))} more of {formatCount(hidden)}
        </button>
      )}
      {hidden <= 0 && unlisted > 0 && (
        <p class="summary findings__unlisted">
          Listed here: {formatCount(findings.length)} of {formatCount(conflicting + corroborated)} figures. All of them are
          highlighted on the page.
        </p>
      )}
    </section>
  );
}

function summary(conflicting: number, corroborated: number): string {
  const parts = [];
  if (conflicting > 0) parts.push(`${formatCount(conflicting)} ${conflicting === 1 ? 'figure conflicts' : 'figures conflict'}`);
  if (corroborated > 0) parts.push(`${formatCount(corroborated)} ${corroborated === 1 ? 'figure matches' : 'figures match'}`);
  return `${parts.join(', ')} with the reference documents.`;
}
