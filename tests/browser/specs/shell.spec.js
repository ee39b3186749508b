// The app shell on the release build: it loads without errors, navigates, and every
// section and page opens cold.
import { test, expect, open } from './fixtures.js';

test('home page loads with no console errors and says what the dossier holds', async ({ page }) => {
  const response = await open(page, '/');
  expect(response.status()).toBe(200);
  await expect(page).toHaveTitle('Dossier');
  await expect(page.locator('h1')).toHaveText('Dossier');
  await expect(page.locator('.stats')).toContainText(/\d+ quotes/);
  await expect(page.locator('.stats')).toContainText(/\d+ events/);
  await expect(page.locator('.documents li')).toHaveCount(2);
  await expect(page.locator('.documents')).toContainText('Asaad al-Shaibani on how Syria untangled its Russian knot');
  await expect(page.locator('.lead')).toContainText('covering events from');
});

test('navigation moves between sections and marks the current one', async ({ page }) => {
  await open(page, '/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [label, path] of [['Quotes', '/quotes'], ['Timeline', '/timeline'], ['Actors', '/actors'], ['Documents', '/documents']]) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(path);
    await expect(page.locator('main h1')).toHaveText(label);
    await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('main h1')).toBeFocused();
  }
});

test('back and forward walk through visited pages', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click();
  await page.getByRole('link', { name: 'Vladimir Putin' }).first().click();
  await expect(page.locator('main h1')).toHaveText('Vladimir Putin');
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('Actors');
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('Dossier');
  await page.goForward();
  await expect(page.locator('main h1')).toHaveText('Actors');
});

for (const [path, heading] of [
  ['/quotes', 'Quotes'],
  ['/timeline', 'Timeline'],
  ['/actors', 'Actors'],
  ['/documents', 'Documents'],
  ['/actors/asaad-al-shaibani', 'Asaad al-Shaibani'],
  ['/quotes/shaibani-48-hours', 'Quote by Asaad al-Shaibani'],
  ['/documents/majalla-shaibani-interview-part-1', 'Asaad al-Shaibani on how Syria untangled its Russian knot'],
]) {
  test(`${path} opens cold with status 200`, async ({ page }) => {
    const response = await open(page, path);
    expect(response.status()).toBe(200);
    await expect(page.locator('main h1')).toHaveText(heading);
  });
}

test.describe('unknown paths and ids', () => {
  test.use({ allowNotFound: true });

  test('an unknown path shows the not-found page with links back', async ({ page }) => {
    const response = await open(page, '/no/such/page');
    expect(response.status()).toBe(404);
    await expect(page.locator('main h1')).toHaveText('Page not found');
    await expect(page.locator('main')).toContainText('/no/such/page');
    await page.locator('main').getByRole('link', { name: 'Quotes' }).click();
    await expect(page.locator('main h1')).toHaveText('Quotes');
  });

  test('an unknown quote id says so, as text', async ({ page }) => {
    await open(page, '/quotes/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    await expect(page.locator('main h1')).toHaveText('No such quote');
    await expect(page.locator('main code')).toHaveText('<img src=x onerror=alert(1)>');
    await expect(page.locator('main img')).toHaveCount(0);
  });
});

test('dark scheme and a 360 px screen render without horizontal scrolling', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', '/quotes', '/timeline', '/documents/majalla-shaibani-interview-part-1']) {
    await open(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(21, 20, 19)');
});
