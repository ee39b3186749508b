// Quote search as a user types it, on the release build.
import { test, expect, open, settled } from './fixtures.js';

test('typing searches on every keystroke and writes the query to the URL without flooding history', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes' }).click();
  const box = page.getByRole('searchbox', { name: /Search quotes/ });
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
  await expect(page.getByRole('searchbox', { name: /Search quotes/ })).toHaveValue('turkiye');
  const results = page.locator('.results > li');
  await expect(results.first()).toBeVisible();
  for (const text of await results.allTextContents()) expect(text).toContain('Türkiye');
  await expect(page.locator('.count')).toContainText(/^\d+ of \d+ quotes/);
});

test('the order toggle names the order it leads to: relevance only when something is searched', async ({ page }) => {
  await open(page, '/quotes?sort=date');
  await expect(page.locator('a.sort')).toHaveText('In document order');
  await page.locator('a.sort').click();
  await expect(page).toHaveURL(/\/quotes$/);
  await expect(page.locator('a.sort')).toHaveText('Sort by date');
  await open(page, '/quotes?q=russia&sort=date');
  await expect(page.locator('a.sort')).toHaveText('Sort by relevance');
});

test('reported speech names who recounts it, and is never shown as the answer to an interview question', async ({ page }) => {
  // Al-Shaibani's account of what the Russians asked him is in his words, not theirs.
  await open(page, '/quotes/russians-asked-if-reaching-damascus');
  await expect(page.locator('figure.quote figcaption')).toContainText('recounted by Asaad al-Shaibani');
  await expect(page).toHaveTitle(/^Unnamed senior Russian figure, as recounted by Asaad al-Shaibani: /);
  await expect(page.locator('section.question h2')).toHaveText('The interview question this passage answers');
  await expect(page.locator('p.derivation')).toContainText('How the date was inferred: ');
  // His own words, recounted: no narrator to add, and still no "Asked".
  await open(page, '/quotes/shaibani-yes-absolutely');
  await expect(page.locator('figure.quote figcaption')).not.toContainText('recounted by');
  await expect(page.locator('section.question h2')).not.toHaveText('Asked');
  // An interview answer is headed by the question it answers.
  await open(page, '/quotes/answer-agreed-several-points-no');
  await expect(page.locator('section.question h2')).toHaveText('Asked');
});

test('an event page without quotes in its paragraph has no empty section; the actor list counts in words that agree', async ({ page }) => {
  await open(page, '/events/putin-netanyahu-call-2025');
  await expect(page.getByRole('heading', { name: 'Quotes from the same paragraph' })).toHaveCount(0);
  await open(page, '/actors');
  const metas = await page.locator('main li .meta').allTextContents();
  expect(metas.length).toBeGreaterThan(10);
  for (const m of metas) expect(m).not.toMatch(/\b1 (quotes|events)\b|\b(0|[2-9]|\d\d+) (quote|event)\b/);
});

test('no results are said plainly', async ({ page }) => {
  await open(page, '/quotes?q=zzzzqqq');
  await expect(page.locator('.empty')).toContainText('No quote matches “zzzzqqq”');
});

test('hostile input is shown as text and breaks nothing', async ({ page }) => {
  await open(page, '/quotes');
  const box = page.getByRole('searchbox', { name: /Search quotes/ });
  for (const input of ['<script>alert(1)</script>', '.*[(', 'حميميم', '🙂', 'x'.repeat(10_000)]) {
    await box.fill(input);
    await expect(page.locator('.count')).toBeVisible();
  }
  await expect(page.locator('main script')).toHaveCount(0);
});

