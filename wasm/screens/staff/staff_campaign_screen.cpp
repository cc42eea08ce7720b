// The campaign editor: the campaign's texts, period, slides and questions on the left, and on
// the right a phone that shows them with the residents' own drawing code (campaign_view), so
// that what staff see is what residents will see. Saves with the revision it was based on;
// publishes and closes.
//
// Index: loading and saving, the editor's sections, the phone preview, the screen.
#include "shared/calendar/japan_time.hpp"
#include "shared/campaign/campaign_limits.hpp"
#include "shared/platform/clock.hpp"
#include "shared/platform/http_client.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/screens/campaigns/campaign_client.hpp"
#include "wasm/screens/campaigns/campaign_view.hpp"
#include "wasm/screens/staff/staff_session.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <variant>

namespace machiba::screens {

namespace {

using namespace campaigns;
using nlohmann::json;
using staff::StaffSession;

std::string date_text(std::int64_t unix_ms)
{
    return calendar::JapanTime::from_unix_ms(unix_ms).date.iso();
}

std::optional<std::int64_t> midnight(std::string const& text, int plus_days)
{
    auto parsed = calendar::parse_civil_date(text);
    auto const* date = std::get_if<calendar::CivilDate>(&parsed);
    if (!date)
        return std::nullopt;
    calendar::JapanTime time;
    time.date = date->plus_days(plus_days);
    return time.to_unix_ms();
}

// The shared state of one editor, kept alive by the requests on their way.
struct Editing {
    std::string id;
    bool is_new = false;
    bool loaded = false;
    bool loading = false;
    bool failed = false;
    std::int64_t revision = 0;
    campaign::Campaign campaign;
    std::string start_text;
    std::string end_text;
    bool dirty = false;
    bool busy = false;
    std::string message_key;   // the last outcome, a staff.* catalog key
    campaign::ValidationProblems server_problems;
};

class StaffCampaignScreen final : public app::Screen {
public:
    explicit StaffCampaignScreen(std::string id)
    {
        m_edit->id = std::move(id);
        m_edit->is_new = m_edit->id.empty();
    }

    std::string title(app::AppContext& app) const override
    {
        return app.t(m_edit->is_new ? "staff.new_campaign" : "staff.editor_title");
    }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        // 1. The campaign: loaded, or a new draft from the template.
        auto& edit = *m_edit;
        if (!edit.loaded && !edit.loading && !edit.failed)
            start(app);
        if (!edit.loaded) {
            ui.muted(app.t(edit.failed ? "staff.load_failed" : "staff.loading"));
            return;
        }
        if (StaffSession::instance().status() == StaffSession::Status::logged_out) {
            ui.muted(app.t("staff.session_ended"));
            if (ui.button("staff.editor.login", app.t("staff.login")))
                app.router.open("staff");
            return;
        }
        m_problems = campaign::parse_campaign(campaign::to_json(edit.campaign)).problems;

        // 2. Side by side on a desktop; one above the other, by tab, on a phone.
        float height = ImGui::GetWindowHeight() - ui.px(40) - ImGui::GetCursorPosY() + ui.px(20);
        if (ui.wide()) {
            float phone = ui.px(372);
            float gap = ui.px(24);
            float width = ImGui::GetContentRegionAvail().x - phone - gap;
            ImGui::BeginChild("staff.editor.column", ImVec2(width, height), ImGuiChildFlags_None,
                ImGuiWindowFlags_NoScrollbar);
            draw_editor(app, ui);
            ui.gap(24);
            ImGui::EndChild();
            ImGui::SameLine(0, gap);
            ImGui::BeginChild("staff.preview.column", ImVec2(phone, height), ImGuiChildFlags_None,
                ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
            draw_preview(app, ui, height);
            ImGui::EndChild();
        } else {
            static std::vector<std::string> labels;
            labels = {app.t("staff.tab_edit"), app.t("staff.tab_preview")};
            ui.tabs("staff.editor.tabs", labels, m_phone_tab);
            if (m_phone_tab == 0)
                draw_editor(app, ui);
            else
                draw_preview(app, ui, std::max(ui.px(560), height - ui.px(60)));
        }
        if (layout_settling())
            app.frames.request(2);
    }

private:
    // ---- Loading and saving -------------------------------------------------------------------

