// The youth health room: a question typed in the teen's own words is routed on the device by
// shared/triage, and the help is shown as cards in order of urgency. Nothing typed is sent; it is
// kept (under "health/" in IndexedDB) only while "keep my questions on this phone" is on. A quick
// exit, always on screen and on Escape pressed three times, erases what the room kept and replaces
// the page with a neutral one.
//
// Sections: 1. the pack (four same-origin files), 2. keeping and erasing, 3. quick exit,
// 4. drawing (question, chips, answer cards, the chat and café, privacy).
#include "shared/calendar/japan_time.hpp"
#include "shared/platform/clock.hpp"
#include "shared/platform/http_client.hpp"
#include "shared/platform/key_value_store.hpp"
#include "shared/platform/log_sink.hpp"
#include "shared/triage/router.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/platform/app_log.hpp"
#include "wasm/platform/idb_store.hpp"
#include "wasm/ui/kit.hpp"

#include <emscripten.h>
#include <imgui.h>

#include <array>
#include <memory>
#include <optional>

namespace machiba::screens {

namespace {

using nlohmann::json;

constexpr char const* keep_key = "health/keep";
constexpr char const* questions_key = "health/questions";
constexpr std::size_t kept_questions_limit = 20;
constexpr double escape_window_seconds = 2.0;
constexpr float quick_exit_width = 168;  // CSS px: the label in either language, and a thumb
constexpr float quick_exit_height = 72;

// The files of the pack, in the order PackDocuments takes them; all JSON but the last, the
// labelled questions (JSONL) that the route model is trained on when the pack loads.
constexpr std::array<char const*, 6> pack_files = {"/assets/triage/lexicon.json",
    "/assets/triage/resources.json", "/assets/triage/content.json",
    "/assets/calendar/japan_holidays.json", "/assets/triage/route_model.json",
    "/assets/triage/examples.jsonl"};
constexpr std::size_t examples_file = 5;

struct Inbox {
    std::array<std::optional<platform::HttpResponse>, pack_files.size()> responses;
};

class HealthScreen final : public app::Screen {
public:
    explicit HealthScreen(app::AppContext& app)
    {
        m_keep = app.store.get(keep_key).value_or("") == "1";
        if (m_keep) {
            auto kept = json::parse(app.store.get(questions_key).value_or("[]"), nullptr, false);
            if (kept.is_array()) {
                for (auto const& question : kept) {
                    if (question.is_string())
                        m_kept.push_back(question.get<std::string>());
                }
            }
        }
        fetch_pack(app);
    }

    std::string title(app::AppContext& app) const override { return app.t("health.title"); }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        watch_escape(app);
        if (m_exiting) {
            finish_exit(app);
            return;
        }
        take_pack(app);

        ui.text(app.t("health.intro"));
        ui.gap(12);
        if (!m_pack) {
            draw_loading(app, ui);
        } else {
            draw_question(app, ui);
            draw_answer(app, ui);
            draw_services(app, ui);
            draw_privacy(app, ui);
        }
        ui.gap(72); // room under the quick-exit button
        draw_quick_exit(app, ui);
    }

private:
    // ---- 1. The pack ---------------------------------------------------------------------------

    void fetch_pack(app::AppContext& app)
    {
        m_failed = false;
        m_inbox = std::make_shared<Inbox>();
        auto inbox = m_inbox;
        auto& frames = app.frames;
        for (std::size_t i = 0; i < pack_files.size(); ++i) {
            platform::HttpRequest request;
            request.url = pack_files[i];
            app.http.send(std::move(request), [inbox, i, &frames](platform::HttpResponse response) {
                inbox->responses[i] = std::move(response);
                frames.request();
            });
        }
    }

