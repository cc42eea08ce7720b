// One campaign for a resident: its slides, its questions, a confirmation, and what became of the
// opinion sent. The answers are kept as a draft in the store at every change, so that a reload,
// a closed tab or a flat battery loses nothing.
#include "shared/campaign/opinion.hpp"
#include "shared/platform/clock.hpp"
#include "shared/platform/key_value_store.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/screens/campaigns/campaign_client.hpp"
#include "wasm/screens/campaigns/campaign_loader.hpp"
#include "wasm/screens/campaigns/campaign_view.hpp"
#include "wasm/screens/campaigns/opinion_outbox.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>

namespace machiba::screens {

namespace {

using namespace campaigns;
using nlohmann::json;

enum class Stage { slides, questions, confirm, sent };

char const* stage_name(Stage stage)
{
    switch (stage) {
    case Stage::slides:
        return "slides";
    case Stage::questions:
        return "questions";
    case Stage::confirm:
        return "confirm";
    case Stage::sent:
        return "sent";
    }
    return "slides";
}

class CampaignScreen final : public app::Screen {
public:
    explicit CampaignScreen(std::string id) : m_id(std::move(id)) {}

    std::string title(app::AppContext& app) const override
    {
        auto const& state = m_loader.state();
        if (state.campaign)
            return state.campaign->title.in(app.strings.language());
        return app.t("campaigns.title");
    }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        // 1. Load, then restore the draft once the campaign is known.
        if (!m_requested) {
            m_requested = true;
            m_loader.load(app, m_id, paths::campaign(m_id));
        }
        OpinionOutbox::instance().flush(app);
        auto const& state = m_loader.state();
        if (!state.campaign) {
            if (state.loading)
                ui.muted(app.t("campaigns.loading"));
            else
                ui.muted(app.t(state.not_found ? "campaigns.not_found" : "campaigns.load_failed"));
            if (!state.loading && ui.button("campaign.retry", app.t("campaigns.retry")))
                m_loader.load(app, m_id, paths::campaign(m_id));
            return;
        }
        if (!m_restored)
            restore(app);
        auto const& campaign = *state.campaign;

        // 2. The stage the resident is at.
        switch (m_stage) {
        case Stage::slides:
            draw_slides(app, ui, campaign);
            break;
        case Stage::questions:
            draw_form(app, ui, campaign);
            break;
        case Stage::confirm:
            draw_confirm(app, ui, campaign);
            break;
        case Stage::sent:
            draw_sent(app, ui, campaign);
            break;
        }
        if (layout_settling())
            app.frames.request(2);
    }

private:
    std::string draft_key() const { return "campaigns/draft/" + m_id; }
    std::string last_key() const { return "campaigns/last/" + m_id; }

    void restore(app::AppContext& app)
    {
        m_restored = true;
        auto const& state = m_loader.state();
        if (auto text = app.store.get(draft_key())) {
            auto saved = json::parse(*text, nullptr, false);
            if (saved.is_object()) {
                m_draft.from_body(saved.value("body", json::object()), *state.campaign,
                    state.demographics);
                std::string stage = saved.value("stage", "slides");
                m_stage = stage == "questions" ? Stage::questions
                    : stage == "confirm"       ? Stage::confirm
                                               : Stage::slides;
                m_deck.index = saved.value("slide", 0);
            }
        } else if (auto last = app.store.get(last_key())) {
            m_sent_key = *last;
            m_stage = Stage::sent;
        }
    }

    void save_draft(app::AppContext& app)
    {
        auto const& state = m_loader.state();
        json saved = {{"body", m_draft.to_body(*state.campaign, state.demographics)},
            {"stage", stage_name(m_stage)}, {"slide", m_deck.index}};
        app.store.set(draft_key(), saved.dump());
    }

    void go_to(app::AppContext& app, Stage stage)
    {
        m_stage = stage;
        m_scroll_top = true;
        save_draft(app);
    }