    void start(app::AppContext& app)
    {
        auto edit = m_edit;
        auto demographics = m_demographics;
        platform::HttpRequest ward;
        ward.url = paths::demographics;
        app.http.send(std::move(ward), [demographics](platform::HttpResponse response) {
            auto parsed = campaign::parse_demographics(
                json::parse(response.body, nullptr, false));
            if (response.ok() && parsed.demographics)
                *demographics = std::move(*parsed.demographics);
        });
        if (edit->is_new) {
            edit->campaign = template_campaign(app);
            edit->start_text = date_text(edit->campaign.starts_at);
            edit->end_text = date_text(edit->campaign.ends_at - 1);
            edit->loaded = true;
            edit->dirty = true;
            return;
        }
        edit->loading = true;
        platform::HttpRequest request;
        request.url = "/api/v1/staff/campaigns/" + edit->id;
        StaffSession::instance().send(app, std::move(request),
            [edit](platform::HttpResponse response) {
                edit->loading = false;
                auto body = json::parse(response.body, nullptr, false);
                auto parsed = read_campaign(body);
                if (!response.ok() || !parsed.campaign) {
                    edit->failed = true;
                    return;
                }
                accept(*edit, body, std::move(*parsed.campaign));
            });
    }

    static void accept(Editing& edit, json const& body, campaign::Campaign campaign)
    {
        edit.campaign = std::move(campaign);
        edit.id = edit.campaign.id;
        edit.revision = body.value("revision", std::int64_t{0});
        edit.start_text = date_text(edit.campaign.starts_at);
        edit.end_text = date_text(edit.campaign.ends_at - 1);
        edit.loaded = true;
        edit.dirty = false;
        edit.is_new = false;
    }

    campaign::Campaign template_campaign(app::AppContext& app)
    {
        // A draft that is valid as it stands, so that it can be previewed and saved at once:
        // open for four weeks from tomorrow, one slide, one question of each common kind.
        campaign::Campaign draft;
        auto today = calendar::JapanTime::from_unix_ms(app.clock.now_unix_ms()).date;
        std::string suffix = make_idempotency_key().substr(0, 4);
        draft.id = "campaign-" + today.iso() + "-" + suffix;
        draft.status = campaign::CampaignStatus::draft;
        auto both = [&](char const* key) {
            campaign::LocalizedText text;
            auto saved = app.strings.language();
            app.strings.set_language("ja");
            text.ja = app.t(key);
            app.strings.set_language("en");
            text.en = app.t(key);
            app.strings.set_language(saved);
            return text;
        };
        draft.title = both("staff.template_title");
        draft.summary = both("staff.template_summary");
        draft.background = both("staff.template_background");
        calendar::JapanTime start;
        start.date = today;
        draft.starts_at = start.to_unix_ms();
        start.date = today.plus_days(29);
        draft.ends_at = start.to_unix_ms();
        draft.slides.push_back({both("staff.template_slide_title"),
            both("staff.template_slide_body"), std::nullopt});
        campaign::Question rating;
        rating.id = "q1";
        rating.type = campaign::QuestionType::rating;
        rating.required = true;
        rating.prompt = both("staff.template_rating");
        rating.low_label = both("staff.template_low");
        rating.high_label = both("staff.template_high");
        draft.questions.push_back(rating);
        campaign::Question text;
        text.id = "q2";
        text.type = campaign::QuestionType::text;
        text.prompt = both("staff.template_text");
        text.max_length = campaign::default_text_answer_length;
        draft.questions.push_back(text);
        return draft;
    }

