// Static first: the page a reader gets is the static build's, and the app adopts it in
// place (hydration) instead of painting it again; a URL's state applies after that; what
// is typed before the wasm arrives is kept; the search box works without the wasm.
import fs from 'node:fs';
import { test, expect, open, settled, watchData } from './fixtures.js';

// What these tests count and fail are the page's own requests: a service worker that
// took charge mid-test would answer them from its cache, out of page.route's reach
// (the service worker has its own tests, in offline.spec.js).
test.use({ serviceWorkers: 'block' });

/// Counts, from before any script runs, the elements removed from <main> (hydration
/// must remove none).
async function watchRemovals(page) {
  await page.addInitScript(() => {
    window.__removed = [];
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.removedNodes) {
          if (n.nodeType === 1 && r.target.closest && r.target.closest('main')) window.__removed.push(n.outerHTML.slice(0, 80));
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/// Holds back the wasm until `release()` is called, to act before the app starts.
async function holdWasm(page) {
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

// Opens `path` with the wasm held back until the head's script has asked for the data
// file of `kind` (only the script can ask while the wasm is held: a preload), then lets
// the wasm in and waits for the page to be hydrated. Returns the data files asked for
// while the wasm was held (`before`) and all of them, a list that goes on growing (`asked`).
async function openPreloading(page, path, kind) {
  const release = await holdWasm(page);
  const asked = watchData(page);
  const preload = page.waitForRequest(new RegExp(`/data/${kind}-[0-9a-f]{16}\\.bin$`));
  await page.goto(path);
  await preload;
  const before = [...asked];
  release();
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  return { asked, before };
}

for (const path of ['/', '/quotes', '/timeline', '/quotes/shaibani-48-hours', '/events/bab-al-hawa-meeting-2024', '/actors/vladimir-putin', '/documents/majalla-shaibani-interview-part-1']) {
  test(`${path} is adopted as it was rendered: no element of the main content is removed`, async ({ page }) => {
    await watchRemovals(page);
    await open(page, path);
    const before = await page.locator('main').innerHTML();
    expect(await page.evaluate(() => window.__removed)).toEqual([]);
    // And it stays the page the build wrote, now live.
    expect((await page.locator('main').innerHTML()).length).toBe(before.length);
  });
}

test('a URL with state hydrates its static file, then applies the state', async ({ page }) => {
  await open(page, '/quotes?q=aleppo');
  await expect(page.locator('.count')).toContainText('8 of 60 quotes');
  await expect(page.locator('#quote-q')).toHaveValue('aleppo');
  await expect(page.locator('.results mark').first()).toContainText(/aleppo/i);
  await open(page, '/timeline?actor=vladimir-putin#y-2024');
  await expect(page.locator('.chip')).toContainText('Vladimir Putin');
});

test('until the app has applied a search, the page says it is pending instead of listing every quote', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/quotes?q=aleppo');
  await expect(page.locator('.pending-note')).toBeVisible();
  await expect(page.locator('.pending-note')).toHaveText('Searching…');
  await expect(page.locator('.results')).toBeHidden();
  release();
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await expect(page.locator('.pending-note')).toBeHidden();
  await expect(page.locator('.count')).toContainText('8 of 60 quotes');
  // A plain page is never pending.
  await page.goto('/quotes');
  await expect(page.locator('.pending-note')).toBeHidden();
});

test('words typed into the search box before the wasm arrives are kept and searched', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/quotes');
  await page.locator('#quote-q').fill('hmeimim');
  release();
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await expect(page.locator('#quote-q')).toHaveValue('hmeimim');
  await expect(page).toHaveURL(/\/quotes\?q=hmeimim$/);
  await expect(page.locator('.results mark').first()).toContainText('Hmeimim');
});

test('without JavaScript the search box submits to /quotes?q=', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/quotes');
  await page.locator('#quote-q').fill('moscow');
  await page.locator('#quote-q').press('Enter');
  await expect(page).toHaveURL(/\/quotes\?q=moscow$/);
  await expect(page.locator('main h1')).toHaveText('Quotes');
  await context.close();
});

test('a data file that cannot be loaded leaves the page readable and says why', async ({ page }) => {
  await page.route(/\/data\/quotes-[0-9a-f]+\.bin$/, (route) => route.fulfill({ status: 200, body: 'not data' }));
  // A search: the page needs every quote before it can show its answer.
  await page.goto('/quotes?q=aleppo');
  await expect(page.locator('.data-failure')).toContainText('could not be loaded');
  await expect(page.locator('.data-failure')).toContainText('not a Dossier data file');
  await expect(page.locator('main h1')).toHaveText('Quotes');
  await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
});

test('moving to a page whose data is not in yet fetches it, then shows the page', async ({ page }) => {
  await open(page, '/');
  await page.locator('nav').getByRole('link', { name: 'Timeline' }).click();
  await expect(page.locator('main h1')).toHaveText('Timeline');
  await expect(page.locator('article.event').first()).toBeVisible();
  await page.locator('article.event h3 a, article.event h4 a').first().click();
  await expect(page.locator('main h2', { hasText: 'Evidence' })).toBeVisible();
});

test('a record page fetches the catalog and its own slice, nothing that grows with the corpus; inside the app a directory names the next', async ({ page }) => {
  const asked = watchData(page);
  await open(page, '/quotes/shaibani-48-hours');
  await expect(page.locator('main h1')).toContainText('Quote by Asaad al-Shaibani');
  expect([...asked].sort()).toEqual(['catalog', 'manifest', 'slice']);
  asked.length = 0;
  // The document's page is reached inside the app: its slice is found through a
  // directory, and the quote is highlighted in the whole text.
  await page.getByRole('link', { name: 'Read it in the document' }).click();
  await expect(page.locator('.reader mark')).toContainText('48 hours');
  await expect(page.locator('.reader .para')).toHaveCount(75);
  expect([...asked].sort()).toEqual(['directory', 'slice']);
  // Back to the quote: its slice is on the shelf already.
  asked.length = 0;
  await page.goBack();
  await expect(page.locator('main h1')).toContainText('Quote by Asaad al-Shaibani');
  await expect(page.locator('section', { hasText: 'The paragraph' })).toContainText('I said 48 hours');
  expect(asked).toEqual([]);
});

test('an unknown record reached inside the app is named as missing once the directory says so', async ({ page }) => {
  await open(page, '/');
  await page.evaluate(() => {
    history.pushState(null, '', '/events/no-such-event');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.locator('main h1')).toHaveText('No such event');
  await expect(page.locator('main code')).toHaveText('no-such-event');
});

test.describe('a slice the host does not serve', () => {
  // The host's 404 is logged by Chromium as a console error, which this test expects.
  test.use({ allowNotFound: true });

  test('says why with a retry, and the retry shows the page', async ({ page }) => {
    await open(page, '/timeline');
    let fail = true;
    await page.route(/\/data\/slice-[0-9a-f]+\.bin$/, (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await page.locator('article.event h3 a, article.event h4 a').first().click();
    await expect(page.locator('main .loading')).toContainText('could not be loaded');
    await expect(page.locator('main .loading')).toContainText('404');
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('main h2', { hasText: 'Evidence' })).toBeVisible();
  });
});

test.describe('a page from a release the host has replaced', () => {
  // The old release's files answer 404, which Chromium logs as console errors.
  test.use({ allowNotFound: true });
  const oldFiles = /\/data\/(slice|directory|manifest)-[0-9a-f]{16}\.bin(\?release)?$/;

  test('reloads into the live release instead of retrying forever', async ({ page }) => {
    await open(page, '/timeline');
    await page.evaluate(() => { window.__before = true; });
    // Until the page has asked whether its release is still there, its files are gone;
    // the reload then finds the live release (here the same files, served again).
    let gone = true;
    const asked = [];
    await page.route(oldFiles, (route) => {
      const url = new URL(route.request().url());
      if (!gone) return route.continue();
      if (url.search === '?release') { asked.push(url.pathname); gone = false; }
      return route.fulfill({ status: 404, body: 'gone' });
    });
    await page.locator('article.event h3 a, article.event h4 a').first().click();
    await expect(page.locator('main h2', { hasText: 'Evidence' })).toBeVisible();
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^\/data\/manifest-[0-9a-f]{16}\.bin$/);
    // A new page, not the old one patched: the reload dropped what the old page held.
    expect(await page.evaluate(() => window.__before)).toBeUndefined();
    await expect(page).toHaveURL(/\/events\/[a-z0-9-]+$/);
  });

  test('says so, and stops, when the reloaded page is still from the replaced release', async ({ page }) => {
    await open(page, '/timeline');
    await page.route(oldFiles, (route) => route.fulfill({ status: 404, body: 'gone' }));
    let loads = 0;
    page.on('load', () => { loads += 1; });
    await page.locator('article.event h3 a, article.event h4 a').first().click();
    await expect(page.locator('.data-failure')).toContainText('a newer release of this site is live');
    // The message can be on screen before the reloaded page's load event has fired.
    await expect.poll(() => loads).toBe(1);
    await expect(page.locator('main h2', { hasText: 'Evidence' })).toBeVisible();
  });
});

test('the quotes page opens from its first page alone; a search fetches every quote and the index, once', async ({ page }) => {
  const asked = watchData(page);
  await open(page, '/quotes');
  await expect(page.locator('.count')).toContainText('All 60 quotes');
  await expect(page.locator('.results > li')).toHaveCount(60);
  expect([...asked].sort()).toEqual(['catalog', 'manifest', 'slice']);
  asked.length = 0;
  // Focusing the box fetches what the first keystroke needs.
  const index = page.waitForRequest(/\/data\/index-[0-9a-f]{16}\.bin$/);
  await page.locator('#quote-q').focus();
  await index;
  await page.locator('#quote-q').pressSequentially('aleppo');
  await expect(page.locator('.count')).toContainText('8 of 60 quotes');
  await expect(page.locator('.results mark').first()).toContainText(/aleppo/i);
  await page.locator('#quote-q').fill('');
  await expect(page.locator('.count')).toContainText('All 60 quotes');
  expect([...asked].sort()).toEqual(['index', 'quotes']);
});

test('a search whose quotes cannot be fetched says so with a retry, never the first page as its answer', async ({ page }) => {
  let broken = true;
  // A body that is not the file (a proxy's error page, say): no console error to expect.
  await page.route(/\/data\/quotes-[0-9a-f]+\.bin$/, (route) => (broken ? route.fulfill({ status: 200, body: 'busy' }) : route.continue()));
  await open(page, '/quotes');
  await page.locator('#quote-q').fill('aleppo');
  await expect(page.locator('.load-failure')).toContainText('The quotes could not be loaded');
  await expect(page.locator('.results-area[aria-busy="false"]')).toHaveCount(1);
  await expect(page.locator('.load-failure')).toContainText('not a Dossier data file');
  await expect(page.locator('.results')).toHaveCount(0);
  await expect(page.locator('.count')).not.toContainText('quotes');
  await expect(page.locator('.facets')).toHaveCount(0);
  broken = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.count')).toContainText('8 of 60 quotes');
  await expect(page.locator('.load-failure')).toHaveCount(0);
});

test('a facet of the first view leads to its filtered list once the quotes are in', async ({ page }) => {
  await open(page, '/quotes');
  const facet = page.locator('.facets a').first();
  const label = await facet.innerText();
  const n = Number(label.match(/(\d+)\s*$/)[1]);
  await facet.click();
  await expect(page.locator('.count')).toContainText(`${n} of 60 quotes`);
  await expect(page.locator('.results > li')).toHaveCount(n);
});

test('a search opened cold fetches every quote and the index beside the wasm, not after it', async ({ page }) => {
  // The index, and every quote, asked for while the wasm is held back: the head's script preloaded them.
  const { asked, before } = await openPreloading(page, '/quotes?q=aleppo', 'index');
  expect(before).toContain('quotes');
  await expect(page.locator('.count')).toContainText('8 of 60 quotes');
  // The list's first page, which every quote replaces, is not fetched at all.
  expect(asked).not.toContain('slice');
});

test('a span on the timeline opened cold fetches every event, not the first view they replace', async ({ page }) => {
  const asked = watchData(page);
  await open(page, '/timeline?from=2024');
  await expect(page.locator('.count')).toContainText(/^\d+ of 66 events$/);
  expect([...asked].sort()).toEqual(['catalog', 'events', 'manifest']);
});

test('an actor and a span opened cold fetch the first view and the lane the list is drawn from before the wasm', async ({ page }) => {
  // The first view asked for while the wasm is held back: the head's script preloaded it.
  const { asked } = await openPreloading(page, '/timeline?actor=vladimir-putin&from=2024', 'slice');
  await expect(page.locator('.count')).toContainText(/^\d+ of 66 events$/);
  // Every event too, for the counts of the actor picker's options.
  expect([...asked].sort()).toEqual(['catalog', 'events', 'lanes', 'manifest', 'slice']);
});

test('leaving the quotes page while its search is on its way leaves the next page readable', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/data\/quotes-[0-9a-f]+\.bin$/, async (route) => { await held; await route.continue(); });
  await open(page, '/quotes');
  await page.locator('#quote-q').fill('aleppo');
  await expect(page.locator('.pending-note')).toBeVisible();
  await expect(page.locator('.results-area[aria-busy="true"]')).toHaveCount(1);
  await page.locator('nav').getByRole('link', { name: 'Timeline' }).click();
  await expect(page.locator('main h1')).toHaveText('Timeline');
  await expect(page.locator('html.pending')).toHaveCount(0);
  await expect(page.locator('.timeline article.event').first()).toBeVisible();
  release();
  // And back on the quotes page, the search is answered.
  await page.goBack();
  await expect(page.locator('.count')).toContainText('8 of 60 quotes');
});

