/** What the popup and the options page say when a switch could not be saved (storage full, a damaged profile). */
export function notSavedMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `Tally could not save this change (${reason}). Nothing was changed.`;
}
