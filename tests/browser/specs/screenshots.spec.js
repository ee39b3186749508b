// Screenshots of the main pages, light and dark, wide and at 360 px, for people to look
// at. With UPDATE_SCREENSHOTS=1 the README's screenshot is refreshed as well.
import { test, expect, open } from './fixtures.js';

for (const scheme of ['light', 'dark']) {
  for (const width of [1280, 360]) {
    test(`screenshots, ${scheme}, ${width} px`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      for (const [name, path] of [['home', '/'], ['quotes', '/quotes?q=russia'], ['timeline', '/timeline'], ['reader', '/documents/majalla-shaibani-interview-part-1?quote=shaibani-48-hours']]) {
        await open(page, path);
        await expect(page.locator('main')).toBeVisible();
        await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}-${width}.png`) });
        if (process.env.UPDATE_SCREENSHOTS && name === 'home' && scheme === 'light' && width === 1280) {
          await page.screenshot({ path: 'screenshots/home.png' });
        }
      }
    });
  }
}
