// Newsroom scale (issue 15): the same app built with the bundled corpus and with a large
// synthetic one (100,000 quotes, 10,000 events), each page kind opened cold in both, in one
// run. For each: the bytes fetched until the page is hydrated (gzip -9 of the files, as a
// static host serves them; the data files apart), and the median time from navigation to
// `html[data-hydrated]` (the `dossier-hydrated` mark), the two builds' loads taken in
// turn after one uncounted load of each (`measurePair`). Printed as ratios against the
// issue's targets: record pages ≤ 1.1× the bundled bytes, `/`, `/quotes` and `/timeline`
// ≤ the bundled bytes + 60 KB, time ≤ 1.2× the bundled time. Then a cold search on
// `/quotes` (opened cold, hydrated, one word typed without focusing the box first, so
// nothing was prefetched): the bytes fetched for it and the time from the keystroke to
// the frame that paints its results (a message posted from that frame's callback runs
// after its paint), against the issue's 300 KB and 150 ms. Typed twice over: at once
// (the target's figure: the browser is still compiling the wasm's functions as they are
// first called, and optimizing the hot ones in the background) and a second after the
// page is hydrated, as a reader types (nothing more is fetched meanwhile). Last, a
// filter of `/timeline` once hydrated: an actor clicked on a card (their lane of events)
// and a zoom (every event), the bytes each fetches and the time to the list painted.
// Writes what it measured to `bench-scale.json` beside the large build, for
// scale-targets.mjs.
//
//   node bench/scale.mjs <bundled dist> <large dist> [port]
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { ISSUE_15, kb, median, ms, serve } from './common.mjs';

const [bundledDir, largeDir] = [process.argv[2], process.argv[3]].map((d) => resolve(d ?? ''));
const port = Number(process.argv[4] ?? 4191);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 7);
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

// A record of a kind in a build, the first or the middle one by sorted id: its pages are
// folders named by id. Both are measured, so one unusual record does not stand for all.
function pick(dist, kind, where) {
  const dir = resolve(dist, kind);
  if (!existsSync(dir)) return null;
  const ids = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  if (!ids.length) return null;
  return `/${kind}/${ids[where === 'first' ? 0 : Math.floor(ids.length / 2)]}`;
}

const kinds = ['/', '/quotes', '/timeline', ...['quotes', 'events', 'actors', 'documents'].flatMap((k) => [`${k} first`, `${k} middle`])];
const isList = (kind) => kind.startsWith('/');

// The gzip size of each file once (a large build's files are read only as asked for).
const gzCache = new Map();
function gzOf(dist, pathname) {
  const file = pathname.endsWith('/') ? `${pathname}index.html` : (/\.[a-z]+$/.test(pathname) ? pathname : `${pathname}/index.html`);
  const key = dist + file;
  if (!gzCache.has(key)) {
    const raw = readFileSync(resolve(dist, `.${file}`));
    gzCache.set(key, { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length });
  }
  return gzCache.get(key);
}

// One cold load: a new context (empty HTTP cache), no service worker.
async function coldLoad(browser, dist, origin, path) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const asked = new Set();
  let hydrated = false;
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!hydrated && url.origin === origin) asked.add(url.pathname);
  });
  await page.goto(origin + path);
  await page.waitForSelector('html[data-hydrated], html[data-failed]', { state: 'attached', timeout: 120_000 });
  hydrated = true;
  const failed = await page.locator('html[data-failed]').count();
  const time = await page.evaluate(() => performance.getEntriesByName('dossier-hydrated')[0]?.startTime ?? NaN);
  await context.close();
  if (failed) throw new Error(`${path} did not start (html[data-failed])`);
  let gz = 0; let data = 0; let files = 0;
  for (const name of asked) {
    const size = gzOf(dist, name);
    gz += size.gz; files += 1;
    if (name.startsWith('/data/')) data += size.gz;
  }
  return { gz, data, files, time };
}

// The runs of both builds' pages of a kind, taken in turn (bundled, large, bundled, …)
// after one load of each that is not counted: whatever drifts during the run (the
// machine's load, the disk's cache of a large build's files) weighs on both alike, and
// the first load of a build's files from disk on neither.
async function measurePair(browser, [bundled, large]) {
  const runs = [[], []];
  for (let i = -1; i < RUNS; i++) {
    for (const [k, [dist, origin, path]] of [bundled, large].entries()) {
      const run = await coldLoad(browser, dist, origin, path);
      if (i >= 0) runs[k].push(run);
    }
  }
  // Bytes are the same every run; the time is the median.
  return runs.map((r) => ({ ...r[0], time: median(r.map((x) => x.time)) }));
}

