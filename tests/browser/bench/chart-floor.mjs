// The floor of one zoom step of the timeline chart: what the browser alone takes to
// apply every DOM change of the step, worked out beforehand (no app, no wasm), from the
// input to the frame after it is painted, timed as timelines.mjs times the app. The app's
// own figure less this floor is the app's work; this floor is what any redraw of the
// same markup costs here. Beside it, an alternative markup (a path per kind of mark per
// lane), with and without its texts. See chart-floor.js.
//
// `chartFloor({ browser, dist, port })` with a release build of synthetic events of 20
// actors; or `node bench/chart-floor.mjs <dist> [port]`. Prints a Markdown table.
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { median, p95, ms, serve } from './common.mjs';

const REPS = Number(process.env.BENCH_FLOOR_REPS ?? 30);

export async function chartFloor({ browser, dist, port }) {
  const server = await serve(dist, port);
  const origin = `http://127.0.0.1:${port}`;
  try {
    // (No service worker: it would answer the floor's page with the app's.)
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const twenty = `/timeline?actor=${Array.from({ length: 20 }, (_, k) => `speaker-${k}`).join(',')}`;
    await page.goto(origin + twenty);
    await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });
    const svg = () => page.evaluate(() => document.querySelector('.chart-svg').outerHTML);
    const a0 = await svg();
    const stylesheet = await page.evaluate(() => document.querySelector('link[rel=stylesheet]').getAttribute('href'));
    await page.evaluate(() => [...document.querySelectorAll('.chart-tools a')].find((x) => x.textContent === 'Zoom in').click());
    await page.waitForFunction((a0) => document.querySelector('.chart-svg').outerHTML !== a0 && !document.querySelector('[aria-busy="true"]'), a0, { timeout: 60_000 });
    const a1 = await svg();
    const rows = [];
    for (const notext of [false, true]) {
      // The app's stylesheet, in a page of the same origin with nothing else in it.
      await page.route(`${origin}/floor.html`, (route) => route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><link rel="stylesheet" href="${stylesheet}">
<style>.floor-point,.floor-bar,.floor-fuzzy,.floor-bin{fill:none;stroke:var(--accent);vector-effect:non-scaling-stroke}
.floor-point{stroke-width:9;stroke-linecap:round}.floor-bar{stroke-width:10}.floor-fuzzy{stroke-width:10;stroke-opacity:.4}.floor-bin{stroke:var(--muted);stroke-width:12}
#floor-links{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}</style></head>
<body><main id="main"><figure class="chart" id="floor-host"></figure><ul id="floor-links"></ul></main></body></html>`,
      }));
      await page.goto(`${origin}/floor.html`);
      await page.evaluate((data) => { window.floorData = data; }, { a0, a1, notext });
      await page.addScriptTag({ path: resolve(import.meta.dirname, 'chart-floor.js') });
      const r = await page.evaluate((n) => window.floorRun(n), REPS);
      const cell = (xs) => `${ms(median(xs))} (${ms(p95(xs))})`;
      if (!notext) rows.push(['the markup drawn now: a link per mark holding its shape, a bin\'s count and an event\'s label', cell(r.A), r.ops.A, r.elements.A]);
      rows.push([`a path per kind of mark per lane, the links in a hidden list${notext ? ', without labels or counts' : ', labels and counts as now'}`, cell(r.B), r.ops.B, r.elements.B]);
      await page.unroute(`${origin}/floor.html`);
    }
    await context.close();
    return rows;
  } finally {
    server.kill();
  }
}

export function printFloor(size, rows) {
  console.log(`\n#### The floor of one zoom step at ${size} events: the DOM changes worked out beforehand, applied at once (no app)\n`);
  console.log('| markup | input to the frame painted, median (p95) | DOM changes | elements |\n|---|---:|---:|---:|');
  for (const [what, cell, ops, elements] of rows) console.log(`| ${what} | ${cell} | ${ops} | ${elements} |`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, port] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    printFloor('these', await chartFloor({ browser, dist: resolve(dist), port: Number(port ?? 4350) }));
  } finally {
    await browser.close();
  }
}
