import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { claimsModule } from './src/build/claims-module';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Tally',
    description: 'Checks the figures on the page against a bundled set of reference documents.',
    // The content script's matches give it http(s) pages, and the popup reaches a tab through its
    // content script, which needs no `tabs` permission. `activeTab` (no install warning) lets the
    // popup see the URL of the tab it was opened on: a page open since before Tally was installed
    // has no content script, and the popup can then offer a reload instead of "cannot be checked".
    permissions: ['storage', 'activeTab'],
    commands: {
      'focus-next-finding': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: 'Show the next checked figure on the page',
      },
    },
    // Firefox wants an id for storage, and a statement of the data collected: none.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'tally@tally.invalid', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact(), claimsModule(new URL('./data', import.meta.url).pathname)],
  }),
});