test('a speaker or document the dossier does not know is left out of the filter, and said', async ({ page }) => {
  await open(page, '/quotes');
  const all = await page.locator('.count').textContent();
  await open(page, '/quotes?speaker=nobody-at-all&doc=no-such-doc');
  const note = page.locator('main .note').first();
  await expect(note).toContainText('speaker=nobody-at-all — this dossier has no actor with this id');
  await expect(note).toContainText('doc=no-such-doc — this dossier has no document with this id');
  await expect(page.locator('.count')).toHaveText(all);
  // Beside a known speaker, the known one filters.
  await open(page, '/quotes?speaker=anadolu-agency,nobody-at-all');
  await expect(page.locator('.results > li')).toHaveCount(2);
});

test('search text that is not UTF-8 is said, not searched silently', async ({ page }) => {
  await open(page, '/quotes?q=%E0%A4');
  await expect(page.locator('main .note').first()).toContainText('not valid UTF-8');
});

test('a speaker facet narrows results and can be removed', async ({ page }) => {
  await open(page, '/quotes');
  await page.locator('.facet').getByRole('link', { name: /Anadolu Agency/ }).click();
  await expect(page).toHaveURL(/speaker=anadolu-agency/);
  await expect(page.locator('.results > li')).toHaveCount(2);
  await page.goBack();
  await expect(page).toHaveURL(/\/quotes$/);
});

test('typos, aliases in any script and phrases find the right quotes and say why', async ({ page }) => {
  await open(page, '/quotes');
  const box = page.getByRole('searchbox', { name: /Search quotes/ });
  const first = page.locator('.results > li').first();

  await box.fill('Hmeimin');
  await expect(first.locator('mark').first()).toHaveText('Hmeimim');
  await expect(first.locator('.why')).toContainText('“hmeimin” read as “hmeimim”');

  await box.fill('Jolani');
  await expect(first.locator('.why')).toContainText('matched Ahmed al-Sharaa via alias Jolani');
  await expect(first.locator('mark').first()).toContainText('Sharaa');

  await box.fill('حميميم');
  await expect(first.locator('mark').first()).toContainText('Hmeimim');
  await expect(first.locator('.why')).toContainText('matched Hmeimim Air Base via alias حميميم');

  await box.fill('"48 hours"');
  for (const text of await page.locator('.results mark').allTextContents()) expect(text).toBe('48 hours');
  await box.fill('"hours 48"');
  await expect(page.locator('.empty')).toBeVisible();
});

test('a minus leaves out a word or a name, says so, and the link opens cold to the same results', async ({ page }) => {
  const count = async () => Number((await page.locator('.count').textContent()).match(/^(\d+) of/)[1]);
  await open(page, '/quotes?q=russia');
  await expect(page.locator('#quote-q-help')).toContainText('a minus leaves out the quotes with a whole word or a name: -aleppo');
  await expect(page.locator('.count')).toContainText(/^\d+ of \d+ quotes/);
  const all = await count();
  const box = page.getByRole('searchbox', { name: /Search quotes/ });
  await box.fill('russia -aleppo');
  await expect(page).toHaveURL(/q=russia(\+|%20)-aleppo$/);
  await expect(page.locator('.left-out')).toHaveText('Leaving out every quote that matches “aleppo”.');
  await expect(page.locator('.count')).not.toHaveText(new RegExp(`^${all} of`));
  const fewer = await count();
  expect(fewer).toBeGreaterThan(0);
  expect(fewer).toBeLessThan(all);
  for (const text of await page.locator('.results > li blockquote').allTextContents()) expect(text).not.toMatch(/Aleppo|حلب/);
  // The link, opened cold, reads the same.
  await page.reload();
  await expect(page.locator('.left-out')).toHaveText('Leaving out every quote that matches “aleppo”.');
  await expect(page.locator('.count')).toHaveText(new RegExp(`^${fewer} of`));
  // Only left out: every other quote, in the documents' order, nothing marked.
  await open(page, '/quotes?q=-Putin+-%E2%80%9Cno+fly%E2%80%9D');
  await expect(page.locator('.left-out')).toHaveText('Leaving out every quote that matches “Putin” or “no fly”.');
  await expect(page.locator('.count')).toContainText(/^\d+ of \d+ quotes/);
  await expect(page.locator('.results mark')).toHaveCount(0);
  for (const text of await page.locator('.results > li blockquote').allTextContents()) expect(text).not.toMatch(/Putin|بوتين/);
  await expect(page.locator('a.sort')).toHaveText('Sort by date');
  await page.locator('a.sort').click();
  await expect(page.locator('a.sort')).toHaveText('In document order');
  // Everything the words find left out: said, with nothing to sort, the help across the page.
  await open(page, '/quotes?q=aleppo+-aleppo');
  await expect(page.locator('.empty')).toContainText('No quote matches “aleppo -aleppo”.');
  await expect(page.locator('a.sort')).toHaveCount(0);
  await expect(page.locator('.empty')).toContainText('The words after a minus leave out every quote they match: search without them.');
  const [area, help] = await Promise.all([page.locator('.with-facets').boundingBox(), page.locator('.empty').boundingBox()]);
  expect(help.width).toBeGreaterThan(area.width * 0.9);
  await page.locator('.empty').getByRole('link', { name: 'search without them' }).click();
  await expect(page).toHaveURL(/\/quotes\?q=aleppo$/);
  await expect(page.locator('.results > li').first()).toBeVisible();
});

