import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension (.output/chrome-mv3, so run `wxt build` first; `npm run
 * test:e2e` does) loaded into Debian's Chromium, driven by playwright-core.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser at a time: the machine has two cores and each test file starts its own.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
