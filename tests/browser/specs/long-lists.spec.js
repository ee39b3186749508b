// Long lists, on the app built with a synthetic corpus of 250 quotes and 250 events
// (`dossier synth`, built by .ci/test with DOSSIER_DATA, served on its own port): lists
// render 100 items at a time with "Show more", a new query starts from the first page
// again, and the chart's marks and links to a year or an event beyond the first page render
// up to it and scroll there, also when opened cold.
import fs from 'node:fs';
import { test, expect, open, settled, tickLabels, watchData } from './fixtures.js';

const synth = 'http://127.0.0.1:4174';

// What these tests fail and count are the page's own requests: a service worker that took
// charge mid-test would answer them itself, out of page.route's reach (this build's worker
// precaches no data, so it is installed and in charge within moments of the first visit;
// the service worker has its own tests, in offline.spec.js).
test.use({ serviceWorkers: 'block' });

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

test('the quotes list opens from its first page; an export from it fetches every quote first and saves them all', async ({ page }) => {
  const asked = watchData(page);
  await open(page, `${synth}/quotes`);
  await expect(page.locator('.results > li')).toHaveCount(100);
  expect(asked).not.toContain('quotes');
  expect(asked).not.toContain('index');
  const shown = await page.locator('.results figure blockquote').allTextContents();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  const records = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(records).toHaveLength(250);
  // In the order shown: the first page's quotes lead.
  expect(records.slice(0, 100).map((r) => r.text)).toEqual(shown.map((s) => s.trim()));
  expect(asked).toContain('quotes');
  expect(asked).toContain('index');
});

const synthQuotes = () => JSON.parse(fs.readFileSync(new URL('../../../target/synth-data/quotes.json', import.meta.url), 'utf8'));

test('a search of the sharded index fetches its terms, the chunks of its words and the hits shown, never every quote', async ({ page }) => {
  // The truth, from the data folder: the quotes whose text holds the phrase.
  const truth = synthQuotes().filter((q) => q.text.toLowerCase().includes('the lifting of sanctions')).length;
  expect(truth).toBeGreaterThan(20);
  const asked = watchData(page);
  await open(page, `${synth}/quotes`);
  await page.locator('#quote-q').fill('"the lifting of sanctions" ');
  await expect(page.locator('.count')).toContainText(`${truth} of 250 quotes`);
  await settled(page);
  await expect(page.locator('.results > li')).toHaveCount(Math.min(truth, 100));
  // Every result marks the phrase itself.
  const marked = await page.locator('.results > li').evaluateAll((items) => items.map((li) => [...li.querySelectorAll('mark')].map((m) => m.textContent.toLowerCase())));
  expect(marked.every((marks) => marks.includes('the lifting of sanctions'))).toBe(true);
  for (const kind of ['terms', 'columns', 'postings', 'excerpts']) expect(asked).toContain(kind);
  expect(asked).not.toContain('quotes');
  expect(asked).not.toContain('index');
  // A typo is read as the word, and says so; a facet narrows with its exact count.
  await page.locator('#quote-q').fill('lavorv ');
  await expect(page.locator('.results .why').first()).toContainText(/“lavrov” read from “lavorv”|“lavorv” read as “lavrov”/);
  const facet = page.locator('.facets a').first();
  const n = Number((await facet.innerText()).match(/(\d+)\s*$/)[1]);
  await facet.click();
  await expect(page.locator('.count')).toContainText(`${n} of 250 quotes`);
  await settled(page);
  await expect(page.locator('.results > li')).toHaveCount(Math.min(n, 100));
  // Nothing found: the closest word of the corpus is offered, and leads to results.
  await page.goto(`${synth}/quotes?q=ziruch`);
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await page.getByRole('link', { name: '“zurich”' }).click();
  await expect(page.locator('.count')).toContainText(/^\d+ of 250 quotes/);
  expect(asked).not.toContain('quotes');
});

test('a search of the sharded index leaves out what follows a minus, opened cold, never fetching every quote', async ({ page }) => {
  // The truth, from the data folder: the quotes with the phrase, less those that name
  // Geneva in any of its forms (a place: "-geneva" leaves out the place, by any name).
  const texts = synthQuotes().map((q) => q.text.toLowerCase());
  const phrase = texts.filter((t) => t.includes('the lifting of sanctions'));
  const geneva = /\bgeneva\b|\bgen[eè]ve\b|جنيف/;
  const truth = phrase.filter((t) => !geneva.test(t)).length;
  expect(truth).toBeGreaterThan(0);
  expect(truth).toBeLessThan(phrase.length);
  const asked = watchData(page);
  await open(page, `${synth}/quotes?q=${encodeURIComponent('"the lifting of sanctions" -geneva')}`);
  await expect(page.locator('.count')).toContainText(`${truth} of 250 quotes`);
  await expect(page.locator('.left-out')).toHaveText('Leaving out every quote that matches “geneva”.');
  await settled(page);
  for (const text of await page.locator('.results > li blockquote').allTextContents()) expect(text.toLowerCase()).not.toMatch(geneva);
  expect(asked).not.toContain('quotes');
});

