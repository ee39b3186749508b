// A plain static file server for the release build, as a static host would serve it:
// files as they are, `dir/index.html` for `dir/`, and `404.html` (status 404) otherwise.
// No rewrite rules. Like common hosts it gzips text and wasm when the browser accepts it,
// caches content-hashed assets for good and makes pages revalidate.
// Usage: node serve.mjs <dist-dir> <port> [<base path>]: with a base path (`/sub`), the
// site is served under it, as a GitHub Pages project site is, and nothing outside it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? '../../dist');
const port = Number(process.argv[3] ?? 4173);
const base = (process.argv[4] ?? '').replace(/\/+$/, '');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
};

const gzipped = new Map();

async function file(path) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return file(join(path, 'index.html'));
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    pathname = '/__malformed__';
  }
  if (base) {
    const inside = pathname === base || pathname.startsWith(`${base}/`);
    if (!inside) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: this host serves ${base}/ only`);
      return;
    }
    pathname = pathname.slice(base.length) || '/';
  }
  const target = normalize(join(root, pathname));
  const found = target.startsWith(root) ? await file(target) : null;
  const page = found ?? (await file(join(root, '404.html')));
  if (!page) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const ext = extname(page.path);
  const headers = {
    'content-type': types[ext] ?? 'application/octet-stream',
    // Trunk and `dossier pages` name assets by a hash of their content (Trunk's hex hash
    // has no leading zeros, so it can be shorter than 16 digits).
    'cache-control': /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(basename(page.path)) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  let body = page.body;
  if (ext !== '.png' && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    body = gzipped.get(page.path) ?? gzipSync(page.body, { level: 9 });
    gzipped.set(page.path, body);
    headers['content-encoding'] = 'gzip';
    headers.vary = 'accept-encoding';
  }
  res.writeHead(found ? 200 : 404, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
