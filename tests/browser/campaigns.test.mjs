// The residents' side of the ward's campaigns in headless Chromium, against a real machiba-serve:
// the list, the slides (buttons, dots, keyboard arrows, a mouse drag), the four kinds of question
// with the required mark and the character counter, the draft kept across a reload, the
// confirmation, and the outbox: an opinion sent while the network is cut waits on the device,
// survives a reload, and arrives exactly once when the network comes back (checked through the
// staff API). Every action is a real input event; nothing of the app's logic is called.
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

import {assert, assertEqual} from './helpers.mjs';

const parks = 'neighbourhood-parks-2026';

// ---- The server's database and a staff account, to check what arrived ---------------------------

// The machiba-serve that run.mjs started is a child of this very process; its --db is the file
// the staff command line must write to.
export function serverDatabase() {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const at = args.indexOf('--db');
      if (at >= 0) return path.resolve(args[at + 1]);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error('no machiba-serve started by this test run (MACHIBA_URL set?): the staff ' +
                  'account cannot be made');
}

// Makes a staff account with `machiba staff add` on the server's database.
export function addStaff(app, role = 'admin') {
  const name = `tester-${app.size}-${app.language}-${Date.now() % 100000}`;
  const password = `correct horse ${Math.random().toString(36).slice(2)}`;
  const machiba = process.env.MACHIBA_CLI || path.join(app.root, 'build/native/bin/machiba');
  execFileSync(machiba, ['staff', 'add', name, '--role', role, '--db', serverDatabase()],
               {input: password + '\n', stdio: ['pipe', 'pipe', 'pipe']});
  // The staff screen first asks whether this browser has a session; before the login the
  // answer is 401, which Chromium logs as a failed resource. Any other 401 still counts.
  app.allowConsoleError(/^HTTP 401 for \S+\/api\/v1\/staff\/session$/);
  app.allowConsoleError(/^Failed to load resource: the server responded with a status of 401/);
  return {name, password};
}

// The staff API from node, with its own session (cookie and CSRF token).
export async function staffApi(app, account) {
  const response = await fetch(app.url + '/api/v1/staff/login', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({name: account.name, password: account.password}),
  });
  assertEqual(response.status, 200, 'the staff login through the API');
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const {csrf_token: csrf} = await response.json();
  return {
    async get(route) {
      const answer = await fetch(app.url + route, {headers: {cookie}});
      assertEqual(answer.status, 200, `GET ${route}`);
      return answer.json();
    },
    csrf,
  };
}

// ---- Driving the app ----------------------------------------------------------------------------

const text = {
  ja: {comment: 'ベンチの近くに水飲み場がほしいです。', sent: '区に届きました。'},
  en: {comment: 'A drinking fountain near the benches would help.', sent: 'It has reached'},
};

async function openParks(app) {
  await app.open();
  await app.tap({id: 'home.service.campaigns'});
  await app.waitForScreen('campaigns');
  await app.tap({id: `campaigns.open.${parks}`});
  await app.waitForScreen('campaigns/detail');
}

async function currentSlide(app) {
  const state = await app.inspect();
  const dot = state.widgets.find((widget) => widget.id.startsWith('campaign.slide.dot.') &&
                                             widget.checked === true);
  return dot ? Number(dot.id.split('.').pop()) : -1;
}

async function waitForSlide(app, index) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const slide = await currentSlide(app);
    if (slide === index) return;
    if (Date.now() > deadline) throw new Error(`expected slide ${index}, on slide ${slide}`);
    await app.page.waitForTimeout(50);
  }
}

// Scrolls in small steps until the widget is in view well above the bottom edge (a button near
// the edge of a phone screen is where a thumb and a scroll fight), then taps it.
export async function reach(app, query, {up = false, tap = true} = {}) {
  const look = async () => {
    const state = await app.inspect();
    return [state, state.widgets.find((item) => (query.id instanceof RegExp
      ? query.id.test(item.id) : item.id === query.id))];
  };
  for (let attempt = 0; attempt < 40; ++attempt) {
    // Boxes that fit their content take their height a frame late: wait for a still layout.
    let [state, widget] = await look();
    for (let still = 0; still < 10; ++still) {
      await app.page.waitForTimeout(80);
      const [again, moved] = await look();
      const same = (widget && moved && widget.rect.y === moved.rect.y) || (!widget && !moved);
      [state, widget] = [again, moved];
      if (same) break;
    }
    if (widget && widget.rect.y >= 64 &&
        widget.rect.y + widget.rect.height <= state.viewport.height - 24) {
      return tap ? app.tap(query) : widget;
    }
    await app.scrollBy(up ? -150 : 150);
  }
  throw new Error(`could not reach ${JSON.stringify(query)}`);
}