test('a search asks for its words\' chunks as soon as the vocabulary is in, while the columns are still on their way', async ({ page }) => {
  // The columns (every quote's speaker, document, kind and length) are held back.
  const held = [];
  await page.route(/\/data\/columns-[0-9a-f]{16}\.bin$/, (route) => held.push(route));
  const asked = [];
  const finished = [];
  page.on('request', (r) => asked.push(r.url().match(/\/data\/([a-z]+)-/)?.[1]));
  page.on('requestfinished', (r) => finished.push(r.url().match(/\/data\/([a-z]+)-/)?.[1]));
  await open(page, `${synth}/quotes`);
  await page.locator('#quote-q').fill('sanction');
  await page.locator('#quote-q').fill('sanctions');
  await expect.poll(() => asked.includes('postings')).toBe(true);
  // Asked for once, though the focus and each keystroke started a load that needs it.
  expect(held.length).toBe(1);
  expect(asked.filter((kind) => kind === 'columns')).toHaveLength(1);
  expect(asked.filter((kind) => kind === 'terms')).toHaveLength(1);
  expect(finished).not.toContain('columns');
  // No answer without them: the page says it is searching, with no count.
  await expect(page.locator('.count')).not.toContainText('quotes');
  await expect(page.locator('.results')).toHaveCount(0);
  for (const route of held) await route.continue();
  await expect(page.locator('.count')).toContainText(/^\d+ of 250 quotes/);
  await expect(page.locator('.results mark').first()).toBeVisible();
});

test('a search is answered before the speakers are in: its speaker counts follow, or say they failed, with a retry', async ({ page }) => {
  // The speakers unit (one of the postings files; its body starts "DSXS") fails once,
  // then is held back until released.
  let phase = 'fail';
  const held = [];
  await page.route(/\/data\/postings-[0-9a-f]{16}-\d+\.bin$/, async (route) => {
    const response = await route.fetch();
    if (!(await response.body()).includes('DSXS')) return route.fulfill({ response });
    if (phase === 'fail') return route.fulfill({ status: 200, body: 'busy' });
    held.push(() => route.fulfill({ response }));
  });
  const truth = synthQuotes().filter((q) => /\bsanctions\b/i.test(q.text));
  await open(page, `${synth}/quotes`);
  await page.locator('#quote-q').fill('sanctions');
  // The results, their count and the kind and document counts are there; the speaker
  // facet says its counts could not be loaded, never a wrong count.
  await expect(page.locator('.count')).toContainText(`${truth.length} of 250 quotes`);
  await expect(page.locator('.results mark').first()).toBeVisible();
  const speaker = page.locator('.facet').filter({ has: page.getByRole('heading', { name: 'Speaker' }) });
  await expect(speaker.locator('.load-failure')).toContainText('The speakers could not be loaded');
  await expect(speaker.locator('a')).toHaveCount(0);
  await expect(page.locator('.facet').filter({ has: page.getByRole('heading', { name: 'Kind' }) }).locator('a').first()).toBeVisible();
  // Tried again while the file is on its way: "Counting…", then every speaker counted.
  phase = 'hold';
  await speaker.getByRole('button', { name: 'Try again' }).click();
  await expect(speaker.locator('.counting')).toHaveText('Counting…');
  await expect.poll(() => held.length).toBe(1);
  // The other facets are not drawn again when the speakers come in (a "N more" unfolded
  // there stays so): the same element before and after.
  const kind = page.locator('.facet').filter({ has: page.getByRole('heading', { name: 'Kind' }) });
  await kind.evaluate((el) => { el.dataset.before = 'yes'; });
  held[0]();
  await expect(speaker.locator('.counting')).toHaveCount(0);
  await expect(kind).toHaveAttribute('data-before', 'yes');
  await expect(speaker.locator('.load-failure')).toHaveCount(0);
  const bySpeaker = {};
  for (const q of truth) bySpeaker[q.speaker] = (bySpeaker[q.speaker] ?? 0) + 1;
  const most = Math.max(...Object.values(bySpeaker));
  await expect(speaker.locator(':scope > ul a .n').first()).toHaveText(String(most));
  await expect(speaker.locator('details.facet-more summary')).toHaveText(`${Object.keys(bySpeaker).length - 8} more speakers`);
});

test('a link to a filtered quotes list, followed inside the app, opens it from the sharded index', async ({ page }) => {
  const actor = synthQuotes()[0].speaker;
  const said = synthQuotes().filter((q) => q.speaker === actor).length;
  const asked = watchData(page);
  await open(page, `${synth}/actors/${actor}`);
  await page.getByRole('link', { name: 'Search within them' }).click();
  await expect(page.locator('.count')).toContainText(`${said} of 250 quotes`);
  await settled(page);
  await expect(page.locator('.results > li')).toHaveCount(Math.min(said, 100));
  expect(asked).not.toContain('quotes');
});

test('a cold search of the sharded index whose chunk cannot be fetched says so with a retry', async ({ page }) => {
  let broken = true;
  await page.route(/\/data\/postings-[0-9a-f]{16}-\d+\.bin$/, (route) => (broken ? route.fulfill({ status: 200, body: 'busy' }) : route.continue()));
  await page.goto(`${synth}/quotes?q=sanctions`);
  await expect(page.locator('.load-failure')).toContainText('The quotes could not be loaded');
  await expect(page.locator('.load-failure')).toContainText('not a Dossier data file');
  await expect(page.locator('.results')).toHaveCount(0);
  await expect(page.locator('.count')).not.toContainText('quotes');
  broken = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.count')).toContainText(/^\d+ of 250 quotes/);
  await expect(page.locator('.load-failure')).toHaveCount(0);
  await expect(page.locator('.results mark').first()).toBeVisible();
});

