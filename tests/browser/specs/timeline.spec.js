// The timeline and deep links to events, documents and paragraphs.
import { test, expect, open, settled, tickLabels } from './fixtures.js';

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
  await open(page, '/timeline?actor=vladimir-putin');
  const putin = await page.locator('article.event').count();
  await open(page, '/timeline?actor=vladimir-putin,nobody-at-all&from=2024-13');
  await expect(page.locator('.chip')).toHaveCount(1);
  await expect(page.locator('.chip')).toContainText('Vladimir Putin');
  const note = page.locator('main .note').first();
  await expect(note).toContainText('actor=nobody-at-all — this dossier has no actor with this id');
  await expect(note).toContainText('from=2024-13');
  // Right after the heading, where the keyboard and a screen reader go on from.
  expect(await note.evaluate((n) => n.previousElementSibling?.tagName)).toBe('H1');
  // The unknown id is left out, not applied: Putin's events, not none.
  await expect(page.locator('article.event')).toHaveCount(putin);
  // Alone, it leaves every event, and the other unknown ids are said the same way.
  await open(page, '/timeline');
  const all = await page.locator('article.event').count();
  await open(page, '/timeline?actor=nobody-at-all&doc=no-such-doc');
  await expect(page.locator('main .note').first()).toContainText('doc=no-such-doc — this dossier has no document with this id');
  await expect(page.locator('article.event')).toHaveCount(all);
  await expect(page.locator('.chip')).toHaveCount(0);
});

test('a date range written the wrong way round is read the right way round, and said', async ({ page }) => {
  await open(page, '/timeline?from=2024-12&to=2024-11');
  await expect(page.locator('main .note').first()).toContainText('from=2024-12 — after to=2024-11: the two dates were swapped');
  await expect(page.locator('#from')).toHaveValue('2024-11');
  await expect(page.locator('#to')).toHaveValue('2024-12');
  const shown = await page.locator('article.event h3, article.event h4').allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  await open(page, '/timeline?from=2024-11&to=2024-12');
  expect(await page.locator('article.event h3, article.event h4').allTextContents()).toEqual(shown);
});

test('a document link with a quote highlights it in the reader', async ({ page }) => {
  await open(page, '/documents/majalla-shaibani-interview-part-1?quote=shaibani-48-hours#p-71');
  const para = page.locator('#p-71');
  await expect(para.locator('mark')).toHaveText('48 hours');
  await expect(para).toBeInViewport();
});