test('search text with no word in it says so, and lists every quote', async ({ page }) => {
  await open(page, '/quotes');
  const all = await page.locator('.count').innerText();
  for (const typed of ['""', '-', '“ ”']) {
    await open(page, `/quotes?q=${encodeURIComponent(typed)}`);
    await expect(page.locator('p.left-out')).toHaveText(`“${typed.trim()}” has no words to search for, so every quote is listed.`);
    await expect(page.locator('.count')).toHaveText(all);
  }
  // Words, or words left out, are no such thing.
  await open(page, '/quotes?q=russia');
  await expect(page.locator('p.left-out')).toHaveCount(0);
  await open(page, '/quotes?q=-aleppo');
  await expect(page.locator('p.left-out')).toHaveText('Leaving out every quote that matches “aleppo”.');
});

test('printed, search results take the page\'s width and say what was searched', async ({ page }) => {
  await open(page, '/quotes?q=russia+-aleppo');
  await expect(page.locator('.results > li').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.facets')).toBeHidden();
  await expect(page.locator('.print-only')).toHaveText('Quotes found by “russia -aleppo”.');
  await expect(page.locator('.count .sort-part')).toBeHidden();
  expect(await page.locator('.count').innerText()).toMatch(/^\d+ of \d+ quotes$/);
  const [area, results] = await Promise.all([page.locator('main').boundingBox(), page.locator('.results').boundingBox()]);
  expect(results.width).toBeGreaterThan(area.width * 0.9);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.print-only')).toBeHidden();
});

test('back from a quote to the list puts the keyboard on the quote it left, where the reader was', async ({ page }) => {
  await open(page, '/quotes?q=syria');
  const link = page.locator('.results > li').nth(6).locator('a[href^="/quotes/"]').first();
  const href = await link.getAttribute('href');
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator('main h1')).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL(/\/quotes\?q=syria$/);
  await expect(page.locator('.results > li').nth(6).locator(`a[href="${href}"]`).first()).toBeFocused();
  await expect(page.locator(':focus')).toBeInViewport();
});

/// Back from the quote `href` to `/quotes?q=syria`, in the document `navigation` says
/// (`reload`: the reloaded one, back being a `popstate` in it; `back_forward`: a new
/// one): the keyboard is on the quote's link, in view.
async function backToTheQuoteLeft(page, href, navigation) {
  await page.goBack();
  await expect(page).toHaveURL(/\/quotes\?q=syria$/);
  expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0].type)).toBe(navigation);
  await expect(page.locator('.results > li').last().locator(`a[href="${href}"]`).first()).toBeFocused();
  await expect(page.locator(':focus')).toBeInViewport();
}

