// A plain static file server for the release build, as a static host would serve it:
// files as they are, `dir/index.html` for `dir/`, and `404.html` (status 404) otherwise.
// No rewrite rules. Usage: node serve.mjs <dist-dir> <port>
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '../../dist');
const port = Number(process.argv[3] ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
};

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
  const target = normalize(join(root, pathname));
  const found = target.startsWith(root) ? await file(target) : null;
  const page = found ?? (await file(join(root, '404.html')));
  if (!page) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(found ? 200 : 404, { 'content-type': types[extname(page.path)] ?? 'application/octet-stream' });
  res.end(page.body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
