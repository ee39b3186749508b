// One cold search of the sharded index, as the quotes page runs it: the terms, the columns
// and the chunks the words surely read (postings, and the said chunks of the speakers they
// name, guessed from the catalog's names) fetched side by side, any chunk still missing, then
// the excerpts files of the first screen of hits, which are explained. Past the HTTP cache
// (`no-store`), so every query is cold. The catalog (which the page has before it
// searches) is read before the clock starts. Then the same query warm, as a reader's next
// keystroke costs once its files are in: its words expanded and its quotes ranked anew
// (not the page's last ranking, which it reuses only for the very same query) and its
// first screen explained, `WARM` times, nothing fetched. The files are those `dossier-bench` wrote into the
// folder the page's `?dir=` names (`cold`, 1,000,000 quotes, unless it says otherwise).
import init, { ColdSearch } from './dossier-bench-wasm.js';

const dir = new URLSearchParams(location.search).get('dir') ?? 'cold';
const WARM = 5;

const get = async (file) => {
  const response = await fetch(`${dir}/${file}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${dir}/${file}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

window.coldSearch = async (q) => {
  // The room the quotes page's list has in this window, where the benchmark measured it
  // (`?room=`): its first screen is what shows of the list, as the page counts it.
  const params = new URLSearchParams(location.search);
  const room = params.has('room') ? Number(params.get('room')) : NaN;
  const search = new ColdSearch(await get('catalog.bin'), q, window.innerHeight, room);
  const start = performance.now();
  // Where the time goes: each phase's end, from the start.
  const phases = {};
  const mark = (phase) => { phases[phase] = performance.now() - start; };
  const likely = Array.from(search.likely());
  const [terms, columns, ...chunks] = await Promise.all([get('terms.bin'), get('columns.bin'), ...likely.map((k) => get(`chunk-${k}.bin`))]);
  mark('fetched');
  search.open(terms, columns);
  mark('opened');
  for (const chunk of chunks) search.add_chunk(chunk);
  mark('read');
  const missing = Array.from(search.missing());
  for (const chunk of await Promise.all(missing.map((k) => get(`chunk-${k}.bin`)))) search.add_chunk(chunk);
  mark('missing');
  const files = Array.from(search.rank());
  mark('ranked');
  for (const excerpts of await Promise.all(files.map((f) => get(`excerpts-${f}.bin`)))) search.add_excerpts(excerpts);
  mark('excerpts');
  const hits = search.first_screen();
  const time = performance.now() - start;
  // The bytes as served (gzip), the catalog aside.
  const bytes = performance.getEntriesByType('resource')
    .filter((e) => e.name.includes(`/${dir}/`) && !e.name.endsWith('/catalog.bin'))
    .reduce((sum, e) => sum + e.encodedBodySize, 0);
  const warm = [];
  for (let i = 0; i < WARM; i++) {
    const t0 = performance.now();
    search.warm();
    warm.push(performance.now() - t0);
  }
  // Round trips: the terms, columns and likely chunks; the chunks missing, if any; the excerpts.
  const rounds = 1 + (missing.length ? 1 : 0) + (files.length ? 1 : 0);
  return { time, bytes, hits, screen: search.screen(), chunks: likely.length + missing.length, excerpts: files.length, rounds, warm, phases };
};

await init();
document.getElementById('status').textContent = 'ready';