test('a search abandoned for another whose fetch then fails does not fail the one still loading', async ({ page }) => {
  // The first query's excerpts are held and then broken; the second's are held until
  // the first has failed, so the page is still searching for the second when it does.
  // (Two queries whose first screens need no file in common: a file both need is one
  // fetch, whose failure is rightly the second's too. The first's first hits are past
  // the first page the list opened with, so its first screen waits for them.)
  const held = { first: [], second: [] };
  let phase = 'first';
  await page.route(/\/data\/excerpts-[0-9a-f]{16}-\d+\.bin$/, (route) => (phase === 'done' ? route.continue() : held[phase].push(route)));
  await open(page, `${synth}/quotes`);
  await page.locator('#quote-q').fill('hmeimim');
  await expect.poll(() => held.first.length).toBeGreaterThan(0);
  phase = 'second';
  await page.locator('#quote-q').fill('lavrov');
  await expect.poll(() => held.second.length).toBeGreaterThan(0);
  const answered = held.first.map((route) => page.waitForResponse((r) => r.url() === route.request().url()));
  await Promise.all(held.first.map((route) => route.fulfill({ status: 200, body: 'busy' })));
  await Promise.all(answered);
  // The refused file is read in the page's next tasks; give it a few frames.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))));
  await expect(page.locator('.load-failure')).toHaveCount(0);
  await expect(page.locator('html.pending')).toHaveCount(1);
  phase = 'done';
  await Promise.all(held.second.map((route) => route.continue()));
  await expect(page.locator('.count')).toContainText(/^\d+ of 250 quotes/);
  await settled(page);
  await expect(page.locator('.load-failure')).toHaveCount(0);
  await expect(page.locator('html.pending')).toHaveCount(0);
  await expect(page.locator('.results > li').first()).toContainText(/lavrov/i);
});

test('many speakers fold behind "N more speakers", a chosen one stays in view, and at 360 px the results start near the top', async ({ page }) => {
  const matching = synthQuotes().filter((q) => /\bsanctions\b/i.test(q.text));
  const speakers = new Set(matching.map((q) => q.speaker));
  expect(speakers.size).toBeGreaterThan(8);
  await open(page, `${synth}/quotes?q=sanctions`);
  await settled(page);
  const facet = page.locator('.facet').filter({ has: page.getByRole('heading', { name: 'Speaker' }) });
  await expect(facet.locator(':scope > ul > li')).toHaveCount(8);
  const more = facet.locator('details.facet-more');
  await expect(more.locator('summary')).toHaveText(`${speakers.size - 8} more speakers`);
  // Unfolded (drawn when first opened), every speaker is there once, and the counts add
  // up to the results.
  await expect(more.locator('a')).toHaveCount(0);
  await more.locator('summary').click();
  await expect(more.locator('a')).toHaveCount(speakers.size - 8);
  const counts = await facet.locator('a .n').allTextContents();
  expect(counts).toHaveLength(speakers.size);
  const total = Number((await page.locator('.count').innerText()).match(/^(\d+)/)[1]);
  expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(total);
  // Data coming in (an export fetches every quote) leaves the unfolded values as they are.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV' }).click();
  await download;
  await expect(more).toHaveAttribute('open', '');
  await expect(more.locator('a')).toHaveCount(speakers.size - 8);
  // A folded speaker, chosen, shows among the first values, marked as chosen.
  const last = more.locator('a').last();
  const name = (await last.textContent()).replace(/\s*\d+\s*$/, '');
  await last.click();
  await settled(page);
  await expect(facet.locator(':scope > ul a.on')).toContainText(name);
  // The static page (which works without the app) has every folded value in it.
  const raw = await (await page.request.get(`${synth}/quotes`)).text();
  const fold = raw.match(/<details class="facet-more">([\s\S]*?)<\/details>/)[1];
  expect((fold.match(/<a /g) ?? []).length).toBe(Number(fold.match(/(\d+) more speakers/)[1]));
  // A phone: the facets are folded above the results, so the first result is on the
  // first screen; unfolded, the values wrap as chips.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${synth}/quotes?q=sanctions`);
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await settled(page);
  const top = await page.locator('.results > li').first().evaluate((li) => li.getBoundingClientRect().top);
  expect(top).toBeLessThan(740);
  const facets = page.locator('details.facets');
  await expect(facets).not.toHaveAttribute('open');
  await expect(facet).toBeHidden();
  await facets.locator(':scope > summary').click();
  await expect(facet).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // Unfolded, they stay so through another search (the facets drawn again).
  await page.fill('#quote-q', 'oil');
  await settled(page);
  await page.fill('#quote-q', 'sanctions');
  await settled(page);
  await expect(facet).toBeVisible();
  await facets.locator(':scope > summary').click();
  await expect(facet).toBeHidden();
  // A wide screen shows them open beside the results.
  await page.setViewportSize({ width: 1280, height: 740 });
  await page.goto(`${synth}/quotes?q=sanctions`);
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await expect(facets).toHaveAttribute('open', '');
  await expect(facet).toBeVisible();
});

/// The chart's mark furthest right (the latest event drawn): its link.
async function latestMark(page) {
  return page.locator('.chart a.item').evaluateAll((els) => {
    const x = (a) => parseFloat((a.querySelector('circle')?.getAttribute('cx')) ?? a.querySelector('rect').getAttribute('x'));
    return els.reduce((best, a) => (x(a) >= x(best) ? a : best)).getAttribute('href');
  });
}

