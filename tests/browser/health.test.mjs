// The youth health room in the browser: questions typed as a teen types them, routed on the
// device to cards in order of urgency (follow-up, crisis card, topic chips, kept questions); the
// quick exit by its button and by Escape three times (the page replaced, no history entry to go
// back to, what the room kept erased); and privacy, from Chromium's own network log: no request
// carries any part of a question, and none goes to another origin.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {assert, assertEqual} from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (relative) => JSON.parse(readFileSync(path.join(root, relative), 'utf8'));

const content = readJson('assets/triage/content.json');
const resources = readJson('assets/triage/resources.json');
const catalogs = {ja: readJson('assets/i18n/ja/health.json'),
                  en: readJson('assets/i18n/en/health.json')};
const exitUrl = content.quick_exit.url;

const questions = {
  ja: {urgent: 'きのうゴムが破れた…', crisis: 'もう消えたい', consult: '友達とうまくいかない',
       framed: '死ぬほど眠い'},
  en: {urgent: 'the condom broke last night', crisis: 'i want to disappear',
       consult: 'i have no friends', framed: 'so tired i could die lol'},
};

function text(app) {
  return catalogs[app.language];
}

// Scrolls down until a widget matching test() is on screen; returns it.
// Scrolls down to the end, then up to the top, until a widget passes test.
async function reveal(app, test, what, steps = 40) {
  let direction = 1;
  for (let step = 0; step < steps; ++step) {
    const state = await app.inspect();
    const found = state.widgets.find(test);
    if (found) return app.scrollIntoView({id: found.id || undefined, label: found.label});
    if (direction > 0 && state.scroll.y >= state.scroll.max - 1) direction = -1;
    else if (direction < 0 && state.scroll.y <= 0) break;
    await app.scrollBy(direction * 300);
  }
  throw new Error(`scrolled and did not find ${what}`);
}

async function scrollToTop(app) {
  for (let step = 0; step < 30; ++step) {
    const state = await app.inspect();
    if (state.widgets.some((w) => w.id === 'health.question')) return;
    await app.scrollBy(-600);
  }
}

async function openRoom(app) {
  await app.open();
  await app.tap({id: 'home.service.health'});
  await app.waitForScreen('health');
  await app.find({id: 'health.question'}, 20_000);
}

async function ask(app, question) {
  await scrollToTop(app);
  await app.type({id: 'health.question'}, question);
  await app.tap({id: 'health.ask'});
  return app.find({id: 'health.answer'});
}

// Clears the question field (select all, delete) so the next one starts clean.
async function clearQuestion(app) {
  await scrollToTop(app);
  await app.tap({id: 'health.question'});
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Delete');
  await app.settle();
}

// Polls an async condition (IndexedDB is written in the background).
async function waitUntil(check, what, timeout = 5_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function storedHealthKeys(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const request = indexedDB.open('machiba', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('values');
    request.onsuccess = () => {
      const db = request.result;
      const keys = db.transaction('values').objectStore('values').getAllKeys();
      keys.onsuccess = () => {
        db.close();
        resolve(keys.result.map(String).filter((key) => key.startsWith('health/')));
      };
      keys.onerror = () => resolve(['<error>']);
    };
    request.onerror = () => resolve(['<error>']);
  }));
}

// The neutral page, served by the test: the machine has no internet.
async function serveNeutralPage(app) {
  await app.page.route(exitUrl, (route) => route.fulfill(
      {status: 200, contentType: 'text/html', body: '<title>天気</title><p>weather</p>'}));
}

async function keepAndAsk(app) {
  await reveal(app, (w) => w.id === 'health.keep', 'the keep toggle');
  await app.tap({id: 'health.keep'});
  await ask(app, questions[app.language].consult);
  await waitUntil(async () => (await storedHealthKeys(app.page)).includes('health/questions'),
                  'the kept question in IndexedDB').catch(() => {});
  const kept = await storedHealthKeys(app.page);
  assert(kept.includes('health/questions'), `kept keys: ${kept.join(', ')}`);
}

