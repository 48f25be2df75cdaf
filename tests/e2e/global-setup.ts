import { existsSync } from 'node:fs';
import { EXTENSION_DIR } from './fixtures';
import { findChromium, MISSING_CHROMIUM } from './chromium';

/** Fails early, with the reason, when the e2e run cannot work; skips only outside CI. */
export default function setup(): void {
  if (!findChromium()) {
    if (process.env.CI === 'true') throw new Error(MISSING_CHROMIUM);
    console.warn(`\n⚠ ${MISSING_CHROMIUM}\n  Skipping the e2e tests.\n`);
    return;
  }
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run test:e2e\` (it builds first).`);
  }
}
