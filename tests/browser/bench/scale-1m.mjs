// Issue 15's sharded search in Chromium on localhost, search only, at 100,000 and
// 1,000,000 synthetic quotes: each of the benchmark's queries run cold (a new browser
// context, nothing cached, the wasm just loaded) on the files `dossier-bench` wrote
// (DOSSIER_BENCH_COLD: `cold-100k/` and `cold/`), by the search core compiled to wasm
// (`ColdSearch` in src/bin/bench_wasm.rs, `cold.js`). Timed from the first request to
// the first screen of hits explained (no page is drawn) in a window 1,280 × 720 pixels
// like every page the benchmark opens, whose first screen is as many hits as the quotes
// page renders first there: what the window shows of its list (`Limit::next_screen`), the
// list's place measured on the app's `/quotes` when its build is given, else a windowful
// of 10 (`more::first_screen_for`; BENCH_WINDOW=1620 sets a window tall enough for the
// most, 20); bytes as served gzipped. Then the same query warm (its files in, as
// the next keystroke finds them): its words expanded and its quotes ranked anew, not the
// page's last ranking, and its first screen explained again. Judged against the issue's targets: at 1,000,000 quotes
// a cold query ≤ 1 MB and ≤ 300 ms (on the worst query); warm queries p95 ≤ 16 ms
// (at 100,000 quotes, the large site's size; at 1,000,000 for comparison). Writes what
// it measured to `bench-scale-1m.json` beside the folder it serves, for
// scale-targets.mjs.
//
//   node bench/scale-1m.mjs <dir with cold.html, the wasm, cold/ and cold-100k/> [port] [the app's build]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { ISSUE_15, median, p95, ms, serve } from './common.mjs';

const dir = resolve(process.argv[2] ?? '');
const port = Number(process.argv[3] ?? 4197);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 3);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 720);
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const sizes = [['cold-100k', 100_000], ['cold', 1_000_000]];

const app = process.argv[4] ? resolve(process.argv[4]) : null;
const server = await serve(dir, port);
const out = {};
try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: flags });
  // The room the quotes page's results list has in the window, below its top: where the
  // app's own page puts it (the same whatever the corpus: the box, the count, the buttons).
  let room = NaN;
  if (app) {
    const appServer = await serve(app, port + 1);
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: WINDOW }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port + 1}/quotes`);
      await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });
      room = await page.evaluate(() => innerHeight - document.querySelector('.results-area').getBoundingClientRect().top);
      await context.close();
    } finally {
      appServer.kill();
    }
  }
  const where = Number.isFinite(room) ? `&room=${room}` : '';
  const firstScreen = Number.isFinite(room) ? `what shows of the quotes page's list there (${Math.round(room)} px below its top)` : 'a windowful';
  for (const [folder, quotes] of sizes) {
    const queries = JSON.parse(readFileSync(`${dir}/${folder}/queries.json`, 'utf8'));
    // A static host serves its files gzipped at rest: the test server gzips each file on
    // its first request and keeps it, so every file is asked for once before the clock.
    for (const file of readdirSync(`${dir}/${folder}`)) {
      await (await fetch(`http://127.0.0.1:${port}/${folder}/${file}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
    }
    const n = quotes.toLocaleString('en');
    console.log(`\n### The sharded search at ${n} synthetic quotes in Chromium on localhost, search only, a 1,280 × ${WINDOW} px window, its first screen ${firstScreen} (median of ${RUNS} cold runs; warm: the same query again as a new one, its files in)\n`);
    console.log('| query | hits | fetched (gzip) | index chunks / excerpts files | cold: first request to the first screen explained | warm: median (p95) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    let [most, slowest, slowestRun, screenHits] = [0, NaN, null, NaN];
    const warmAll = [];
    for (const q of queries) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: WINDOW } });
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error(`cold page error: ${e.message}`));
        await page.goto(`http://127.0.0.1:${port}/cold.html?dir=${folder}${where}`);
        await page.waitForFunction(() => document.getElementById('status').textContent === 'ready', null, { timeout: 60_000 });
        runs.push(await page.evaluate((query) => window.coldSearch(query), q));
        await context.close();
      }
      const time = median(runs.map((r) => r.time));
      const warm = runs.flatMap((r) => r.warm);
      warmAll.push(...warm);
      const { bytes, hits, chunks, excerpts, screen } = runs[0];
      screenHits = screen;
      most = Math.max(most, bytes);
      if (Number.isFinite(time) && !(time <= slowest)) {
        // The run of the median time, for where its time went (`phases`).
        const { warm: _, ...cold } = runs.reduce((a, b) => (Math.abs(b.time - time) < Math.abs(a.time - time) ? b : a));
        [slowest, slowestRun] = [time, { query: q, ...cold }];
      }
      console.log(`| \`${q}\` | ${hits} | ${bytes} B | ${chunks} / ${excerpts} | ${ms(time)} | ${ms(median(warm))} (${ms(p95(warm))}) |`);
    }
    const warmP95 = p95(warmAll);
    out[quotes] = { most, slowest, slowestRun, warmP95, queries: queries.length };
    const cold = quotes === 1_000_000
      ? `at most ${most} B fetched for a first screen of results (≤ ${ISSUE_15.millionBytes.toLocaleString('en')} B: ${most <= ISSUE_15.millionBytes ? 'met' : 'missed'}), at most ${ms(slowest)} from the first request to the first screen (\`${slowestRun?.query ?? 'none answered'}\`; ≤ ${ISSUE_15.millionMs} ms: ${Number.isFinite(slowest) ? (slowest <= ISSUE_15.millionMs ? 'met' : 'missed') : 'not measured'}); `
      : `at most ${most} B fetched and ${ms(slowest)} for a cold query; `;
    console.log(`\nAt ${n} quotes in Chromium (a first screen of ${screenHits} hits): ${cold}warm queries p95 ${ms(warmP95)} over ${warmAll.length} (≤ ${ISSUE_15.warmMs} ms: ${warmP95 <= ISSUE_15.warmMs ? 'met' : 'missed'}${quotes === 100_000 ? '' : ', judged at 100,000'}).`);
  }
  await browser.close();
  writeFileSync(resolve(dir, '../bench-scale-1m.json'), JSON.stringify(out, null, 1));
} finally {
  server.kill();
}
