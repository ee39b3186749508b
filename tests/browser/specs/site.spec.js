// Deep links on a plain static host: every page of the ledger (data/published.txt) is a
// file that opens cold with status 200, carries its own title and preview tags in the raw
// HTML, is readable without WebAssembly, and becomes the app showing the same heading.
// Also sitemap.xml, robots.txt, the 404 page and exports of what is on screen.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect, open } from './fixtures.js';

const pages = fs.readFileSync(new URL('../../../data/published.txt', import.meta.url), 'utf8')
  .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

/// The text of the first match of `re` in `html`, with the few entities we write decoded.
function pick(html, re) {
  const m = html.match(re);
  if (!m) return null;
  return m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

test('the ledger covers every kind of page', () => {
  for (const prefix of ['/quotes/', '/events/', '/actors/', '/documents/']) {
    expect(pages.filter((p) => p.startsWith(prefix)).length, prefix).toBeGreaterThan(0);
  }
});

// Raw HTML of every page: status 200, its own title, description, canonical link and
// preview tags, the CSP, and the content itself (an h1) before any script runs.
test('every page is a file with its own head and content in the raw HTML', async ({ request }) => {
  const titles = new Set();
  for (const path of pages) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const title = pick(html, /<title>([^<]*)<\/title>/);
    expect(title, path).toBeTruthy();
    expect(titles.has(title), `${path}: title "${title}" is used twice`).toBe(false);
    titles.add(title);
    expect(pick(html, /<link href="([^"]*)" rel="canonical">/), path).toBe(path);
    for (const key of ['og:title', 'og:description', 'og:type']) {
      expect(pick(html, new RegExp(`<meta property="${key}" content="([^"]+)">`)), `${path} ${key}`).toBeTruthy();
    }
    for (const key of ['description', 'twitter:card', 'twitter:title', 'twitter:description']) {
      expect(pick(html, new RegExp(`<meta name="${key}" content="([^"]+)">`)), `${path} ${key}`).toBeTruthy();
    }
    expect(html, path).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]+">/);
    expect(pick(html, /<h1>([^<]+)/), path).toBeTruthy();
  }
});

// The Nu HTML Checker (npm vnu-jar, run with Java, offline) on every page of the build.
test('every built page is valid HTML by the Nu HTML Checker', () => {
  test.setTimeout(180_000);
  const jar = fileURLToPath(new URL('../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));
  const dist = fileURLToPath(new URL('../../../dist', import.meta.url));
  // And the synthetic build's document pages: a long document's parts.
  const parts = fileURLToPath(new URL('../../../target/synth-dist/documents', import.meta.url));
  const dirs = [dist, ...(fs.existsSync(parts) ? [parts] : [])];
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', ...dirs], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(run.error, 'java runs').toBeUndefined();
  const errors = `${run.stdout}${run.stderr}`.trim().split('\n').filter(Boolean);
  expect(errors.slice(0, 20), `${errors.length} errors`).toEqual([]);
  expect(run.status).toBe(0);
});

test('a quote page previews as the speaker and the words', async ({ request }) => {
  const html = await (await request.get('/quotes/shaibani-48-hours')).text();
  expect(pick(html, /<meta property="og:title" content="([^"]*)">/)).toBe('Asaad al-Shaibani: “48 hours”');
  expect(pick(html, /<meta property="og:type" content="([^"]*)">/)).toBe('article');
  expect(pick(html, /<meta property="og:description" content="([^"]*)">/)).toContain('“48 hours”');
  const event = await (await request.get('/timeline')).text();
  expect(event).toMatch(/<article id="event-[a-z0-9-]+" tabindex="-1" class="event">/);
});

test('pages read without WebAssembly or JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/quotes/shaibani-48-hours');
  await expect(page.locator('h1')).toHaveText('Quote by Asaad al-Shaibani');
  await expect(page.locator('blockquote')).toContainText('48 hours');
  await expect(page.locator('figcaption')).toContainText('Asaad al-Shaibani');
  await page.goto('/events/fall-of-aleppo-2016');
  await expect(page.locator('h1')).toBeVisible();
  await page.goto('/documents/majalla-shaibani-interview-part-1');
  await expect(page.locator('#p-71')).toContainText('48 hours');
  await context.close();
});

// Every quote, event, actor and document opened cold in the browser: the app takes over
// and shows the same heading and title the static HTML showed (no different content).
for (const kind of ['quotes', 'events', 'actors', 'documents']) {
  test(`every ${kind} page opens cold and the app keeps its heading and title`, async ({ page, request }) => {
    test.setTimeout(120_000);
    for (const path of pages.filter((p) => p.startsWith(`/${kind}/`))) {
      const html = await (await request.get(path)).text();
      const h1 = pick(html, /<h1>(.*?)<\/h1>/s).replace(/<[^>]+>/g, '');
      const title = pick(html, /<title>([^<]*)<\/title>/);
      const response = await open(page, path);
      expect(response.status(), path).toBe(200);
      await expect(page.locator('main h1'), path).toHaveText(h1);
      await expect(page, path).toHaveTitle(title);
    }
  });
}

test('an event\'s address trimmed to /events leads to the timeline', async ({ page }) => {
  await page.goto('/events');
  await expect(page).toHaveURL(/\/timeline$/);
  await expect(page.locator('main h1')).toHaveText('Timeline');
  await page.goto('/events/');
  await expect(page).toHaveURL(/\/timeline$/);
});

test('sitemap.xml lists every page and robots.txt allows them', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  expect(locs).toEqual(pages);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('User-agent: *');
  expect(robots).toContain('Allow: /');
});

