import type { ReportedFinding } from '../messages';
import { FindingDetails } from './FindingDetails';
import { VERDICT_TEXT } from './VerdictLabel';

interface FindingListProps {
  findings: ReportedFinding[];
  sourceHref: (claimId: string) => string;
  onReveal: (finding: ReportedFinding) => void;
}

/** The page's findings with a one-line summary; clicking one shows it on the page. */
export function FindingList({ findings, sourceHref, onReveal }: FindingListProps) {
  const conflicting = findings.filter((f) => f.verdict === 'conflicting').length;
  const corroborated = findings.length - conflicting;
  return (
    <section aria-labelledby="findings-summary">
      <p id="findings-summary" class="summary">
        {summary(conflicting, corroborated)}
      </p>
      <ul class="findings">
        {findings.map((finding) => (
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
                sourceHref={sourceHref(finding.claimId)}
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
    </section>
  );
}

function summary(conflicting: number, corroborated: number): string {
  const parts = [];
  if (conflicting > 0) parts.push(`${conflicting} ${conflicting === 1 ? 'figure conflicts' : 'figures conflict'}`);
  if (corroborated > 0) parts.push(`${corroborated} ${corroborated === 1 ? 'figure matches' : 'figures match'}`);
  return `${parts.join(', ')} with the reference documents.`;
}
