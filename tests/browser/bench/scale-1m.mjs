// Issue 15 at 1,000,000 synthetic quotes, search only, in Chromium on localhost: each of
// the benchmark's queries run cold (a new browser context, nothing cached, the wasm just
// loaded) on the files `dossier-bench 1000000` wrote (DOSSIER_BENCH_COLD), by the search
// core compiled to wasm (`ColdSearch` in src/bin/bench_wasm.rs, `cold.js`). Timed from
// the first request to the first screen of hits explained (no page is drawn); bytes as
// served gzipped. Against the 1 MB and 300 ms, judged on the worst query.
//
//   node bench/scale-1m.mjs <dir with cold.html, the wasm and cold/> [port]
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { median, ms, serve } from './common.mjs';

const dir = resolve(process.argv[2] ?? '');
const port = Number(process.argv[3] ?? 4197);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 3);
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const queries = JSON.parse(readFileSync(`${dir}/cold/queries.json`, 'utf8'));

const server = await serve(dir, port);
try {
  // A static host serves its files gzipped at rest: the test server gzips each file on
  // its first request and keeps it, so every file is asked for once before the clock.
  for (const file of readdirSync(`${dir}/cold`)) {
    await (await fetch(`http://127.0.0.1:${port}/cold/${file}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: flags });
  console.log(`\n### Cold search at 1,000,000 synthetic quotes in Chromium on localhost, search only (median of ${RUNS} cold runs)\n`);
  console.log('| query | hits | fetched (gzip) | postings chunks / excerpts files | first request to the first screen explained |');
  console.log('|---|---:|---:|---:|---:|');
  let [most, slowest] = [0, 0];
  for (const q of queries) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`cold page error: ${e.message}`));
      await page.goto(`http://127.0.0.1:${port}/cold.html`);
      await page.waitForFunction(() => document.getElementById('status').textContent === 'ready', null, { timeout: 60_000 });
      runs.push(await page.evaluate((query) => window.coldSearch(query), q));
      await context.close();
    }
    const time = median(runs.map((r) => r.time));
    const { bytes, hits, chunks, excerpts } = runs[0];
    [most, slowest] = [Math.max(most, bytes), Math.max(slowest, time)];
    console.log(`| \`${q}\` | ${hits} | ${bytes} B | ${chunks} / ${excerpts} | ${ms(time)} |`);
  }
  await browser.close();
  console.log(`\nAt 1,000,000 quotes in Chromium: at most ${most} B fetched for a first screen of results (≤ 1,000,000 B: ${most <= 1_000_000 ? 'met' : 'missed'}), at most ${ms(slowest)} from the first request to the first screen (≤ 300 ms: ${slowest <= 300 ? 'met' : 'missed'}).`);
} finally {
  server.kill();
}
