// Share and cite: a document, quote or event page offers its citation in every format a
// researcher uses and, for a quote, the HTML to embed it; the static page carries them
// (readable without the wasm), the running app names this host in their links.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, open } from './fixtures.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const quote = '/quotes/shaibani-48-hours';

test('a quote page cites the source document in APA, Chicago, BibTeX, RIS and CSL-JSON', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, quote);
  const panel = page.locator('details.cite-panel');
  await panel.locator('summary').click();
  const origin = new URL(page.url()).origin;
  const text = (id) => panel.locator(`.cite-format:has(#cite-${id}) .cite-text`);
  await expect(text('apa')).toHaveText(`Hamidi, I. (n.d.). Asaad al-Shaibani on how Syria untangled its Russian knot [Interview]. Al Majalla. ${origin}${quote}`);
  await expect(text('apa-in-text')).toHaveText('(Hamidi, n.d., para. 71)');
  // Chicago's headline style capitalizes the title's words, never a name's particle.
  await expect(text('chicago-note')).toContainText('Ibrahim Hamidi, “Asaad al-Shaibani on How Syria Untangled Its Russian Knot,” Interview, Al Majalla, para. 71,');
  await expect(text('bibtex')).toContainText('@misc{shaibani-48-hours,');
  await expect(text('bibtex')).toContainText(`url = {${origin}${quote}}`);
  await expect(text('ris')).toContainText('TY  - ELEC');
  const csl = JSON.parse(await text('csl-json').textContent());
  expect(csl).toEqual([expect.objectContaining({ id: 'shaibani-48-hours', type: 'webpage', genre: 'Interview', publisher: 'Al Majalla', URL: `${origin}${quote}` })]);
  expect(csl[0].issued).toBeUndefined();
  // Each format copies as shown.
  await page.getByRole('button', { name: 'Copy BibTeX' }).click();
  // Said beside the button pressed.
  await expect(panel.locator('.cite-format', { has: page.getByRole('button', { name: 'Copy BibTeX' }) }).locator('.cite-feedback')).toHaveText('BibTeX copied to the clipboard.');
  await expect(panel.locator('.cite-feedback').filter({ hasText: /\S/ })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await text('bibtex').textContent());
});

test('where the browser offers no clipboard (a page served over plain http), copying says so and shows the text', async ({ page }) => {
  // What an insecure context looks like: no navigator.clipboard at all.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await open(page, quote);
  await page.getByRole('button', { name: 'Copy citation' }).click();
  await expect(page.locator('.copy-feedback')).toContainText('copy this by hand');
  expect(await page.locator('.copy-feedback textarea').inputValue()).toContain('“48 hours”. In Ibrahim Hamidi');
  const panel = page.locator('details.cite-panel');
  await panel.locator('summary').click();
  await page.getByRole('button', { name: 'Copy BibTeX' }).click();
  const bibtex = panel.locator('.cite-format', { has: page.getByRole('button', { name: 'Copy BibTeX' }) });
  await expect(bibtex.locator('.cite-feedback')).toHaveText('The browser refused the clipboard: the text below is selected, to copy by hand.');
  // The feedback is beside the button, and the text to copy is selected.
  const [button, note] = [await bibtex.getByRole('button').boundingBox(), await bibtex.locator('.cite-feedback').boundingBox()];
  expect(Math.abs(note.y - button.y)).toBeLessThan(40);
  expect(await page.evaluate(() => String(getSelection()).trim())).toBe((await bibtex.locator('.cite-text').textContent()).trim());
});

