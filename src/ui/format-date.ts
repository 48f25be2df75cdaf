/**
 * Formats a source's date for reading ("10 Feb 2026", "Feb 2026", "2026"); a date in any other
 * shape is shown as written.
 */
export function formatSourceDate(date: string): string {
  // A popup lists hundreds of findings from a handful of documents: each date is formatted once.
  let formatted = formattedDates.get(date);
  if (formatted === undefined) {
    formatted = formatDate(date);
    if (formattedDates.size >= MAX_DATES) formattedDates.clear();
    formattedDates.set(date, formatted);
  }
  return formatted;
}

const formattedDates = new Map<string, string>();
const MAX_DATES = 100;

function formatDate(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) return date;
  const [, year, month, day] = match;
  if (!month) return year ?? date;
  const when = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  if (Number.isNaN(when.getTime())) return date;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    ...(day ? { day: 'numeric' } : {}),
  }).format(when);
}
