// The timeline and deep links to events, documents and paragraphs.
import { test, expect, open } from './fixtures.js';

test('the timeline lists every event in order with real-precision dates', async ({ page }) => {
  await open(page, '/timeline');
  const times = await page.locator('article.event time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
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
