// The timeline chart beside its peers (issue 16), in the same Chromium run: Dossier's
// release build with 1,000 and 10,000 synthetic events whose actors are 20 speakers
// (`dossier synth DIR QUOTES EVENTS 20`), and vis-timeline 8.5 and TimelineJS3 3.9
// (pinned npm versions; tests/browser/bench/timelines.html) given the same events.
//
// For each: the first draw (Dossier: navigation start to the chart painted, which the
// static page already holds, and to the app in charge), then, from 20 lanes, filtering
// to one actor's lane and back, and one zoom step in; each from the input to the frame
// after the change is painted (requestAnimationFrame, then a message posted from it).
// Dossier is also timed from its default view (the busiest four actors and "others"),
// as a reader filters by clicking an actor on an event and removes the filter again.
// After the table, the floor of a zoom step at each size (chart-floor.mjs): the same
// DOM changes applied by the browser alone, with no app.
// Usage: node bench/timelines.mjs <peers-dir> <dist-1000> <dist-10000> [port]
// (run.mjs calls `timelines` with the same arguments). Prints Markdown tables.
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { median, p95, ms, serve } from './common.mjs';
import { chartFloor, printFloor } from './chart-floor.mjs';

const REPS = Number(process.env.BENCH_TIMELINE_REPS ?? 15);
const LANES = 20;
const LIMIT_S = Number(process.env.BENCH_PEER_LIMIT_S ?? 120);

// In the page: runs `action`, resolves with the time to the chart changed (the last
// mutation inside .chart before the frame) and to the frame after it painted.
function timeInPage(page, action, arg) {
  return page.evaluate(([action, arg]) => new Promise((done, fail) => {
    const chart = document.querySelector('.chart');
    const before = chart.querySelector('figcaption').textContent;
    let changed = NaN;
    const observer = new MutationObserver(() => { changed = performance.now(); });
    observer.observe(chart, { subtree: true, childList: true, characterData: true, attributes: true });
    const start = performance.now();
    if (action === 'link') {
      // A link the reader follows (the router takes it, as any link in the page).
      const a = document.createElement('a');
      a.href = arg;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
    } else if (action === 'card-actor') {
      const links = document.querySelectorAll('.timeline article.event ul.actors a');
      links[arg % links.length].click();
    } else if (action === 'chip-remove') {
      document.querySelector('.chip-remove').click();
    } else if (action === 'zoom') {
      [...document.querySelectorAll('.chart-tools a')].find((x) => x.textContent === 'Zoom in').click();
    } else if (action === 'all-dates') {
      document.querySelector('.chart-tools a.all').click();
    }
    const frame = () => {
      if (performance.now() - start > 20_000) return fail(new Error(`${action}: the chart did not change`));
      if (chart.querySelector('figcaption').textContent === before) return requestAnimationFrame(frame);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        observer.disconnect();
        const painted = performance.now() - start;
        // Let the rest of the list (rendered after this frame by design) settle first.
        const settle = () => (document.querySelector('[aria-busy="true"]') ? setTimeout(settle, 0) : done([changed - start, painted]));
        settle();
      };
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(frame);
  }), [action, arg]);
}

async function dossier(browser, dir, port) {
  const server = await serve(dir, port);
  const origin = `http://127.0.0.1:${port}`;
  const lanes = Array.from({ length: LANES }, (_, k) => `speaker-${k}`);
  const twenty = `/timeline?actor=${lanes.join(',')}`;
  try {
    const cold = { painted: [], app: [] };
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(origin + twenty);
      await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });
      const t = await page.evaluate(() => ({
        painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        app: performance.getEntriesByName('dossier-hydrated')[0]?.startTime ?? NaN,
        lanes: document.querySelectorAll('.chart g.lane').length,
        events: document.querySelector('.count')?.textContent,
      }));
      if (t.lanes !== LANES) throw new Error(`expected ${LANES} lanes, found ${t.lanes}`);
      cold.painted.push(t.painted);
      cold.app.push(t.app);
      cold.events = t.events;
      await context.close();
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (e) => console.error(`dossier page error: ${e.message}`));
    await page.goto(origin + twenty);
    await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });
    const r = { filter: [], unfilter: [], zoom: [], cardFilter: [], cardUnfilter: [] };
    for (let i = 0; i < REPS; i++) {
      r.filter.push(await timeInPage(page, 'link', `/timeline?actor=${lanes[(i * 7) % LANES]}`));
      r.unfilter.push(await timeInPage(page, 'link', twenty));
      r.zoom.push(await timeInPage(page, 'zoom'));
      await timeInPage(page, 'all-dates');
    }
    await timeInPage(page, 'link', '/timeline');
    for (let i = 0; i < REPS; i++) {
      r.cardFilter.push(await timeInPage(page, 'card-actor', i * 7));
      r.cardUnfilter.push(await timeInPage(page, 'chip-remove'));
    }
    const marks = await page.locator('.chart a.item, .chart a.bin').count();
    await page.close();
    return { cold, r, marks };
  } finally {
    server.kill();
  }
}

