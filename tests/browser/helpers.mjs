// What browser tests use to drive the app like a person: find widgets by label through
// window.machiba.inspect(), then tap, type and scroll with real input events (touch on the phone
// size, the mouse on the desktop size, the keyboard and insertText for text). Never call the
// app's logic. Also: screenshots under build/screenshots/, and console errors fail the test.
import {mkdirSync} from 'node:fs';
import path from 'node:path';

export const sizes = {
  phone: {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true},
  desktop: {viewport: {width: 1280, height: 800}, deviceScaleFactor: 1, isMobile: false,
            hasTouch: false},
};

const topBarCss = 56;

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function describe(query) {
  return typeof query === 'string' ? `"${query}"` : JSON.stringify(query);
}

// A query is a label (exact, or a RegExp), or {label, id, role, index}.
function matches(widget, query) {
  const test = (value, wanted) =>
    wanted === undefined || (wanted instanceof RegExp ? wanted.test(value || '') : value === wanted);
  if (typeof query === 'string' || query instanceof RegExp) return test(widget.label, query);
  return test(widget.label, query.label) && test(widget.id, query.id) &&
         test(widget.role, query.role);
}

export class App {
  constructor(page, {url, size, language, root}) {
    this.page = page;
    this.url = url;
    this.size = size;
    this.language = language;
    this.root = root;
    this.consoleErrors = [];
    this.allowedErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`uncaught: ${error.message}`));
    // The console says only "Failed to load resource"; the address is in the response.
    page.on('response', (response) => {
      if (response.status() >= 400) {
        this.consoleErrors.push(`HTTP ${response.status()} for ${response.url()}`);
      }
    });
  }

  get touch() {
    return this.size === 'phone';
  }

  // ---- Loading ----------------------------------------------------------------------------------

  async open(route = '/') {
    await this.page.goto(this.url + route);
    await this.waitReady();
  }

  async reload() {
    await this.page.reload();
    await this.waitReady();
  }

  // Waits until the loading screen is gone and the app has drawn widgets.
  async waitReady(timeout = 30_000) {
    await this.page.waitForFunction(
        () => window.machiba && window.machiba.ready && window.machiba.inspect().widgets.length > 0,
        null, {timeout});
  }

  async inspect() {
    return this.page.evaluate(() => window.machiba.inspect());
  }

  // Polls inspect() until check(state) returns something truthy; returns it.
  async waitFor(check, what, timeout = 10_000) {
    const deadline = Date.now() + timeout;
    let state;
    for (;;) {
      state = await this.inspect();
      const result = check(state);
      if (result) return result;
      if (Date.now() > deadline) {
        const labels = state.widgets.map((widget) => `${widget.role}:${widget.label}`).join(' | ');
        throw new Error(`waited ${timeout} ms for ${what}; on screen "${state.screen}": ${labels}`);
      }
      await this.page.waitForTimeout(50);
    }
  }

  async find(query, timeout = 10_000) {
    return this.waitFor((state) => state.widgets.find((widget) => matches(widget, query)),
                        describe(query), timeout);
  }

  async findAll(query) {
    const state = await this.inspect();
    return state.widgets.filter((widget) => matches(widget, query));
  }

  async waitForScreen(route, timeout = 10_000) {
    return this.waitFor((state) => state.screen === route && state, `screen ${route}`, timeout);
  }

  // ---- Input --------------------------------------------------------------------------------------

  // Scrolls until the widget lies wholly between the top bar and the bottom edge: the mouse
  // wheel on the desktop, a finger drag on the phone. A widget not drawn yet (below or above the
  // visible part) is searched for by scrolling down to the end, then up to the top.
  async scrollIntoView(query) {
    let direction = 1;
    let triedDown = false;
    for (let attempt = 0; attempt < 40; ++attempt) {
      const state = await this.inspect();
      const widget = state.widgets.find((candidate) => matches(candidate, query));
      if (!widget) {
        // The end is only believed after one try downwards: a range read before the app has
        // drawn the frame that measures new content (a list that has just arrived) is short.
        const atEnd = direction > 0 ? triedDown && state.scroll.y >= state.scroll.max - 1
                                    : state.scroll.y <= 0;
        triedDown = triedDown || direction > 0;
        if (atEnd && direction < 0) break;
        if (atEnd) direction = -1;
        await this.scrollBy(direction * 300);
        continue;
      }
      if (widget.id && widget.id.startsWith('shell.')) return widget;
      const top = widget.rect.y;
      const bottom = widget.rect.y + widget.rect.height;
      const viewportBottom = state.viewport.height;
      if (top >= topBarCss && bottom <= viewportBottom) return widget;
      const distance = top < topBarCss ? top - topBarCss - 16 : bottom - viewportBottom + 16;
      await this.scrollBy(distance);
    }
    const state = await this.inspect();
    const labels = state.widgets.map((widget) => `${widget.role}:${widget.label}`).join(' | ');
    throw new Error(`could not scroll ${describe(query)} into view on "${state.screen}": ${labels}`);
  }

  // Scrolls the content by about this many CSS px (positive: further down the page).
  async scrollBy(distance) {
    const state = await this.inspect();
    const x = state.viewport.width / 2;
    const middle = (state.viewport.height + topBarCss) / 2;
    const step = Math.max(-400, Math.min(400, distance)); // a drag that fits a phone's screen
    if (this.touch) {
      await this.drag({x, y: middle + step / 2}, {x, y: middle - step / 2}, {steps: 4, holdMs: 120});
    } else {
      await this.page.mouse.move(x, middle);
      await this.page.mouse.wheel(0, step);
    }
    await this.settle();
    await this.waitForScrollToRest();
  }

  // A flick goes on moving after the finger lifts, and a tap during it only stops it: wait
  // until the content stands still, so that the next tap lands where inspect() said.
  async waitForScrollToRest(timeout = 3_000) {
    const deadline = Date.now() + timeout;
    let last = (await this.inspect()).scroll.y;
    while (Date.now() < deadline) {
      await this.page.waitForTimeout(60);
      const now = (await this.inspect()).scroll.y;
      if (now === last) return;
      last = now;
    }
  }

  // A finger drag with real touch events (through the DevTools protocol: Playwright's
  // touchscreen can only tap). The events carry time stamps stepMs apart, as a finger at 60 Hz
  // would, whatever the time the headless renderer takes per frame; holdMs > 0 holds the finger
  // still before lifting, so there is no fling.
  async drag(from, to, {steps = 10, stepMs = 16, holdMs = 0} = {}) {
    const cdp = await this.page.context().newCDPSession(this.page);
    const start = Date.now() / 1000;
    const send = (type, touchPoints, ms) =>
      cdp.send('Input.dispatchTouchEvent', {type, touchPoints, timestamp: start + ms / 1000});
    const point = (x, y) => [{x, y, id: 1, radiusX: 4, radiusY: 4, force: 1}];
    await send('touchStart', point(from.x, from.y), 0);
    for (let i = 1; i <= steps; ++i) {
      const x = from.x + ((to.x - from.x) * i) / steps;
      const y = from.y + ((to.y - from.y) * i) / steps;
      await send('touchMove', point(x, y), i * stepMs);
      await this.page.waitForTimeout(stepMs);
    }
    if (holdMs > 0) {
      await send('touchMove', point(to.x, to.y), steps * stepMs + holdMs);
      await this.page.waitForTimeout(holdMs);
    }
    await send('touchEnd', [], steps * stepMs + holdMs + 1);
    await cdp.detach();
  }

  // Taps (phone) or clicks (desktop) the middle of a widget found by label.
  async tap(query) {
    const widget = await this.scrollIntoView(query);
    assert(widget.enabled, `${describe(query)} is disabled`);
    const x = widget.rect.x + widget.rect.width / 2;
    const y = widget.rect.y + widget.rect.height / 2;
    if (this.touch) await this.page.touchscreen.tap(x, y);
    else await this.page.mouse.click(x, y);
    await this.settle();
    return widget;
  }

  // Taps a text field and types into it as a person with an IME would: the text arrives through
  // the page's text element as inserted (composed) text.
  async type(query, text) {
    const widget = await this.tap(query);
    await this.waitFor((state) => state.widgets.find(
        (other) => other.id === widget.id && other.focused), `${describe(query)} to take focus`);
    await this.page.keyboard.insertText(text);
    await this.settle();
  }

  async press(key) {
    await this.page.keyboard.press(key);
    await this.settle();
  }

  // Lets the app draw what the last input changed (it draws a few frames after each event). A
  // page that has gone (the quick exit replaces it) counts as settled.
  async settle() {
    const frames = () => this.page.evaluate(() => (window.machiba ? window.machiba.frames() : -1))
                             .catch(() => -1);
    const waitForFrames = async (count, timeout) => {
      const start = await frames();
      if (start < 0) return;
      await this.page.waitForFunction(
          (target) => !window.machiba || window.machiba.frames() >= target, start + count,
          {timeout}).catch(() => {});
    };
    await waitForFrames(2, 5_000);
    // A tap takes ImGui a frame each for the move, the press and the release: wait until it
    // has taken in all of it, then for the frame that shows what it did.
    const pending = await this.page.evaluate(
        () => (window.machiba ? window.machiba.inspect().inputPending : 0)).catch(() => 0);
    if (pending > 0) {
      await this.page.waitForFunction(
          () => !window.machiba || window.machiba.inspect().inputPending === 0, null,
          {timeout: 5_000}).catch(() => {});
      await waitForFrames(1, 2_000);
    }
    await this.page.waitForTimeout(30);
  }

  async frames() {
    return this.page.evaluate(() => window.machiba.frames());
  }

  // ---- Evidence -----------------------------------------------------------------------------------

  async screenshot(name) {
    const folder = path.join(this.root, 'build/screenshots');
    mkdirSync(folder, {recursive: true});
    const file = path.join(folder, `${name}-${this.size}-${this.language}.png`);
    await this.page.screenshot({path: file});
    return file;
  }

  // Console errors fail the test unless a test expects them.
  allowConsoleError(pattern) {
    this.allowedErrors.push(pattern);
  }

  checkConsole() {
    const unexpected = this.consoleErrors.filter(
        (text) => !this.allowedErrors.some((pattern) => pattern.test(text)));
    assert(unexpected.length === 0, `console errors: ${unexpected.join(' | ')}`);
  }
}