test('the timeline opens from its first view alone; an actor filter fetches their lane, a span every event, once', async ({ page }) => {
  const asked = watchData(page);
  await open(page, '/timeline');
  await expect(page.locator('.count')).toContainText('All 66 events');
  await expect(page.locator('.timeline article.event')).toHaveCount(66);
  await expect(page.locator('.chart a.item').first()).toBeVisible();
  expect([...asked].sort()).toEqual(['catalog', 'manifest', 'slice']);
  const link = page.locator('.timeline article.event .actors a').first();
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page).toHaveURL(/actor=/);
  await expect(page.locator('.count')).toContainText(/^\d+ of 66 events$/);
  const n = Number((await page.locator('.count').innerText()).match(/^(\d+)/)[1]);
  // The filtered list, every card of it the actor's.
  await expect(page.locator('.timeline article.event')).toHaveCount(n);
  for (const card of await page.locator('.timeline article.event .actors').allInnerTexts()) expect(card).toContain(name);
  await page.goBack();
  await expect(page.locator('.count')).toContainText('All 66 events');
  await expect(page.locator('.timeline article.event')).toHaveCount(66);
  // The actor's events came with their lane, not with every event.
  expect([...asked].sort()).toEqual(['catalog', 'lanes', 'manifest', 'slice']);
  // A span needs every event.
  await page.locator('.chart-tools a', { hasText: 'Zoom in' }).click();
  await expect(page).toHaveURL(/from=/);
  await expect(page.locator('.count')).toContainText(/^\d+ of 66 events$/);
  expect([...asked].sort()).toEqual(['catalog', 'events', 'lanes', 'manifest', 'slice']);
});