// One cold search: `/quotes` opened in a new context, then, `idle` ms after it is
// hydrated, `word` put in the box as one input event; the time runs to the frame that
// paints the answer.
async function coldSearch(browser, dist, origin, word, idle) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}/quotes`);
  await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });
  if (idle) await page.waitForTimeout(idle);
  const asked = new Set();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.origin === origin) asked.add(url.pathname);
  });
  const result = await page.evaluate((typed) => new Promise((done) => {
    const input = document.getElementById('quote-q');
    const t0 = performance.now();
    input.value = typed;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const check = () => {
      const count = document.querySelector('.count')?.textContent ?? '';
      const shown = /\d+ of \d+ quotes/.test(count) && !document.documentElement.classList.contains('pending');
      // The files asked for until the answer is shown (the rest, the speaker counts and the
      // records below the first screen, come after it).
      const before = () => performance.getEntriesByType('resource').filter((e) => e.startTime >= t0).map((e) => new URL(e.name).pathname);
      if (shown) {
        // This frame paints the results: a message posted from its callback runs after
        // the paint (as in timelines.mjs). The start of the frame after it, what this
        // measured until stop 39, is kept beside it.
        const first = before();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const time = performance.now() - t0;
          requestAnimationFrame(() => done({ time, nextFrame: performance.now() - t0, count: count.match(/\d+ of \d+/)[0], first }));
        };
        channel.port2.postMessage(0);
      }
      else if (document.querySelector('.load-failure')) done({ time: NaN, count: 'failed' });
      else requestAnimationFrame(check);
    };
    check();
  }), word);
  await context.close();
  // Bytes for the first screen of results, and those asked for after it was shown.
  const first = new Set(result.first ?? []);
  let [gz, after] = [0, 0];
  for (const name of asked) {
    if (first.has(name)) gz += gzOf(dist, name).gz;
    else after += gzOf(dist, name).gz;
  }
  return { ...result, gz, after, files: first.size };
}

// One filter of `/timeline`, opened cold and hydrated: `action` clicked (an actor on the
// first card, or "Zoom in" on the chart), timed to the frame that paints the filtered
// list; the data files fetched for it, gzipped.
async function timelineFilter(browser, dist, origin, action) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}/timeline`);
  await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });
  const asked = new Set();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/data/')) asked.add(url.pathname);
  });
  const result = await page.evaluate((action) => new Promise((done) => {
    const target = action === 'actor'
      ? document.querySelector('.timeline article.event .actors a')
      : [...document.querySelectorAll('.chart-tools a')].find((a) => a.textContent === 'Zoom in');
    const t0 = performance.now();
    target.click();
    const check = () => {
      const count = document.querySelector('.count')?.textContent ?? '';
      if (/^\d+ of \d+ events/.test(count) && !document.querySelector('.timeline[aria-busy="true"]')) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done({ time: performance.now() - t0, count: count.match(/\d+ of \d+/)[0] });
        channel.port2.postMessage(0);
      } else if (document.querySelector('.load-failure')) done({ time: NaN, count: 'failed' });
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }), action);
  // What the answer fetched, and what followed it (the picker's counts).
  await page.waitForTimeout(300);
  await context.close();
  let gz = 0;
  for (const name of asked) gz += gzOf(dist, name).gz;
  return { ...result, gz, files: asked.size, kinds: [...new Set([...asked].map((n) => n.match(/^\/data\/([a-z]+)-/)?.[1]))].sort().join(', ') };
}

