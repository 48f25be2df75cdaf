/** A count as English prose writes it: 2,382. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