    void draw_slides(app::AppContext& app, ui::Kit& ui, campaign::Campaign const& campaign)
    {
        bool open = campaign.accepts_opinions(app.clock.now_unix_ms());
        DeckOptions options;
        options.id_prefix = "campaign";
        options.height = ImGui::GetWindowHeight() - ui.px(40 + 12);
        options.can_answer = open;
        int before = m_deck.index;
        if (draw_slide_deck(app, ui, campaign, m_deck, options) == DeckAction::finished)
            go_to(app, Stage::questions);
        if (m_deck.index != before)
            save_draft(app);

        // Under the slides: the period, and what others wrote.
        ui.gap(16);
        std::string const& language = app.strings.language();
        ui.muted(app.t("campaigns.period") + "  " +
            format_period(campaign.starts_at, campaign.ends_at, language));
        if (!open)
            ui.muted(app.t("campaigns.not_open"));
        if (!campaign.background.empty()) {
            ui.gap(8);
            ui.text(app.t("campaigns.background"));
            ui.muted(campaign.background.in(language));
        }
        if (campaign.public_opinions) {
            ui.gap(8);
            if (ui.button("campaign.opinions", app.t("campaigns.see_opinions")))
                app.router.open("campaigns/opinions", m_id);
        }
    }

    void draw_form(app::AppContext& app, ui::Kit& ui, campaign::Campaign const& campaign)
    {
        scroll_to_top_once();
        auto const& state = m_loader.state();
        ui.heading("campaign.form.heading", campaign.title.in(app.strings.language()));
        ui.muted(app.t("campaigns.form_lead"));
        ui.gap(12);
        if (draw_questions(app, ui, campaign, state.demographics, m_draft, m_problems,
                "campaign", &m_scroll_to_problem)) {
            save_draft(app);
            if (!m_problems.empty())
                validate(campaign);
        }

        // The same validation the server runs, before anything leaves the phone.
        if (!m_problems.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui.palette().danger);
            ImGui::TextWrapped("%s", app.t("campaigns.fix_problems").c_str());
            ImGui::PopStyleColor();
            ui.record_last_item("campaign.form.problems", "alert", app.t("campaigns.fix_problems"));
            ui.gap(8);
        }
        if (ui.big_button("campaign.form.confirm", app.t("campaigns.to_confirm"))) {
            validate(campaign);
            if (m_problems.empty())
                go_to(app, Stage::confirm);
            else
                m_scroll_to_problem = true;
        }
        if (ui.button("campaign.form.slides", app.t("campaigns.back_to_slides")))
            go_to(app, Stage::slides);
    }

    void validate(campaign::Campaign const& campaign)
    {
        auto const& state = m_loader.state();
        auto result = campaign::parse_opinion(m_draft.to_body(campaign, state.demographics),
            campaign, state.demographics);
        m_problems = std::move(result.problems);
    }

    void draw_confirm(app::AppContext& app, ui::Kit& ui, campaign::Campaign const& campaign)
    {
        scroll_to_top_once();
        auto const& state = m_loader.state();
        std::string const& language = app.strings.language();
        ui.heading("campaign.confirm.heading", app.t("campaigns.confirm_heading"));
        ui.muted(app.t("campaigns.confirm_lead"));
        ui.gap(12);
        json body = m_draft.to_body(campaign, state.demographics);
        json const& answers = body["answers"];
        for (std::size_t i = 0; i < campaign.questions.size(); ++i) {
            auto const& question = campaign.questions[i];
            ui.muted("Q" + std::to_string(i + 1) + "  " + question.prompt.in(language));
            std::string answer = answers.contains(question.id)
                ? answer_text(question, answers[question.id], language)
                : app.t("campaigns.no_answer");
            ui.text(answer);
            ui.separator();
        }
        auto add_fact = [&](char const* label_key, char const* key,
                            std::vector<campaign::DemographicOption> const& options) {
            std::string value = body.contains(key)
                ? demographic_label(options, body[key].get<std::string>(), language)
                : app.t("campaigns.no_answer");
            ui.muted(app.t(label_key));
            ui.text(value);
            ui.separator();
        };
        add_fact("campaigns.age_band", "age_band", state.demographics.age_bands);
        add_fact("campaigns.district", "district", state.demographics.districts);
        ui.gap(8);
        ui.muted(app.t("campaigns.send_note"));
        ui.gap(8);

        // Validate once more: the campaign may have closed since the form was left.
        if (ui.big_button("campaign.confirm.send", app.t("campaigns.send"))) {
            validate(campaign);
            if (!m_problems.empty()) {
                go_to(app, Stage::questions);
                m_scroll_to_problem = true;
                return;
            }
            m_sent_key = OpinionOutbox::instance().add(app, m_id, body);
            app.store.set(last_key(), m_sent_key);
            app.store.erase(draft_key());
            m_draft = AnswerDraft{};
            m_stage = Stage::sent;
            m_scroll_top = true;
        }
        if (ui.button("campaign.confirm.edit", app.t("campaigns.edit_answers")))
            go_to(app, Stage::questions);
    }

