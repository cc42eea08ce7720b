// The app shell in headless Chromium: loading, the home screen's four services, the top bar and
// its menu, Japanese text through the hidden-input bridge, paste, the IndexedDB store across a
// reload, the language switch, drawing only on change, touch scrolling, tap targets, sharpness and
// the desktop layout. Widgets are found through window.machiba.inspect(); every action is a real
// input event.
import {assert, assertEqual} from './helpers.mjs';

const services = [
  {id: 'home.service.health', route: 'health'},
  {id: 'home.service.campaigns', route: 'campaigns'},
  {id: 'home.service.sdgs_fund', route: 'rules/sdgs-fund'},
  {id: 'home.service.public_contract', route: 'rules/public-contract'},
];

const tappableRoles = new Set(['button', 'link', 'textbox', 'checkbox', 'radio', 'chip', 'tab',
                               'menuitem']);

function widgetById(state, id) {
  return state.widgets.find((widget) => widget.id === id);
}

async function waitForLanguage(app, language) {
  return app.waitFor((state) => state.language === language && state, `language ${language}`);
}

async function openMenu(app) {
  await app.tap({id: 'shell.menu'});
  await app.find({id: 'shell.language.0'});
}

// Every widget a finger can hit is at least 44 CSS px in both directions.
function checkTapTargets(state, where) {
  const small = state.widgets.filter((widget) => tappableRoles.has(widget.role) &&
                                                 (widget.rect.height < 44 || widget.rect.width < 44));
  const list = small.map((widget) => `${widget.id} ${widget.rect.width}x${widget.rect.height}`);
  assert(small.length === 0, `${where}: tap targets under 44 CSS px: ${list.join(', ')}`);
}