// Replaces a text field's content: tap, select all, type.
export async function replaceText(app, query, value) {
  const widget = await app.tap(query);
  await app.waitFor((state) => state.widgets.find((other) => other.id === widget.id &&
                                                            other.focused),
                    `${widget.id} to take focus`);
  await app.press('Control+a');
  await app.page.keyboard.insertText(value);
  await app.settle();
}

async function answerRequired(app, comment) {
  await reach(app, {id: 'campaign.question.satisfaction.4'}, {up: true});
  await app.tap({id: `campaign.question.frequency.1`});
  await app.tap({id: `campaign.question.wishes.shade`});
  await app.type({id: 'campaign.question.comment'}, comment);
}

export const tests = [
  {
    name: 'a resident reads the slides, answers every kind of question and sends an opinion',
    languages: ['ja', 'en'],
    timeoutMs: 240_000,
    async run(app) {
      // 1. The list: the open campaign with its closing date, and the 2024 trial as closed.
      await app.open();
      await app.tap({id: 'home.service.campaigns'});
      await app.waitForScreen('campaigns');
      const card = await app.find({id: `campaigns.open.${parks}`});
      assert(card.label.length > 0, 'the open campaign has a title');
      await app.find({id: 'campaigns.closed.disaster-drill-2024'});
      await app.screenshot('campaigns-list');
      await app.tap({id: `campaigns.open.${parks}`});
      await app.waitForScreen('campaigns/detail');

      // 2. The slides: the first one fills the screen, with four dots and a disabled back.
      await app.find({id: 'campaign.slide.title'});
      assertEqual(await currentSlide(app), 0, 'the first slide');
      const dots = await app.findAll({id: /^campaign\.slide\.dot\.\d+$/});
      assertEqual(dots.length, 4, 'page dots');
      const back = await app.find({id: 'campaign.slide.previous'});
      assertEqual(back.enabled, false, 'back on the first slide');

      // The first slide's picture: decoded by the browser, then drawn, with its description.
      const picture = await app.waitFor(
          (state) => {
            const found = state.widgets.find((widget) => widget.id === 'campaign.slide.image');
            return found && found.value !== 'loading' && found;
          }, 'the slide picture to load');
      assertEqual(picture.value, 'shown', 'the slide picture');
      assert(picture.label.length > 10, 'the slide picture has a description');
      await app.screenshot('campaigns-slide');

      // 3. Next, a dot, and on the desktop the arrows and a mouse drag turn the slides.
      await app.tap({id: 'campaign.slide.next'});
      await waitForSlide(app, 1);
      await app.screenshot('campaigns-slide-list');
      await app.tap({id: 'campaign.slide.dot.2'});
      await waitForSlide(app, 2);
      if (!app.touch) {
        await app.press('ArrowLeft');
        await waitForSlide(app, 1);
        await app.press('ArrowRight');
        await waitForSlide(app, 2);
        const title = await app.find({id: 'campaign.slide.title'});
        const y = title.rect.y + title.rect.height + 40;
        await app.page.mouse.move(title.rect.x + title.rect.width * 0.8, y);
        await app.page.mouse.down();
        await app.page.mouse.move(title.rect.x + 10, y, {steps: 8});
        await app.page.mouse.up();
        await app.settle();
        await waitForSlide(app, 3);
      } else {
        await app.tap({id: 'campaign.slide.next'});
        await waitForSlide(app, 3);
      }
      await app.tap({id: 'campaign.slide.answer'});

      // 4. The questions: sending without the required answers is refused on the device.
      //    The page scrolls up to the first problem; the summary stays by the send button.
      await reach(app, {id: 'campaign.form.confirm'});
      const problem = await reach(app, {id: 'campaign.question.satisfaction.problem'},
                                  {up: true, tap: false});
      assertEqual(problem.role, 'alert', 'the required rating is reported');
      await app.screenshot('campaigns-questions-required');
      await app.scrollIntoView({id: 'campaign.form.problems'});

      // 5. Every kind of question, and the counter under the free text.
      const comment = `${text[app.language].comment} #${app.size}`;
      await answerRequired(app, comment);
      const counter = await app.find({id: 'campaign.question.comment.counter'});
      assert(counter.label.startsWith(`${[...comment].length} / 800`),
             `the counter says "${counter.label}"`);
      await app.tap({id: 'campaign.age_band.2'});
      await app.screenshot('campaigns-questions');

      // 6. The draft survives a reload: the same answers come back.
      await app.page.waitForFunction(() => window.machiba.pendingWrites() === 0);
      await openParks(app);
      const restored = await reach(app, {id: 'campaign.question.comment'}, {tap: false});
      assertEqual(restored.value, comment, 'the free text after a reload');
      const rating = await reach(app, {id: 'campaign.question.satisfaction.4'},
                                 {up: true, tap: false});
      assertEqual(rating.checked, true, 'the rating after a reload');

      // 7. Confirm, send, and see it acknowledged by the server.
      await reach(app, {id: 'campaign.form.confirm'});
      await app.find({id: 'campaign.confirm.send'});
      await app.screenshot('campaigns-confirm');
      await reach(app, {id: 'campaign.confirm.send'});
      await app.waitFor((state) => state.widgets.find(
          (widget) => widget.label.startsWith(text[app.language].sent)), 'the sent message');
      await app.screenshot('campaigns-sent');
    },
  },
  {
    name: 'an opinion sent offline waits on the device, survives a reload and arrives once',
    languages: ['ja'],
    timeoutMs: 240_000,
    async run(app) {
      app.allowConsoleError(/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to load resource/);
      const account = addStaff(app);
      const marker = `outbox-${app.size}-${Date.now()}`;
      let reachedServer = 0;

      // 1. Answer, then cut the network for opinions before sending.
      await openParks(app);
      await app.tap({id: 'campaign.slide.dot.3'});
      await app.tap({id: 'campaign.slide.answer'});
      await answerRequired(app, `オフラインで書いた意見 ${marker}`);
      await reach(app, {id: 'campaign.form.confirm'});
      await app.page.route('**/api/v1/campaigns/*/opinions', (route) =>
        route.abort('internetdisconnected'));
      await reach(app, {id: 'campaign.confirm.send'});
      await app.find({id: 'campaign.sent.retry'});
      await app.screenshot('campaigns-offline-waiting');

      // 2. The next try reaches the server, but its answer is lost on the way back: the server
      //    has stored it, the phone does not know.
      await app.page.unroute('**/api/v1/campaigns/*/opinions');
      await app.page.route('**/api/v1/campaigns/*/opinions', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        await route.fetch();
        reachedServer += 1;
        await route.abort('internetdisconnected');
      });
      await app.tap({id: 'campaign.sent.retry'});
      await app.waitFor(() => reachedServer > 0 || null, 'the retry to reach the server');
      await app.page.waitForFunction(() => window.machiba.pendingWrites() === 0);

      // 3. A reload while still unconfirmed: the outbox is on the device, not in the page.
      await app.reload();
      await app.tap({id: 'home.service.campaigns'});
      await app.waitForScreen('campaigns');
      await app.find({id: 'campaigns.outbox.send_now'});
      await app.screenshot('campaigns-outbox');

      // 4. The network comes back: the outbox sends it again, with the same key.
      await app.page.unroute('**/api/v1/campaigns/*/opinions');
      await app.tap({id: 'campaigns.outbox.send_now'});
      await app.waitFor((state) => !state.widgets.some(
          (widget) => widget.id === 'campaigns.outbox.send_now') && state,
                        'the outbox to empty', 40_000);

      // 5. Exactly one opinion with this text is stored.
      const staff = await staffApi(app, account);
      const found = await staff.get(
          `/api/v1/staff/campaigns/${parks}/opinions?q=${encodeURIComponent(marker)}`);
      assertEqual(found.opinions.length, 1, `opinions containing ${marker}`);
      assert(reachedServer >= 1, 'the lost answer was a real round trip');
    },
  },
];
