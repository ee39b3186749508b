// One cold search of the sharded index at 1,000,000 quotes, as the quotes page runs it:
// the terms, the columns and the chunks the words surely read fetched side by side, any
// chunk still missing, then the excerpts files of the first screen of hits, which are
// explained. Past the HTTP cache (`no-store`), so every query is cold. The catalog (which
// the page has before it searches) is read before the clock starts.
import init, { ColdSearch } from './dossier-bench-wasm.js';

const get = async (file) => {
  const response = await fetch(`cold/${file}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`cold/${file}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

window.coldSearch = async (q) => {
  const search = new ColdSearch(await get('catalog.bin'), q);
  const start = performance.now();
  const likely = Array.from(search.likely());
  const [terms, columns, ...chunks] = await Promise.all([get('terms.bin'), get('columns.bin'), ...likely.map((k) => get(`chunk-${k}.bin`))]);
  search.open(terms, columns);
  for (const chunk of chunks) search.add_chunk(chunk);
  const missing = Array.from(search.missing());
  for (const chunk of await Promise.all(missing.map((k) => get(`chunk-${k}.bin`)))) search.add_chunk(chunk);
  const files = Array.from(search.rank());
  for (const excerpts of await Promise.all(files.map((f) => get(`excerpts-${f}.bin`)))) search.add_excerpts(excerpts);
  const hits = search.first_screen();
  const time = performance.now() - start;
  // The bytes as served (gzip), the catalog aside.
  const bytes = performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/cold/') && !e.name.endsWith('/catalog.bin'))
    .reduce((sum, e) => sum + e.encodedBodySize, 0);
  return { time, bytes, hits, chunks: likely.length + missing.length, excerpts: files.length };
};

await init();
document.getElementById('status').textContent = 'ready';