const servers = [await serve(bundledDir, port), await serve(largeDir, port + 1)];
try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: flags });
  console.log(`\n### Newsroom scale: each page opened cold, bundled corpus beside the large one (median of ${RUNS} loads of each, the two builds in turn after one uncounted load of each)\n`);
  console.log('| page | bundled: gzip bytes (data) / files / to hydrated | large: gzip bytes (data) / files / to hydrated | bytes | target | time (≤ 1.2×) |');
  console.log('|---|---|---|---:|---|---:|');
  const rows = [];
  for (const kind of kinds) {
    const [what, where] = kind.split(' ');
    const paths = isList(kind) ? [kind, kind] : [pick(bundledDir, what, where), pick(largeDir, what, where)];
    if (!paths[0] || !paths[1]) { console.log(`| ${kind} | no such page in one of the builds | | | | |`); continue; }
    const [small, large] = await measurePair(browser, [[bundledDir, `http://127.0.0.1:${port}`, paths[0]], [largeDir, `http://127.0.0.1:${port + 1}`, paths[1]]]);
    const limit = isList(kind) ? small.gz + ISSUE_15.listBytes : small.gz * ISSUE_15.recordBytes;
    const bytesOk = large.gz <= limit;
    const target = `≤ ${kb(limit)}`;
    const timeRatio = large.time / small.time;
    const label = isList(kind) ? kind : `${where} ${what.slice(0, -1)} page (${paths[0]}; ${paths[1]})`;
    console.log(`| ${label} | ${small.gz} B (${small.data} B) / ${small.files} / ${ms(small.time)} | ${large.gz} B (${large.data} B) / ${large.files} / ${ms(large.time)} | ${(large.gz / small.gz).toFixed(2)}× | ${target}: ${bytesOk ? 'met' : 'missed'} | ${timeRatio.toFixed(2)}×: ${timeRatio <= ISSUE_15.time ? 'met' : 'missed'} |`);
    rows.push({ kind, bytesOk, timeOk: timeRatio <= ISSUE_15.time, small, large });
  }
  const missed = rows.filter((r) => !r.bytesOk || !r.timeOk).map((r) => r.kind);
  console.log(`\nScale targets: ${rows.length - missed.length} of ${rows.length} page kinds met both${missed.length ? `; missed: ${missed.join(', ')}` : ''}.`);

  const word = 'sanctions';
  console.log(`\n### Cold search on /quotes: "${word}" typed once the page is hydrated, nothing prefetched (median of ${RUNS})\n`);
  console.log('| build | typed | results | fetched for the first screen of results (gzip) / files; then, for the speaker counts and the rest of the page | keystroke to results painted | bytes ≤ 300 KB | time ≤ 150 ms |');
  console.log('|---|---|---|---|---:|---|---|');
  const searches = {};
  for (const [name, dist, origin] of [['bundled', bundledDir, `http://127.0.0.1:${port}`], ['large', largeDir, `http://127.0.0.1:${port + 1}`]]) {
    // The target is judged at once; a second later is the same search as a reader types it.
    for (const [idle, when] of [[0, 'at once (the target)'], [1000, '1 s after (for comparison)']]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await coldSearch(browser, dist, origin, word, idle));
      const time = median(runs.map((r) => r.time));
      const nextFrame = median(runs.map((r) => r.nextFrame));
      const { gz, after, files, count } = runs[0];
      searches[`${name} ${idle}`] = { time, gz, count };
      const timeOk = time <= ISSUE_15.coldMs ? 'met' : 'missed';
      console.log(`| ${name} | ${when} | ${count} | ${gz} B / ${files}; then ${after} B | ${ms(time)} (the frame after it starts at ${ms(nextFrame)}) | ${gz <= ISSUE_15.coldBytes ? 'met' : 'missed'} | ${idle ? `(${timeOk})` : timeOk} |`);
    }
  }

  console.log(`\n### Filtering /timeline once it is hydrated: an actor on the first card, or one zoom step (median of ${RUNS})\n`);
  console.log('| build | filter | events kept | data fetched (gzip) / files (kinds) | click to the filtered list painted |');
  console.log('|---|---|---|---|---:|');
  for (const [name, dist, origin] of [['bundled', bundledDir, `http://127.0.0.1:${port}`], ['large', largeDir, `http://127.0.0.1:${port + 1}`]]) {
    for (const [action, label] of [['actor', 'an actor (their lane)'], ['zoom', 'zoom in (every event)']]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timelineFilter(browser, dist, origin, action));
      const { gz, files, kinds, count } = runs[0];
      console.log(`| ${name} | ${label} | ${count} | ${gz} B / ${files} (${kinds}) | ${ms(median(runs.map((r) => r.time)))} |`);
    }
  }
  await browser.close();
  // The app's wasm and JS, which every page of the large site fetches.
  const code = readdirSync(largeDir).filter((f) => /^dossier-web-.*(_bg\.wasm|\.js)$/.test(f)).reduce((sum, f) => sum + gzOf(largeDir, `/${f}`).gz, 0);
  writeFileSync(resolve(largeDir, '../bench-scale.json'), JSON.stringify({ word, code, rows, searches }, null, 1));
} finally {
  for (const s of servers) s.kill();
}
