import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { claimsModule } from './src/build/claims-module';

export default defineConfig({
  // The background imports the claim index as the build bundles it.
  plugins: [WxtVitest(), claimsModule(new URL('./data', import.meta.url).pathname)],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // The linearity and 1 MB tests repeat seconds of work; on a busy two-core machine that takes
    // several times as long, and the default 5 s would fail them for the machine's load alone.
    testTimeout: 30_000,
  },
});
