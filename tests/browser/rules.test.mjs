// The program checks in the browser: each wizard answered to its result by taps and typing, in
// Japanese and in English, at phone size (and once on a desktop); answers kept across a reload;
// "forget my answers". Labels come from the translation catalogs and the packs, as a person reads
// them on the screen; nothing calls the app's logic.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {assert, assertEqual} from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (relative) => JSON.parse(readFileSync(path.join(root, relative), 'utf8'));

const packs = {
  'sdgs-fund': readJson('assets/programs/sdgs-fund.json'),
  'public-contract': readJson('assets/programs/public-contract.json'),
};
const catalogs = {
  ja: {rules: readJson('assets/i18n/ja/rules.json'), home: readJson('assets/i18n/ja/home.json')},
  en: {rules: readJson('assets/i18n/en/rules.json'), home: readJson('assets/i18n/en/home.json')},
};
const homeCards = {'sdgs-fund': 'sdgs_fund_title', 'public-contract': 'public_contract_title'};

// What a person answers, question by question. Typed answers are written as people write them:
// full-width digits and separators in Japanese.
const scenarios = {
  'sdgs-fund': {
    answers: {
      applicant_type: 'npo_corporation',
      financial_statement_years: {ja: '５', en: '5'},
      addresses_local_issue: true,
      contributes_to_sdgs: true,
      project_stage: 'proof_of_concept',
      aims_to_continue: true,
      funding_year: 'first',
      eligible_costs: {ja: '３，０００，０００円', en: '3,000,000'},
    },
    outcome: 'eligible',
    // 4/5 of 3,000,000 yen.
    amount: {ja: '2,400,000円', en: '2,400,000 yen'},
  },
  'public-contract': {
    answers: {
      contract_kind: 'cleaning',
      estimated_price: {ja: '25000000', en: '25,000,000'},
      signed_on: {ja: '２０２６年５月１日', en: '2026-05-01'},
      worker_role: 'employed',
      exclusively_on_contract: true,
      pay_basis: 'monthly',
      pay_amount: {ja: '２４００００', en: '240000'},
      hours_per_month: {ja: '160', en: '160'},
      employer: 'subcontractor',
    },
    // The floor for the year is in no source we have: the pay cannot be judged.
    outcome: 'needs_review',
    amount: {ja: '時給1,500円', en: '1,500 yen an hour'},
  },
};

function strings(app) {
  return catalogs[app.language];
}

// Scrolls down until a widget matching test() is on screen; returns it.
async function reveal(app, test, what, steps = 40) {
  for (let step = 0; step < steps; ++step) {
    const state = await app.inspect();
    const found = state.widgets.find(test);
    if (found) return app.scrollIntoView({id: found.id || undefined, label: found.label});
    await app.scrollBy(260);
  }
  throw new Error(`scrolled and did not find ${what}`);
}

async function openWizard(app, packId) {
  await app.tap(strings(app).home[homeCards[packId]]);
  await app.waitForScreen(`rules/${packId}`);
}

async function start(app) {
  await app.tap({id: 'rules.start'});
}

// The question on screen, as the pack's question whose label the heading shows.
async function currentQuestion(app, pack) {
  const state = await app.waitFor((s) => s.widgets.find(
      (widget) => widget.id === 'rules.question' || widget.id === 'rules.result.outcome'),
      'a question or the result');
  if (state.id === 'rules.result.outcome') return null;
  const question = pack.questions.find((q) => q.label[app.language] === state.label);
  assert(question, `the heading "${state.label}" is no question of ${pack.id}`);
  return question;
}

async function answerQuestion(app, question, value) {
  const text = strings(app).rules;
  if (question.type === 'yes_no') {
    await app.tap({role: 'radio', label: value ? text.yes : text.no});
  } else if (question.type === 'choice') {
    const option = question.options.find((o) => o.value === value);
    await app.tap({role: 'radio', label: option.label[app.language]});
  } else {
    const typed = typeof value === 'object' ? value[app.language] : String(value);
    await app.type({id: 'rules.answer'}, typed);
  }
  await app.tap({id: 'rules.next'});
}

// Waits until the question answered has given way to another question or to the result.
async function nextScreen(app, question) {
  const label = question.label[app.language];
  await app.waitFor((state) => state.widgets.some(
      (widget) => (widget.id === 'rules.question' && widget.label !== label) ||
                  widget.id === 'rules.result.outcome'), `the question after "${question.id}"`);
}

// Answers until the result shows; returns the ids of the questions asked, in order.
async function answerAll(app, packId, {stopAfter = Infinity} = {}) {
  const pack = packs[packId];
  const scenario = scenarios[packId];
  const asked = [];
  for (let step = 0; step < pack.questions.length + 1; ++step) {
    const question = await currentQuestion(app, pack);
    if (!question || asked.length >= stopAfter) return asked;
    assert(question.id in scenario.answers,
           `the wizard asked "${question.id}", which this scenario does not expect`);
    assert(!asked.includes(question.id), `"${question.id}" was asked twice`);

    // The progress bar counts the questions answered so far.
    const progress = await app.find({id: 'rules.progress'});
    assert(progress.label.includes(String(asked.length + 1)),
           `progress "${progress.label}" for question ${asked.length + 1}`);
    if (asked.length === 1) await app.screenshot(`rules-${packId}-question`);

    await answerQuestion(app, question, scenario.answers[question.id]);
    asked.push(question.id);
    await nextScreen(app, question);
  }
  throw new Error('the wizard kept asking');
}

