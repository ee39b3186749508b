// Long lists, on the app built with a synthetic corpus of 250 quotes and 250 events
// (`dossier synth`, built by .ci/test with DOSSIER_DATA, served on its own port): lists
// render 100 items at a time with "Show more", a new query starts from the first page
// again, and the overview and links to a year or an event beyond the first page render
// up to it and scroll there, also when opened cold.
import fs from 'node:fs';
import { test, expect, open, settled } from './fixtures.js';

const synth = 'http://127.0.0.1:4174';

// .ci/test always builds it; a run of a single spec without it skips these tests.
test.skip(!fs.existsSync(new URL('../../../target/synth-dist/index.html', import.meta.url)), 'no synthetic build in target/synth-dist (run .ci/test)');

test('quotes render a page at a time, and a new query starts from the first page', async ({ page }) => {
  await open(page, `${synth}/quotes`);
  const results = page.locator('.results > li');
  await expect(page.locator('.count')).toContainText('All 250 quotes');
  await expect(results).toHaveCount(100);
  await page.getByRole('button', { name: 'Show 100 more quotes' }).click();
  await expect(results).toHaveCount(200);
  await expect(page.locator('.show-more')).toContainText('(200 of 250 shown)');
  await page.getByRole('button', { name: 'Show 50 more quotes' }).click();
  await expect(results).toHaveCount(250);
  await expect(page.locator('.show-more')).toHaveCount(0);
  // Typing narrows the list and shows its first page; clearing it does too.
  await page.fill('#quote-q', 'the');
  await expect(page.locator('.count')).toContainText(/^\d+ of 250 quotes/);
  const narrowed = Number((await page.locator('.count').textContent()).match(/^(\d+)/)[1]);
  expect(narrowed).toBeGreaterThan(100);
  await expect(results).toHaveCount(100);
  // Back to no query: its extra pages were forgotten, so again the first page only.
  await page.fill('#quote-q', '');
  await expect(page.locator('.count')).toContainText('All 250 quotes');
  await settled(page);
  await expect(results).toHaveCount(100);
  await expect(page.locator('.show-more')).toContainText('(100 of 250 shown)');
});

test('the timeline renders a page at a time; the overview jumps beyond it', async ({ page }) => {
  await open(page, `${synth}/timeline`);
  const events = page.locator('.timeline article.event');
  await expect(events).toHaveCount(100);
  await page.getByRole('button', { name: 'Show 100 more events' }).click();
  await expect(events).toHaveCount(200);
  // Filtering starts from the first page again (no reload: a click on a filter).
  await page.locator('.kinds').getByRole('link', { name: 'Person' }).click();
  await expect(page).toHaveURL(/kind=person/);
  await settled(page);
  await expect(events).toHaveCount(100);
  await expect(page.locator('.show-more')).toContainText('(100 of 250 shown)');
  // The last year's link renders the list up to that year and scrolls to it.
  const years = page.locator('.overview a.y');
  const lastYear = await years.last().getAttribute('href');
  const anchor = lastYear.split('#')[1];
  await years.last().click();
  await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
  expect(await events.count()).toBeGreaterThan(200);
  // The same link again, after scrolling away, goes there again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator(`#${anchor}`)).not.toBeInViewport();
  await years.last().click();
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
});

test('a link to an event or a year beyond the first page works opened cold', async ({ page }) => {
  await open(page, `${synth}/timeline`);
  const lastMark = await page.locator('.overview a.mark').last().getAttribute('href');
  const lastYear = await page.locator('.overview a.y').last().getAttribute('href');
  for (const href of [lastMark, lastYear]) {
    const anchor = href.split('#')[1];
    // Leave the page first: going to the same path with another fragment is not a load.
    await page.goto('about:blank');
    await open(page, `${synth}${href}`);
    await expect(page.locator(`#${anchor}`)).toBeInViewport();
    expect(await page.locator('.timeline article.event').count()).toBeGreaterThan(200);
  }
  // A fragment naming nothing leaves the first page as it is.
  await page.goto('about:blank');
  await open(page, `${synth}/timeline#event-no-such-event`);
  await expect(page.locator('.timeline article.event')).toHaveCount(100);
});

test('back and forward restore the scroll position in a long list', async ({ page }) => {
  // Instant scrolling, so the positions are not caught mid-animation.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, `${synth}/timeline`);
  await page.evaluate(() => window.scrollTo(0, 6000));
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(6000);
  // A filter from a card in view, then back: the whole list is there again at once, so
  // the browser puts the reader back where they were (not at the end of a first screenful).
  const inView = (selector) => page.evaluateHandle((selector) => [...document.querySelectorAll(selector)]
    .find((a) => { const r = a.getBoundingClientRect(); return r.top > 100 && r.bottom < 600; }), selector);
  await (await inView('article.event ul.actors a')).asElement().click();
  await expect(page).toHaveURL(/actor=/);
  await settled(page);
  await page.goBack();
  await expect(page).not.toHaveURL(/actor=/);
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(6000);
  // The same from an event's own page.
  await page.evaluate(() => window.scrollTo(0, 6000));
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(6000);
  await (await inView('article.event h3 a, article.event h4 a')).asElement().click();
  await expect(page).toHaveURL(/\/events\//);
  await expect(page.locator('main h1')).toBeVisible();
  await page.goBack();
  await expect(page.locator('article.event').first()).toBeVisible();
  // Exactly where the reader was (scroll anchoring used to move it hundreds of pixels).
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(6000);
});


test('at 360 px, fifteen years of overview labels stay apart and keep their full names', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await open(page, `${synth}/timeline`);
  const labels = await page.locator('.overview li').evaluateAll((items) => items.map((li) => {
    const shown = [...li.querySelectorAll('.year-full, .year-short')].find((s) => getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().width > 1);
    const r = shown.getBoundingClientRect(); const col = li.getBoundingClientRect();
    return { text: shown.textContent, left: r.left, right: r.right, colLeft: col.left, colRight: col.right };
  }));
  expect(labels.length).toBeGreaterThanOrEqual(15);
  for (const [i, l] of labels.entries()) {
    // Each label fits its column, so none touches its neighbour.
    expect(l.left, `label ${l.text}`).toBeGreaterThanOrEqual(l.colLeft - 0.5);
    expect(l.right, `label ${l.text}`).toBeLessThanOrEqual(l.colRight + 0.5);
    if (i > 0) expect(l.left).toBeGreaterThan(labels[i - 1].right);
  }
  // Short labels on screen; the full year for assistive technology.
  expect(labels.at(-1).text).toMatch(/^’\d\d$/);
  await expect(page.locator('.overview a.y').last()).toHaveAccessibleName(/^\d+ events? in \d{4}$/);
  // With room, the full year shows.
  await page.setViewportSize({ width: 1200, height: 800 });
  await expect(page.locator('.overview a.y').last().locator('.year-full')).toBeVisible();
  await expect(page.locator('.overview a.y').last().locator('.year-short')).toBeHidden();
});
