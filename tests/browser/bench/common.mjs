// What the benchmark's runners share (run.mjs, timelines.mjs, scale*.mjs): order
// statistics, the figures' format, issue 15's targets, and the static server they
// measure against.
import { spawn } from 'node:child_process';

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
export const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };
export const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
export const kb = (b) => `${(b / 1000).toFixed(1)} KB`;

// Issue 15's targets (newsroom scale), which scale.mjs, scale-1m.mjs and scale-targets.mjs
// judge: a record page's bytes at most `recordBytes` times the bundled build's, a list's
// at most `listBytes` more, each page's time to hydrated at most `time` times; a cold
// search at 100,000 quotes within `coldBytes` and `coldMs`; warm queries' p95 within
// `warmMs`; a cold search at 1,000,000 within `millionBytes` and `millionMs`; the large
// build within `buildSeconds` and `buildMemory` bytes.
export const ISSUE_15 = {
  recordBytes: 1.1, listBytes: 60_000, time: 1.2,
  coldBytes: 300_000, coldMs: 150, warmMs: 16,
  millionBytes: 1_000_000, millionMs: 300,
  buildSeconds: 240, buildMemory: 2e9,
};

// Serves `dir` on port `on` like a static host (serve.mjs); fails with a reason if it cannot.
export async function serve(dir, on) {
  const child = spawn('node', [new URL('../serve.mjs', import.meta.url).pathname, dir, String(on)], { stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  child.on('exit', () => { exited = true; });
  await new Promise((r) => setTimeout(r, 500));
  if (exited) throw new Error(`cannot serve ${dir} on port ${on} (is something else listening there?)`);
  return child;
}