    void take_pack(app::AppContext& app)
    {
        if (m_pack || m_failed || !m_inbox)
            return;
        for (auto const& response : m_inbox->responses) {
            if (!response)
                return;
        }

        // 1. All arrived: parse them, or say which one failed.
        std::array<json, pack_files.size()> documents;
        for (std::size_t i = 0; i < pack_files.size(); ++i) {
            auto const& response = *m_inbox->responses[i];
            if (response.ok() && i != examples_file)
                documents[i] = json::parse(response.body, nullptr, false);
            if (!response.ok() || documents[i].is_discarded()) {
                m_failed = true;
                app.log.write(platform::LogLevel::Error, "health",
                    std::string("cannot load ") + pack_files[i] + ": "
                        + (response.ok() ? "not JSON" : response.error_message));
                return;
            }
        }

        // 2. The core checks the pack as a whole.
        auto loaded = triage::TriagePack::from_json({documents[0], documents[1], documents[2],
            documents[3], documents[4], m_inbox->responses[examples_file]->body});
        if (auto const* error = std::get_if<triage::TriageError>(&loaded)) {
            m_failed = true;
            app.log.write(platform::LogLevel::Error, "health", error->message);
            return;
        }
        m_pack = std::make_unique<triage::TriagePack>(std::get<triage::TriagePack>(loaded));
        m_router = std::make_unique<triage::Router>(*m_pack);
        m_exit_url = documents[2].value("quick_exit", json::object()).value("url", "about:blank");
        m_inbox.reset();
    }

    // ---- 2. Keeping and erasing ----------------------------------------------------------------

    void remember(app::AppContext& app, std::string const& question)
    {
        if (!m_keep)
            return;
        m_kept.erase(std::remove(m_kept.begin(), m_kept.end(), question), m_kept.end());
        m_kept.insert(m_kept.begin(), question);
        if (m_kept.size() > kept_questions_limit)
            m_kept.resize(kept_questions_limit);
        app.store.set(questions_key, json(m_kept).dump());
    }

    void erase_everything(app::AppContext& app)
    {
        for (auto const& key : app.store.keys("health/"))
            app.store.erase(key);
        m_kept.clear();
    }

    // ---- 3. Quick exit -------------------------------------------------------------------------

    void watch_escape(app::AppContext& app)
    {
        if (!ImGui::IsKeyPressed(ImGuiKey_Escape, false))
            return;
        double const now = ImGui::GetTime();
        if (now - m_first_escape > escape_window_seconds) {
            m_first_escape = now;
            m_escapes = 0;
        }
        if (++m_escapes >= 3)
            start_exit(app);
    }

    void start_exit(app::AppContext& app)
    {
        // The log never names what was typed; only that the room was left this way.
        app.log.write(platform::LogLevel::Info, "health", "quick exit");
        erase_everything(app);
        m_question.clear();
        m_result.reset();
        m_advice.clear();
        m_exiting = true;
        m_exit_frames = 0;
        app.frames.request();
    }

    // Waits (a few frames at most) for IndexedDB to commit the erasure, then leaves.
    void finish_exit(app::AppContext& app)
    {
        ++m_exit_frames;
        if (platform::IdbStore::instance().pending_writes() > 0 && m_exit_frames < 30) {
            app.frames.request();
            return;
        }
        if (m_left)
            return;
        m_left = true;
        EM_ASM(
            {
                var url = UTF8ToString($0);
                window.location.replace(url);
            },
            m_exit_url.c_str());
    }

    void draw_quick_exit(app::AppContext& app, ui::Kit& ui)
    {
        // A small window of its own, pinned to the bottom right, so that scrolling never hides it.
        auto const* viewport = ImGui::GetMainViewport();
        ImVec2 const corner(viewport->WorkPos.x + viewport->WorkSize.x - ui.px(12),
            viewport->WorkPos.y + viewport->WorkSize.y - ui.px(12));
        ImGui::SetNextWindowPos(corner, ImGuiCond_Always, ImVec2(1, 1));
        ImGui::SetNextWindowSize(ImVec2(ui.px(quick_exit_width), ui.px(quick_exit_height)));
        ImGui::SetNextWindowBgAlpha(0);
        ImGuiWindowFlags const flags = ImGuiWindowFlags_NoDecoration
            | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoSavedSettings
            | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav
            | ImGuiWindowFlags_NoMove;
        if (ImGui::Begin("##health.quick_exit", nullptr, flags)) {
            if (ui.big_button("health.quick_exit", app.t("health.quick_exit")))
                start_exit(app);
        }
        ImGui::End();
    }

    // ---- 4. Drawing ----------------------------------------------------------------------------

    void draw_loading(app::AppContext& app, ui::Kit& ui)
    {
        if (!m_failed) {
            ui.muted(app.t("health.loading"));
            return;
        }
        ui.text(app.t("health.load_failed"));
        if (ui.button("health.retry", app.t("health.retry")))
            fetch_pack(app);
    }

