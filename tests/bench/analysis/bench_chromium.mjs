// The analysis in headless Chromium, the way the staff screen runs it: the app's analysis worker
// (build/wasm/app/analysis_worker.js) in a Web Worker of a page served over loopback, given the
// corpus's bytes. Prints one JSON line: the analysis's seconds (reading the file and writing the
// results excluded, as natively), the seconds from posting the file to holding every result,
// and the worker's wasm heap at the end (it only grows, so it is the peak).
//
//   node tests/bench/analysis/bench_chromium.mjs CORPUS.jsonl [WASM_BUILD]
import {createServer} from 'node:http';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const [corpus, wasmBuild = path.join(root, 'build/wasm')] = process.argv.slice(2);
if (!corpus) {
  console.error('usage: node bench_chromium.mjs CORPUS.jsonl [WASM_BUILD]');
  process.exit(2);
}

const files = {
  '/': ['text/html', Buffer.from('<!doctype html><meta charset="utf-8"><title>bench</title>')],
  '/analysis_worker.js': ['text/javascript',
                          readFileSync(path.join(wasmBuild, 'app/analysis_worker.js'))],
  '/corpus.jsonl': ['application/x-ndjson', readFileSync(corpus)],
  '/assets/analysis/variants.tsv': ['text/plain',
                                    readFileSync(path.join(root, 'assets/analysis/variants.tsv'))],
  '/assets/analysis/stop_words.txt': [
    'text/plain', readFileSync(path.join(root, 'assets/analysis/stop_words.txt'))],
};
const server = createServer((request, response) => {
  const file = files[new URL(request.url, 'http://localhost').pathname];
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {'content-type': file[0]}).end(file[1]);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
         '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  const result = await page.evaluate(async () => {
    const bytes = await (await fetch('/corpus.jsonl')).arrayBuffer();
    const worker = new Worker('/analysis_worker.js');
    const started = performance.now();
    const done = await new Promise((resolve, reject) => {
      worker.onmessage = (event) => {
        if (event.data.type === 'done') resolve(event.data);
        if (event.data.type === 'error') reject(new Error(event.data.message));
      };
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage({type: 'analyze', bytes, name: 'corpus.jsonl', lexicon: '/assets/analysis/'},
                         [bytes]);
    });
    const elapsed = (performance.now() - started) / 1000;
    worker.terminate();
    const screen = JSON.parse(done.screen);
    return {
      opinions: screen.opinions, clusters: screen.clusters.length,
      seconds: done.analysis_seconds, total_seconds: elapsed,
      peak_mib: done.heap_bytes / (1024 * 1024),
    };
  });
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}
