import { expect, test } from '@playwright/test';
import { expectAccessible, pageTypes, settled } from './support.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every page type passes axe (WCAG 2.2 AA) in the ${colorScheme} theme`, async ({
    page,
    request,
  }) => {
    // Every page type in one test (eleven of them), each checked by axe: more than the default.
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme });
    for (const [name, path] of Object.entries(await pageTypes(request))) {
      await test.step(name, async () => {
        await page.goto(path);
        await settled(page);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expectAccessible(page);
      });
    }
  });
}

// On its own: the page types above already fill one test's time on a busy machine.
test('the API guide passes axe in both themes', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/developers');
    await settled(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Use the API');
    await expectAccessible(page);
  }
});
