// What the benchmark's runners share (run.mjs, timelines.mjs): order statistics, the
// figures' format, and the static server they measure against.
import { spawn } from 'node:child_process';

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
export const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };
export const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

// Serves `dir` on port `on` like a static host (serve.mjs); fails with a reason if it cannot.
export async function serve(dir, on) {
  const child = spawn('node', [new URL('../serve.mjs', import.meta.url).pathname, dir, String(on)], { stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  child.on('exit', () => { exited = true; });
  await new Promise((r) => setTimeout(r, 500));
  if (exited) throw new Error(`cannot serve ${dir} on port ${on} (is something else listening there?)`);
  return child;
}
