// The staff's opinion analysis in headless Chromium: a staff member logs in, opens the analysis
// from the staff menu, chooses a file of 20,000 opinions through the browser's real file chooser,
// sees the progress bar while the worker runs, then finds the clusters with their key phrases,
// the map, the filters with share differences, and no unmasked phone number anywhere; a second,
// larger file is cancelled mid-run. Screenshots of each step go to build/screenshots/.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync} from 'node:fs';
import path from 'node:path';

import {assert} from './helpers.mjs';
import {addStaff} from './campaigns.test.mjs';

// The benchmark's deterministic generator makes the files (the first COUNT opinions of it).
function corpus(app, count) {
  const folder = path.join(app.root, 'build/browser-analysis');
  mkdirSync(folder, {recursive: true});
  const file = path.join(folder, `opinions-${count}.jsonl`);
  if (!existsSync(file)) {
    execFileSync('python3', [path.join(app.root, 'tests/bench/analysis/generate_corpus.py'), file,
                             String(count)], {stdio: ['ignore', 'ignore', 'pipe']});
  }
  return file;
}

async function logIn(app, account) {
  await app.open();
  await app.tap({id: 'shell.menu'});
  await app.tap({id: 'shell.staff'});
  await app.waitForScreen('staff');
  await app.type({id: 'staff.login.name'}, account.name);
  await app.type({id: 'staff.login.password'}, account.password);
  await app.tap({id: 'staff.login.submit'});
  await app.find({id: 'staff.menu.heading'}, 15_000);
}

// Taps the app's "choose a file" button and answers the browser's file chooser it opens.
async function chooseFile(app, file) {
  const chooser = app.page.waitForEvent('filechooser', {timeout: 10_000});
  await app.tap({id: 'analysis.choose'});
  await (await chooser).setFiles(file);
}

const clusterCards = (state) =>
  state.widgets.filter((widget) => /^analysis\.cluster\.\d+$/.test(widget.id || ''));

export const tests = [
  {
    name: 'staff analyse a file of opinions: progress, clusters with phrases, map, filters',
    languages: ['ja', 'en'],
    timeoutMs: 300_000,
    async run(app) {
      const account = addStaff(app, 'editor');
      const file = corpus(app, 20000);

      // 1. From the staff menu to the analysis screen.
      await logIn(app, account);
      await app.tap({id: 'staff.menu.analysis'});
      await app.waitForScreen('staff/analysis');
      await app.find({id: 'analysis.choose'});
      await app.screenshot('analysis-start');

      // 2. The file, through the browser's file chooser; the progress bar shows while it runs.
      await chooseFile(app, file);
      const progress = await app.find({id: 'analysis.progress', role: 'progressbar'}, 15_000);
      assert(Number(progress.value) < 1, `the progress bar starts below 1 (${progress.value})`);
      await app.find({id: 'analysis.cancel'});
      await app.screenshot('analysis-progress');

      // 3. The clusters, each with key phrases that read as words.
      //    (At phone size the list starts below the map: wait for the map, then scroll.)
      const state = await app.waitFor(
          (current) => current.widgets.some((widget) => widget.id === 'analysis.map') && current,
          'the clusters', 90_000);
      assert(!state.widgets.some((widget) => widget.id === 'analysis.progress'),
             'the progress bar is gone once the clusters are shown');
      const map = state.widgets.find((widget) => widget.id === 'analysis.map');
      assert(map, 'the map is drawn');
      const clusters = Number(map.value);
      assert(clusters >= 10 && clusters <= 60, `about the cube root of 20,000 clusters: ${clusters}`);
      await app.screenshot('analysis-map');

      // 4. Down the whole list: every cluster has key phrases that read as words, and no phone
      //    number shows unmasked anywhere.
      const cards = new Map();
      for (let step = 0; step < 40; ++step) {
        const current = await app.inspect();
        for (const card of clusterCards(current)) cards.set(card.id, card);
        for (const widget of current.widgets) {
          assert(!/0[789]0-?\d{4}-?\d{4}/.test(`${widget.label} ${widget.value}`),
                 `a phone number shows unmasked: ${widget.label}`);
        }
        if (current.scroll.y >= current.scroll.max - 1) break;
        await app.scrollBy(400);
      }
      assert(cards.size === clusters, `all ${clusters} clusters listed (${cards.size})`);
      for (const card of cards.values()) {
        assert(card.value.length > 0, `cluster ${card.label} has key phrases`);
        assert(!/(^|・)(難訓|ットも|してほ)/.test(card.value), `no fragments in ${card.value}`);
      }
      const phrases = [...cards.values()].map((card) => card.value).join('・');
      const expected = ['ペット', 'ドッグラン', '自習室', 'スタンプラリー', 'トイレ', '遊具', 'VR',
                        '自転車', 'ベンチ', 'スケボー', 'Wi-Fi', 'WIFI', '公園', '避難訓練'];
      const seen = expected.filter((phrase) => phrases.includes(phrase));
      assert(seen.length >= 6, `the topics' words among the phrases (${seen}): ${phrases}`);

      // 5. The first cluster opens with its typical opinions.
      await app.tap({id: 'analysis.cluster.1'});
      await app.waitFor((current) => current.widgets.some(
          (widget) => widget.role === 'text' && widget.label.startsWith('「')),
          'the typical opinions of the first cluster');
      await app.screenshot('analysis-clusters');

      // 6. A filter by age band: each cluster now shows its share and the difference.
      //    (The filters are above the list: scroll up to them rather than search down first.)
      for (let step = 0; step < 40; ++step) {
        const current = await app.inspect();
        if (current.widgets.some((widget) => widget.id === 'analysis.filter.1')) break;
        await app.scrollBy(-400);
      }
      await app.tap({id: 'analysis.filter.1'});
      await app.tap({id: 'analysis.value.0'});
      await app.scrollIntoView({id: 'analysis.cluster.1'});
      const filtered = await app.waitFor((current) => {
        const chip = current.widgets.find((widget) => widget.id === 'analysis.value.0');
        const shown = clusterCards(current);
        return chip && chip.checked === true && shown.length > 0 &&
               shown.every((card) => /[+-]\d+\.\d ?pt/.test(card.value)) && shown;
      }, 'each cluster with its share in the first age band and the difference');
      assert(filtered.length > 0, 'clusters shown under the filter');
      await app.screenshot('analysis-filter');
    },
  },
  {
    name: 'staff cancel an analysis that is running',
    languages: ['ja'],
    timeoutMs: 120_000,
    async run(app) {
      const account = addStaff(app, 'editor');
      const file = corpus(app, 100000);
      await logIn(app, account);
      await app.tap({id: 'staff.menu.analysis'});
      await app.waitForScreen('staff/analysis');
      await chooseFile(app, file);
      await app.find({id: 'analysis.progress'}, 15_000);
      await app.tap({id: 'analysis.cancel'});
      await app.find({id: 'analysis.choose'});
      const state = await app.inspect();
      assert(!state.widgets.some((widget) => widget.id === 'analysis.progress'),
             'no progress bar after cancelling');
      assert(clusterCards(state).length === 0, 'no clusters from a cancelled run');
      await app.screenshot('analysis-cancelled');
    },
  },
];