test.describe('unknown paths', () => {
  test.use({ allowNotFound: true });
  test('get the 404 page, prerendered and then from the app, with links back', async ({ page, request }) => {
    const raw = await request.get('/no/such/page');
    expect(raw.status()).toBe(404);
    expect(await raw.text()).toContain('<h1>Page not found');
    const response = await open(page, '/no/such/page');
    expect(response.status()).toBe(404);
    await expect(page.locator('main h1')).toHaveText('Page not found');
    await page.locator('main').getByRole('link', { name: 'Timeline' }).click();
    await expect(page.locator('main h1')).toHaveText('Timeline');
  });
});

test('an interview names who asks and who answers, at each turn, as the data states it', async ({ page }) => {
  await open(page, '/documents/majalla-shaibani-interview-part-1');
  const speaker = (n) => page.locator(`#p-${n} .para-speaker a`);
  // The first question and the answer after it name theirs; the answer's next paragraph,
  // and the next question by the same interviewer, do not.
  await expect(page.locator('#p-18 .kind-label')).toHaveText('Question');
  await expect(speaker(18)).toHaveText('Ibrahim Hamidi');
  await expect(page.locator('#p-19 .kind-label')).toHaveText('Answer');
  await expect(speaker(19)).toHaveText('Asaad al-Shaibani');
  await expect(speaker(19)).toHaveAttribute('href', '/actors/asaad-al-shaibani');
  await expect(page.locator('#p-20 .kind-label')).toHaveCount(0);
  await expect(speaker(20)).toHaveCount(0);
  await expect(speaker(21)).toHaveCount(0);
  await expect(speaker(22)).toHaveText('Asaad al-Shaibani');
  // Each named answer is an answer paragraph whose speaker the data gives.
  const answers = await page.locator('.para.answer .para-speaker').count();
  expect(answers).toBeGreaterThanOrEqual(12);
  await expect(page.locator('.para:not(.answer):not(.question) .para-speaker')).toHaveCount(0);
  await expect(page.locator('#p-19 .para-speaker')).toHaveText('— Asaad al-Shaibani');
});

test('back from a speaker\'s page to the interview puts the keyboard on the label followed, where the reader was', async ({ page }) => {
  // The same actor is linked at every answering turn: the one followed, in view, not the
  // first one far above (the stylesheet's smooth scrolling must not leave the restored
  // place half reached when the link is looked for).
  await open(page, '/documents/majalla-shaibani-interview-part-1');
  const link = page.locator('#p-71 .para-speaker a');
  await link.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  expect(y).toBeGreaterThan(2000);
  await link.click();
  await expect(page).toHaveURL(/\/actors\/asaad-al-shaibani$/);
  await page.goBack();
  await expect(link).toBeFocused();
  await expect(link).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => scrollY)) - y)).toBeLessThan(5);
  // The speaker's page opened as a new document: back loads the interview anew, and the
  // browser moves it (smoothly) to the reader's place after the app is in charge.
  await page.goto('/actors/asaad-al-shaibani');
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await page.goBack();
  expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0].type)).toBe('back_forward');
  await expect(link).toBeFocused();
  await expect(link).toBeInViewport();
});

test('a paragraph anchor scrolls to and marks the paragraph', async ({ page }) => {
  await open(page, '/documents/majalla-shaibani-interview-part-1#p-40');
  const para = page.locator('#p-40');
  await expect(para).toBeInViewport();
  await expect(para.locator('.para-body')).toHaveClass(/targeted/);
});

test('the quotes on screen export as CSV, JSON, Markdown citations, CSL-JSON and BibTeX', async ({ page }) => {
  await open(page, '/quotes?q=hmeimim');
  const count = Number((await page.locator('.count').textContent()).match(/^(\d+) of/)[1]);
  expect(count).toBeGreaterThan(0);
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
    return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
  };
  const json = await save('JSON');
  expect(json.name).toBe('dossier-quotes.json');
  const records = JSON.parse(json.text);
  expect(records).toHaveLength(count);
  const shown = await page.locator('.results figure blockquote').allTextContents();
  expect(records.map((r) => r.text)).toEqual(shown.map((s) => s.trim()));
  const csv = await save('CSV');
  expect(csv.name).toBe('dossier-quotes.csv');
  expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(count + 1);
  const md = await save('Markdown citations');
  expect(md.text.trim().split('\n')).toHaveLength(count);
  expect(md.text).toContain(`${new URL(page.url()).origin}/quotes/`);
  // For reference managers: one entry a quote shown, each linking to its page.
  const csl = await save('CSL-JSON');
  expect(csl.name).toBe('dossier-quotes.csl.json');
  const items = JSON.parse(csl.text);
  expect(items).toHaveLength(count);
  for (const item of items) expect(item.URL).toBe(`${new URL(page.url()).origin}/quotes/${item.id}`);
  const bib = await save('BibTeX');
  expect(bib.name).toBe('dossier-quotes.bib');
  expect(bib.text.match(/^@misc\{/gm)).toHaveLength(count);
  expect(bib.text.split('{').length).toBe(bib.text.split('}').length);
});

test('the filtered timeline exports the events shown', async ({ page }) => {
  await open(page, '/timeline?actor=vladimir-putin');
  const shown = await page.locator('.timeline article.event').count();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  const events = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(events).toHaveLength(shown);
  for (const e of events) expect(e.actors.map((a) => a.id)).toContain('vladimir-putin');
  // The timeline's own data leaves the evidence out; the export fetched it.
  for (const e of events) expect(e.evidence.length).toBeGreaterThan(10);
});