test('a link to a paragraph leaves the keyboard on it, not on the heading far above; printed, paragraph numbers stay', async ({ page }) => {
  await open(page, '/documents/majalla-shaibani-interview-part-1?quote=shaibani-48-hours#p-71');
  await expect(page.locator('#p-71')).toBeFocused();
  await expect(page.locator('#p-71')).toBeInViewport();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#p-71 a.pn')).toBeVisible();
  expect(await page.locator('#p-71 a.pn').evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
});

test('a link to a paragraph the document does not have says so', async ({ page }) => {
  await open(page, '/documents/shaibani-moscow-visit-2025#p-999');
  await expect(page.locator('main p.note')).toHaveText(/^This document has no paragraph 999: its paragraphs are numbered 1 to \d+\.$/);
  await open(page, '/documents/shaibani-moscow-visit-2025#p-2');
  await expect(page.locator('main p.note')).toHaveCount(0);
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
  // Marked beside the date; the reasoning after the title, which a phone shows first.
  await expect(page.locator('.when .inferred')).toHaveText('(inferred)');
  expect(await page.evaluate(() => Boolean(document.querySelector('main h1').compareDocumentPosition(document.querySelector('.derivation')) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
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

test('an actor no quote is attributed to says so and leads to a search of their names; aliases in two scripts each read in their own direction', async ({ page }) => {
  await open(page, '/actors/vladimir-putin');
  const quotes = page.locator('section', { has: page.getByRole('heading', { name: 'Quotes (0)' }) });
  await expect(quotes).toContainText('No quote in these documents is attributed to Vladimir Putin.');
  await expect(quotes.locator('ul')).toHaveCount(0);
  // Each alias is isolated, so "فلاديمير بوتين" and "بوتين" are not read as one run.
  const aliases = await page.locator('.facts dd bdi').allTextContents();
  expect(aliases).toContain('فلاديمير بوتين');
  expect(aliases).toContain('بوتين');
  await quotes.getByRole('link', { name: 'Search the quotes for Vladimir Putin’s names' }).click();
  await expect(page).toHaveURL(/\/quotes\?q=Vladimir\+Putin$/);
  const found = page.locator('.results > li');
  await expect(found.first()).toBeVisible();
  for (const text of await found.allTextContents()) expect(text).toMatch(/Putin/);
});

test('a prolific speaker\'s page shows their first quotes and events with the whole counts, and leads to all of them', async ({ page }) => {
  await open(page, '/actors/asaad-al-shaibani');
  const quotes = page.locator('section', { has: page.getByRole('heading', { name: /^Quotes \(\d+\)$/ }) });
  const said = Number((await quotes.getByRole('heading').textContent()).match(/\((\d+)\)/)[1]);
  expect(said).toBeGreaterThan(20);
  await expect(quotes.locator('.results > li')).toHaveCount(20);
  await expect(quotes.locator('.beyond')).toHaveText(`The first 20 of ${said} quotes: all ${said} in the quote search.`);
  await quotes.getByRole('link', { name: `all ${said} in the quote search` }).click();
  await expect(page).toHaveURL(/\/quotes\?speaker=asaad-al-shaibani$/);
  await expect(page.locator('.count')).toContainText(`${said} of `);
});

test('the chart: a lane per chosen actor, a brushed span in the URL that opens cold to the same view, back and forward', async ({ page }) => {
  await open(page, '/timeline?actor=vladimir-putin&actor=ahmed-al-sharaa');
  const chart = page.locator('.chart');
  // Two lanes, headed by the actors, each head a link to the actor's page.
  const heads = chart.locator('a.lane-head');
  await expect(heads).toHaveCount(2);
  await expect(heads.nth(0)).toHaveAttribute('href', '/actors/vladimir-putin');
  await expect(heads.nth(1)).toHaveAttribute('href', '/actors/ahmed-al-sharaa');
  // Brushing: a drag across the chart shows that span (from/to in the URL), pushed.
  const svg = chart.locator('svg.chart-svg');
  const box = await svg.boundingBox();
  const y = box.y + box.height - 4;
  await page.mouse.move(box.x + box.width * 0.55, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
  await expect(chart.locator('rect.brush')).toHaveCount(1);
  await page.mouse.up();
  await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
  const brushed = page.url();
  const caption = await chart.locator('figcaption').textContent();
  // The same URL opened cold (a reader it was shared with) is the same view.
  const other = await page.context().newPage();
  await open(other, brushed);
  await expect(other.locator('.chart figcaption')).toHaveText(caption);
  await expect(other.locator('.chart a.lane-head')).toHaveCount(2);
  await other.close();
  // Back walks to the unzoomed view, forward to the span again.
  const unzoomed = /\/timeline\?actor=vladimir-putin(,|%2C|&actor=)ahmed-al-sharaa$/;
  await page.goBack();
  await expect(page).toHaveURL(unzoomed);
  await page.goForward();
  await expect(page).toHaveURL(brushed);
  await expect(chart.locator('figcaption')).toHaveText(caption);
  // "All dates" is one click away.
  await chart.getByRole('link', { name: 'All dates' }).click();
  await expect(page).toHaveURL(unzoomed);
  await expect(chart.getByRole('link', { name: 'All dates' })).toHaveCount(0);
});

test('late November to early December 2024 for Putin and al-Sharaa: both lanes placed in time, opened cold', async ({ page }) => {
  await open(page, '/timeline?actor=vladimir-putin&actor=ahmed-al-sharaa&from=2024-11-20&to=2024-12-10');
  const chart = page.locator('.chart');
  await expect(chart.locator('figcaption')).toContainText('20 November 2024 – 10 December 2024');
  await expect(chart.locator('.tick-label').first()).toHaveText('20 Nov');
  for (const lane of await chart.locator('g.lane').all()) {
    expect(await lane.locator('a.item, a.bin').count()).toBeGreaterThan(0);
  }
  // The list shows the same period.
  for (const when of await page.locator('.timeline article.event .when').allTextContents()) {
    expect(when).toMatch(/2024|2015|2016|2019|2020|2025/);
  }
});

// Each label on the chart: its text, its link's name, its box, and the boxes of the other
// marks of its lane drawn in the same row (a label's frame is a row high).
const chartLabels = (page) => page.locator('.chart a.item').evaluateAll((links) => links.flatMap((a) => {
  const frame = a.querySelector('svg.label');
  if (!frame || getComputedStyle(frame).display === 'none') return [];
  // Across, the frame's viewport (its client box is its whole text's, cut off or not);
  // down, its text's.
  const left = a.closest('svg.chart-svg').getBoundingClientRect().left + frame.x.baseVal.value;
  const { top, bottom } = frame.getBoundingClientRect();
  const box = { left, right: left + frame.width.baseVal.value, top, bottom };
  const text = frame.querySelector('text');
  const others = [...a.closest('g.lane').querySelectorAll('a.item')].filter((o) => o !== a)
    .map((o) => o.firstElementChild.getBoundingClientRect())
    .filter((r) => r.top < box.bottom - 1 && r.bottom > box.top + 1 && r.right > box.left + 1);
  return [{ text: text.textContent, name: a.getAttribute('aria-label'), clips: getComputedStyle(frame).overflow, left: box.left, right: box.right, textRight: Math.min(box.right, text.getBoundingClientRect().right), others: others.map((r) => [r.left, r.right]) }];
}));

test('marks carry their titles where their row has room, never over another mark, and keep them through a zoom', async ({ page }) => {
  await open(page, '/timeline?actor=vladimir-putin&actor=ahmed-al-sharaa&from=2024-11-20&to=2024-12-10');
  const check = async () => {
    const labels = await chartLabels(page);
    for (const l of labels) {
      // The title of its own event (a label never names another mark's event).
      expect(l.name.startsWith(`${l.text}, `), `${l.text} on ${l.name}`).toBe(true);
      // Cut off at its frame's edge, which the measures below go by.
      expect(l.clips, l.text).toBe('hidden');
      // Nothing of it over a mark drawn after it in its row.
      for (const [left] of l.others.filter(([left]) => left >= l.left)) expect(l.textRight, l.text).toBeLessThanOrEqual(left);
    }
    return labels;
  };
  const labels = await check();
  expect(labels.map((l) => l.text)).toContain('Intermediary relays that Putin liked the statement, al-Shaibani says');
  // A zoom redraws the marks in place: their labels follow (and stay their own), and a
  // focused mark keeps the focus whether its label stays, goes or comes.
  const caption = page.locator('.chart figcaption');
  const zoom = async (key) => {
    const before = await caption.textContent();
    await page.keyboard.press(key);
    await expect(caption).not.toHaveText(before);
    return check();
  };
  const mark = page.locator('.chart a.item', { hasText: 'Intermediary relays' }).first();
  const href = await mark.getAttribute('href');
  await mark.focus();
  const focused = () => page.evaluate(() => [document.activeElement.getAttribute('href'), !!document.activeElement.querySelector('svg.label')]);
  // Out until the bar is too narrow for its title, and back.
  const seen = [];
  for (const key of ['-', '-', '-', '-', '+', '+', '+', '+']) {
    expect((await zoom(key)).length).toBeGreaterThan(0);
    const [at, labelled] = await focused();
    expect(at, key).toBe(href);
    seen.push(labelled);
  }
  expect(seen).toContain(false);
  expect(seen.at(-1)).toBe(true);
  // On a phone only the labels with wide room stay, and nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 720 });
  await open(page, '/timeline');
  const narrow = await check();
  const wide = await page.locator('.chart svg.label').evaluateAll((els) => els.filter((e) => !e.classList.contains('narrow')).length);
  expect(narrow.length).toBe(wide);
  expect(wide).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('every mark is a link named by its title and date; one tab stop, arrows move, keys zoom; a mark leads to its card', async ({ page }) => {
  await open(page, '/timeline?actor=vladimir-putin');
  const chart = page.locator('.chart');
  const marks = chart.locator('a.item, a.bin');
  const n = await marks.count();
  expect(n).toBeGreaterThan(1);
  // One tab stop for the whole chart.
  expect(await chart.locator('svg [tabindex="0"]').count()).toBe(1);
  for (const name of await marks.evaluateAll((els) => els.map((a) => a.getAttribute('aria-label')))) {
    expect(name).toMatch(/^.+, .*\d{4}|^\+\d+ more events?, /);
  }
  // One stop of the Tab key: from the control before the drawing, Tab lands on its tab
  // stop, and the next Tab leaves the drawing (no lane head, no drawing of its own).
  await chart.locator('.lane-toggle').last().focus();
  const stops = [];
  for (let k = 0; k < 2; k++) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => Boolean(document.activeElement.closest('.chart svg'))));
  }
  expect(stops).toEqual([true, false]);
  // Arrow keys move the focus (and the tab stop) between marks.
  await chart.locator('svg [tabindex="0"]').focus();
  // Focus shows on every kind of mark: a faded bar's own stroke does not outrank it.
  expect(await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('rect, circle')).strokeWidth)).toBe('3px');
  const first = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  expect(second).not.toBe(first);
  expect(await chart.locator('svg [tabindex="0"]').count()).toBe(1);
  // Home goes to the first lane's head, a link to the actor's page, focused visibly.
  await page.keyboard.press('Home');
  await expect(chart.locator('a.lane-head').first()).toBeFocused();
  expect(await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('text')).textDecorationLine)).toBe('underline');
  expect(await chart.locator('svg [tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('ArrowRight');
  // + zooms in (a shareable URL), 0 shows every date again. The keyboard stays in the
  // chart through each redraw (and the fetch of every event the first zoom makes), on the
  // same mark while it is drawn, so the next key works without finding the chart again.
  const inChart = () => page.evaluate(() => Boolean(document.activeElement?.closest('.chart svg')));
  const focused = await page.evaluate(() => document.activeElement.getAttribute('href'));
  await page.keyboard.press('+');
  await expect(page).toHaveURL(/from=.*&to=/);
  await expect.poll(inChart).toBe(true);
  if (await chart.locator(`a.item[href="${focused}"]`).count()) {
    await expect(chart.locator(`a.item[href="${focused}"]`)).toBeFocused();
  }
  const zoomed = page.url();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page).not.toHaveURL(zoomed);
  await expect.poll(inChart).toBe(true);
  await page.keyboard.press('0');
  await expect(page).not.toHaveURL(/from=/);
  await expect.poll(inChart).toBe(true);
  // A mark leads to its card, which takes the focus.
  const mark = chart.locator('a.item').first();
  const target = new URL(await mark.getAttribute('href'), page.url()).hash.slice(1);
  await mark.click();
  await expect(page.locator(`#${target}`)).toBeInViewport();
  await expect(page.locator(`#${target}`)).toBeFocused();
  // A card under the pointer lights its marks.
  await page.locator(`#${target}`).hover();
  await expect(chart.locator(`a.item[href="#${target}"]`).first()).toHaveClass(/hl/);
  // The zoom links keep the focus too, through the first zoom's fetch (which hides the
  // chart for its while) on a page opened cold.
  await open(page, '/timeline');
  const zoomIn = page.locator('.chart-tools a', { hasText: 'Zoom in' });
  await zoomIn.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/from=.*&to=/);
  await expect(zoomIn).toBeFocused();
});

test('from the whole timeline, a zoom by key keeps the keyboard in the chart once every event is in', async ({ page }) => {
  // The first zoom of the plain timeline fetches every event, the chart hidden meanwhile:
  // the focused mark is given back by the chart, to the mark that stands for it, not to
  // the page's heading.
  await open(page, '/timeline');
  const chart = page.locator('.chart');
  await chart.locator('svg [tabindex="0"]').focus();
  await page.keyboard.press('+');
  await expect(page).toHaveURL(/from=.*&to=/);
  await settled(page);
  await expect(page.locator('html.pending')).toHaveCount(0);
  const inChart = () => page.evaluate(() => Boolean(document.activeElement?.closest('.chart svg')));
  await expect.poll(inChart).toBe(true);
  // And stays there (nothing takes it later).
  await page.waitForTimeout(300);
  expect(await inChart()).toBe(true);
  await page.keyboard.press('-');
  await expect.poll(inChart).toBe(true);
});

test('a bin and a lane head, links inside the chart, are followed without loading the page again; Back returns to the lane head', async ({ page }) => {
  await open(page, '/timeline');
  const chart = page.locator('.chart');
  // A flag that a new document would not have.
  await page.evaluate(() => { window.sameDocument = true; });
  const bin = chart.locator('a.bin').first();
  await expect(bin).toHaveCount(1);
  const href = await bin.getAttribute('href');
  await bin.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href);
  await settled(page);
  expect(await page.evaluate(() => window.sameDocument)).toBe(true);
  // The keyboard goes on in the chart, from the event the bin named first if drawn.
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.chart svg')))).toBe(true);
  // A lane head leads to the actor's page in the same document; Back puts the keyboard
  // back on the lane head followed.
  await open(page, '/timeline');
  await page.evaluate(() => { window.sameDocument = true; });
  const head = chart.locator('a.lane-head').first();
  const actor = await head.getAttribute('href');
  await head.click();
  await expect(page).toHaveURL(actor);
  await expect(page.locator('main h1')).toBeFocused();
  expect(await page.evaluate(() => window.sameDocument)).toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(/\/timeline$/);
  await expect(chart.locator(`a.lane-head[href="${actor}"]`)).toBeFocused();
  // A click with a modifier key is the browser's (another tab), not the app's.
  const [popup] = await Promise.all([page.context().waitForEvent('page'), chart.locator('a.bin').first().click({ modifiers: ['ControlOrMeta'] })]);
  await popup.close();
  await expect(page).toHaveURL(/\/timeline$/);
});

test('back to a timeline whose address names a card (a mark followed) puts the keyboard on the link followed, not the card', async ({ page }) => {
  for (const reload of [false, true]) {
    await open(page, '/timeline?from=2024-06&to=2025-06');
    if (reload) {
      await page.reload();
      await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
    }
    const mark = page.locator('.chart a.item').first();
    const hash = await mark.getAttribute('href');
    await mark.click();
    await expect(page).toHaveURL(new RegExp(`${hash}$`));
    const title = page.locator(`${hash} h3 a`);
    const href = await title.getAttribute('href');
    await title.click();
    await expect(page).toHaveURL(href);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${hash}$`));
    await expect(page.locator(`${hash} h3 a`), `reload: ${reload}`).toBeFocused();
  }
});

test('a card scrolled to stops below its year\'s sticky heading', async ({ page }) => {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 740 });
    await open(page, '/timeline#event-fall-of-aleppo-2016');
    const card = page.locator('#event-fall-of-aleppo-2016');
    await expect(card).toBeInViewport();
    const [top, heading] = await card.evaluate((c) => [c.getBoundingClientRect().top, c.closest('section.year').querySelector('h2').getBoundingClientRect().bottom]);
    expect(top, `${width} px`).toBeGreaterThanOrEqual(heading);
  }
});

test('a zoom or move that would show the same view is offered as no link', async ({ page }) => {
  const tools = (name) => page.locator('.chart-tools a', { hasText: name });
  // The earliest dates a view can reach: nothing earlier, later is a link.
  await open(page, '/timeline?from=0001-01-01&to=0001-02-01');
  await expect(tools('← Earlier')).not.toHaveAttribute('href');
  await expect(page.getByRole('link', { name: '← Earlier' })).toHaveCount(0);
  await expect(tools('Later →')).toHaveAttribute('href', /from=0001-01-17&to=0001-02-17/);
  // The narrowest view, a week: no closer zoom, and the way back out is a link.
  await open(page, '/timeline?from=2024-12-01&to=2024-12-07');
  await expect(tools('Zoom in')).not.toHaveAttribute('href');
  await expect(tools('Zoom out')).toHaveAttribute('href', /from=.*&to=/);
  await tools('Zoom out').click();
  await expect(page).not.toHaveURL(/from=2024-12-01&to=2024-12-07/);
  await expect(tools('Zoom in')).toHaveAttribute('href', /from=.*&to=/);
});

test('a mark under the pointer or the keyboard focus shows its name above it, inside the chart, hidden from screen readers', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 720 });
  await open(page, '/timeline?actor=vladimir-putin');
  const chart = page.locator('.chart');
  const tip = chart.locator('.chart-tip');
  await expect(tip).toHaveCount(0);
  // The pointer: the first and the last mark (at the chart's edges), each named in full.
  const marks = chart.locator('a.item');
  for (const mark of [marks.first(), marks.last()]) {
    await mark.hover();
    await expect(tip).toHaveText(await mark.getAttribute('aria-label'));
    await expect(tip).toHaveAttribute('aria-hidden', 'true');
    const [t, c, m] = await Promise.all([tip, chart, mark].map((l) => l.evaluate((el) => el.getBoundingClientRect().toJSON())));
    expect(t.left).toBeGreaterThanOrEqual(c.left - 0.5);
    expect(t.right).toBeLessThanOrEqual(c.right + 0.5);
    expect(t.bottom).toBeLessThanOrEqual(m.top + 0.5);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The pointer can rest on the tooltip (it stays), and Escape dismisses it.
  const name = await tip.textContent();
  const box = await tip.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  await expect(tip).toHaveText(name);
  await page.keyboard.press('Escape');
  await expect(tip).toHaveCount(0);
  // Off the marks, no tooltip.
  await marks.first().hover();
  await expect(tip).toHaveCount(1);
  await page.locator('h1').hover();
  await expect(tip).toHaveCount(0);
  // The keyboard: the focused mark is named, and the name follows the arrows.
  await chart.locator('svg [tabindex="0"]').focus();
  const first = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  await expect(tip).toHaveText(first);
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  expect(second).not.toBe(first);
  await expect(tip).toHaveText(second);
  // A zoom redraws the chart: no tooltip is left on a mark that moved; the one shown
  // names the mark the keyboard is on after the redraw.
  await page.keyboard.press('+');
  await expect(page).toHaveURL(/from=/);
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.chart svg')))).toBe(true);
  const after = await page.evaluate(() => document.activeElement.closest('a')?.getAttribute('aria-label') ?? null);
  if (after) await expect(tip).toHaveText(after);
  else await expect(tip).toHaveCount(0);
  // Nothing of it is in the static page: no style attribute there (the CSP forbids them).
  const html = await (await page.request.get('/timeline?actor=vladimir-putin')).text();
  expect(html).toContain('class="chart"');
  expect(html).not.toMatch(/<[^>]+\sstyle=/);
});

test('the chart fits a 360 px screen: no horizontal scroll, tick labels apart', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 720 });
  await open(page, '/timeline');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const labels = await tickLabels(page);
  expect(labels.length).toBeGreaterThan(2);
  for (let i = 1; i < labels.length; i++) expect(labels[i].left, labels[i].text).toBeGreaterThan(labels[i - 1].right);
});

test('at 360 px the form and export fold behind one button, so the chart is on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '/timeline?actor=vladimir-putin,ahmed-al-sharaa');
  const toggle = page.getByRole('button', { name: 'Filters and export' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toHaveText('Filters and export');
  await expect(toggle).toHaveAccessibleName('Filters and export');
  await expect(page.getByLabel('Add an actor')).toBeHidden();
  await expect(page.locator('.export')).toBeHidden();
  // What is chosen stays in view (the kinds are plain links), and the chart starts on
  // the first screen.
  await expect(page.getByRole('link', { name: 'Remove Vladimir Putin from the filter' })).toBeVisible();
  await expect(page.locator('.kinds-row')).toBeVisible();
  await expect(page.locator('.count')).toHaveText('13 of 66 events');
  const top = await page.locator('.chart svg.chart-svg').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeLessThan(740 - 100);
  // Opened, the form works as on a wide screen.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'CSV' })).toBeVisible();
  const input = page.getByLabel('Add an actor');
  await input.fill('Lavrov');
  await input.press('Enter');
  await expect(page).toHaveURL(/sergei-lavrov/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(input).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('at 360 px the folded button names the date and document filters that are set', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '/timeline?from=2024&doc=majalla-shaibani-interview-part-1');
  await expect(page.getByRole('button', { name: 'Filters and export' })).toHaveText('Filters and export (from, document set)');
  await expect(page.locator('#from')).toBeHidden();
});

test('on a wide screen the filters show without a button', async ({ page }) => {
  await open(page, '/timeline');
  await expect(page.getByRole('button', { name: 'Filters and export' })).toBeHidden();
  await expect(page.getByLabel('Add an actor')).toBeVisible();
  await expect(page.locator('.export')).toBeVisible();
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

test('a lane folds to one row of counts and back; the counts hold every event of the lane', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 720 });
  await open(page, '/timeline?actor=vladimir-putin&actor=ahmed-al-sharaa');
  const chart = page.locator('.chart');
  const lane = chart.locator('g.lane').nth(1);
  const marks = await lane.locator('a.item').count();
  const binned = async () => (await lane.locator('a.bin text').allTextContents()).reduce((n, t) => n + Number(t.replace('+', '')), 0);
  const before = await binned();
  expect(marks).toBeGreaterThan(0);
  const height = (await chart.locator('svg.chart-svg').boundingBox()).height;
  const toggle = chart.getByRole('button', { name: 'Ahmed al-Sharaa' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // Pressed from the keyboard, the button stays the one in focus (the same button,
  // its state changed), so Space folds and unfolds again.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // Folded: no single marks, every event of the lane counted in a bin, the chart shorter.
  await expect(lane.locator('a.item')).toHaveCount(0);
  expect(await binned()).toBe(marks + before);
  expect((await chart.locator('svg.chart-svg').boundingBox()).height).toBeLessThan(height);
  // The other lane is as it was; the fold lasts through a filter and comes undone.
  await expect(chart.locator('g.lane').nth(0).locator('a.item').first()).toBeVisible();
  await chart.getByRole('link', { name: 'Zoom in' }).click();
  await expect(page).toHaveURL(/from=/);
  await expect(lane.locator('a.item')).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(lane.locator('a.item').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a two-finger pinch on a touch screen zooms around the fingers, and back undoes it', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 360, height: 720 }, isMobile: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await open(page, '/timeline?actor=vladimir-putin&actor=ahmed-al-sharaa');
  // Touches land on the screen: the chart must be on it.
  await page.locator('.chart svg.chart-svg').scrollIntoViewIfNeeded();
  const box = await page.locator('.chart svg.chart-svg').boundingBox();
  const cdp = await context.newCDPSession(page);
  const y = box.y + box.height - 6;
  const touch = (type, xs) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: xs.map((x, id) => ({ x, y, id })) });
  // Fingers from 40% and 60% of the width apart to 20% and 80%: three times the spread.
  const at = (f) => box.x + box.width * f;
  await touch('touchStart', [at(0.4), at(0.6)]);
  for (let k = 1; k <= 5; k++) await touch('touchMove', [at(0.4 - 0.04 * k), at(0.6 + 0.04 * k)]);
  await touch('touchEnd', []);
  await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
  const from = new URL(page.url()).searchParams;
  const days = (new Date(from.get('to')) - new Date(from.get('from'))) / 86400000;
  const caption = await page.locator('.chart figcaption').textContent();
  // Back is the whole span again, about three times as long.
  await page.goBack();
  await expect(page).toHaveURL(/\/timeline\?actor=vladimir-putin(,|%2C|&actor=)ahmed-al-sharaa$/);
  const [, a, b] = (await page.locator('.chart figcaption').textContent()).match(/^(.+?) – (.+?):/);
  const whole = (new Date(b) - new Date(a)) / 86400000;
  expect(days / whole).toBeGreaterThan(0.2);
  expect(days / whole).toBeLessThan(0.5);
  expect(caption).not.toEqual(await page.locator('.chart figcaption').textContent());
  expect(errors).toEqual([]);
  await context.close();
});

test('printed, the chart is on the page in dark ink whatever the scheme, without its controls', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, '/timeline?actor=vladimir-putin&actor=ahmed-al-sharaa');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const chart = page.locator('.chart');
  await expect(chart.locator('svg.chart-svg')).toBeVisible();
  await expect(chart.locator('.chart-tools')).toBeHidden();
  await expect(chart.locator('.chart-lanes')).toBeHidden();
  // The form does not print: the filters do, in words.
  await expect(page.locator('main .print-only')).toHaveText('Events involving Vladimir Putin or Ahmed al-Sharaa.');
  // The caption says what is drawn, not how to drag it.
  await expect(chart.locator('figcaption')).toBeVisible();
  await expect(chart.locator('.chart-hint')).toBeHidden();
  const ink = await page.evaluate(() => {
    const style = (sel) => getComputedStyle(document.querySelector(sel));
    return { head: style('.chart-svg a.lane-head text').fill, mark: style('.chart-svg .item circle, .chart-svg .item rect').fill, body: style('body').backgroundColor };
  });
  expect(ink).toEqual({ head: 'rgb(0, 0, 0)', mark: 'rgb(0, 0, 0)', body: 'rgb(255, 255, 255)' });
  // A real print: the PDF is made, and the chart fits the printed width.
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(10_000);
  const width = await page.evaluate(() => [document.querySelector('.chart-svg').getBoundingClientRect().right, document.documentElement.clientWidth]);
  expect(width[0]).toBeLessThanOrEqual(width[1]);
});

test('a link to a card the filters leave out, or to no card, says so', async ({ page }) => {
  await open(page, '/timeline?actor=russia#event-assad-regime-collapses-2024-12-08');
  const note = page.locator('main p.note');
  await expect(note).toContainText('“Assad regime collapses”, 8 December 2024 (inferred), is not among the events these filters keep');
  await note.getByRole('link', { name: 'in the whole timeline' }).click();
  await expect(page.locator('#event-assad-regime-collapses-2024-12-08')).toBeFocused();
  await expect(note).toHaveCount(0);
  await open(page, '/timeline#event-no-such-event');
  await expect(note).toHaveText('No event with the id “no-such-event” is in this dossier.');
  await open(page, '/timeline#y-1990');
  await expect(note).toHaveText('No event of this dossier is dated 1990.');
  // A filter that is not by actor has every event in as the page hydrates: the note comes
  // once the page is live (the static page knows no fragment), and an unknown id is said
  // to be unknown, not left out.
  await open(page, '/timeline?from=2024#event-no-such-event');
  await expect(note).toHaveText('No event with the id “no-such-event” is in this dossier.');
  await open(page, '/timeline?from=2024#y-1990');
  await expect(note).toHaveText('No event of 1990 is among the events these filters keep.');
});

test('"Clear filters" and a chip\'s remove button, once gone, leave the keyboard on the page\'s heading', async ({ page }) => {
  await open(page, '/timeline?actor=russia,vladimir-putin');
  await page.locator('.chip-remove').first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/actor=vladimir-putin$/);
  await expect(page.locator('main h1')).toBeFocused();
  await page.locator('a.clear').focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/actor=/);
  await expect(page.locator('main h1')).toBeFocused();
});

test('a card\'s actor link followed with the keyboard leaves the focus in the page, not on its body', async ({ page }) => {
  await open(page, '/timeline');
  const link = page.locator('article.event ul.actors a').first();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/actor=/);
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement.isConnected)).toBe(true);
  // Tab goes on from there, into the page's content.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement.closest('main')))).toBe(true);
});
