import type { PageSummary } from '../messages';

/** What the toolbar icon's badge shows for a tab. */
export interface Badge {
  text: string;
  color: string;
}

/** Conflicts win the badge: one wrong figure matters more than many right ones. */
export const CONFLICTING_COLOR = '#d93025';
export const CORROBORATED_COLOR = '#188038';
export const EMPTY_BADGE: Readonly<Badge> = Object.freeze({ text: '', color: CORROBORATED_COLOR });

/**
 * The badge for a page's findings: the number of conflicting figures on red, or else the number
 * of corroborated figures on green, or nothing. Counts above 99 show as "99+" (the badge fits
 * about four characters).
 */
export function badgeFor({ conflicting, corroborated }: Pick<PageSummary, 'conflicting' | 'corroborated'>): Badge {
  if (conflicting > 0) return { text: count(conflicting), color: CONFLICTING_COLOR };
  if (corroborated > 0) return { text: count(corroborated), color: CORROBORATED_COLOR };
  return EMPTY_BADGE;
}

function count(n: number): string {
  return n > 99 ? '99+' : String(n);
}
