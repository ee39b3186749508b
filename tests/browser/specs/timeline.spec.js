// The timeline and deep links to events, documents and paragraphs.
import { test, expect, open, settled } from './fixtures.js';

// Each date as `start` or `start/end`: a range is two <time> elements, one per end.
const spans = (els) => els.map((e) => [...e.querySelectorAll('time')].map((t) => t.getAttribute('datetime')).join('/'));

test('the timeline lists every event in order with real-precision dates', async ({ page }) => {
  await open(page, '/timeline');
  const times = await page.locator('article.event .when').evaluateAll(spans);
  expect(times.length).toBeGreaterThan(0);
  for (const t of times) expect(t).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/);
  const starts = times.map((t) => t.split('/')[0]);
  const sorted = [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(starts).toEqual(sorted);
});

test('clicking an actor on an event filters the timeline, and back undoes it', async ({ page }) => {
  await open(page, '/timeline');
  const all = await page.locator('article.event').count();
  await page.locator('article.event .actors a', { hasText: 'Vladimir Putin' }).first().click();
  await expect(page).toHaveURL(/actor=vladimir-putin/);
  const filtered = page.locator('article.event');
  await expect(filtered.first()).toBeVisible();
  await settled(page);
  expect(await filtered.count()).toBeLessThan(all);
  for (const text of await filtered.allTextContents()) expect(text).toContain('Vladimir Putin');
  await page.goBack();
  await expect(page.locator('article.event')).toHaveCount(all);
});

test('a filtered timeline URL opens cold, and bad values are ignored with a note', async ({ page }) => {
  await open(page, '/timeline?actor=vladimir-putin,nobody-at-all&from=2024-13');
  await expect(page.locator('.chip')).toContainText('Vladimir Putin');
  await expect(page.locator('main')).toContainText('Ignored unknown actor ids: nobody-at-all');
  await expect(page.locator('main .note').first()).toContainText('from=2024-13');
});

test('a document link with a quote highlights it in the reader', async ({ page }) => {
  await open(page, '/documents/majalla-shaibani-interview-part-1?quote=shaibani-48-hours#p-71');
  const para = page.locator('#p-71');
  await expect(para.locator('mark')).toHaveText('48 hours');
  await expect(para).toBeInViewport();
});

test('the actor picker takes an alias, adds a chip, and back/forward walk the filters', async ({ page }) => {
  await open(page, '/timeline');
  const total = await page.locator('article.event').count();
  await page.getByLabel('Add an actor').fill('Jolani');
  await page.getByLabel('Add an actor').press('Enter');
  await expect(page).toHaveURL(/actor=ahmed-al-sharaa/);
  await expect(page.locator('.chip')).toContainText('Ahmed al-Sharaa');
  await settled(page);
  const withSharaa = await page.locator('article.event').count();
  expect(withSharaa).toBeLessThan(total);
  await page.locator('.kinds').getByRole('link', { name: 'News outlet' }).click();
  await expect(page).toHaveURL(/actor=ahmed-al-sharaa&kind=media/);
  await page.goBack();
  await expect(page).toHaveURL(/actor=ahmed-al-sharaa$/);
  await expect(page.locator('article.event')).toHaveCount(withSharaa);
  await page.goBack();
  await expect(page.locator('article.event')).toHaveCount(total);
  await page.goForward();
  await expect(page.locator('.chip')).toContainText('Ahmed al-Sharaa');
});

test('date and document filters combine, and clear filters resets', async ({ page }) => {
  await open(page, '/timeline?from=2024-12&to=2024-12&doc=majalla-shaibani-interview-part-1');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2024-12');
  await expect(page.getByLabel('Document')).toHaveValue('majalla-shaibani-interview-part-1');
  const times = await page.locator('article.event .when').evaluateAll(spans);
  expect(times.length).toBeGreaterThan(0);
  // Compare whole spans: a year or month covers from its first to its last day.
  const first = (iso) => (iso + '-01-01').slice(0, 10);
  const last = (iso) => (iso.length === 4 ? iso + '-12-31' : iso.length === 7 ? iso + '-31' : iso);
  for (const t of times) {
    const [start, end = start] = t.split('/');
    expect(first(start) <= '2024-12-31' && last(end) >= '2024-12-01', `${t} overlaps December 2024`).toBe(true);
  }
  await expect(page.locator('article.event', { hasText: 'Umayyad Mosque' })).toBeVisible();
  await page.getByLabel('To', { exact: true }).fill('not a date');
  await page.getByLabel('To', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('To:');
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/timeline$/);
});

