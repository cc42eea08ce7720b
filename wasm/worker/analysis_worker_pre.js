// The analysis worker's message side, put before the wasm module's own script (--pre-js). The
// page (wasm/screens/analysis, or the benchmark) posts
//   {type: 'analyze', bytes: ArrayBuffer, name, seed, words, lexicon: base URL of assets/analysis}
// and hears back {type: 'progress', stage, fraction} while it runs, then one of
//   {type: 'done', screen, report, csv, markdown, seconds, analysis_seconds, heap_bytes}
//   {type: 'error', error, message, line}.
// A cancel is the page terminating the worker: the analysis runs without pause, so no message
// could reach it before it ends.
'use strict';

var machibaReady = new Promise((resolve) => {
  Module['onRuntimeInitialized'] = resolve;
});
var machibaLexiconBase = null;

function machibaString(text) {
  const size = Module['lengthBytesUTF8'](text) + 1;
  const pointer = Module['_malloc'](size);
  Module['stringToUTF8'](text, pointer, size);
  return pointer;
}

async function machibaLoadLexicon(base) {
  if (machibaLexiconBase === base) return;
  const texts = await Promise.all(['variants.tsv', 'stop_words.txt'].map(async (name) => {
    const response = await fetch(base + name);
    if (!response.ok) throw new Error(base + name + ': HTTP ' + response.status);
    return response.text();
  }));
  const variants = machibaString(texts[0]);
  const stopWords = machibaString(texts[1]);
  const answer = Module['UTF8ToString'](Module['_machiba_worker_lexicon'](variants, stopWords));
  Module['_free'](variants);
  Module['_free'](stopWords);
  if (answer) throw new Error(JSON.parse(answer).message);
  machibaLexiconBase = base;
}

self.onmessage = async (event) => {
  const message = event.data;
  if (!message || message.type !== 'analyze') return;
  try {
    const started = performance.now();
    await machibaReady;
    await machibaLoadLexicon(message.lexicon || 'assets/analysis/');
    const bytes = new Uint8Array(message.bytes);
    const pointer = Module['_malloc'](bytes.length + 1);
    Module['HEAPU8'].set(bytes, pointer);
    Module['HEAPU8'][pointer + bytes.length] = 0;
    const request = machibaString(JSON.stringify({
      name: message.name || '', seed: message.seed || 1, words: message.words || {},
    }));
    const answer = Module['UTF8ToString'](
        Module['_machiba_worker_analyze'](pointer, bytes.length, request));
    Module['_free'](pointer);
    Module['_free'](request);
    if (answer) {
      postMessage(Object.assign({type: 'error'}, JSON.parse(answer)));
      return;
    }
    const parts = [0, 1, 2, 3].map((part) =>
        Module['UTF8ToString'](Module['_machiba_worker_result'](part)));
    Module['_machiba_worker_release']();
    postMessage({
      type: 'done', screen: parts[0], report: parts[1], csv: parts[2], markdown: parts[3],
      seconds: (performance.now() - started) / 1000,
      analysis_seconds: Module['_machiba_worker_seconds'](),
      heap_bytes: Module['_machiba_worker_heap_bytes'](),
    });
  } catch (error) {
    postMessage({type: 'error', error: 'worker.failed', message: String(error && error.message || error),
                 line: 0});
  }
};