async function checkResult(app, packId) {
  const pack = packs[packId];
  const scenario = scenarios[packId];
  const text = strings(app).rules;

  // 1. The outcome in the pack's words.
  const outcome = await app.find({id: 'rules.result.outcome'});
  assertEqual(outcome.label, pack.outcomes[scenario.outcome].label[app.language], 'the outcome');
  await app.screenshot(`rules-${packId}-result`);

  // 2. Every criterion that applies is listed with its state; the amount with its formula.
  const applying = pack.criteria.filter((c) => c.id === 'applicant_type' ||
                                               c.id === 'contract_kind_covered');
  for (const criterion of applying) {
    await reveal(app, (w) => w.label.endsWith(criterion.label[app.language]) &&
                             w.label.startsWith(text.state_met),
                 `criterion ${criterion.id} met`);
  }
  const amountLabel = pack.amounts[0].label[app.language];
  const amount = await reveal(app, (w) => w.label.startsWith(amountLabel + ':'), 'the amount');
  assert(amount.label.includes(scenario.amount[app.language]),
         `amount "${amount.label}" should show ${scenario.amount[app.language]}`);
  await reveal(app, (w) => w.label === pack.amounts[0].formula[app.language], 'the formula');

  // 3. A figure no source gives is said to be unknown, with why.
  if (packId === 'public-contract') {
    const floor = pack.parameters.find((p) => p.id === 'hourly_wage_floor');
    await reveal(app, (w) => w.label === `${floor.label[app.language]}: ${text.not_known}`,
                 'the unknown wage floor');
    await reveal(app, (w) => w.label === floor.note[app.language], 'why the floor is unknown');
  }

  // 4. Sources and next steps from the pack; then the copy as plain text.
  await reveal(app, (w) => w.id === 'rules.result.sources', 'the sources heading');
  await reveal(app, (w) => w.label === text.bullet + pack.next_steps.documents[0][app.language],
               'the first document to prepare');
  await app.screenshot(`rules-${packId}-next-steps`);
  await reveal(app, (w) => w.id === 'rules.copy', 'the copy button');
  await app.tap({id: 'rules.copy'});
  await reveal(app, (w) => w.label === text.copied, 'the copied note');
  const copied = await app.page.evaluate(() => navigator.clipboard.readText());
  assert(copied.includes(pack.outcomes[scenario.outcome].label[app.language]),
         'the copied text holds the outcome');
  assert(copied.includes(scenario.amount[app.language]), 'the copied text holds the amount');
  assert(copied.includes(pack.next_steps.documents[0][app.language]),
         'the copied text holds the documents to prepare');
  writeFileSync(path.join(root, 'build/screenshots',
                          `rules-${packId}-copied-${app.size}-${app.language}.txt`), copied);
}

async function grantClipboard(app) {
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'],
                                            {origin: app.url});
}

function wizardTest(packId) {
  return {
    name: `the ${packId} wizard is answered to an explained result`,
    sizes: ['phone', 'desktop'],
    languages: ['ja', 'en'],
    timeoutMs: 150_000,
    async run(app) {
      await grantClipboard(app);
      await app.open();
      await openWizard(app, packId);
      await app.find({id: 'rules.start'});
      await app.screenshot(`rules-${packId}-intro`);
      await start(app);
      const asked = await answerAll(app, packId);

      // Only questions that matter: an NPO is never asked the SME or startup questions, and a
      // monthly wage never needs the hours of a day.
      if (packId === 'sdgs-fund') {
        for (const id of ['sme_industry', 'sme_capital', 'startup_founded_on'])
          assert(!asked.includes(id), `"${id}" was asked of an NPO`);
      } else {
        assert(!asked.includes('hours_per_day'), 'hours a day were asked for a monthly wage');
      }
      await checkResult(app, packId);
    },
  };
}

export const tests = [
  wizardTest('sdgs-fund'),
  wizardTest('public-contract'),
  {
    name: 'answers survive a reload, Back undoes one, and Forget clears them',
    sizes: ['phone'],
    languages: ['ja', 'en'],
    timeoutMs: 150_000,
    async run(app) {
      const packId = 'sdgs-fund';
      const pack = packs[packId];
      const text = strings(app).rules;
      await app.open();
      await openWizard(app, packId);
      await start(app);
      const asked = await answerAll(app, packId, {stopAfter: 3});
      assertEqual(asked.length, 3, 'questions answered before the reload');

      // 1. After a reload the wizard carries on at the fourth question, from IndexedDB.
      await app.reload();
      await openWizard(app, packId);
      const fourth = await currentQuestion(app, pack);
      assert(fourth && !asked.includes(fourth.id), 'the wizard resumed at a new question');
      await app.find(text.resumed);
      const progress = await app.find({id: 'rules.progress'});
      assert(progress.label.includes('4'), `progress after the reload: "${progress.label}"`);
      await app.screenshot('rules-resumed');

      // 2. Back shows the third question again, with its answer chosen.
      await app.tap({id: 'rules.back'});
      await app.waitFor((state) => state.widgets.some(
          (widget) => widget.id === 'rules.question' && widget.label !== fourth.label[app.language]),
          'the question before');
      const third = await currentQuestion(app, pack);
      assertEqual(third && third.id, asked[2], 'the question Back returns to');

      // 3. Forget: the intro again, and after a reload nothing is left.
      await reveal(app, (w) => w.id === 'rules.forget', 'the forget button');
      await app.tap({id: 'rules.forget'});
      await app.find(text.forgotten);
      await app.reload();
      await openWizard(app, packId);
      await app.find({id: 'rules.start'});
      await start(app);
      const first = await currentQuestion(app, pack);
      assertEqual(first && first.id, pack.questions[0].id, 'the first question after forgetting');
      const again = await app.find({id: 'rules.progress'});
      assert(again.label.includes('1'), `progress after forgetting: "${again.label}"`);
    },
  },
];