test('a filter whose events cannot be fetched says so with a retry, never the first view as its answer', async ({ page }) => {
  let broken = true;
  // A body that is not the file (a proxy's error page, say): no console error to expect.
  await page.route(/\/data\/(events|lanes)-[0-9a-f]+(-\d+)?\.bin$/, (route) => (broken ? route.fulfill({ status: 200, body: 'busy' }) : route.continue()));
  await open(page, '/timeline');
  await page.locator('.timeline article.event .actors a').first().click();
  await expect(page.locator('.load-failure')).toContainText('The events could not be loaded');
  // A failure is an answer: the list is no longer busy.
  await expect(page.locator('.timeline[aria-busy="false"]')).toHaveCount(1);
  await expect(page.locator('.load-failure')).toContainText('not a Dossier data file');
  await expect(page.locator('.timeline article.event')).toHaveCount(0);
  await expect(page.locator('.count')).not.toContainText('events');
  broken = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.count')).toContainText(/^\d+ of 66 events$/);
  await expect(page.locator('.load-failure')).toHaveCount(0);
  await expect(page.locator('.timeline article.event').first()).toBeVisible();
});

test('the actor list whose counts cannot be fetched says so with a retry, the filtered list shown meanwhile', async ({ page }) => {
  let broken = true;
  // Every event is fetched only for the actor list's counts: the filter itself is
  // answered from the chosen actor's lane.
  await page.route(/\/data\/events-[0-9a-f]+\.bin$/, (route) => (broken ? route.fulfill({ status: 200, body: 'busy' }) : route.continue()));
  await open(page, '/timeline?actor=vladimir-putin&kind=person');
  await expect(page.locator('.count')).toContainText(/^\d+ of 66 events$/);
  await expect(page.locator('.timeline article.event').first()).toBeVisible();
  const failure = page.locator('.load-failure');
  await expect(failure).toHaveCount(1);
  await expect(failure).toContainText('The event counts of the actor list could not be loaded');
  await expect(failure).toContainText('not a Dossier data file');
  // The options say their counts are not known, never the first view's as if current.
  const labels = () => page.locator('#actor-options option').evaluateAll((os) => os.map((o) => o.label));
  expect((await labels()).every((l) => l.startsWith('Counting…'))).toBe(true);
  broken = false;
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.load-failure')).toHaveCount(0);
  await expect.poll(async () => (await labels()).every((l) => /^\d+ events? · /.test(l))).toBe(true);
  // The list was not disturbed by the retry.
  await expect(page.locator('.count')).toContainText(/^\d+ of 66 events$/);
});

