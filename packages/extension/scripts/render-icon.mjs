// Renders images/icon.svg to the 128×128 images/icon.png the manifest names, with Debian's chromium:
//   node packages/extension/scripts/render-icon.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../../tests/e2e/code-server.mjs';

const images = join(dirname(fileURLToPath(import.meta.url)), '../images');
const svg = readFileSync(join(images, 'icon.svg'), 'utf8');
const browser = await launchChromium();
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: join(images, 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
    console.log(`wrote ${join(images, 'icon.png')}`);
} finally {
    await browser.close();
}