    // Saves, then runs then (publish or close) when the save went through.
    void save(app::AppContext& app, std::function<void(app::AppContext&)> then = {})
    {
        auto edit = m_edit;
        edit->busy = true;
        edit->server_problems.clear();
        platform::HttpRequest request;
        request.method = edit->is_new ? "POST" : "PUT";
        request.url = "/api/v1/staff/campaigns" + (edit->is_new ? "" : "/" + edit->id);
        if (!edit->is_new)
            request.headers.emplace_back("If-Match", std::to_string(edit->revision));
        request.body = campaign::to_json(edit->campaign).dump();
        app::AppContext* context = &app;
        StaffSession::instance().send(app, std::move(request),
            [edit, context, then](platform::HttpResponse response) {
                edit->busy = false;
                auto body = json::parse(response.body, nullptr, false);
                if (response.ok()) {
                    auto parsed = read_campaign(body);
                    if (parsed.campaign) {
                        // Keep what is on screen (it may have changed meanwhile); take the
                        // revision the server now holds.
                        edit->revision = body.value("revision", edit->revision + 1);
                        edit->id = parsed.campaign->id;
                        edit->is_new = false;
                        edit->dirty = false;
                        edit->campaign.status = parsed.campaign->status;
                    }
                    edit->message_key = "staff.saved";
                    if (then)
                        then(*context);
                    return;
                }
                edit->server_problems = read_problems(response.body);
                edit->message_key = response.status == 409 ? "staff.conflict"
                    : response.error != platform::HttpError::None ? "staff.offline"
                                                                  : "staff.save_failed";
            });
    }

    static void change_status(app::AppContext& app, std::shared_ptr<Editing> edit,
        char const* action, char const* done_key)
    {
        edit->busy = true;
        platform::HttpRequest request;
        request.method = "POST";
        request.url = "/api/v1/staff/campaigns/" + edit->id + "/" + action;
        std::string done = done_key;
        StaffSession::instance().send(app, std::move(request),
            [edit, done](platform::HttpResponse response) {
                edit->busy = false;
                auto body = json::parse(response.body, nullptr, false);
                if (!response.ok()) {
                    edit->server_problems = read_problems(response.body);
                    edit->message_key = "staff.status_failed";
                    return;
                }
                auto parsed = read_campaign(body);
                if (parsed.campaign)
                    edit->campaign.status = parsed.campaign->status;
                edit->revision = body.value("revision", edit->revision);
                edit->message_key = done;
            });
    }

    // ---- The editor's sections ----------------------------------------------------------------

    void problems_at(app::AppContext& app, ui::Kit& ui, std::string const& pointer)
    {
        for (auto const* list : {&m_problems, &m_edit->server_problems}) {
            for (auto const& problem : *list) {
                if (problem.pointer != pointer && problem.pointer.rfind(pointer + "/", 0) != 0)
                    continue;
                std::string text = app.t("staff.problem_" + problem.code);
                if (text == "staff.problem_" + problem.code)
                    text = problem.message;
                ImGui::PushStyleColor(ImGuiCol_Text, ui.palette().danger);
                ImGui::TextWrapped("%s", text.c_str());
                ImGui::PopStyleColor();
                ui.record_last_item("staff.problem" + pointer, "alert", text, problem.pointer);
                ui.gap(6);
                return;
            }
        }
    }

    // A text in both languages, side by side on a desktop. Returns true when it changed.
    bool localized(app::AppContext& app, ui::Kit& ui, std::string const& id,
        std::string const& label, campaign::LocalizedText& text, std::string const& pointer,
        int lines = 1)
    {
        bool changed = false;
        bool grid = ui.begin_grid(id + ".grid", ui.wide() ? 2 : 1);
        std::string label_ja = label + app.t("staff.in_ja");
        std::string label_en = label + app.t("staff.in_en");
        if (lines > 1)
            changed |= ui.text_area(id + ".ja", label_ja, text.ja, lines);
        else
            changed |= ui.text_field(id + ".ja", label_ja, text.ja);
        problems_at(app, ui, pointer + "/ja");
        if (grid)
            ui.next_cell();
        if (lines > 1)
            changed |= ui.text_area(id + ".en", label_en, text.en, lines);
        else
            changed |= ui.text_field(id + ".en", label_en, text.en);
        problems_at(app, ui, pointer + "/en");
        if (grid)
            ui.end_grid();
        problems_at(app, ui, pointer);
        if (changed)
            m_edit->dirty = true;
        return changed;
    }

