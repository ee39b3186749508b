// Times Dossier (wasm), MiniSearch and FlexSearch on the same corpus and queries.
// Each engine is configured for what Dossier offers: prefix matching on the last word,
// typo tolerance and accent folding, every word required, the speaker searchable.
import init, { SynthBench } from './dossier-bench-wasm.js';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };

async function gzipSize(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

function time(f) {
  const start = performance.now();
  const out = f();
  return [out, performance.now() - start];
}

window.runBench = async (n, reps) => {
  await init();
  const result = { n, engines: {} };
  const [bench, loadMs] = time(() => new SynthBench(n, 2025));
  const [, indexMs] = time(() => bench.build_index());
  // The same index shipped as bytes: its size, and loading it instead of building it.
  const indexBytes = bench.index_bytes();
  const dossierIndexGz = await gzipSize(indexBytes);
  const [, indexLoadMs] = time(() => bench.load_index(indexBytes));
  const queries = JSON.parse(SynthBench.queries());
  const quotes = JSON.parse(bench.quotes_json());
  const truths = Object.fromEntries(queries.map((q) => [q, bench.truth(q) ? [...bench.truth(q)] : null]));

  const mini = new MiniSearch({
    fields: ['text', 'speaker'],
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
    // Accent folding, as MiniSearch's documentation suggests.
    processTerm: (term) => term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(),
  });
  const [, miniIndexMs] = time(() => mini.addAll(quotes));
  const miniIndexGz = await gzipSize(JSON.stringify(mini));

  const flex = new FlexSearch.Index({ tokenize: 'forward', encoder: FlexSearch.Charset.LatinBalance });
  const [, flexIndexMs] = time(() => { for (const q of quotes) flex.add(q.id, `${q.text} ${q.speaker}`); });

  const engines = {
    Dossier: { search: (q) => bench.search(q), indexMs, loadMs, indexGz: dossierIndexGz, indexLoadMs, indexRaw: indexBytes.length },
    MiniSearch: { search: (q) => mini.search(q).map((r) => r.id), indexMs: miniIndexMs, indexGz: miniIndexGz },
    FlexSearch: { search: (q) => flex.search(q, { limit: n }), indexMs: flexIndexMs, indexGz: null },
  };
  for (const [name, engine] of Object.entries(engines)) {
    const perQuery = {};
    const all = [];
    for (const q of queries) {
      const samples = [];
      let [hits, first] = time(() => engine.search(q));
      // Browsers coarsen timers (to 0.1 ms here): a fast query is repeated within one
      // sample until the sample lasts about 2 ms, and the sample is the mean of those.
      const inner = Math.min(1000, Math.max(1, Math.ceil(2 / Math.max(first, 0.01))));
      for (let i = 0; i < reps; i++) {
        const [h, ms] = time(() => { let out; for (let k = 0; k < inner; k++) out = engine.search(q); return out; });
        samples.push(ms / inner);
        hits = h;
      }
      all.push(...samples);
      const truth = truths[q];
      let recall = null; let precision = null;
      if (truth) {
        const found = new Set(Array.from(hits, Number));
        const right = truth.filter((i) => found.has(i)).length;
        recall = `${right}/${truth.length}`;
        precision = `${right}/${found.size}`;
      }
      perQuery[q] = { median: median(samples), p95: p95(samples), hits: hits.length, recall, precision };
    }
    result.engines[name] = { perQuery, median: median(all), p95: p95(all), indexMs: engine.indexMs, loadMs: engine.loadMs ?? null, indexGz: engine.indexGz, indexLoadMs: engine.indexLoadMs ?? null, indexRaw: engine.indexRaw ?? null };
  }
  result.corpusGz = await gzipSize(bench.quotes_json());
  document.getElementById('status').textContent = 'done';
  return result;
};
document.getElementById('status').textContent = 'ready';
