declare module 'virtual:tally-claims' {
  import type { CompactIndex } from './compact-claims';
  import type { Source } from './claim';

  const bundled: { index: CompactIndex; sources: Source[] };
  export default bundled;
}