test('the timeline renders a page at a time; the chart jumps beyond it', async ({ page }) => {
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
  // The latest mark renders the list up to its event and scrolls to it.
  await open(page, `${synth}/timeline`);
  const href = await latestMark(page);
  const anchor = href.split('#')[1];
  await page.locator(`.chart a.item[href="${href}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
  expect(await events.count()).toBeGreaterThan(200);
  // The same mark again, after scrolling away, goes there again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator(`#${anchor}`)).not.toBeInViewport();
  await page.locator(`.chart a.item[href="${href}"]`).first().click();
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
});

test('a filter whose events must be fetched paints a screenful once they come, then the rest of its page', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/data\/events-[0-9a-f]+\.bin$/, async (route) => { await held; await route.continue(); });
  await open(page, `${synth}/timeline`);
  await page.locator('.kinds').getByRole('link', { name: 'Person' }).click();
  await expect(page.locator('html.pending')).toHaveCount(1);
  // Each frame from now: the cards in the first one painted with the filter's answer.
  await page.evaluate(() => {
    window.firstPainted = null;
    const tick = () => {
      if (document.documentElement.classList.contains('pending')) return requestAnimationFrame(tick);
      window.firstPainted = document.querySelectorAll('.timeline article.event').length;
    };
    requestAnimationFrame(tick);
  });
  release();
  await settled(page);
  await expect(page.locator('.timeline article.event')).toHaveCount(100);
  // A screenful (at most 20 cards, 10 in this window), not the whole page of 100 in one go.
  const first = await page.evaluate(() => window.firstPainted);
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThanOrEqual(20);
});

// Runs `act` and resolves, at the first frame that paints its answer (the count changed,
// nothing pending), with what that frame paints of the list: its cards, its top and the
// bottom of its last card, the window's height, and the count of events the list holds.
async function firstFrameOf(page, act, list = { cards: '.timeline article.event', top: '.timeline' }) {
  await page.evaluate((list) => {
    const before = document.querySelector('.count').textContent;
    window.firstFrame = null;
    const tick = () => {
      const count = document.querySelector('.count').textContent;
      if (count === before || document.documentElement.classList.contains('pending')) return requestAnimationFrame(tick);
      // What the frame paints, once every callback of it has run and it is laid out: a
      // resize observer's first call comes then, in the same frame.
      const observer = new ResizeObserver(() => {
        observer.disconnect();
        const cards = [...document.querySelectorAll(list.cards)];
        const top = document.querySelector(list.top).getBoundingClientRect().top;
        window.firstFrame = { cards: cards.length, top, bottom: cards.at(-1)?.getBoundingClientRect().bottom ?? 0, height: innerHeight, held: Number(count.match(/^(\d+) of/)?.[1] ?? count.match(/All (\d+)/)?.[1]) };
      });
      observer.observe(document.body);
    };
    requestAnimationFrame(tick);
  }, list);
  await act();
  await page.waitForFunction(() => window.firstFrame);
  const frame = await page.evaluate(() => window.firstFrame);
  await settled(page);
  return frame;
}

test('a filter or a zoom paints the list down to the window\'s bottom in its first frame, and no card more than that needs', async ({ page }) => {
  const twenty = ['speaker-110', 'speaker-17', 'speaker-174', 'speaker-61', 'speaker-126', 'speaker-139', 'speaker-167', 'speaker-94', 'speaker-142', 'speaker-60',
    'speaker-37', 'speaker-164', 'speaker-168', 'speaker-74', 'speaker-91', 'speaker-51', 'speaker-15', 'speaker-88', 'speaker-176', 'speaker-197'];
  // Either the window shows no gap under the last card painted, or the list is whole.
  const covers = (f) => f.cards === Math.min(f.held, 100) || f.bottom >= f.height;
  // No more cards than the window shows of the list where it was painted, two more, and
  // one for what a chip or a heading moved.
  const fitted = (f) => f.cards <= Math.max(3, Math.ceil((f.height - f.top) / 90) + 3);
  for (const [width, height] of [[1280, 1400], [360, 740]]) {
    await page.setViewportSize({ width, height });
    await open(page, `${synth}/timeline?actor=${twenty.join(',')}`);
    await settled(page);
    // From twenty lanes to every event (five lanes): the list moves up by fifteen lanes.
    const cleared = await firstFrameOf(page, () => page.locator('a.clear').click());
    expect(cleared.held).toBe(250);
    expect(covers(cleared), JSON.stringify(cleared)).toBe(true);
    // On a wide screen the list's new place is foreseen from the chart's new height (not
    // found short and topped up to a windowful); on a phone the lane buttons and chips
    // that go as well are more than that foresees, and the frame is topped up.
    if (width > 360) expect(fitted(cleared), JSON.stringify(cleared)).toBe(true);
    // A zoom keeps the page where it is.
    const zoomed = await firstFrameOf(page, () => page.locator('.chart-tools a', { hasText: 'Zoom in' }).click());
    expect(covers(zoomed), JSON.stringify(zoomed)).toBe(true);
    // Scrolled into the list, an actor of a card far down: a windowful at least.
    await page.locator('.timeline article.event').nth(30).scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
    const picked = await firstFrameOf(page, () => page.locator('.timeline article.event').nth(30).locator('.actors a').first().click());
    expect(covers(picked), JSON.stringify(picked)).toBe(true);
  }
  // Where the list starts at the window's bottom, the first frame paints the few cards
  // that show of it and two more, not a windowful of ten.
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, `${synth}/timeline`);
  await settled(page);
  const zoomed = await firstFrameOf(page, () => page.locator('.chart-tools a', { hasText: 'Zoom in' }).click());
  expect(zoomed.top).toBeGreaterThan(500);
  expect(covers(zoomed), JSON.stringify(zoomed)).toBe(true);
  expect(fitted(zoomed), JSON.stringify(zoomed)).toBe(true);
  expect(zoomed.cards).toBeLessThan(10);
});