    void draw_question(app::AppContext& app, ui::Kit& ui)
    {
        ui.text_area("health.question", app.t("health.question_label"), m_question, 3,
            app.t("health.question_hint"));
        bool const empty = m_question.find_first_not_of(" \t\r\n") == std::string::npos;
        ui.begin_disabled(empty);
        if (ui.big_button("health.ask", app.t("health.ask")) && !empty) {
            show(m_router->route(m_question, app.clock.now_unix_ms()));
            m_chips.assign(3, false);
            remember(app, m_question);
        }
        ui.end_disabled();

        ui.gap(12);
        ui.muted(app.t("health.chips_label"));
        std::vector<std::string> labels;
        for (auto topic : {triage::Topic::mind, triage::Topic::body, triage::Topic::sex})
            labels.push_back(m_pack->topic_label(topic).in(app.strings.language()));
        auto before = m_chips;
        if (m_chips.size() != 3)
            m_chips.assign(3, false);
        if (ui.chips("health.topics", labels, m_chips)) {
            // One chip at a time: the newly tapped one wins.
            for (std::size_t i = 0; i < 3; ++i) {
                bool const tapped = m_chips[i] && (before.size() != 3 || !before[i]);
                if (tapped) {
                    m_chips.assign(3, false);
                    m_chips[i] = true;
                    show(m_router->browse(static_cast<triage::Topic>(i),
                        app.clock.now_unix_ms()));
                }
            }
        }
    }

    // A new answer on the screen; advice is what the follow-up option that led to it says.
    void show(triage::TriageResult result, std::string advice = {})
    {
        m_result = std::move(result);
        m_advice = std::move(advice);
        m_scroll_to_advice = !m_advice.empty();
    }

    void draw_answer(app::AppContext& app, ui::Kit& ui)
    {
        if (!m_result)
            return;
        auto const language = app.strings.language();
        auto const& result = *m_result;
        ui.gap(16);
        ui.separator();

        // 1. The card of the route, then its help, most urgent first.
        auto const& card = m_pack->card(result.route);
        ui.card("health.answer", card.title.in(language), card.body.in(language),
            app.t("health.route." + std::string(triage::route_name(result.route))));
        ui.gap(8);
        for (auto const& id : result.resources)
            draw_resource(app, ui, id);

        // 2. A follow-up question that settles the route.
        if (auto const* follow_up = m_pack->follow_up(result.follow_up)) {
            ui.gap(8);
            ui.heading("health.follow_up", app.t("health.follow_up_title"));
            ui.text(follow_up->question.in(language));
            for (auto const& option : follow_up->options) {
                if (ui.button("health.follow_up." + option.id, option.label.in(language))) {
                    auto answered = m_router->answer_follow_up(result, option.id);
                    if (auto* next = std::get_if<triage::TriageResult>(&answered)) {
                        show(std::move(*next), option.advice.in(language));
                        return;
                    }
                }
            }
        }
        if (!m_advice.empty() && result.follow_up.empty()) {
            // The answer replaced the question's buttons and the page may have shrunk under
            // the finger: bring the advice into view, once.
            if (m_scroll_to_advice) {
                ImGui::SetScrollHereY(0.25f);
                m_scroll_to_advice = false;
            }
            ui.text(m_advice);
        }

        // 3. The crisis card under a lower route that carried a weaker signal.
        if (result.crisis_card) {
            ui.gap(8);
            auto const& crisis = m_pack->crisis_card();
            ui.card("health.crisis", crisis.title.in(language), crisis.body.in(language));
            for (auto const& id : result.crisis_resources)
                draw_resource(app, ui, id, "health.crisis.");
        }

        // 4. Articles.
        if (!result.articles.empty()) {
            ui.gap(8);
            ui.heading("health.articles", app.t("health.articles_title"));
            for (auto const& id : result.articles) {
                if (auto const* article = m_pack->article(id))
                    ui.card("health.article." + id, article->title.in(language),
                        article->body.in(language));
            }
        }
    }