export const tests = [
  {
    name: 'the loading screen shows progress, then the home screen lists the four services',
    languages: ['ja', 'en'],
    async run(app) {
      // 1. Record what the loading screen's bar says while the page downloads.
      await app.page.addInitScript(() => {
        window.machibaTestProgress = [];
        document.addEventListener('DOMContentLoaded', () => {
          const loading = document.getElementById('loading');
          new MutationObserver(() => {
            window.machibaTestProgress.push(Number(loading.getAttribute('aria-valuenow')));
          }).observe(loading, {attributes: true, attributeFilter: ['aria-valuenow']});
        });
      });
      await app.open();

      // 2. The bar moved through intermediate values up to 100, and the loading screen left.
      const progress = await app.page.evaluate(() => window.machibaTestProgress);
      assert(progress.length >= 2, `the progress bar moved ${progress.length} times`);
      assertEqual(Math.max(...progress), 100, 'the highest progress value');
      assert(progress.some((value) => value > 0 && value < 100),
             `no intermediate progress value in ${progress.join(',')}`);
      await app.page.waitForSelector('#loading', {state: 'detached', timeout: 5_000});

      // 3. The home screen, in the browser's language, with the four services.
      const state = await app.waitForScreen('home');
      assertEqual(state.language, app.language, 'the language picked from the browser');
      assertEqual(await app.page.evaluate(() => document.documentElement.lang), app.language,
                  '<html lang>');
      checkTapTargets(state, 'home');
      await app.screenshot('shell-home');
      for (const service of services) {
        const widget = await app.scrollIntoView({id: service.id});
        assert(widget.label.length > 0, `${service.id} has no label`);
      }
      await app.scrollIntoView({id: 'home.heading'});
      const heading = await app.find({id: 'home.heading'});
      assertEqual(heading.label, app.language === 'ja' ? '品川区のサービス' : 'Shinagawa City services',
                  'the home heading');
    },
  },

  {
    name: 'each service opens its screen and back returns home',
    languages: ['ja', 'en'],
    async run(app) {
      await app.open();
      for (const service of services) {
        // 1. Tap the card: the service's screen opens with its title in the top bar.
        const card = await app.tap({id: service.id});
        const state = await app.waitForScreen(service.route);
        const title = widgetById(state, 'shell.title');
        assert(title && title.label.length > 0, `${service.route} has no title`);
        // A title too long for the top bar is cut at a character and ends with an ellipsis.
        const shown = await app.waitFor(
            (current) => {
              const drawn = widgetById(current, 'shell.title');
              return drawn?.value && drawn;
            }, 'the title as drawn');
        assert(shown.value === title.label ||
                   (shown.value.endsWith('\u2026') && shown.value.length <= title.label.length &&
                    title.label.startsWith(shown.value.slice(0, -1).trimEnd())),
               `the title drawn as "${shown.value}" for "${title.label}"`);
        assert(shown.rect.x + shown.rect.width <= widgetById(state, 'shell.menu').rect.x,
               `the title "${shown.value}" runs under the menu button`);
        assert(widgetById(state, 'shell.back'), `${service.route} has no back button`);
        assertEqual(state.depth, 2, `the depth on ${service.route}`);
        checkTapTargets(state, service.route);
        await app.screenshot(`shell-${service.route.replace('/', '-')}`);
        assert(card.label.length > 0, 'the card had a label');

        // 2. The app's back button goes home, through the browser's history.
        await app.tap({id: 'shell.back'});
        await app.waitForScreen('home');
      }

      // 3. The browser's own back button works too.
      await app.tap({id: services[0].id});
      await app.waitForScreen(services[0].route);
      await app.page.goBack();
      await app.waitForScreen('home');
    },
  },

  {
    name: 'Japanese typed through the hidden input arrives in the search field',
    async run(app) {
      await app.open();

      // 1. insertText is what an IME commits; it must arrive once, as typed.
      await app.type({id: 'home.search'}, 'ほけん');
      let state = await app.waitFor(
          (current) => widgetById(current, 'home.search')?.value === 'ほけん' && current,
          'the search field to hold ほけん');
      assertEqual(await app.page.evaluate(() => document.activeElement.id), 'machiba-text',
                  'the focused element while typing');

      // 2. The search narrows the services to the health room.
      state = await app.waitFor((current) => !widgetById(current, 'home.service.campaigns') &&
                                             current, 'the other services to be filtered out');
      assert(widgetById(state, 'home.service.health'), 'the health room matches ほけん');

      // 3. Backspace from the keyboard edits the same text; a second word appends.
      await app.press('Backspace');
      await app.page.keyboard.insertText('けんしつ');
      await app.settle();
      state = await app.waitFor(
          (current) => widgetById(current, 'home.search')?.value === 'ほけけんしつ' && current,
          'the search field to hold ほけけんしつ');
      await app.screenshot('shell-typed');
    },
  },

  {
    name: 'the search finds a service by its reading, in any width of kana',
    sizes: ['phone'],
    async run(app) {
      await app.open();

      // Half-width katakana for じょせい (subsidy): only the fund check has that word.
      await app.type({id: 'home.search'}, '\uFF7C\uFF9E\uFF6E\uFF7E\uFF72');
      const state = await app.waitFor(
          (current) => !widgetById(current, 'home.service.health') && current,
          'the services to be filtered by ｼﾞｮｾｲ');
      assert(widgetById(state, 'home.service.sdgs_fund'), 'the fund check matches ｼﾞｮｾｲ');
      assert(!widgetById(state, 'home.service.campaigns') &&
                 !widgetById(state, 'home.service.public_contract'),
             'only the fund check matches ｼﾞｮｾｲ');
    },
  },

  {
    name: 'pasted text arrives in the search field',
    sizes: ['desktop'],
    async run(app) {
      await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'],
                                                {origin: app.url});
      await app.open();
      await app.tap({id: 'home.search'});
      await app.page.evaluate(() => navigator.clipboard.writeText('品川 助成'));
      await app.press('Control+V');
      await app.waitFor((state) => widgetById(state, 'home.search')?.value === '品川 助成',
                        'the pasted text in the search field');
    },
  },

  {
    name: 'the language chosen in the menu is stored in IndexedDB and survives a reload',
    async run(app) {
      await app.open();
      await waitForLanguage(app, 'ja');

      // 1. Switch to English from the menu.
      await openMenu(app);
      await app.screenshot('shell-menu');
      const english = await app.find({id: 'shell.language.1'});
      assertEqual(english.checked, false, 'English checked before the switch');
      await app.tap({id: 'shell.language.1'});
      await waitForLanguage(app, 'en');
      await app.find({id: 'home.heading', label: 'Shinagawa City services'});
      assertEqual(await app.page.evaluate(() => document.documentElement.lang), 'en',
                  '<html lang> after the switch');

      // 2. The write reaches IndexedDB (looked at with the browser's own API), then a reload
      //    starts in English although the browser asks for Japanese.
      await app.page.waitForFunction(() => window.machiba.pendingWrites() === 0);
      const stored = await app.page.evaluate(() => new Promise((resolve, reject) => {
        const request = indexedDB.open('machiba');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction('values').objectStore('values')
                           .get('app/language');
          read.onsuccess = () => resolve(read.result);
          read.onerror = () => reject(read.error);
        };
      }));
      assertEqual(stored, 'en', 'app/language in IndexedDB');
      await app.reload();
      await waitForLanguage(app, 'en');
      await app.find({id: 'home.heading', label: 'Shinagawa City services'});

      // 3. And back to Japanese.
      await openMenu(app);
      await app.tap({id: 'shell.language.0'});
      await waitForLanguage(app, 'ja');
      await app.find({id: 'home.heading', label: '品川区のサービス'});
    },
  },

  {
    name: 'an idle page draws no frames, and input draws a few',
    async run(app) {
      await app.open();
      await app.page.waitForTimeout(1_000);

      // 1. Two seconds without input: nothing to draw.
      const before = await app.frames();
      await app.page.waitForTimeout(2_000);
      const idle = (await app.frames()) - before;
      assert(idle <= 1, `the idle page drew ${idle} frames in 2 s`);

      // 2. A pointer moving over the page wakes it, then it goes idle again.
      const state = await app.inspect();
      if (app.touch) await app.scrollBy(40);
      else await app.page.mouse.move(state.viewport.width / 2, 300);
      await app.settle();
      const woken = await app.frames();
      assert(woken > before, 'input drew no frame');
      await app.page.waitForTimeout(1_000);
      const settled = await app.frames();
      await app.page.waitForTimeout(1_000);
      const after = (await app.frames()) - settled;
      assert(after <= 1, `after input the page kept drawing: ${after} frames in 1 s`);
    },
  },

  {
    name: 'a finger drag scrolls with momentum and does not tap',
    sizes: ['phone'],
    async run(app) {
      await app.open();
      const start = await app.inspect();
      assertEqual(start.scroll.y, 0, 'the scroll position at start');
      assert(start.scroll.max > 200, `the home screen scrolls only ${start.scroll.max} CSS px`);

      // 1. A quick upward flick of 60 CSS px in 60 ms that starts on a card.
      const x = start.viewport.width / 2;
      const card = widgetById(start, 'home.service.health');
      const fromY = Math.min(card.rect.y + card.rect.height / 2, start.viewport.height - 100);
      await app.drag({x, y: fromY}, {x, y: fromY - 60}, {steps: 4, stepMs: 15});

      // 2. Momentum: the content travels well past the finger's 60 px, then comes to rest.
      let previous = -1;
      let state = await app.inspect();
      for (let i = 0; i < 40 && state.scroll.y !== previous; ++i) {
        previous = state.scroll.y;
        await app.page.waitForTimeout(250);
        state = await app.inspect();
      }
      assert(state.scroll.y > 120, `the flick scrolled only ${state.scroll.y} CSS px`);
      assertEqual(state.scroll.y, previous, 'the scroll position once momentum ends');

      // 3. The drag began on a card but opened nothing, and a slow drag that rests before
      //    lifting moves exactly as far as the finger.
      assertEqual(state.screen, 'home', 'the screen after a drag');
      const before = state.scroll.y;
      await app.drag({x, y: 300}, {x, y: 400}, {steps: 4, stepMs: 30, holdMs: 150});
      await app.settle();
      const after = (await app.inspect()).scroll.y;
      assert(Math.abs(before - 100 - after) <= 2,
             `a 100 px drag down moved the content from ${before} to ${after}`);
      await app.screenshot('shell-scrolled');
    },
  },

  {
    name: 'the staff log window shows the app log',
    async run(app) {
      await app.open();
      await openMenu(app);
      checkTapTargets(await app.inspect(), 'the menu');
      await app.tap({id: 'shell.log'});
      await app.waitForScreen('log');
      await app.find({role: 'text', label: /^started in ja$/});
      await app.screenshot('shell-log');
    },
  },

  {
    name: 'after one visit the app opens without a network',
    async run(app) {
      // 1. The first visit installs the service worker, which keeps the app's files.
      await app.open();
      await app.page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) =>
            navigator.serviceWorker.addEventListener('controllerchange', resolve, {once: true}));
        }
      });

      // 2. Offline, a reload still starts the app and shows the four services.
      const context = app.page.context();
      await context.setOffline(true);
      try {
        await app.reload();
        const state = await app.waitForScreen('home');
        assert(widgetById(state, 'home.service.health'), 'the health room offline');
        await app.tap({id: 'home.service.campaigns'});
        await app.waitForScreen('campaigns');
      } finally {
        await context.setOffline(false);
      }

      // Screens that ask the server while offline may say so in the console.
      app.allowConsoleError(/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/);
    },
  },

  {
    name: 'the canvas is drawn at the device pixel ratio',
    async run(app) {
      await app.open();
      const canvas = await app.page.evaluate(() => {
        const element = document.getElementById('canvas');
        const rect = element.getBoundingClientRect();
        return {width: element.width, height: element.height, cssWidth: rect.width,
                cssHeight: rect.height, ratio: window.devicePixelRatio};
      });
      const expectedRatio = app.size === 'phone' ? 3 : 1;
      assertEqual(canvas.ratio, expectedRatio, 'devicePixelRatio');
      assertEqual(canvas.width, Math.round(canvas.cssWidth * canvas.ratio), 'canvas width');
      assertEqual(canvas.height, Math.round(canvas.cssHeight * canvas.ratio), 'canvas height');
      const state = await app.inspect();
      assertEqual(state.viewport.pixelRatio, expectedRatio, 'the ratio the app draws at');
    },
  },

  {
    name: 'a desktop gets a wider layout with services side by side',
    sizes: ['desktop'],
    languages: ['ja', 'en'],
    async run(app) {
      await app.open();
      const state = await app.inspect();
      const health = widgetById(state, 'home.service.health');
      const campaigns = widgetById(state, 'home.service.campaigns');
      assert(health && campaigns, 'the first two services are on screen');
      assertEqual(campaigns.rect.y, health.rect.y, 'the second card sits beside the first');
      assert(campaigns.rect.x > health.rect.x + health.rect.width,
             'the second card is to the right of the first');
      const heading = widgetById(state, 'home.heading');
      assert(heading.rect.width >= 700 && heading.rect.width <= 1040,
             `the content column is ${heading.rect.width} CSS px wide`);
      await app.screenshot('shell-home-wide');

      // A mouse over a card shows the hand; over the page's background, the arrow.
      const cursor = () => app.page.evaluate(() => document.getElementById('canvas').style.cursor);
      await app.page.mouse.move(health.rect.x + 40, health.rect.y + 40);
      await app.settle();
      assertEqual(await cursor(), 'pointer', 'the cursor over a card');
      await app.page.mouse.move(20, state.viewport.height - 20);
      await app.settle();
      assertEqual(await cursor(), 'default', 'the cursor over the background');
    },
  },
];
