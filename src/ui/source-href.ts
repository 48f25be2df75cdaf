import { browser } from 'wxt/browser';

/** The extension page that shows a claim's whole source document, with the quote marked. */
export function sourceHref(claimId: string): string {
  return `${browser.runtime.getURL('/source.html')}?claim=${encodeURIComponent(claimId)}`;
}