    void draw_editor(app::AppContext& app, ui::Kit& ui)
    {
        auto& edit = *m_edit;
        auto& campaign = edit.campaign;
        std::string const& language = app.strings.language();

        // 1. State and actions.
        ui.heading("staff.editor.heading", campaign.title.in(language));
        std::string status = app.t("staff.status_" + std::string(status_name(campaign.status)));
        ui.muted(status + (edit.dirty ? "  ·  " + app.t("staff.unsaved") : ""));
        if (!edit.message_key.empty())
            ui.text(app.t(edit.message_key));
        ui.gap(4);
        bool valid = m_problems.empty();
        ui.begin_disabled(edit.busy || !valid);
        if (ui.big_button("staff.editor.save", app.t("staff.save")))
            save(app);
        // Editors write and save; only an admin decides what residents see.
        bool admin = StaffSession::instance().role() == "admin";
        ui.begin_disabled(!admin);
        if (campaign.status == campaign::CampaignStatus::published) {
            if (ui.button("staff.editor.close", app.t("staff.close_campaign")))
                save(app, [edit = m_edit](app::AppContext& context) {
                    change_status(context, edit, "close", "staff.closed_done");
                });
        } else if (ui.button("staff.editor.publish", app.t("staff.publish"))) {
            save(app, [edit = m_edit](app::AppContext& context) {
                change_status(context, edit, "publish", "staff.published_done");
            });
        }
        ui.end_disabled();
        if (!admin)
            ui.muted(app.t("staff.admin_only"));
        ui.gap(8);
        ui.end_disabled();
        if (!valid)
            ui.muted(app.strings.format("staff.problem_count",
                {{"n", std::to_string(m_problems.size())}}));
        if (!edit.is_new) {
            if (ui.begin_grid("staff.editor.links", 2)) {
                if (ui.button("staff.editor.opinions", app.t("staff.moderation")))
                    app.router.open("staff/opinions", edit.id);
                ui.next_cell();
                if (ui.button("staff.editor.results", app.t("staff.results")))
                    app.router.open("staff/results", edit.id);
                ui.end_grid();
            }
        }
        ui.separator();

        // 2. The campaign itself.
        ui.text(app.t("staff.section_basics"));
        ui.gap(6);
        if (edit.is_new) {
            if (ui.text_field("staff.editor.id", app.t("staff.field_id"), campaign.id))
                edit.dirty = true;
            problems_at(app, ui, "/id");
        }
        localized(app, ui, "staff.editor.title", app.t("staff.field_title"), campaign.title,
            "/title");
        localized(app, ui, "staff.editor.summary", app.t("staff.field_summary"), campaign.summary,
            "/summary", 2);
        localized(app, ui, "staff.editor.background", app.t("staff.field_background"),
            campaign.background, "/background", 4);
        if (ui.begin_grid("staff.editor.period", 2)) {
            if (ui.text_field("staff.editor.start", app.t("staff.field_start"), edit.start_text,
                    "2026-12-01")) {
                edit.dirty = true;
                if (auto start = midnight(edit.start_text, 0))
                    campaign.starts_at = *start;
            }
            ui.next_cell();
            if (ui.text_field("staff.editor.end", app.t("staff.field_end"), edit.end_text,
                    "2026-12-31")) {
                edit.dirty = true;
                if (auto end = midnight(edit.end_text, 1))
                    campaign.ends_at = *end;
            }
            ui.end_grid();
        }
        problems_at(app, ui, "/period");
        if (ui.checkbox("staff.editor.public", app.t("staff.field_public"),
                campaign.public_opinions))
            edit.dirty = true;
        ui.separator();

        draw_slides_section(app, ui);
        ui.separator();
        draw_questions_section(app, ui);
    }

    // A slide's picture: a file of this site or a data:image URL, and its alternative text once
    // there is a picture. Emptying both fields removes it.
    bool slide_image(app::AppContext& app, ui::Kit& ui, std::string const& id,
        std::string const& number, campaign::Slide& slide, std::string const& pointer)
    {
        std::string source = slide.image ? slide.image->source : std::string();
        bool changed = ui.text_field(id + ".image",
            app.strings.format("staff.field_slide_image", {{"n", number}}), source,
            app.t("staff.image_hint"));
        if (changed) {
            if (!slide.image)
                slide.image.emplace();
            slide.image->source = source;
            m_edit->dirty = true;
        }
        problems_at(app, ui, pointer + "/image/source");
        if (!slide.image)
            return changed;
        changed |= localized(app, ui, id + ".alt",
            app.strings.format("staff.field_slide_alt", {{"n", number}}),
            slide.image->alternative_text, pointer + "/image/alt");
        if (slide.image->source.empty() && slide.image->alternative_text.ja.empty() &&
            slide.image->alternative_text.en.empty())
            slide.image.reset();
        return changed;
    }

