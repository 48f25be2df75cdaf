import type { Verdict } from '../match/finding';

export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = Object.freeze({
  conflicting: 'Conflicts with the source',
  corroborated: 'Matches the source',
});

/** The verdict as a coloured label; the glyph repeats it for readers who do not see colour. */
export function VerdictLabel({ verdict }: { verdict: Verdict }) {
  return (
    <span class={`tally-verdict tally-verdict--${verdict}`}>
      <span class="tally-verdict__glyph" aria-hidden="true">
        {verdict === 'conflicting' ? '!' : '✓'}
      </span>
      {VERDICT_TEXT[verdict]}
    </span>
  );
}
