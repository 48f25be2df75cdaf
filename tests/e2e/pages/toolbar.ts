import type { ExtensionGlobal, Tally } from '../fixtures';

export interface BadgeState {
  text: string;
  /** As #rrggbb. */
  color: string;
}

/** The toolbar button's badge for a tab, read from the background. */
export async function badgeOf(tally: Tally, tabId: number): Promise<BadgeState> {
  const { text, rgba } = await tally.worker.evaluate(async (tabId) => {
    const { chrome } = globalThis as unknown as ExtensionGlobal;
    return {
      text: await chrome.action.getBadgeText({ tabId }),
      rgba: await chrome.action.getBadgeBackgroundColor({ tabId }),
    };
  }, tabId);
  const color = `#${rgba
    .slice(0, 3)
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
  return { text, color };
}