    void draw_sent(app::AppContext& app, ui::Kit& ui, campaign::Campaign const& campaign)
    {
        scroll_to_top_once();
        auto& outbox = OpinionOutbox::instance();
        auto sent = outbox.sent(app, m_sent_key);
        auto waiting = outbox.entry(app, m_sent_key);

        // 1. What became of it: acknowledged, on its way, waiting for a network, or refused.
        if (sent) {
            ui.heading("campaign.sent.heading", app.t("campaigns.thanks"));
            ui.text(app.t("campaigns.sent_done"));
            ui.muted(app.strings.format("campaigns.sent_at",
                {{"date", format_date(sent->sent_at, app.strings.language())}}));
        } else if (waiting && waiting->state == OutboxState::rejected) {
            ui.heading("campaign.sent.heading", app.t("campaigns.rejected_heading"));
            ui.text(app.t("campaigns.outbox_rejected"));
            ui.muted(waiting->error);
        } else if (waiting && waiting->state == OutboxState::sending) {
            ui.heading("campaign.sent.heading", app.t("campaigns.thanks"));
            ui.text(app.t("campaigns.sending"));
        } else if (waiting) {
            ui.heading("campaign.sent.heading", app.t("campaigns.thanks"));
            ui.text(app.t("campaigns.waiting_network"));
            ui.muted(app.t("campaigns.outbox_help"));
            if (ui.button("campaign.sent.retry", app.t("campaigns.send_now")))
                outbox.flush(app, true);
        } else {
            ui.heading("campaign.sent.heading", app.t("campaigns.thanks"));
        }
        ui.gap(16);

        // 2. Where to go from here.
        if (campaign.public_opinions &&
            ui.big_button("campaign.sent.opinions", app.t("campaigns.see_opinions")))
            app.router.open("campaigns/opinions", m_id);
        if (campaign.accepts_opinions(app.clock.now_unix_ms()) &&
            ui.button("campaign.sent.again", app.t("campaigns.answer_again"))) {
            app.store.erase(last_key());
            m_deck.index = 0;
            go_to(app, Stage::questions);
        }
        ui.gap(8);
        if (ui.button("campaign.sent.list", app.t("campaigns.back_to_list")))
            app.router.back();
    }

    void scroll_to_top_once()
    {
        if (m_scroll_top) {
            ImGui::SetScrollY(0);
            m_scroll_top = false;
        }
    }

    std::string m_id;
    CampaignLoader m_loader;
    bool m_requested = false;
    bool m_restored = false;
    Stage m_stage = Stage::slides;
    DeckState m_deck;
    AnswerDraft m_draft;
    campaign::ValidationProblems m_problems;
    std::string m_sent_key;
    bool m_scroll_top = false;
    bool m_scroll_to_problem = false;
};

} // namespace

std::unique_ptr<app::Screen> make_campaign_screen(app::AppContext&, std::string_view argument)
{
    return std::make_unique<CampaignScreen>(std::string(argument));
}

} // namespace machiba::screens
