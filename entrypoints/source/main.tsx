import { render } from 'preact';
import '../../src/ui/tally.css';
import '../../src/ui/page.css';
import { loadBundledIndex } from '../../src/claims/bundled-index';
import { SourcePage } from '../../src/ui/SourcePage';
import { sourceInfo } from '../../src/ui/source-info';

/** The seed documents' text by file name, bundled into this page. */
const seeds = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../data/seeds/*.txt', { query: '?raw', import: 'default', eager: true }),
  ).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);

function findDocument(claimId: string | null) {
  const index = loadBundledIndex();
  const claim = index.claims.find((c) => c.id === claimId);
  const text = claim && seeds[claim.source];
  if (!claim || text === undefined) return null;
  const source = sourceInfo(index.sources, claim.source);
  document.title = `Tally: ${source.title}`;
  return { text, quote: claim.quote, source };
}

const claimId = new URLSearchParams(location.search).get('claim');
render(<SourcePage document={findDocument(claimId)} />, document.getElementById('app')!);