test('leaving the timeline while its events are on their way leaves the next page readable', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/data\/(events|lanes)-[0-9a-f]+(-\d+)?\.bin$/, async (route) => { await held; await route.continue(); });
  await open(page, '/timeline');
  await page.locator('.timeline article.event .actors a').first().click();
  await expect(page.locator('.pending-note')).toBeVisible();
  await expect(page.locator('.pending-note')).toHaveText('Filtering…');
  // The list is busy while its events are on their way, for a screen reader (and a test).
  await expect(page.locator('.timeline[aria-busy="true"]')).toHaveCount(1);
  await page.locator('nav').getByRole('link', { name: 'Quotes' }).click();
  await expect(page.locator('main h1')).toHaveText('Quotes');
  await expect(page.locator('html.pending')).toHaveCount(0);
  await expect(page.locator('.results > li').first()).toBeVisible();
  release();
  // And back on the timeline, the filter is answered.
  await page.goBack();
  await expect(page.locator('.count')).toContainText(/^\d+ of 66 events$/);
});

test('a URL whose query is not a search (a tracking tag) preloads nothing of the search', async ({ page }) => {
  const release = await holdWasm(page);
  const asked = watchData(page);
  await page.goto('/quotes?utm_source=newsletter');
  await expect(page.locator('html.pending')).toHaveCount(1);
  release();
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await expect(page.locator('.count')).toContainText('All 60 quotes');
  expect(asked).not.toContain('index');
  expect(asked).not.toContain('quotes');
  // The first page the list is drawn from, preloaded by the head's script.
  expect(asked).toContain('slice');
});

