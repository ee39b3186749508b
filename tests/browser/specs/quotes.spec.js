// Quote search as a user types it, on the release build.
import { test, expect, open } from './fixtures.js';

test('typing searches on every keystroke and writes the query to the URL without flooding history', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes' }).click();
  const box = page.getByLabel('Search quotes');
  await box.pressSequentially('hmeim');
  await expect(page).toHaveURL(/\/quotes\?q=hmeim$/);
  await expect(page.locator('.results > li').first()).toContainText('Hmeimim');
  await expect(page.locator('.results mark').first()).toHaveText('Hmeimim');
  await expect(box).toBeFocused();
  // Typing replaced history entries: one Back returns to the page before the quotes.
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('Dossier');
});

test('a search URL opened cold shows the same results', async ({ page }) => {
  await open(page, '/quotes?q=turkiye');
  await expect(page.getByLabel('Search quotes')).toHaveValue('turkiye');
  const results = page.locator('.results > li');
  await expect(results.first()).toBeVisible();
  for (const text of await results.allTextContents()) expect(text).toContain('Türkiye');
  await expect(page.locator('.count')).toContainText(/^\d+ of \d+ quotes/);
});

test('no results are said plainly', async ({ page }) => {
  await open(page, '/quotes?q=zzzzqqq');
  await expect(page.locator('.empty')).toContainText('No quote matches “zzzzqqq”');
});

test('hostile input is shown as text and breaks nothing', async ({ page }) => {
  await open(page, '/quotes');
  const box = page.getByLabel('Search quotes');
  for (const input of ['<script>alert(1)</script>', '.*[(', 'حميميم', '🙂', 'x'.repeat(10_000)]) {
    await box.fill(input);
    await expect(page.locator('.count')).toBeVisible();
  }
  await expect(page.locator('main script')).toHaveCount(0);
});

test('a speaker facet narrows results and can be removed', async ({ page }) => {
  await open(page, '/quotes');
  await page.locator('.facet').getByRole('link', { name: /Anadolu Agency/ }).click();
  await expect(page).toHaveURL(/speaker=anadolu-agency/);
  await expect(page.locator('.results > li')).toHaveCount(2);
  await page.goBack();
  await expect(page).toHaveURL(/\/quotes$/);
});
