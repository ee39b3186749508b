// Repeat visits: after a first visit the service worker has precached the build, so
// with the network cut a reload, a page visited before and one never visited all work.
import { test, expect, open } from './fixtures.js';

test('after a first visit the site works with the network cut', async ({ page, context }) => {
  await open(page, '/quotes');
  // Wait until the worker is installed, active and controlling this page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await expect(page.locator('main h1')).toHaveText('Quotes');
  await page.locator('#quote-q').fill('hmeimim');
  await expect(page.locator('.results mark').first()).toContainText('Hmeimim');

  // A page never visited: answered with the app shell, rendered by the app from its URL.
  await page.goto('/events/fall-of-aleppo-2016');
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await expect(page.locator('main h1')).toContainText('Aleppo');
  await page.goto('/timeline?actor=vladimir-putin');
  await expect(page.locator('.chips')).toContainText('Vladimir Putin');
  await context.setOffline(false);
});

test('hashed assets are cached for good, pages revalidate', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const wasm = html.match(/href="(\/dossier-web-[0-9a-f]{8,16}_bg\.wasm)"/)[1];
  expect((await request.get(wasm)).headers()['cache-control']).toContain('immutable');
  expect((await request.get('/')).headers()['cache-control']).toBe('no-cache');
  const sw = await (await request.get('/sw.js')).text();
  expect(sw).toContain(wasm);
  expect(sw).toContain('/app-shell.html');
});

test.describe('with the worker in charge', () => {
  test.use({ allowNotFound: true });
  test('unknown paths keep their 404 online and show the not-found page offline', async ({ page, context }) => {
    await open(page, '/');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const online = await page.goto('/no/such/page');
    expect(online.status()).toBe(404);
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    await expect(page.locator('main h1')).toHaveText('Page not found');
    await context.setOffline(true);
    await page.goto('/also/not/here');
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    await expect(page.locator('main h1')).toHaveText('Page not found');
    await context.setOffline(false);
  });
});
