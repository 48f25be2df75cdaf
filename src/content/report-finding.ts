import type { PageFinding } from '../match/finding';
import type { ReportedFinding, SourceInfo } from '../messages';

/** The plain-data form of a finding that travels to the background and the popup. */
export function reportFinding(finding: PageFinding, id: string, source: SourceInfo): ReportedFinding {
  return {
    id,
    verdict: finding.verdict,
    sentence: finding.sentence,
    figure: finding.figure,
    sourceFigure: finding.sourceFigure,
    reason: finding.reason,
    quote: finding.quote,
    claimId: finding.claimId,
    source,
  };
}