    void draw_slides_section(app::AppContext& app, ui::Kit& ui)
    {
        auto& edit = *m_edit;
        auto& slides = edit.campaign.slides;
        ui.text(app.t("staff.section_slides"));
        ui.muted(app.t("staff.markup_help"));
        ui.gap(6);
        int remove = -1;
        int move_up = -1;
        for (std::size_t i = 0; i < slides.size(); ++i) {
            std::string id = "staff.editor.slide." + std::to_string(i);
            std::string pointer = "/slides/" + std::to_string(i);
            std::string number = std::to_string(i + 1);
            ui.text(app.strings.format("staff.slide_n", {{"n", number}}));
            bool changed = localized(app, ui, id + ".title",
                app.strings.format("staff.field_slide_title", {{"n", number}}), slides[i].title,
                pointer + "/title");
            changed |= localized(app, ui, id + ".body",
                app.strings.format("staff.field_slide_body", {{"n", number}}), slides[i].body,
                pointer + "/body", 5);
            changed |= slide_image(app, ui, id, number, slides[i], pointer);
            if (changed) {
                // The preview turns to the slide being written.
                m_preview_mode = 0;
                m_preview_deck.index = static_cast<int>(i);
            }
            if (ui.begin_grid(id + ".actions", 3)) {
                ui.begin_disabled(i == 0);
                if (ui.button(id + ".up", app.t("staff.move_up")))
                    move_up = static_cast<int>(i);
                ui.end_disabled();
                ui.next_cell();
                if (ui.button(id + ".show", app.t("staff.show_in_preview"))) {
                    m_preview_mode = 0;
                    m_preview_deck.index = static_cast<int>(i);
                }
                ui.next_cell();
                if (ui.button(id + ".remove", app.t("staff.remove")))
                    remove = static_cast<int>(i);
                ui.end_grid();
            }
            ui.gap(12);
        }
        if (move_up > 0) {
            std::swap(slides[static_cast<std::size_t>(move_up)],
                slides[static_cast<std::size_t>(move_up - 1)]);
            edit.dirty = true;
        }
        if (remove >= 0) {
            slides.erase(slides.begin() + remove);
            edit.dirty = true;
        }
        ui.begin_disabled(slides.size() >= campaign::max_slides);
        if (ui.button("staff.editor.slide.add", app.t("staff.add_slide"))) {
            campaign::Slide slide;
            slide.title = {app.t("staff.new_slide_title"), app.t("staff.new_slide_title")};
            slide.body = {app.t("staff.new_slide_body"), app.t("staff.new_slide_body")};
            slides.push_back(slide);
            m_preview_mode = 0;
            m_preview_deck.index = static_cast<int>(slides.size()) - 1;
            edit.dirty = true;
        }
        ui.end_disabled();
        problems_at(app, ui, "/slides");
    }