    std::string availability(app::AppContext& app, triage::Resource const& resource) const
    {
        auto const now = app.clock.now_unix_ms();
        if (resource.hours) {
            auto const state = resource.hours->state_at(now, m_pack->holidays());
            if (state.always_open)
                return app.t("health.open_always");
            if (state.status == calendar::OpenStatus::open && state.closes_at)
                return app.strings.format("health.open_now_until",
                    {{"time", state.closes_at->clock()}});
            if (state.status == calendar::OpenStatus::unknown)
                return app.t("health.hours_unknown_holiday");
            if (state.opens_at) {
                auto const today = calendar::JapanTime::from_unix_ms(now).date;
                if (state.opens_at->date == today)
                    return app.strings.format("health.opens_today",
                        {{"time", state.opens_at->clock()}});
                auto const weekday = app.t("health.weekday."
                    + std::string(calendar::weekday_name(state.opens_at->date.weekday())));
                return app.strings.format("health.opens_at",
                    {{"weekday", weekday}, {"time", state.opens_at->clock()}});
            }
        }
        if (resource.event) {
            auto const next = resource.event->next_after(now);
            if (!next)
                return app.t("health.cafe_unknown");
            return app.strings.format("health.cafe_next",
                {{"date", next->starts.iso().substr(0, 10)}, {"time", next->starts.clock()}});
        }
        return app.t("health.hours_unknown");
    }

    void draw_resource(app::AppContext& app, ui::Kit& ui, std::string const& id,
        std::string const& prefix = "health.resource.")
    {
        auto const* resource = m_pack->resource(id);
        if (!resource)
            return;
        auto const language = app.strings.language();
        std::string body = availability(app, *resource) + "\n" + resource->hours_text.in(language);
        if (!resource->note.in(language).empty())
            body += "\n" + resource->note.in(language);
        ui.card(prefix + id, resource->name.in(language), body,
            resource->verified ? std::string() : app.t("health.unverified"));
        if (!resource->tel.empty()) {
            // '#' must be escaped in a tel: address, or the browser cuts the number there.
            std::string address = "tel:";
            for (char c : resource->tel)
                address += c == '#' ? std::string("%23") : std::string(1, c);
            ui.link(prefix + id + ".call",
                app.strings.format("health.call", {{"number", resource->tel_display}}), address);
        }
        if (!resource->url.empty()) {
            bool const line = resource->url.starts_with("https://line.me/");
            ui.link(prefix + id + ".open", app.t(line ? "health.open_line" : "health.open_link"),
                resource->url);
        }
        ui.gap(4);
    }

    void draw_services(app::AppContext& app, ui::Kit& ui)
    {
        ui.gap(16);
        ui.separator();
        if (auto const* chat = m_pack->resource("shinawaka_chat"))
            ui.muted(
                app.strings.format("health.chat_status", {{"state", availability(app, *chat)}}));
        if (auto const* cafe = m_pack->resource("shinawaka_cafe"))
            ui.muted(
                app.strings.format("health.cafe_status", {{"state", availability(app, *cafe)}}));
    }

    void draw_privacy(app::AppContext& app, ui::Kit& ui)
    {
        ui.gap(16);
        bool keep = m_keep;
        if (ui.checkbox("health.keep", app.t("health.keep"), keep)) {
            m_keep = keep;
            if (m_keep) {
                app.store.set(keep_key, "1");
            } else {
                erase_everything(app);
            }
        }
        ui.muted(app.t("health.keep_note"));
        if (!m_keep || m_kept.empty())
            return;

        ui.gap(8);
        ui.heading("health.history", app.t("health.history_title"));
        for (std::size_t i = 0; i < m_kept.size(); ++i) {
            if (ui.card("health.kept." + std::to_string(i), m_kept[i], {})) {
                m_question = m_kept[i];
                show(m_router->route(m_question, app.clock.now_unix_ms()));
            }
        }
        if (ui.button("health.wipe", app.t("health.wipe"))) {
            erase_everything(app);
            app.store.set(keep_key, "1");
        }
    }

    std::shared_ptr<Inbox> m_inbox;
    std::unique_ptr<triage::TriagePack> m_pack;
    std::unique_ptr<triage::Router> m_router;
    bool m_failed = false;
    std::string m_exit_url = "about:blank";

    std::string m_question;
    std::optional<triage::TriageResult> m_result;
    std::string m_advice;
    bool m_scroll_to_advice = false;
    std::vector<bool> m_chips = std::vector<bool>(3, false);

    bool m_keep = false;
    std::vector<std::string> m_kept;

    double m_first_escape = -100;
    int m_escapes = 0;
    bool m_exiting = false;
    bool m_left = false;
    int m_exit_frames = 0;
};

} // namespace

std::unique_ptr<app::Screen> make_health_screen(app::AppContext& app, std::string_view)
{
    return std::make_unique<HealthScreen>(app);
}

} // namespace machiba::screens