async function peers(browser, dir, port, size) {
  const server = await serve(dir, port);
  const out = {};
  try {
    for (const engine of ['vis', 'tl']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      page.on('pageerror', (e) => console.error(`${engine} page error: ${e.message}`));
      let latest = null;
      await page.exposeFunction('benchReport', (json) => { latest = JSON.parse(json); });
      await page.goto(`http://127.0.0.1:${port}/timelines.html?data=${size}`);
      const run = engine === 'vis'
        ? page.evaluate(([lanes, reps]) => window.benchVis(lanes, reps), [Array.from({ length: LANES }, (_, k) => `speaker-${k}`), REPS])
        : page.evaluate((reps) => window.benchTimelineJS(reps), REPS);
      // A peer is given two minutes for all its runs; what it did by then is reported.
      const timeout = new Promise((r) => setTimeout(() => r({ timedOut: true }), LIMIT_S * 1000));
      let result = await Promise.race([run, timeout]).catch((e) => ({ failed: e.message }));
      if (result.timedOut) result = { ...(latest ?? {}), timedOut: true };
      out[engine] = result;
      await page.close().catch(() => {});
    }
  } finally {
    server.kill();
  }
  return out;
}

export async function timelines({ browser, peersDir, dists, port }) {
  console.log('\n### The timeline chart beside vis-timeline 8.5 and TimelineJS3 3.9 (Chromium, 1,280 px; synthetic events of 20 actors)\n');
  console.log('Each figure: median (p95) of the runs, from the input to the frame after the change is painted; Dossier also to the chart changed in the page.\n');
  console.log('| events | engine | first draw | filter to 1 of 20 lanes | back to 20 lanes | zoom one step | notes |\n|---:|---|---:|---:|---:|---:|---|');
  const summary = {};
  const floors = [];
  let k = 0;
  for (const [size, dist] of Object.entries(dists)) {
    const d = await dossier(browser, dist, port + 10 + k++);
    floors.push([size, await chartFloor({ browser, dist, port: port + 30 + k })]);
    const col = (xs, i) => xs.map((x) => x[i]);
    const cell = (xs) => `${ms(median(col(xs, 1)))} (${ms(p95(col(xs, 1)))}); chart changed ${ms(median(col(xs, 0)))}`;
    console.log(`| ${size} | Dossier | ${ms(median(d.cold.painted))} to the chart painted (static page); ${ms(median(d.cold.app))} to the app in charge | ${cell(d.r.filter)} | ${cell(d.r.unfilter)} | ${cell(d.r.zoom)} | ${d.cold.events}; ${d.marks} marks and bins drawn at every date |`);
    console.log(`| ${size} | Dossier, default view (busiest four and others) | | click an actor on a card: ${cell(d.r.cardFilter)} | remove it: ${cell(d.r.cardUnfilter)} | | |`);
    summary[size] = { filter: median(col(d.r.filter, 1)), unfilter: median(col(d.r.unfilter, 1)), zoom: median(col(d.r.zoom, 1)) };
    const p = await peers(browser, peersDir, port + 20 + k++, size);
    const c = (xs) => (xs?.length ? `${ms(median(xs))} (${ms(p95(xs))}), ${xs.length} runs` : 'none in the time');
    const late = (r) => (r.timedOut ? `; stopped after ${LIMIT_S} s` : '');
    const v = p.vis ?? {};
    if (v.firstDraw !== undefined) {
      console.log(`| ${size} | vis-timeline 8.5.4 | ${ms(v.firstDraw)} | ${c(v.filter)} | ${c(v.unfilter)} | ${c(v.zoom)} | ${v.items} items (an event per lane of its actors)${late(v)} |`);
      summary[size].vis = { firstDraw: v.firstDraw, filter: median(v.filter ?? []), unfilter: median(v.unfilter ?? []), zoom: median(v.zoom ?? []) };
    } else {
      console.log(`| ${size} | vis-timeline 8.5.4 | ${v.failed ? `failed: ${v.failed}` : `not drawn in ${LIMIT_S} s`} | | | | ${v.items ?? ''} items |`);
    }
    const t = p.tl ?? {};
    if (t.firstDraw !== undefined) {
      console.log(`| ${size} | TimelineJS3 3.9.11 | ${ms(t.firstDraw)} | no actor filter | no actor filter | ${c(t.zoom)} | ${t.items} slides; no groups${late(t)} |`);
    } else {
      console.log(`| ${size} | TimelineJS3 3.9.11 | ${t.failed ? `failed: ${t.failed}` : `not drawn in ${LIMIT_S} s`} | no actor filter | no actor filter | | ${t.items ?? ''} slides |`);
    }
  }
  // What the browser alone takes for the same zoom step: the app's figure above less this
  // is the app's own work.
  for (const [size, rows] of floors) printFloor(size, rows);
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [peersDir, d1k, d10k, port] = process.argv.slice(2);
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: flags });
  try {
    await timelines({ browser, peersDir: resolve(peersDir), dists: { 1000: resolve(d1k), 10000: resolve(d10k) }, port: Number(port ?? 4300) });
  } finally {
    await browser.close();
  }
}