    void draw_questions_section(app::AppContext& app, ui::Kit& ui)
    {
        auto& edit = *m_edit;
        auto& questions = edit.campaign.questions;
        ui.text(app.t("staff.section_questions"));
        ui.gap(6);
        static std::vector<std::string> type_labels;
        type_labels = {app.t("staff.type_text"), app.t("staff.type_single"),
            app.t("staff.type_multiple"), app.t("staff.type_rating")};
        int remove = -1;
        for (std::size_t i = 0; i < questions.size(); ++i) {
            auto& question = questions[i];
            std::string id = "staff.editor.question." + std::to_string(i);
            std::string pointer = "/questions/" + std::to_string(i);
            std::string number = std::to_string(i + 1);
            ui.text(app.strings.format("staff.question_n", {{"n", number}}) + "  (" +
                question.id + ")");
            bool changed = false;

            // Its kind, and what the kind needs.
            int type = static_cast<int>(question.type);
            std::vector<bool> on(4, false);
            on[static_cast<std::size_t>(type)] = true;
            if (ui.chips(id + ".type", type_labels, on)) {
                for (int t = 0; t < 4; ++t) {
                    if (on[static_cast<std::size_t>(t)] && t != type) {
                        question.type = static_cast<campaign::QuestionType>(t);
                        changed = true;
                    }
                }
                if ((question.type == campaign::QuestionType::single ||
                        question.type == campaign::QuestionType::multiple) &&
                    question.choices.empty()) {
                    add_choice(app, question);
                    add_choice(app, question);
                }
                if (question.type == campaign::QuestionType::text && question.max_length == 0)
                    question.max_length = campaign::default_text_answer_length;
            }
            if (ui.checkbox(id + ".required", app.t("staff.field_required"), question.required))
                changed = true;
            changed |= localized(app, ui, id + ".prompt",
                app.strings.format("staff.field_prompt", {{"n", number}}), question.prompt,
                pointer + "/prompt", 2);
            changed |= localized(app, ui, id + ".help", app.t("staff.field_help"), question.help,
                pointer + "/help");
            if (question.type == campaign::QuestionType::text) {
                std::string& limit = m_limits[i];
                if (limit.empty())
                    limit = std::to_string(question.max_length);
                if (ui.text_field(id + ".max_length", app.t("staff.field_max_length"), limit)) {
                    char* end = nullptr;
                    long value = std::strtol(limit.c_str(), &end, 10);
                    if (end && *end == '\0' && value > 0)
                        question.max_length = static_cast<std::size_t>(value);
                    else
                        question.max_length = 0;
                    changed = true;
                }
                problems_at(app, ui, pointer + "/max_length");
            }
            if (question.type == campaign::QuestionType::rating) {
                changed |= localized(app, ui, id + ".low", app.t("staff.field_low"),
                    question.low_label, pointer + "/low_label");
                changed |= localized(app, ui, id + ".high", app.t("staff.field_high"),
                    question.high_label, pointer + "/high_label");
            }
            if (question.type == campaign::QuestionType::single ||
                question.type == campaign::QuestionType::multiple) {
                int remove_choice = -1;
                for (std::size_t c = 0; c < question.choices.size(); ++c) {
                    std::string choice_id = id + ".choice." + std::to_string(c);
                    changed |= localized(app, ui, choice_id,
                        app.strings.format("staff.field_choice", {{"n", std::to_string(c + 1)}}),
                        question.choices[c].label,
                        pointer + "/choices/" + std::to_string(c) + "/label");
                    if (ui.button(choice_id + ".remove", app.t("staff.remove_choice")))
                        remove_choice = static_cast<int>(c);
                    ui.gap(6);
                }
                if (remove_choice >= 0) {
                    question.choices.erase(question.choices.begin() + remove_choice);
                    changed = true;
                }
                ui.begin_disabled(question.choices.size() >= campaign::max_choices);
                if (ui.button(id + ".choice.add", app.t("staff.add_choice"))) {
                    add_choice(app, question);
                    changed = true;
                }
                ui.end_disabled();
                problems_at(app, ui, pointer + "/choices");
            }
            problems_at(app, ui, pointer);
            if (changed) {
                edit.dirty = true;
                m_preview_mode = 1;
            }
            ui.gap(4);
            if (ui.button(id + ".remove", app.t("staff.remove_question")))
                remove = static_cast<int>(i);
            ui.gap(16);
        }
        if (remove >= 0) {
            questions.erase(questions.begin() + remove);
            m_limits.clear();
            edit.dirty = true;
        }
        ui.begin_disabled(questions.size() >= campaign::max_questions);
        if (ui.button("staff.editor.question.add", app.t("staff.add_question"))) {
            campaign::Question question;
            int n = static_cast<int>(questions.size()) + 1;
            while (edit.campaign.find_question("q" + std::to_string(n)))
                ++n;
            question.id = "q" + std::to_string(n);
            question.type = campaign::QuestionType::text;
            question.max_length = campaign::default_text_answer_length;
            question.prompt = {app.t("staff.new_question"), app.t("staff.new_question")};
            questions.push_back(question);
            m_preview_mode = 1;
            edit.dirty = true;
        }
        ui.end_disabled();
        problems_at(app, ui, "/questions");
    }

