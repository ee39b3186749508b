// A site served under a path of its host, as a GitHub Pages project site is
// (https://owner.github.io/dossier/): the bundled corpus built with `trunk build
// --public-url /sub/` (.ci/test, target/sub-dist) and served under /sub/ only, so any
// URL the site writes outside it answers 404 and fails the test.
import fs from 'node:fs';
import { test, expect, open } from './fixtures.js';

const site = 'http://127.0.0.1:4175/sub';

test.skip(!fs.existsSync(new URL('../../../target/sub-dist/index.html', import.meta.url)), 'no build for /sub/ in target/sub-dist (run .ci/test)');

/// Every request the page makes from now on, by path (this host's only).
function watchRequests(page) {
  const paths = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === new URL(site).origin) paths.push(url.pathname);
  });
  return paths;
}

/// The root-relative URLs the document names (links, sources, the form, the head's tags).
const rootedUrls = (page) => page.evaluate(() => [...document.querySelectorAll('[href], [src], [action], meta[content^="/"]')]
  .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('content'))
  .filter((u) => u.startsWith('/')));

test('every page, link, script and data file of the site is under its path, and the app works there', async ({ page }) => {
  const asked = watchRequests(page);
  await open(page, `${site}/`);
  const urls = await rootedUrls(page);
  expect(urls.length).toBeGreaterThan(10);
  expect(urls.filter((u) => u !== '/sub' && !u.startsWith('/sub/'))).toEqual([]);

  // A link followed in the app (no new page load) and a search, which fetches data.
  await page.evaluate(() => { window.samePage = true; });
  await page.locator('header nav a', { hasText: 'Quotes' }).click();
  await expect(page).toHaveURL(`${site}/quotes`);
  await expect(page.locator('main h1')).toHaveText('Quotes');
  await page.locator('#quote-q').fill('hmeimim');
  await expect(page).toHaveURL(`${site}/quotes?q=hmeimim`);
  await expect(page.locator('.results mark').first()).toContainText('Hmeimim');
  await page.locator('.results a.quote-link').first().click();
  await expect(page).toHaveURL(new RegExp(`^${site}/quotes/[a-z0-9-]+$`));
  await expect(page.locator('figure.quote blockquote')).toBeVisible();
  expect(await page.evaluate(() => window.samePage)).toBe(true);

  // The timeline filtered by a card's actor link, and back.
  await page.locator('header nav a', { hasText: 'Timeline' }).click();
  await expect(page).toHaveURL(`${site}/timeline`);
  const actor = page.locator('.timeline article.event ul.actors a').first();
  const name = await actor.textContent();
  await actor.click();
  await expect(page).toHaveURL(new RegExp(`^${site}/timeline\\?actor=`));
  await expect(page.locator('.chips')).toContainText(name);
  await page.goBack();
  await expect(page).toHaveURL(`${site}/timeline`);
  expect(await page.evaluate(() => window.samePage)).toBe(true);

  expect(asked.some((p) => p.startsWith('/sub/data/'))).toBe(true);
  expect(asked.filter((p) => !p.startsWith('/sub/'))).toEqual([]);
});

test('a deep link under the path opens cold at its filtered view; links copied and cited are under the path', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const asked = watchRequests(page);
  await open(page, `${site}/timeline?actor=vladimir-putin`);
  await expect(page.locator('.chips')).toContainText('Vladimir Putin');
  const count = await page.locator('.count').textContent();
  expect(count).not.toMatch(/^66 /);
  await open(page, `${site}/events/fall-of-aleppo-2016`);
  await expect(page.locator('main h1')).toContainText('Aleppo');
  expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe('/sub/events/fall-of-aleppo-2016');
  await open(page, `${site}/quotes/shaibani-48-hours`);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.copy-feedback')).toHaveText('Link copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site}/quotes/shaibani-48-hours`);
  await page.getByRole('button', { name: 'Copy citation' }).click();
  await expect(page.locator('.copy-feedback')).toHaveText('Citation copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('/sub/quotes/shaibani-48-hours');
  // An export links each quote to its page under the path.
  await open(page, `${site}/quotes?q=hmeimim`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSL-JSON', exact: true }).click()]);
  const items = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) expect(item.URL).toBe(`${site}/quotes/${item.id}`);
  expect(asked.filter((p) => !p.startsWith('/sub/'))).toEqual([]);
});

test.describe('not found under the path', () => {
  test.use({ allowNotFound: true });
  test('an unknown path under it is the site\'s not-found page; the service worker keeps to the path', async ({ page }) => {
    const asked = watchRequests(page);
    const response = await page.goto(`${site}/no/such/page`);
    expect(response.status()).toBe(404);
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    await expect(page.locator('main h1')).toHaveText('Page not found');
    await expect(page.locator('main .lead')).toHaveText('There is no page at /sub/no/such/page in this dossier.');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${site}/`);
    // Its cache is this site's own: another site on the host (another path) keeps its own.
    const caches = await page.evaluate(() => caches.keys());
    expect(caches.length).toBeGreaterThan(0);
    expect(caches.filter((k) => !k.startsWith('dossier|/sub|'))).toEqual([]);
    expect(asked.filter((p) => !p.startsWith('/sub/'))).toEqual([]);
  });
});
