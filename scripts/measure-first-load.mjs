// Prints the JavaScript a first visit to a page downloads: every <script src> in its HTML,
// raw and gzip-compressed. Usage: node scripts/measure-first-load.mjs http://127.0.0.1:3000/
import { gzipSync } from 'node:zlib';

const url = process.argv[2] ?? 'http://127.0.0.1:3000/';
const html = await (await fetch(url)).text();
const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
let raw = 0;
let gzip = 0;
for (const src of sources) {
  const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
  raw += body.length;
  gzip += gzipSync(body).length;
}
const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + m[1].length, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`${url}: ${sources.length} scripts, ${kb(raw)} raw, ${kb(gzip)} gzip; inline script ${kb(inline)}; HTML ${kb(html.length)}`);