async function checkExited(app, historyBefore) {
  await app.page.waitForURL(exitUrl, {timeout: 10_000});
  const historyAfter = await app.page.evaluate(() => history.length);
  assertEqual(historyAfter, historyBefore, 'history length after the quick exit');

  // Back never returns to the health room.
  await app.page.goBack({timeout: 5_000}).catch(() => null);
  assert(!app.page.url().includes('#/health'), `back returned to ${app.page.url()}`);

  // What the room kept is gone.
  await app.page.goto(app.url + '/');
  await app.waitReady();
  const kept = await storedHealthKeys(app.page);
  assertEqual(kept.length, 0, `health keys left after the quick exit (${kept.join(', ')})`);
}

export const tests = [
  {
    name: 'a question is routed to cards by urgency, with follow-up, crisis card and chips',
    sizes: ['phone', 'desktop'],
    languages: ['ja', 'en'],
    timeoutMs: 240_000,
    async run(app) {
      const strings = text(app);
      const language = app.language;
      await openRoom(app);
      await app.find({id: 'health.quick_exit'});
      await app.screenshot('health-start');

      // 1. A broken condom: urgent, the pharmacy, and "how many hours ago?".
      const urgent = await ask(app, questions[language].urgent);
      assertEqual(urgent.label, content.routes.urgent.title[language], 'the urgent card');
      const followUp = content.follow_ups.find((f) => f.id === 'hours_since_unprotected_sex');
      await reveal(app, (w) => w.id === 'health.resource.emergency_contraception_pharmacy',
                   'the emergency contraception card');
      await app.screenshot('health-urgent');
      const option = followUp.options.find((o) => o.id === 'within_72h');
      await reveal(app, (w) => w.label === option.label[language], 'the follow-up option');
      await app.tap({label: option.label[language]});
      await reveal(app, (w) => w.label === option.advice[language], 'the follow-up advice');

      // 2. A wish to disappear: 24-hour lines first, each with a tel: link.
      await clearQuestion(app);
      const crisis = await ask(app, questions[language].crisis);
      assertEqual(crisis.label, content.routes.crisis.title[language], 'the crisis card');
      const call = await reveal(app, (w) => w.id === 'health.resource.yorisoi.call',
                                'the Yorisoi call link');
      const yorisoi = resources.resources.find((r) => r.id === 'yorisoi');
      assertEqual(call.value, `tel:${yorisoi.tel}`, 'the Yorisoi link');
      await app.screenshot('health-crisis');

      // 3. Hyperbole: no crisis route, but the crisis card stays within reach.
      await clearQuestion(app);
      const framed = await ask(app, questions[language].framed);
      assert(framed.label !== content.routes.crisis.title[language], 'hyperbole went to crisis');
      await reveal(app, (w) => w.id === 'health.crisis', 'the crisis card under a lower route');

      // 4. The chat's opening state and the café are always on the page.
      await reveal(app, (w) => w.label.startsWith(strings.chat_status.split('{')[0]),
                   'the chat status');
      await reveal(app, (w) => w.label.startsWith(strings.cafe_status.split('{')[0]),
                   'the café status');

      // 5. A topic chip instead of typing.
      await scrollToTop(app);
      const body = content.topics.body.label[language];
      await reveal(app, (w) => w.label === body, 'the body chip');
      await app.tap({label: body});
      const browse = await app.find({id: 'health.answer'});
      assertEqual(browse.label, content.routes.consult.title[language], 'the chip answer');
      await reveal(app, (w) => w.id === 'health.article.periods', 'the periods article');
      await app.screenshot('health-chip');
    },
  },
  {
    name: 'kept questions stay on this phone until wiped',
    sizes: ['phone'],
    languages: ['ja'],
    timeoutMs: 120_000,
    async run(app) {
      await openRoom(app);
      await ask(app, questions.ja.consult);
      assertEqual((await storedHealthKeys(app.page)).length, 0, 'keys stored while keep is off');
      await keepAndAsk(app);
      await app.reload();
      await app.tap({id: 'home.service.health'}).catch(() => {});
      await app.waitForScreen('health');
      await reveal(app, (w) => w.id === 'health.kept.0', 'the kept question after a reload');
      await app.screenshot('health-kept');
      await reveal(app, (w) => w.id === 'health.wipe', 'the wipe button');
      await app.tap({id: 'health.wipe'});
      await waitUntil(async () => !(await storedHealthKeys(app.page)).includes(
          'health/questions'), 'the wipe to reach IndexedDB');
    },
  },
  {
    name: 'quick exit by its button replaces the page and erases what the room kept',
    sizes: ['phone'],
    languages: ['ja', 'en'],
    timeoutMs: 120_000,
    async run(app) {
      await serveNeutralPage(app);
      await openRoom(app);
      await keepAndAsk(app);
      const historyBefore = await app.page.evaluate(() => history.length);
      await app.tap({id: 'health.quick_exit'}).catch(() => {});
      await checkExited(app, historyBefore);
    },
  },
  {
    name: 'quick exit by Escape pressed three times',
    sizes: ['desktop'],
    languages: ['ja'],
    timeoutMs: 120_000,
    async run(app) {
      await serveNeutralPage(app);
      await openRoom(app);
      await keepAndAsk(app);
      const historyBefore = await app.page.evaluate(() => history.length);
      for (let i = 0; i < 3; ++i) await app.page.keyboard.press('Escape');
      await checkExited(app, historyBefore);
    },
  },
  {
    name: 'no request carries any part of a question, and none leaves the origin',
    sizes: ['phone'],
    languages: ['ja', 'en'],
    timeoutMs: 180_000,
    async run(app) {
      const origin = new URL(app.url).origin;
      const requests = [];
      app.page.on('request', async (request) => {
        requests.push({url: request.url(), method: request.method(),
                       headers: await request.allHeaders().catch(() => request.headers()),
                       body: request.postData() || ''});
      });

      // 1. Every path: typed questions, a follow-up, chips, keep, a kept question, wipe.
      await openRoom(app);
      const typed = Object.values(questions[app.language]);
      await keepAndAsk(app);
      for (const question of typed) {
        await clearQuestion(app);
        await ask(app, question);
      }
      const followUp = content.follow_ups.find((f) => f.id === 'hours_since_unprotected_sex');
      await clearQuestion(app);
      await ask(app, questions[app.language].urgent);
      const option = followUp.options[0].label[app.language];
      await reveal(app, (w) => w.label === option, 'a follow-up option');
      await app.tap({label: option});
      await scrollToTop(app);
      for (const topic of ['mind', 'body', 'sex']) {
        const label = content.topics[topic].label[app.language];
        await reveal(app, (w) => w.label === label, `the ${topic} chip`);
        await app.tap({label});
        await scrollToTop(app);
      }
      await reveal(app, (w) => w.id === 'health.kept.0', 'a kept question');
      await app.tap({id: 'health.kept.0'});
      await reveal(app, (w) => w.id === 'health.wipe', 'the wipe button');
      await app.tap({id: 'health.wipe'});
      await app.page.waitForTimeout(500);

      // 2. The network log: nothing of any question, in URL, header or body; one origin only.
      assert(requests.length > 0, 'the log recorded no requests at all');
      const pieces = new Set();
      for (const question of typed) {
        const compact = question.replace(/\s+/g, '');
        const size = /^[\x00-\x7f]*$/.test(question) ? 5 : 2;
        for (let i = 0; i + size <= compact.length; ++i) pieces.add(compact.slice(i, i + size));
        pieces.add(question);
      }
      for (const request of requests) {
        if (request.url.startsWith('data:') || request.url.startsWith('blob:')) continue;
        assertEqual(new URL(request.url).origin, origin, `the origin of ${request.url}`);
        const raw = [request.url, JSON.stringify(request.headers), request.body].join('\n');
        let decoded = raw;
        try { decoded = decodeURIComponent(raw); } catch { /* keep the raw text */ }
        const haystack = (raw + '\n' + decoded).replace(/\s+/g, '');
        for (const piece of pieces) {
          assert(!haystack.includes(piece),
                 `a request carries "${piece}" of a question: ${request.method} ${request.url}`);
        }
      }
      console.log(`privacy: ${requests.length} requests checked against ${pieces.size} pieces`);
    },
  },
];