// A key given twice is read by its last value, by the head's script as by the app
// (core::route): what it preloads is what the page then reads, not the other answer.
for (const [path, preloaded, unread, count] of [
  ['/quotes?q=aleppo&q=', 'slice', ['index', 'quotes'], 'All 60 quotes'],
  ['/quotes?q=&q=aleppo', 'index', ['slice'], '8 of 60 quotes'],
]) {
  test(`${path} preloads its ${preloaded} file beside the wasm, by the search key's last value`, async ({ page }) => {
    const { asked } = await openPreloading(page, path, preloaded);
    await expect(page.locator('.count')).toContainText(count);
    for (const kind of unread) expect(asked).not.toContain(kind);
  });
}

test('an export asked for while its data is on its way is dropped if the filters change meanwhile', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/data\/evidence-[0-9a-f]+\.bin$/, async (route) => { await held; await route.continue(); });
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await open(page, '/timeline');
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  await expect(page.locator('.export')).toContainText('Preparing the file…');
  await page.locator('article.event .actors a').first().click();
  await expect(page).toHaveURL(/actor=/);
  await expect(page.locator('.export')).not.toContainText('Preparing the file…');
  const evidence = page.waitForResponse(/\/data\/evidence-[0-9a-f]+\.bin$/);
  release();
  await evidence;
  // The data is in now: a click saves at once, for the filters shown.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  expect(downloads).toBe(1);
  const events = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  await settled(page);
  expect(events.length).toBe(await page.locator('.timeline article.event').count());
  for (const e of events) expect(e.evidence.length).toBeGreaterThan(10);
});
