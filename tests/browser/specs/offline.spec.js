// Repeat visits: after a first visit the service worker has precached the build, so
// with the network cut a reload, a page visited before and one never visited all work.
import fs from 'node:fs';
import { test, expect, open, settled, NETWORK_FAILURE } from './fixtures.js';

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

// A large corpus's data is not precached (the synthetic build sets DOSSIER_PRECACHE_DATA=0,
// .ci/test): what a page fetched stays for offline use, and a page never visited says it
// needs the network instead of showing a page without its data.
test.describe('a corpus too large to precache', () => {
  const synth = 'http://127.0.0.1:4174';
  test.skip(!fs.existsSync(new URL('../../../target/synth-dist/index.html', import.meta.url)), 'no synthetic build in target/synth-dist (run .ci/test)');
  // Offline, the requests the worker cannot answer fail and Chromium logs each: the test
  // checks that only the page never visited had such failures.
  test.use({ allowNetworkFailure: true });

  test('pages and searches visited work with the network cut; a page never visited says it needs the network', async ({ page, context }) => {
    const failed = [];
    page.on('console', (msg) => { if (msg.type() === 'error') failed.push(msg.text()); });
    await open(page, `${synth}/quotes/q-0`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const sw = await (await page.request.get(`${synth}/sw.js`)).text();
    expect(sw, 'no data file is precached').not.toMatch(/\.bin"/);
    // A search, whose shards (vocabulary, columns, postings, hits) the worker keeps.
    await page.goto(`${synth}/quotes?q=sanctions`);
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    await expect(page.locator('.results mark').first()).toHaveText(/^sanctions$/i);
    const online = await page.locator('.count').textContent();
    // Everything the page fetches after its first screen too (the rest of the page's
    // records, the speakers): a page is visited once what it shows has come.
    await settled(page);
    await page.waitForLoadState('networkidle');

    await context.setOffline(true);
    await page.goto(`${synth}/quotes/q-0`);
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    await expect(page.locator('figure.quote blockquote')).toContainText('lifting of sanctions');
    await page.goto(`${synth}/quotes?q=sanctions`);
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    await expect(page.locator('.results mark').first()).toHaveText(/^sanctions$/i);
    await expect(page.locator('.count')).toHaveText(online);
    expect(failed, 'nothing the pages visited needed failed').toEqual([]);

    // Never visited: the worker answers with the app shell, whose data is not on this device.
    await page.goto(`${synth}/quotes/q-5`);
    await expect(page.locator('.data-failure')).toContainText('it needs the network once');
    await expect(page.locator('figure.quote')).toHaveCount(0);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.filter((m) => !NETWORK_FAILURE.test(m))).toEqual([]);
    await context.setOffline(false);
  });

  test('the whole timeline never visited says it needs the network, though a span of it was', async ({ page, context }) => {
    const failed = [];
    page.on('console', (msg) => { if (msg.type() === 'error') failed.push(msg.text()); });
    await open(page, `${synth}/timeline?from=2020`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const online = await page.locator('.count').textContent();
    await settled(page);
    await page.waitForLoadState('networkidle');

    await context.setOffline(true);
    await page.goto(`${synth}/timeline?from=2020`);
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    await expect(page.locator('.count')).toHaveText(online);
    expect(failed, 'nothing the span needed failed').toEqual([]);
    // The same page file, but its first view (the unfiltered list's data) was never
    // fetched: a span is drawn from every event and does not read it. Said so, with the
    // file and a reload, above the page as it was built.
    await page.goto(`${synth}/timeline`);
    await expect(page.locator('.data-failure')).toContainText('it needs the network once');
    await expect(page.locator('.data-failure')).toContainText(/\/data\/slice-[0-9a-f]{16}\.bin/);
    await expect(page.locator('.data-failure a')).toHaveAttribute('href', `${synth}/timeline`);
    await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
    expect(failed.filter((m) => !NETWORK_FAILURE.test(m))).toEqual([]);
    await context.setOffline(false);
  });
});
