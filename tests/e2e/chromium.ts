import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Debian's Chromium, or the browser named by CHROMIUM_PATH; undefined when there is none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export const MISSING_CHROMIUM =
  'No Chromium found for the e2e tests: install it (`apt-get install -y chromium`, which .ci/run does) ' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.';
