// The staff side of the ward's campaigns in headless Chromium: a staff member made with
// `machiba staff add` logs in, starts a new campaign, edits a slide and sees the phone preview
// (the residents' own drawing code) change as they type, publishes it, and residents then find
// it through the API; then the moderation queue and the counts with their bar charts.
import {assert, assertEqual} from './helpers.mjs';
import {addStaff, reach, replaceText} from './campaigns.test.mjs';

async function logIn(app, account) {
  await app.open();
  await app.tap({id: 'shell.menu'});
  await app.tap({id: 'shell.staff'});
  await app.waitForScreen('staff');
  await app.find({id: 'staff.login.name'});
  await app.screenshot('staff-login');
  await app.type({id: 'staff.login.name'}, account.name);
  await app.type({id: 'staff.login.password'}, account.password);
  const password = await app.find({id: 'staff.login.password'});
  assertEqual(password.value, '\u25CF'.repeat(account.password.length),
              'the password shown as dots');
  await app.tap({id: 'staff.login.submit'});
  await app.find({id: 'staff.menu.heading'}, 15_000);
}

export const tests = [
  {
    name: 'staff edit a slide, see the phone preview follow, and publish the campaign',
    languages: ['ja', 'en'],
    timeoutMs: 240_000,
    async run(app) {
      const account = addStaff(app, 'admin');
      const stamp = `${app.size}-${app.language}-${Date.now() % 100000}`;
      const campaignTitle = app.language === 'ja' ? `防災マップを一緒に ${stamp}`
                                                  : `Our disaster map ${stamp}`;
      const slideTitle = app.language === 'ja' ? '避難所までの道を歩いてみよう'
                                               : 'Walk the way to your shelter';

      // 1. Log in; the menu lists the seed campaigns.
      await logIn(app, account);
      await app.find({id: 'staff.campaign.neighbourhood-parks-2026'});
      await app.screenshot('staff-menu');

      // 2. A new campaign from the template, valid as it stands.
      await app.tap({id: 'staff.menu.new'});
      await app.waitForScreen('staff/campaign');
      await app.find({id: 'staff.editor.save'});
      await replaceText(app, {id: 'staff.editor.title.ja'}, campaignTitle);
      if (app.language === 'en') await replaceText(app, {id: 'staff.editor.title.en'}, campaignTitle);

      // 3. Edit the first slide's heading: the preview shows it at once, before any save.
      await replaceText(app, {id: `staff.editor.slide.0.title.${app.language}`}, slideTitle);

      // 3b. A picture of this site for the slide, described in both languages.
      const picture = 'assets/images/drill-ideas.svg';
      await app.type({id: 'staff.editor.slide.0.image'}, picture);
      await app.type({id: 'staff.editor.slide.0.alt.ja'}, '避難所へ向かう人と犬のイラスト');
      await app.type({id: 'staff.editor.slide.0.alt.en'}, 'A person and a dog walking to a shelter');
      if (app.touch) await app.tap({id: 'staff.editor.tabs.1'});
      const preview = await app.find({id: 'preview.slide.title'});
      assertEqual(preview.label, slideTitle, 'the preview slide heading');
      const shown = await app.waitFor(
          (state) => state.widgets.find((widget) => widget.id === 'preview.slide.image' &&
                                                    widget.value === 'shown'),
          'the preview to draw the slide picture');
      assert(shown.label.length > 0, 'the preview picture has its description');
      await app.screenshot('staff-editor-preview');
      if (app.touch) {
        await app.tap({id: 'preview.slide.answer'});
        await app.find({id: /^preview\.question\.q1\.\d$/});
        await app.screenshot('staff-preview-questions');
        await app.tap({id: 'staff.editor.tabs.0'});
      }

      // 4. Publish (which saves first); residents now find it, with the edited slide.
      await reach(app, {id: 'staff.editor.publish'}, {up: true});
      await app.find({id: 'staff.editor.close'}, 15_000);
      const list = await (await fetch(app.url + '/api/v1/campaigns')).json();
      const published = list.campaigns.find((item) => item.title[app.language] === campaignTitle);
      assert(published, `"${campaignTitle}" is not in the residents' list`);
      assertEqual(published.status, 'published', 'its status');
      const detail = await (await fetch(`${app.url}/api/v1/campaigns/${published.id}`)).json();
      const document = detail.campaign || detail;
      assertEqual(document.slides[0].title[app.language], slideTitle, 'the published slide');
      assertEqual(document.slides[0].image?.source, picture, 'the published slide picture');
    },
  },
  {
    name: 'staff moderate an opinion and read the counts of a campaign',
    languages: ['ja'],
    timeoutMs: 180_000,
    async run(app) {
      const account = addStaff(app, 'editor');
      await logIn(app, account);
      await app.tap({id: 'staff.campaign.disaster-drill-2024'});
      await app.waitForScreen('staff/campaign');

      // 1. The moderation queue of the 2024 trial: its sample opinions, published.
      await app.tap({id: 'staff.editor.opinions'});
      await app.waitForScreen('staff/opinions');
      await app.find({id: 'staff.opinions.filter.3'});
      await reach(app, {id: 'staff.opinions.filter.3'}, {up: true});
      const publish = await app.find({id: /^staff\.opinion\.\d+\.(hide|publish)$/}, 15_000);
      await app.screenshot('staff-moderation');
      assert(publish.label.length > 0, 'a moderation button');

      // 2. The counts: a bar per choice.
      await app.page.goBack();
      await app.waitForScreen('staff/campaign');
      await app.tap({id: 'staff.editor.results'});
      await app.waitForScreen('staff/results');
      const bars = await app.waitFor((state) => {
        const found = state.widgets.filter((widget) => widget.role === 'meter');
        return found.length > 0 && found;
      }, 'bar charts');
      assert(bars.some((widget) => !widget.value.startsWith('0 ')), 'a bar with opinions in it');
      await app.screenshot('staff-results');
    },
  },
];