test('a search paints its first results down to the window\'s bottom, fetched and rendered at what the window shows of the list', async ({ page }) => {
  const quotes = { cards: '.results > li', top: '.results-area' };
  // The excerpt files (the texts of eight quotes each, `q-0` to `q-7` in the first) are
  // held until the first screen has asked for all of its own, then let through.
  let [holding, held, firstScreen] = [true, [], []];
  await page.route(/\/data\/excerpts-[0-9a-f]{16}-\d+\.bin$/, (route) => (holding ? held.push(route) : route.continue()));
  const fileOf = (href) => Math.floor(Number(href.match(/\/quotes\/q-(\d+)/)[1]) / 8);
  for (const [width, height] of [[1280, 720], [360, 740]]) {
    await page.setViewportSize({ width, height });
    [holding, held] = [true, []];
    await open(page, `${synth}/quotes`);
    await settled(page);
    // (A frame laid out since the page was opened, so the list's place is measured.)
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const typed = await firstFrameOf(page, async () => {
      // Its first hits are past the first page the list opened with: their texts are fetched.
      await page.locator('#quote-q').fill('hmeimim');
      await expect.poll(() => held.length).toBeGreaterThan(0);
      await page.waitForTimeout(200);
      firstScreen = held.map((route) => Number(route.request().url().match(/-(\d+)\.bin$/)[1]));
      holding = false;
      await Promise.all(held.map((route) => route.continue()));
    }, quotes);
    expect(typed.held).toBeGreaterThan(20);
    // No gap under the last result painted...
    expect(typed.bottom, JSON.stringify(typed)).toBeGreaterThanOrEqual(typed.height);
    // ...and no more results than the window shows of the list, two more and one for the
    // count line that comes with them: fewer than a windowful of ten.
    expect(typed.top, JSON.stringify(typed)).toBeGreaterThan(200);
    expect(typed.cards, JSON.stringify(typed)).toBeLessThanOrEqual(Math.ceil((typed.height - typed.top) / 90) + 3);
    expect(typed.cards).toBeLessThan(10);
    // What was fetched for the first screen is what it rendered: every file fetched holds
    // a result of its first frame, and every result there that the list did not open
    // with (its first page, `q-0` to `q-99`) is in a file fetched (the rest of the page
    // is fetched after that frame).
    const painted = await page.locator('.results > li').evaluateAll((items, n) => items.slice(0, n).map((li) => li.querySelector('a[href^="/quotes/q-"]').getAttribute('href')), typed.cards);
    const number = (href) => Number(href.match(/\/quotes\/q-(\d+)/)[1]);
    expect(firstScreen.length).toBeGreaterThan(0);
    for (const file of firstScreen) expect(painted.map(fileOf), `file ${file}`).toContain(file);
    for (const href of painted.filter((h) => number(h) >= 100)) expect(firstScreen, href).toContain(fileOf(href));
    await expect(page.locator('.results > li')).toHaveCount(Math.min(typed.held, 100));
  }
  // On a phone with the facets open above the results, the next query's facets may be
  // far shorter: a windowful is fetched and rendered (ten of the shortest cards in 740 px,
  // and two more).
  await page.setViewportSize({ width: 360, height: 740 });
  [holding, held] = [false, []];
  await open(page, `${synth}/quotes`);
  await settled(page);
  await page.locator('.facets > summary', { hasText: 'Filter' }).click();
  await expect(page.locator('.facets')).toHaveAttribute('open', '');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const unfolded = await firstFrameOf(page, () => page.locator('#quote-q').fill('hmeimim'), quotes);
  expect(unfolded.cards, JSON.stringify(unfolded)).toBe(Math.min(unfolded.held, Math.ceil(740 / 90) + 2));
  // Scrolled down the results (the box brought back into view to type): still no gap,
  // whether the list's new place was measured or a windowful was rendered.
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, `${synth}/quotes`);
  await settled(page);
  await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => scrollY > 0);
  const scrolled = await firstFrameOf(page, () => page.locator('#quote-q').fill('sanctions'), quotes);
  expect(scrolled.bottom, JSON.stringify(scrolled)).toBeGreaterThanOrEqual(scrolled.height);
});

