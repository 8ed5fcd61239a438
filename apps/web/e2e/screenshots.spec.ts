import { expect, type Page, test } from '@playwright/test';
import { pageTypes, settled } from './support.ts';

/** What reaches past the viewport's right edge (nothing, when the page fits its width). */
function pastTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  });
}

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
        // A table's Save control pressed is its widest state.
        const unpressed = page.locator(
          '.article-table .save-button[data-ready][aria-pressed="false"]',
        );
        if ((await unpressed.count()) > 0) {
          const label = (await unpressed.first().getAttribute('aria-label')) as string;
          const button = page
            .locator('.article-table')
            .getByRole('button', { name: label, exact: true })
            .first();
          await button.click();
          await expect(button).toHaveAttribute('aria-pressed', 'true');
        }
        expect(await pastTheEdge(page), `${name} fits ${viewport.width} px`).toEqual([]);
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
