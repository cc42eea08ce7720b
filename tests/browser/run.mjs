// Runs the browser tests: every tests/browser/*.test.mjs, against machiba-serve on a free port,
// in Debian's Chromium driven by playwright-core, at a phone size and a desktop size. It builds
// nothing. Prints one line per test and ends with "N passed, M failed"; exits non-zero on failure.
//
//   node tests/browser/run.mjs [--filter TEXT] [--size phone|desktop] [--language ja|en]
//
// Environment: MACHIBA_SERVE (default build/native/bin/machiba-serve), MACHIBA_SITE (default
// build/wasm/site), MACHIBA_URL (use a server that is already running instead of starting one).
import {spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';

import {App, sizes} from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const testTimeoutMs = 90_000;

function parseArguments(list) {
  const options = {filter: '', size: '', language: ''};
  for (let i = 0; i < list.length; ++i) {
    const name = list[i].replace(/^--/, '');
    if (!(name in options) || i + 1 >= list.length) {
      console.error('usage: node tests/browser/run.mjs [--filter TEXT] [--size phone|desktop] ' +
                    '[--language ja|en]');
      process.exit(2);
    }
    options[name] = list[++i];
  }
  return options;
}

// Starts machiba-serve on a free port with a throwaway database; resolves with its address,
// read from the first line it prints ("listening on http://127.0.0.1:PORT").
function startServer(temporary) {
  const binary = process.env.MACHIBA_SERVE || path.join(root, 'build/native/bin/machiba-serve');
  const site = process.env.MACHIBA_SITE || path.join(root, 'build/wasm/site');
  const server = spawn(binary, ['--port', '0', '--site', site, '--assets', path.join(root, 'assets'),
                                '--db', path.join(temporary, 'browser-tests.sqlite3')],
                       {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
  const errors = [];
  server.stderr.on('data', (chunk) => errors.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('machiba-serve did not say where it listens ' +
                                                    'within 20 s: ' + errors.join(''))), 20_000);
    server.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${binary}: ${error.message}`));
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`machiba-serve exited with ${code}: ${errors.join('').trim()}`));
    });
    server.stdout.on('data', (chunk) => {
      buffered += chunk.toString();
      const match = buffered.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve({url: match[1].replace(/\/$/, ''), server});
      }
    });
  });
}

async function loadTests(options) {
  const files = readdirSync(here).filter((name) => name.endsWith('.test.mjs')).sort();
  const cases = [];
  for (const file of files) {
    const module = await import(pathToFileURL(path.join(here, file)).href);
    for (const test of module.tests || []) {
      const testSizes = test.sizes || ['phone', 'desktop'];
      const languages = test.languages || ['ja'];
      for (const size of testSizes) {
        for (const language of languages) {
          const name = `${file.replace('.test.mjs', '')}: ${test.name}`;
          if (options.filter && !name.includes(options.filter)) continue;
          if (options.size && options.size !== size) continue;
          if (options.language && options.language !== language) continue;
          cases.push({name, size, language, test});
        }
      }
    }
  }
  return cases;
}

function withTimeout(promise, milliseconds, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${milliseconds} ms`)),
                       milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// One Chromium profile per size and language: the device scale, touch and locale are fixed when
// a context is made.
async function launch(size, language, temporary) {
  const profile = mkdtempSync(path.join(temporary, `profile-${size}-${language}-`));
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: language === 'en' ? 'en-US' : 'ja-JP',
    ...sizes[size],
  });
}

async function runCase(context, url, entry) {
  // A clean origin for every test: nothing stored by an earlier one.
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', {origin: url, storageTypes: 'all'});
  const app = new App(page, {url, size: entry.size, language: entry.language, root});
  try {
    await withTimeout(entry.test.run(app), entry.test.timeoutMs || testTimeoutMs, 'the test');
    app.checkConsole();
  } finally {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const temporary = mkdtempSync(path.join(tmpdir(), 'machiba-browser-'));
  let passed = 0;
  let failed = 0;
  let retried = 0;
  let server = null;

  try {
    const cases = await loadTests(options);
    let url = process.env.MACHIBA_URL;
    if (!url) {
      const started = await startServer(temporary);
      url = started.url;
      server = started.server;
    }
    console.log(`browser tests: ${cases.length} runs against ${url}`);

    const groups = new Map();
    for (const entry of cases) {
      const key = `${entry.size}/${entry.language}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(entry);
    }
    for (const [key, entries] of groups) {
      const [size, language] = key.split('/');
      const context = await launch(size, language, temporary);
      try {
        for (const entry of entries) {
          const started = Date.now();
          const label = `${entry.name} [${entry.size} ${entry.language}]`;
          const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
          const reason = (error) => error.message.split('\n').join('\n      ');
          try {
            await runCase(context, url, entry);
            ++passed;
            console.log(`ok    ${label} (${seconds()} s)`);
          } catch (error) {
            // FIXME: runs failed now and then on a loaded machine, most of them because a test
            // read the screen before ImGui had taken in a whole tap (settle() now waits for
            // that). Until CI shows no more second tries, a failed run gets one more try on a
            // clean page, and says so; then remove this.
            try {
              await runCase(context, url, entry);
              ++passed;
              ++retried;
              console.log(`ok    ${label} (${seconds()} s, on its second try; the first: ` +
                          `${reason(error)})`);
            } catch (again) {
              ++failed;
              const first = again.message === error.message ? ''
                                                            : `\n      first try: ${reason(error)}`;
              console.log(`FAIL  ${label}: ${reason(again)}${first}`);
            }
          }
        }
      } finally {
        await context.close().catch(() => {});
      }
    }
  } catch (error) {
    ++failed;
    console.log(`FAIL  the browser test run could not start: ${error.message}`);
  } finally {
    if (server) server.kill('SIGTERM');
    rmSync(temporary, {recursive: true, force: true});
  }

  if (retried) console.log(`${retried} of the passed runs needed a second try`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