test('a link to an event or a year beyond the first page works opened cold', async ({ page }) => {
  await open(page, `${synth}/timeline`);
  const lastMark = await latestMark(page);
  const year = (await page.locator(`.chart a.item[href="${lastMark}"]`).first().getAttribute('aria-label')).match(/(\d{4})\D*$/)[1];
  const lastYear = `/timeline#y-${year}`;
  // A mark links to its card on the page itself (a fragment, whatever the filters).
  expect(lastMark).toMatch(/^#event-/);
  for (const href of [`/timeline${lastMark}`, lastYear]) {
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

test('a long document is read in parts: each opens cold, a quote opens its part, an old link to a later paragraph moves to it', async ({ page }) => {
  // The synthetic document has 250 paragraphs: three parts of up to 100.
  await open(page, `${synth}/documents/doc-0`);
  const paras = page.locator('.reader .para');
  await expect(paras).toHaveCount(100);
  const nav = page.getByRole('navigation', { name: 'Parts of this document' });
  await expect(nav).toContainText('Paragraphs 1–100 of 250.');
  await expect(nav.getByRole('link', { name: '201–250' })).toHaveAttribute('href', '/documents/doc-0/part/3');
  await expect(nav.getByRole('link', { name: '1–100' })).toHaveAttribute('aria-current', 'page');
  await page.locator('.parts-next').getByRole('link', { name: 'Paragraphs 101–200 →' }).click();
  await expect(page).toHaveURL(`${synth}/documents/doc-0/part/2`);
  await expect(paras).toHaveCount(100);
  await expect(paras.first()).toHaveAttribute('id', 'p-101');
  await expect(page).toHaveTitle(/paragraphs 101–200/);
  // A quote in paragraph 180 leads to the part that holds it, highlighted.
  await page.goto('about:blank');
  await open(page, `${synth}/quotes/q-179`);
  await page.getByRole('link', { name: 'Read it in the document' }).click();
  await expect(page).toHaveURL(`${synth}/documents/doc-0/part/2?quote=q-179#p-180`);
  await expect(page.locator('#p-180 mark')).toBeInViewport();
  // The part's page opened cold, before and after the app is in charge.
  await page.goto('about:blank');
  await open(page, `${synth}/documents/doc-0/part/3#p-230`);
  await expect(paras).toHaveCount(50);
  await expect(page.locator('#p-230')).toBeInViewport();
  // A link to the whole document's paragraph 230, from before it was read in parts,
  // moves to the part that holds it.
  await page.goto('about:blank');
  await open(page, `${synth}/documents/doc-0#p-230`);
  await expect(page).toHaveURL(`${synth}/documents/doc-0/part/3#p-230`);
  await expect(page.locator('#p-230')).toBeInViewport();
  // A quote named without its paragraph (written by hand) is found in its part.
  await page.goto('about:blank');
  await open(page, `${synth}/documents/doc-0?quote=q-179`);
  await expect(page).toHaveURL(`${synth}/documents/doc-0/part/2?quote=q-179#p-180`);
  await expect(page.locator('#p-180 mark')).toBeInViewport();
  // One the dossier does not have is a note on the part asked for.
  await page.goto('about:blank');
  await open(page, `${synth}/documents/doc-0?quote=no-such-quote`);
  await expect(page.locator('main .note')).toHaveText('No quote with the id “no-such-quote” is in paragraphs 1–100 of this document; showing them.');
  await expect(page).toHaveURL(`${synth}/documents/doc-0?quote=no-such-quote`);
});

test.describe('a part a document does not have', () => {
  // The host answers 404 for a page it has no file for, which Chromium logs as an error.
  test.use({ allowNotFound: true });

  test('says so, with the way to its start', async ({ page }) => {
    await open(page, `${synth}/documents/doc-0/part/7`);
    await expect(page.locator('main h1')).toHaveText('No such part of this document');
    await expect(page.locator('main .lead')).toContainText('is read in 3 parts of up to 100 paragraphs; there is no part 7.');
    await expect(page.getByRole('link', { name: 'Read it from the start' })).toHaveAttribute('href', '/documents/doc-0');
  });
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


test('at 360 px, fifteen years of chart ticks stay apart and the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await open(page, `${synth}/timeline`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const labels = await tickLabels(page);
  expect(labels.length).toBeGreaterThanOrEqual(4);
  for (let i = 1; i < labels.length; i++) expect(labels[i].left, labels[i].text).toBeGreaterThan(labels[i - 1].right);
  // Dense stretches are binned with a count, never dropped: marks and bins add up.
  const counted = await page.locator('.chart g.lane').evaluateAll((lanes) => lanes.map((g) => {
    const head = g.querySelector('.lane-head').textContent;
    const total = Number(head.split('·').pop().trim());
    const marks = g.querySelectorAll('a.item').length;
    const binned = [...g.querySelectorAll('a.bin text')].reduce((n, t) => n + Number(t.textContent.replace('+', '')), 0);
    return { head, total, drawn: marks + binned };
  }));
  for (const lane of counted) expect(lane.drawn, lane.head).toBe(lane.total);
  // The counts shown on this screen can be read: none runs into the next one.
  const shown = await page.locator('.chart g.lane').evaluateAll((lanes) => lanes.map((g) => [...g.querySelectorAll('a.bin text')]
    .filter((t) => getComputedStyle(t).display !== 'none')
    .map((t) => { const r = t.getBoundingClientRect(); return { left: r.left, right: r.right, text: t.textContent }; })));
  expect(shown.flat().length).toBeGreaterThan(0);
  for (const labels of shown) {
    for (let i = 1; i < labels.length; i++) expect(labels[i].left, labels[i].text).toBeGreaterThan(labels[i - 1].right);
  }
});

// The chart's drawing as markup: elements with their attributes sorted (a redrawn mark may
// hold them in another order), without comments (the views' markers) and without what the
// pointer sets (the highlight) or the brush.
function drawing(page) {
  return page.locator('.chart-svg').evaluate((svg) => {
    const show = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent.trim() ? JSON.stringify(node.textContent) : '';
      if (node.nodeType !== Node.ELEMENT_NODE || node.classList.contains('brush')) return '';
      const attrs = [...node.attributes]
        .map((a) => [a.name, a.name === 'class' ? a.value.split(' ').filter((c) => c && c !== 'hl').join(' ') : a.value])
        .filter(([name, value]) => !(name === 'class' && value === ''))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => `${name}="${value}"`);
      return `<${node.localName} ${attrs.join(' ')}>${[...node.childNodes].map(show).join('')}</${node.localName}>`;
    };
    return show(svg);
  });
}

test('the chart redrawn in place, through filters, zooms, pans and back, is the chart its address draws opened cold', async ({ page, context }) => {
  // Fourteen steps, each address opened again cold in a page of its own: 26 to 31 s on
  // CI's two cores, past the default 30 s.
  test.setTimeout(90_000);
  await open(page, `${synth}/timeline`);
  const chart = page.locator('.chart');
  const cold = await context.newPage();
  const problems = [];
  cold.on('pageerror', (e) => problems.push(e.message));
  // Follows a link (or a key) inside the app, waits for its drawing, and holds it against
  // the same address opened in a page of its own.
  const step = async (what, act) => {
    const before = page.url();
    await act();
    await expect(page, what).not.toHaveURL(before);
    await expect(page.locator('html.pending')).toHaveCount(0);
    await settled(page);
    const here = await drawing(page);
    await open(cold, page.url());
    await expect(cold.locator('html.pending')).toHaveCount(0);
    expect(here, `${what}: ${page.url()}`).toBe(await drawing(cold));
    return here;
  };
  const first = await drawing(page);
  expect(first).toContain('class="bin');
  expect(first).toContain('class="item');
  const actorLinks = page.locator('.timeline article.event ul.actors a');
  await step('an actor from a card', () => actorLinks.nth(1).click());
  // Three more from the picker (the busiest, as listed): lanes added among the kept one.
  for (const k of [0, 1, 2]) {
    await step(`an actor picked (${k + 1})`, async () => {
      const name = await page.locator('#actor-options option').nth(k).getAttribute('value');
      await page.getByLabel('Add an actor').fill(name);
      await page.getByLabel('Add an actor').press('Enter');
    });
  }
  await step('zoom in', () => chart.getByRole('link', { name: 'Zoom in' }).click());
  await step('zoom in again', () => chart.getByRole('link', { name: 'Zoom in' }).click());
  await step('later', () => chart.getByRole('link', { name: 'Later →' }).click());
  // The arrow keys move the chart's tab stop; the next drawing has one again, where the
  // cold page has it.
  await chart.locator('svg [tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await step('zoom out', () => chart.getByRole('link', { name: 'Zoom out' }).click());
  expect(await chart.locator('svg [tabindex="0"]').count()).toBe(1);
  await step('an actor removed', () => page.locator('.chip-remove').first().click());
  await step('every date', () => chart.getByRole('link', { name: 'All dates' }).click());
  await step('back', () => page.goBack());
  // A lane taken out and drawn again is put back (the same element), redrawn where it
  // differs; a tab stop the arrow keys moved into it before it left does not stay.
  expect(await chart.locator('g.lane').count()).toBeGreaterThan(1);
  await chart.locator('svg [tabindex="0"]').focus();
  await page.keyboard.press('ArrowDown');
  const roved = await page.evaluate(() => document.activeElement.closest('g.lane').getAttribute('data-lane'));
  expect(roved).toBe('1');
  // Each lane's element tagged (a property, not an attribute: the drawings are compared).
  await chart.locator('g.lane').evaluateAll((lanes) => lanes.forEach((g, k) => { g.seen = k; }));
  await step('the second lane\'s actor removed', () => page.locator('.chip-remove').nth(1).click());
  await step('back to it', () => page.goBack());
  const seen = await chart.locator('g.lane').evaluateAll((lanes) => lanes.map((g) => g.seen));
  expect(seen).toEqual([...seen.keys()]);
  expect(await chart.locator('svg [tabindex="0"]').count()).toBe(1);
  // Back where it started: the static page's own drawing, hydrated and never redrawn.
  await step('the filters cleared', () => page.locator('a.clear').click());
  expect(await drawing(page)).toBe(first);
  expect(problems).toEqual([]);
});

test('the card in focus keeps exactly its marks lit through a redraw of the chart', async ({ page }) => {
  await open(page, `${synth}/timeline`);
  const chart = page.locator('.chart');
  await page.mouse.move(0, 0);
  await chart.getByRole('link', { name: 'Zoom in' }).click();
  await expect(page).toHaveURL(/from=/);
  await settled(page);
  // The marks that name event `id` (its own, a bin it is the first of), and those lit.
  const marks = (id) => page.evaluate((id) => [...document.querySelectorAll(`.chart a.item[href="#event-${id}"], .chart a.bin[data-e="${id}"]`)]
    .map((a) => a.getAttribute('aria-label')).sort(), id);
  const lit = () => page.evaluate(() => [...document.querySelectorAll('.chart a.hl')].map((a) => a.getAttribute('aria-label')).sort());
  // A card whose event the chart names.
  const ids = await page.locator('.timeline article.event').evaluateAll((cards) => cards.map((c) => c.id.replace(/^event-/, '')));
  let id = null;
  for (const candidate of ids) if ((await marks(candidate)).length) { id = candidate; break; }
  expect(id).not.toBeNull();
  // Focus lights it (the pointer is away from the list, so only the focus counts). Not
  // scrolled to: the list would then move under the resting pointer, which lights the
  // card it comes to rest on when the chart's height changes.
  await page.locator(`#event-${id}`).evaluate((card) => card.focus({ preventScroll: true }));
  await expect.poll(lit).toEqual(await marks(id));
  // A redraw (zoom out, followed without moving the pointer or the focus): still its marks,
  // and no other mark (a bin kept in its place now names other events).
  const before = page.url();
  await chart.getByRole('link', { name: 'Zoom out' }).evaluate((a) => a.click());
  await expect(page).not.toHaveURL(before);
  await settled(page);
  await expect.poll(lit).toEqual(await marks(id));
  expect((await lit()).length + (await marks(id)).length).toBeGreaterThan(0);
});

test('an actor link the pointer rests on fetches its lane before the click, which then answers without the pending state', async ({ page }) => {
  const asked = watchData(page);
  await open(page, `${synth}/timeline`);
  await settled(page);
  expect(asked).not.toContain('lanes');
  const link = page.locator('.timeline article.event .actors a').first();
  const lane = page.waitForResponse(/\/data\/lanes-/);
  await link.hover();
  await (await lane).finished();
  // Time for the app to read the lane (a few milliseconds of decoding).
  await page.waitForTimeout(500);
  const before = asked.length;
  await page.evaluate(() => {
    window.wasPending = false;
    new MutationObserver(() => { window.wasPending ||= document.documentElement.classList.contains('pending'); })
      .observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  });
  await link.click();
  await expect(page).toHaveURL(/actor=/);
  await expect(page.locator('.count')).toContainText(/^\d+ of 250 events$/);
  await settled(page);
  expect(await page.evaluate(() => window.wasPending)).toBe(false);
  expect(asked.slice(before)).not.toContain('lanes');
  // Focus resting on the link (the keyboard's way to it) fetches too. (The pointer is
  // moved off the cards first, so the page opened again is not hovered.)
  await page.mouse.move(0, 0);
  asked.length = 0;
  await open(page, `${synth}/timeline`);
  await settled(page);
  expect(asked).not.toContain('lanes');
  const focused = page.waitForRequest(/\/data\/lanes-/);
  await page.locator('.timeline article.event .actors a').first().focus();
  await focused;
});

test('a prefetch that fails says nothing and is not tried again; the click fetches again and answers', async ({ page }) => {
  await open(page, `${synth}/timeline`);
  await settled(page);
  // Not a Dossier data file: the lane cannot be read.
  let fetches = 0;
  await page.route(/\/data\/lanes-/, (route) => { fetches += 1; return route.fulfill({ status: 200, body: 'busy' }); });
  // Any failure said from now on, even one taken back in the same task.
  await page.evaluate(() => {
    window.saidFailure = false;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType === 1 && (n.matches('.load-failure, [role="alert"]') || n.querySelector('.load-failure, [role="alert"]'))) window.saidFailure = true;
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const failed = page.waitForResponse(/\/data\/lanes-/);
  const link = page.locator('.timeline article.event .actors a').first();
  await link.hover();
  await (await failed).finished();
  await page.waitForTimeout(300);
  await expect(page.locator('.load-failure, [role="alert"]')).toHaveCount(0);
  // Resting on it again does not try again (offline, that would be a failed request at
  // each rest of the pointer).
  await page.mouse.move(0, 0);
  await link.hover();
  await page.waitForTimeout(300);
  expect(fetches).toBe(1);
  await page.unroute(/\/data\/lanes-/);
  const asked = watchData(page);
  await link.click();
  await expect(page.locator('.count')).toContainText(/^\d+ of 250 events$/);
  await settled(page);
  expect(asked).toContain('lanes');
  await expect(page.locator('.load-failure')).toHaveCount(0);
  expect(await page.evaluate(() => window.saidFailure)).toBe(false);
});

test('a click while its prefetch is on its way waits for that fetch, and says so with a retry if it fails', async ({ page }) => {
  await open(page, `${synth}/timeline`);
  await settled(page);
  let release;
  const held = new Promise((r) => { release = r; });
  let fetches = 0;
  await page.route(/\/data\/lanes-/, async (route) => {
    fetches += 1;
    await held;
    await route.fulfill({ status: 200, body: 'busy' });
  });
  const asked = page.waitForRequest(/\/data\/lanes-/);
  const link = page.locator('.timeline article.event .actors a').first();
  await link.hover();
  await asked;
  await link.click();
  await expect(page.locator('html.pending')).toHaveCount(1);
  release();
  await expect(page.locator('.load-failure')).toContainText('could not be loaded');
  // One request (a click that fetched on its own would share the file on its way; the
  // failure said above is what shows the click waited for the prefetch).
  expect(fetches).toBe(1);
  await page.unroute(/\/data\/lanes-/);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.count')).toContainText(/^\d+ of 250 events$/);
  await expect(page.locator('.load-failure')).toHaveCount(0);
});

test('an actor filter fetches only that actor\'s lane and shows what every event shows, opened cold or clicked', async ({ page }) => {
  const asked = watchData(page);
  await open(page, `${synth}/timeline`);
  const link = page.locator('.timeline article.event .actors a').first();
  await link.click();
  await expect(page).toHaveURL(/actor=/);
  await expect(page.locator('.count')).toContainText(/^\d+ of 250 events$/);
  await settled(page);
  const url = page.url();
  const count = await page.locator('.count').innerText();
  const cards = await page.locator('.timeline article.event').evaluateAll((cs) => cs.map((c) => c.id));
  const marks = await page.locator('.chart a.item, .chart a.bin').count();
  expect(asked).toContain('lanes');
  expect(asked).not.toContain('events');
  expect(cards.length).toBeGreaterThan(0);
  // Opened cold: the same view, from the lane alone.
  asked.length = 0;
  await open(page, url);
  await expect(page.locator('.count')).toHaveText(count);
  expect(await page.locator('.timeline article.event').evaluateAll((cs) => cs.map((c) => c.id))).toEqual(cards);
  await expect(page.locator('.chart a.item, .chart a.bin')).toHaveCount(marks);
  expect(asked).toContain('lanes');
  expect(asked).not.toContain('events');
  // With a span that keeps every date, every event is fetched (for the picker's counts)
  // and the list is the same.
  asked.length = 0;
  await open(page, `${url}&from=1000`);
  await expect(page.locator('.count')).toHaveText(count);
  expect(await page.locator('.timeline article.event').evaluateAll((cs) => cs.map((c) => c.id))).toEqual(cards);
  await expect.poll(() => asked.includes('events')).toBe(true);
});
