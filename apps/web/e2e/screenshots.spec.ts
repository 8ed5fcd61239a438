import { test } from '@playwright/test';
import { pageTypes, settled } from './support.ts';

const viewports = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

for (const viewport of viewports) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screenshots at ${viewport.width}x${viewport.height}, ${colorScheme}`, async ({
      page,
      request,
    }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      for (const [name, path] of Object.entries(await pageTypes(request))) {
        await page.goto(path);
        await settled(page);
        // Parts drawn only near the viewport are drawn for the whole-page picture. (Through the
        // CSSOM: the page's CSP refuses an added stylesheet.)
        await page.evaluate(() => {
          for (const element of document.querySelectorAll<HTMLElement>('*')) {
            if (getComputedStyle(element).contentVisibility === 'auto') {
              element.style.contentVisibility = 'visible';
            }
          }
        });
        await page.screenshot({
          path: `test-results/screenshots/${name}-${viewport.width}x${viewport.height}-${colorScheme}.png`,
          fullPage: true,
        });
      }
    });
  }
}
