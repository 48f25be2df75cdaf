import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: 'Tally',
    description: 'Checks the figures on the page against a bundled set of reference documents.',
    permissions: ['storage'],
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
