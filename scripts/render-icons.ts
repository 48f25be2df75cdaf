/**
 * Renders public/icon/icon.svg to the PNG sizes the manifest lists (WXT picks up
 * public/icon/<size>.png). Run after changing the SVG: `npx tsx scripts/render-icons.ts`.
 * Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/e2e/chromium';

const DIR = join(import.meta.dirname, '../public/icon');
const SIZES = [16, 32, 48, 128];

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium: install it or set CHROMIUM_PATH.');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
const svg = `data:image/svg+xml;base64,${readFileSync(join(DIR, 'icon.svg')).toString('base64')}`;
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style><img src="${svg}" width="${size}" height="${size}">`,
  );
  await page.screenshot({ path: join(DIR, `${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`Rendered ${SIZES.join(', ')} px icons into public/icon/.`);