test.describe('open', () => {
  // axe is injected as a script, which the page's own policy rightly forbids.
  test.use({ bypassCSP: true });
  for (const scheme of ['light', 'dark']) {
    test(`the open panel has no axe violations in the ${scheme} scheme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, quote);
      await page.locator('details.cite-panel summary').click();
      await page.addScriptTag({ content: axeSource });
      const results = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
      const violations = results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations, violations.join('\n')).toEqual([]);
    });
  }
});

test('the static page carries the citations before the wasm, with site-relative links', async ({ request }) => {
  const html = await (await request.get(quote)).text();
  expect(html).toContain('<summary><h2>Cite or embed</h2></summary>');
  expect(html).toMatch(new RegExp(`Al Majalla\\. ${quote}<`));
  expect(html).not.toContain('Retrieved');
  expect(html).not.toContain('dossier.invalid');
  // And the head tells a reference manager what the page is.
  expect(html).toContain('<meta name="citation_title" content="Asaad al-Shaibani on how Syria untangled its Russian knot">');
  expect(html).toContain('<meta name="citation_author" content="Hamidi, Ibrahim">');
});

test('the embed code reads as a quotation in a bare page, without script or style', async ({ page, browser }) => {
  await open(page, quote);
  await page.locator('details.cite-panel summary').click();
  const snippet = await page.locator('.cite-format:has(#cite-embed) .cite-text').textContent();
  expect(snippet).not.toMatch(/<script|<style|style=|on\w+=/i);
  const bare = await browser.newPage({ javaScriptEnabled: false });
  await bare.setContent(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head><body><main>${snippet}</main></body></html>`);
  await expect(bare.locator('blockquote p')).toHaveText('“48 hours”');
  await expect(bare.locator('blockquote footer')).toContainText('— Asaad al-Shaibani to Russia, 26 November – 8 December 2024 (inferred).');
  await expect(bare.locator('blockquote cite')).toHaveText('Asaad al-Shaibani on how Syria untangled its Russian knot');
  const origin = new URL(page.url()).origin;
  await expect(bare.locator('blockquote a')).toHaveAttribute('href', `${origin}${quote}`);
  expect(await bare.locator('blockquote').getAttribute('cite')).toBe(`${origin}${quote}`);
  await bare.close();
});

test('an event and a document page cite their source; one without author or publisher leaves them out', async ({ page }) => {
  await open(page, '/documents/shaibani-moscow-visit-2025');
  await page.locator('details.cite-panel summary').click();
  await expect(page.locator('.cite-format:has(#cite-apa) .cite-text')).toHaveText(/^\[Syria's foreign minister visits Moscow\]\. \(n\.d\.\)\./);
  await expect(page.locator('.cite-format:has(#cite-bibtex) .cite-text')).not.toContainText('author');
  await expect(page.locator('.cite-format:has(#cite-embed)')).toHaveCount(0);
  expect(await page.locator('meta[property="og:site_name"]').count()).toBe(0);
  expect(await page.locator('meta[name="citation_publisher"]').count()).toBe(0);
  await open(page, '/events/bab-al-hawa-meeting-2024');
  await page.locator('details.cite-panel summary').click();
  await expect(page.locator('.cite-format:has(#cite-apa-in-text) .cite-text')).toHaveText(/^\(.*n\.d\., para\. \d+\)$/);
});

test('a quote link previews with its own image; the home page and lists with the site image', async ({ page, request }) => {
  await open(page, quote);
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toMatch(/^\/previews\/quote-[0-9a-f]{16}\.png$/);
  expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
  expect(await page.locator('meta[property="og:image:width"]').getAttribute('content')).toBe('1200');
  expect(await page.locator('meta[property="og:image:height"]').getAttribute('content')).toBe('630');
  expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content')).toBe('Asaad al-Shaibani: “48 hours”');
  const response = await request.get(image);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  const png = await response.body();
  expect(png.readUInt32BE(16)).toBe(1200);
  expect(png.readUInt32BE(20)).toBe(630);
  // Drawn in a browser, the image is the card: a 1200x630 picture.
  const size = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, image);
  expect(size).toEqual([1200, 630]);
  const site = new Set();
  for (const path of ['/', '/quotes', '/timeline', '/actors', '/documents']) {
    const html = await (await request.get(path)).text();
    site.add(html.match(/<meta property="og:image" content="([^"]+)"/)[1]);
  }
  expect(site.size).toBe(1);
  const [siteImage] = site;
  expect(siteImage).toMatch(/^\/previews\/dossier-[0-9a-f]{16}\.png$/);
  expect((await request.get(siteImage)).status()).toBe(200);
  // An event has its own.
  const event = await (await request.get('/events/bab-al-hawa-meeting-2024')).text();
  const eventImage = event.match(/<meta property="og:image" content="([^"]+)"/)[1];
  expect(eventImage).toMatch(/^\/previews\/event-/);
  expect((await request.get(eventImage)).status()).toBe(200);
});