test('back to a search list whose results load first (after a reload, or into a new document) puts the keyboard on the quote it left', async ({ page }) => {
  // After the reload, the list's history entry is the reloaded document's own (back is a
  // `popstate` in it), but the document never loaded the search: the list is shown only
  // once its data is in, well after the traversal.
  await open(page, '/quotes?q=syria');
  // The last result: below the first screen, where only a restored place reaches.
  const link = page.locator('.results > li').last().locator('a[href^="/quotes/"]').first();
  const href = await link.getAttribute('href');
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await page.reload();
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await backToTheQuoteLeft(page, href, 'reload');
  // A page opened by its address, not by back or forward, leaves the focus alone.
  await page.goto('/quotes?q=syria');
  await expect(page.locator('.results > li').first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  // The quote opened as a new document: back loads the list anew, which finds it too.
  await page.goto(href);
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await backToTheQuoteLeft(page, href, 'back_forward');
  // The same, while the reader is in the search box before the results come: the box
  // keeps the keyboard.
  await page.goto(href);
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/data\/index-[0-9a-f]+\.bin$/, async (route) => { await held; await route.continue(); });
  await page.goBack();
  const box = page.getByRole('searchbox', { name: /Search quotes/ });
  await box.click();
  release();
  await expect(page.locator('.results > li').last().locator(`a[href="${href}"]`)).toHaveCount(1);
  await page.waitForTimeout(300);
  await expect(box).toBeFocused();
});

test('no results offer a corrected spelling that works', async ({ page }) => {
  await open(page, '/quotes?q=hmiemin%20agremnt');
  await page.locator('.empty').getByRole('link', { name: /hmeimim agreement/ }).click();
  await expect(page).toHaveURL(/q=hmeimim\+agreement/);
  await expect(page.locator('.results > li').first()).toBeVisible();
});

test('"/" focuses the search, and a reload keeps the query and results', async ({ page }) => {
  await open(page, '/quotes');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: /Search quotes/ });
  await expect(box).toBeFocused();
  await page.keyboard.type('rabbits');
  await expect(page).toHaveURL(/q=rabbits/);
  await settled(page);
  const before = await page.locator('.results > li').allTextContents();
  await page.reload();
  await expect(box).toHaveValue('rabbits');
  await expect(page.locator('.results > li')).toHaveText(before);
});

test('a quote page copies its link and a citation, with visible feedback', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/quotes/shaibani-48-hours');
  await expect(page.locator('figure.quote blockquote')).toHaveText('48 hours');
  await expect(page.locator('.question')).toContainText('Did they inform the regime');
  await page.getByRole('button', { name: 'Copy citation' }).click();
  await expect(page.locator('.copy-feedback')).toHaveText('Citation copied to the clipboard.');
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  expect(citation).toContain('Asaad al-Shaibani to Russia');
  expect(citation).toContain('“48 hours”');
  expect(citation).toContain('Al Majalla');
  expect(citation).toContain('/quotes/shaibani-48-hours');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.copy-feedback')).toHaveText('Link copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('http://127.0.0.1:4173/quotes/shaibani-48-hours');
});

test('a name the dossier knows but never quotes leads to that person, with nothing to filter or export', async ({ page }) => {
  await open(page, '/quotes?q=lavrov');
  await expect(page.locator('.count')).toContainText(/^0 of \d+ quotes/);
  const known = page.locator('.empty li').filter({ hasText: 'is in the dossier' });
  await expect(known).toContainText(/in \d+ events?, but no quote says the name or is said by them/);
  await expect(page.locator('.facets')).toHaveCount(0);
  await expect(page.getByRole('group', { name: /Export/ })).toHaveCount(0);
  await known.getByRole('link').click();
  await expect(page.locator('main h1')).toHaveText('Sergei Lavrov');
});