    void add_choice(app::AppContext& app, campaign::Question& question)
    {
        int n = static_cast<int>(question.choices.size()) + 1;
        while (question.find_choice("c" + std::to_string(n)))
            ++n;
        std::string label = app.strings.format("staff.new_choice", {{"n", std::to_string(n)}});
        question.choices.push_back({"c" + std::to_string(n), {label, label}});
    }

    // ---- The phone preview --------------------------------------------------------------------

    void draw_preview(app::AppContext& app, ui::Kit& ui, float height)
    {
        auto const& palette = ui.palette();
        auto& campaign = m_edit->campaign;
        static std::vector<std::string> labels;
        labels = {app.t("staff.preview_slides"), app.t("staff.preview_questions")};
        ui.tabs("staff.preview.mode", labels, m_preview_mode);

        // 1. The phone: a dark frame around a screen as wide as a small phone's.
        float frame_width = std::min(ImGui::GetContentRegionAvail().x, ui.px(372));
        float frame_height = std::max(ui.px(480), height - ui.px(64));
        float bezel = ui.px(10);
        float bar = ui.px(44);
        ImVec2 at = ImGui::GetCursorScreenPos();
        auto* list = ImGui::GetWindowDrawList();
        list->AddRectFilled(at, ImVec2(at.x + frame_width, at.y + frame_height),
            IM_COL32(34, 36, 40, 255), ui.px(34));
        ImVec2 screen(at.x + bezel, at.y + bezel);
        ImVec2 screen_size(frame_width - bezel * 2, frame_height - bezel * 2);
        list->AddRectFilled(screen, ImVec2(screen.x + screen_size.x, screen.y + bar),
            palette.primary, ui.px(26), ImDrawFlags_RoundCornersTop);
        std::string const& language = app.strings.language();
        std::string title = campaign.title.in(language);
        ImGui::PushClipRect(screen, ImVec2(screen.x + screen_size.x - ui.px(16), screen.y + bar),
            true);
        ImVec2 title_size = ImGui::CalcTextSize(title.c_str());
        list->AddText(ImVec2(screen.x + ui.px(18), screen.y + (bar - title_size.y) / 2),
            palette.on_primary, title.c_str());
        ImGui::PopClipRect();
        ImGui::Dummy(ImVec2(frame_width, bezel + bar));

        // 2. The residents' own drawing, inside the screen.
        ImGui::SetCursorScreenPos(ImVec2(screen.x, screen.y + bar));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette.background);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(14), ui.px(14)));
        ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, ui.px(26));
        ImVec2 inner(screen_size.x, screen_size.y - bar);
        ImGui::BeginChild("staff.preview.screen", inner, ImGuiChildFlags_AlwaysUseWindowPadding,
            ImGuiWindowFlags_NoScrollbar);
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor();
        if (m_preview_mode == 0) {
            DeckOptions options;
            options.id_prefix = "preview";
            options.height = inner.y - ui.px(28);
            options.keyboard = false;
            options.can_answer = true;
            if (draw_slide_deck(app, ui, campaign, m_preview_deck, options) ==
                DeckAction::finished)
                m_preview_mode = 1;
        } else {
            campaign::ValidationProblems none;
            draw_questions(app, ui, campaign, *m_demographics, m_preview_draft, none, "preview");
            ui.big_button("preview.confirm", app.t("campaigns.to_confirm"));
        }
        ImGui::EndChild();
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + frame_height + ui.px(8)));
        ui.muted(app.t("staff.preview_note"));
    }

    std::shared_ptr<Editing> m_edit = std::make_shared<Editing>();
    campaign::ValidationProblems m_problems;
    std::map<std::size_t, std::string> m_limits;
    int m_phone_tab = 0;
    int m_preview_mode = 0;
    DeckState m_preview_deck;
    AnswerDraft m_preview_draft;
    std::shared_ptr<campaign::Demographics> m_demographics =
        std::make_shared<campaign::Demographics>();
};

} // namespace

std::unique_ptr<app::Screen> make_staff_campaign_screen(app::AppContext&,
    std::string_view argument)
{
    return std::make_unique<StaffCampaignScreen>(std::string(argument));
}

} // namespace machiba::screens