test('an event page shows its date derivation, evidence with a paragraph link, and actors', async ({ page }) => {
  await open(page, '/events/bab-al-hawa-meeting-2024');
  await expect(page.locator('.when time')).toHaveCount(2);
  await expect(page.locator('.when time').first()).toHaveAttribute('datetime', '2024-11-26');
  await expect(page.locator('.when time').last()).toHaveAttribute('datetime', '2024-12-08');
  await expect(page.locator('.when')).toContainText('26 November – 8 December 2024');
  await expect(page.locator('.derivation')).toContainText('Bab al-Hawa');
  await expect(page.locator('blockquote.evidence')).toContainText('face-to-face, at the Bab al-Hawa crossing');
  await page.getByRole('link', { name: /paragraph 59/ }).click();
  await expect(page).toHaveURL(/\/documents\/majalla-shaibani-interview-part-1#p-59$/);
  await expect(page.locator('#p-59')).toBeInViewport();
});

test('an actor page lists their quotes and events and links to the filtered timeline', async ({ page }) => {
  await open(page, '/actors/vladimir-putin');
  await expect(page.locator('.facts')).toContainText('Putin');
  await page.getByRole('link', { name: 'See them on the timeline' }).click();
  await expect(page).toHaveURL(/\/timeline\?actor=vladimir-putin$/);
  await expect(page.locator('.chip')).toContainText('Vladimir Putin');
});

test('the overview has a mark per event (per month in busy years) that jumps to it, and follows the filter', async ({ page }) => {
  await open(page, '/timeline?actor=vladimir-putin');
  const shown = await page.locator('.timeline article.event').count();
  const marks = page.locator('.overview a.mark');
  // Few events: one mark each, in order, each pointing at its card.
  await expect(marks).toHaveCount(shown);
  const ids = await page.locator('.timeline article.event').evaluateAll((els) => els.map((e) => e.id));
  const targets = await marks.evaluateAll((els) => els.map((a) => new URL(a.href).hash.slice(1)));
  expect(targets).toEqual(ids);
  await marks.last().click();
  await expect(page).toHaveURL(new RegExp(`#${ids.at(-1)}$`));
  await expect(page.locator(`#${ids.at(-1)}`)).toBeInViewport();
  // Unfiltered, the busiest year groups its events by month; the labels stay readable.
  await open(page, '/timeline');
  const busiest = page.locator('.overview li').filter({ has: page.locator('a.mark.group') }).first();
  await expect(busiest.locator('a.mark.group').first()).toHaveAttribute('title', /events$/);
  const height = await busiest.locator('a.mark').first().evaluate((el) => el.getBoundingClientRect().height);
  expect(height).toBeGreaterThanOrEqual(4);
  // The year links are the keyboard path and name their count.
  await expect(page.getByRole('link', { name: /^\d+ events? in 2024$/ })).toBeVisible();
});

test('an unknown name in the actor picker says so, as text, and a known one clears it', async ({ page }) => {
  await open(page, '/timeline');
  const input = page.getByLabel('Add an actor');
  await input.fill('Nobody Atall');
  await input.press('Enter');
  await expect(page.getByRole('alert')).toContainText('No one in the dossier is called “Nobody Atall”');
  await expect(page).toHaveURL(/\/timeline$/);
  await input.fill('<img src=x onerror=alert(1)>');
  await input.press('Enter');
  await expect(page.getByRole('alert')).toContainText('“<img src=x onerror=alert(1)>”');
  await expect(page.locator('main img')).toHaveCount(0);
  await input.fill('Jolani');
  await input.press('Enter');
  await expect(page).toHaveURL(/actor=ahmed-al-sharaa/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('removing the second-last actor drops "all" from the URL', async ({ page }) => {
  await open(page, '/timeline?actor=vladimir-putin,ahmed-al-sharaa&match=all');
  await page.getByRole('link', { name: 'Remove Vladimir Putin from the filter' }).click();
  await expect(page).toHaveURL(/\/timeline\?actor=ahmed-al-sharaa$/);
});
