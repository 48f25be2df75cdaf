/**
 * The benchmark's floor: one pass over every block's text that only finds the digit runs,
 * the least any figure checker must do. The pipeline's time divided by this says how much
 * the real work (segmenting, parsing, retrieving, comparing) costs on top of reading.
 */
export function countDigitRuns(blocks: readonly { text: string }[]): number {
  let runs = 0;
  for (const { text } of blocks) {
    let inRun = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const digit = code >= 48 && code <= 57;
      if (digit && !inRun) runs++;
      inRun = digit;
    }
  }
  return runs;
}
