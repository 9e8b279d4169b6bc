// Renders assets/icon.svg (the one icon source) to the PNG sizes electron-builder needs, with headless Chromium
// (playwright-core; CHROMIUM=/path overrides /usr/bin/chromium). Output: build/icons/<size>x<size>.png and
// build/icons/icon.png (512); electron-builder derives .ico and .icns from them. Run: npm run icons
const { readFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const root = join(__dirname, '..', '..');
const SIZES = [16, 32, 48, 64, 128, 256, 512];

async function main() {
  const svg = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
  const out = join(root, 'build', 'icons');
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const sized = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
      await page.setContent(
        `<html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style></head><body>${sized}</body></html>`,
      );
      const file = join(out, `${size}x${size}.png`);
      await page.screenshot({
        path: file,
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      if (size === 512)
        await page.screenshot({
          path: join(out, 'icon.png'),
          omitBackground: true,
          clip: { x: 0, y: 0, width: 512, height: 512 },
        });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`icons written to ${out}`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
