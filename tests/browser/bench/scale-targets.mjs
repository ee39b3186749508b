// Issue 15's targets, each beside the figure the issue was filed with, as this run of
// `.ci/bench` measured them: what scale.mjs (`bench-scale.json`) and scale-1m.mjs
// (`bench-scale-1m.json`) wrote, and the large build's time, memory and size
// (`bench-scale-build.txt`, from `/usr/bin/time -v` and `du`). A miss says by how much and
// why, as far as this run shows it. Prints a Markdown table.
//
//   node bench/scale-targets.mjs <target dir>
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ISSUE_15, kb, ms } from './common.mjs';

const dir = resolve(process.argv[2] ?? '');
const read = (name) => (existsSync(resolve(dir, name)) ? readFileSync(resolve(dir, name), 'utf8') : null);
const json = (name) => { const text = read(name); return text === null ? null : JSON.parse(text); };
// A verdict only on measured figures: any of `figures` missing or not a number (a failed
// run, saved as null) gives "not measured", never "met".
const verdict = (figures, ok, miss) => {
  if (![figures].flat().every(Number.isFinite)) return 'not measured in this run';
  return ok ? 'met' : `**missed**: ${miss}`;
};
const absent = (what) => ['', '', '', `not measured in this run (${what} missing)`];

const rows = [];
const scale = json('bench-scale.json');
if (scale) {
  const { rows: pages, searches, code, word } = scale;
  const bytesMissed = pages.filter((r) => !r.bytesOk);
  const timeMissed = pages.filter((r) => !r.timeOk);
  const byKind = (kind) => pages.find((r) => r.kind === kind);
  rows.push(['bytes of each page opened cold, until hydrated, at 100,000 quotes',
    'every page: a 5.25 MB gzipped wasm (58.8 MB) holding the corpus',
    `a record page ≤ ${ISSUE_15.recordBytes}× the same kind with the bundled corpus; \`/\`, \`/quotes\`, \`/timeline\` ≤ its bytes + ${ISSUE_15.listBytes / 1000} KB`,
    `${pages.length - bytesMissed.length} of ${pages.length} page kinds within it; the app's wasm and JS ${kb(code)} of every page`,
    verdict(pages.length ? code : NaN, !bytesMissed.length, bytesMissed.map((r) => `${r.kind} ${(r.large.gz / r.small.gz).toFixed(2)}×`).join(', '))]);
  const [quotes, timeline] = [byKind('/quotes'), byKind('/timeline')];
  rows.push(['time from navigation to hydrated, at 100,000 quotes',
    'the app in charge of `/quotes` after 2.1 s, of `/timeline` after 1.2 s',
    `≤ ${ISSUE_15.time}× the same kind of page with the bundled corpus`,
    `${pages.length - timeMissed.length} of ${pages.length} page kinds within it; \`/quotes\` ${ms(quotes?.large.time)} (bundled ${ms(quotes?.small.time)}), \`/timeline\` ${ms(timeline?.large.time)} (bundled ${ms(timeline?.small.time)})`,
    verdict(pages.length ? pages.map((r) => r.large.time / r.small.time) : NaN, !timeMissed.length, timeMissed.map((r) => `${r.kind} ${(r.large.time / r.small.time).toFixed(2)}×`).join(', '))]);
  const [now, later] = [searches['large 0'], searches['large 1000']];
  rows.push([`cold search on \`/quotes\` ("${word}", ${now.count}): bytes fetched for its first screen of results`,
    'every quote (2.28 MB gzipped) and the whole index (1.16 MB), in the wasm',
    `≤ ${ISSUE_15.coldBytes / 1000} KB gzipped`, kb(now.gz), verdict(now.gz, now.gz <= ISSUE_15.coldBytes, `by ${kb(now.gz - ISSUE_15.coldBytes)}`)]);
  rows.push(['the same search: keystroke to results painted, typed as soon as the page is hydrated',
    'no search before the app was in charge (2.1 s)', `≤ ${ISSUE_15.coldMs} ms on localhost`, ms(now.time),
    verdict(now.time, now.time <= ISSUE_15.coldMs, `by ${ms(now.time - ISSUE_15.coldMs)}; the same keystroke a second later took ${ms(later.time)}`
      // Blamed on the first calls only where the later one fetched the same and was in time.
      + (later.gz === now.gz && later.time <= ISSUE_15.coldMs ? ', with the same files fetched: the difference is the browser compiling and optimizing the wasm\'s functions on their first calls (README, "A large corpus")' : ''))]);
} else {
  rows.push(['the large site opened cold, and its cold search', ...absent('bench-scale.json')]);
}
const search = json('bench-scale-1m.json');
if (search) {
  const [k100, m1] = [search[100000], search[1000000]];
  if (k100) rows.push([`warm queries at 100,000 quotes (the search core in the page, each ranked anew as a new query, its files in; ${k100.queries} queries)`, 'not measured', `p95 ≤ ${ISSUE_15.warmMs} ms`, `p95 ${ms(k100.warmP95)}${m1 ? ` (at 1,000,000: ${ms(m1.warmP95)})` : ''}`, verdict(k100.warmP95, k100.warmP95 <= ISSUE_15.warmMs, `by ${ms(k100.warmP95 - ISSUE_15.warmMs)}`)]);
  if (m1) {
    rows.push(['cold search at 1,000,000 quotes, search only: bytes, worst query', 'not measured', `≤ ${ISSUE_15.millionBytes / 1e6} MB`, kb(m1.most), verdict(m1.most, m1.most <= ISSUE_15.millionBytes, `by ${kb(m1.most - ISSUE_15.millionBytes)}`)]);
    const q = m1.slowestRun;
    if (q) {
      // The same queries natively, on the same files (`dossier-bench 1000000`): the slowest
      // of them to open and answer.
      const native = read('bench-native-1m.txt')?.match(/at most ([\d.]+) ms to open and answer natively/)?.[1];
      // Where that query's time went (cold.js marks each phase's end).
      const marks = [['fetched', 'the first round of files'], ['opened', 'opening the index'], ['read', 'reading its chunks'],
        ['missing', 'the chunks still missing'], ['ranked', 'ranking'], ['excerpts', 'the excerpts'], ['end', 'explaining the first screen']];
      const ends = { ...q.phases, end: q.time };
      const spent = q.phases ? marks.map(([k, label], i) => `${label} ${ms(ends[k] - (i ? ends[marks[i - 1][0]] : 0))}`).join(', ') : '';
      const why = `by ${ms(m1.slowest - ISSUE_15.millionMs)} on \`${q.query}\` (${q.hits.toLocaleString('en')} quotes): ${kb(q.bytes)} in ${q.chunks + q.excerpts + 2} files (${q.chunks} index chunks, ${q.excerpts} excerpts files, the terms and columns) over ${q.rounds} round trips${spent ? ` (a run of that time: ${spent})` : ''}`
        + `${native ? `, where natively every query opens and answers within ${native} ms (\`dossier-bench 1000000\`): the rest is fetching and reading the files in the browser, and the wasm's first calls` : ''}`;
      rows.push(['the same: first request to the first screen of hits explained, worst query', 'not measured', `≤ ${ISSUE_15.millionMs} ms on localhost`, `${ms(m1.slowest)} (\`${q.query}\`)`, verdict(m1.slowest, m1.slowest <= ISSUE_15.millionMs, why)]);
    } else {
      rows.push(['the same: first request to the first screen of hits explained, worst query', 'not measured', `≤ ${ISSUE_15.millionMs} ms on localhost`, 'no query answered', 'not measured in this run']);
    }
  }
} else {
  rows.push(['the sharded search cold and warm', ...absent('bench-scale-1m.json')]);
}
const build = read('bench-scale-build.txt');
if (build) {
  const clock = build.match(/Elapsed \(wall clock\).*\):\s*(?:(\d+):)?(\d+):([\d.]+)/);
  const seconds = clock ? Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) : NaN;
  const rss = Number(build.match(/Maximum resident set size \(kbytes\):\s*(\d+)/)?.[1] ?? NaN) * 1024;
  const pages = build.match(/wrote (\d+) pages/)?.[1];
  const site = build.match(/site: (\d+) bytes in (\d+) files/);
  const whole = Math.round(seconds);
  const time = Number.isFinite(whole) ? `${Math.floor(whole / 60)} min ${whole % 60} s` : 'not read';
  rows.push(['release build of the 100,000 / 10,000 site (`trunk build --release`; its wasm already compiled by the builds before it here: from nothing, 2 min 4 s in the README)', '3 min 20 s', `≤ ${ISSUE_15.buildSeconds / 60} min`, time, verdict(seconds, seconds <= ISSUE_15.buildSeconds, `by ${whole - ISSUE_15.buildSeconds} s`)]);
  // GB of 10^9 bytes, of the maximum resident set `time -v` reports in KiB.
  rows.push(['its peak memory (GB of 10⁹ bytes)', '1.27 GB', `≤ ${ISSUE_15.buildMemory / 1e9} GB`, Number.isFinite(rss) ? `${(rss / 1e9).toFixed(2)} GB` : 'not read', verdict(rss, rss <= ISSUE_15.buildMemory, `by ${((rss - ISSUE_15.buildMemory) / 1e9).toFixed(2)} GB`)]);
  const size = site && pages ? `${Number(pages).toLocaleString('en')} pages; ${(Number(site[1]) / 1e9).toFixed(2)} GB in ${Number(site[2]).toLocaleString('en')} files` : 'not read';
  rows.push(['its size', '110,305 pages, 1.3 GB', 'reported', size, '']);
} else {
  rows.push(['the build of the large site', ...absent('bench-scale-build.txt')]);
}
console.log('\n### Targets of issue 15 (newsroom scale), this run, beside the figures it was filed with\n');
console.log('| target | when the issue was filed | goal | this run | verdict |\n|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log('\nThe true result sets (`lavorv`, `turkiye`, `geneve`, `zurich`) are in the targets of issues 7, 14 and 16 above (run.mjs; the whole index); that the sharded answers equal the whole index\'s, on random queries and filters, is a test (`cargo test`), not a figure.');
