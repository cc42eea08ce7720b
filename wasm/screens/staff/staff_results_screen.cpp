// Results: how many opinions came, per day, and per question a bar for each choice and rating;
// then the export of every opinion as CSV (Excel opens it in Japanese) or JSON.
#include "shared/calendar/civil_date.hpp"
#include "shared/platform/http_client.hpp"
#include "wasm/platform/bridge.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/screens/campaigns/campaign_client.hpp"
#include "wasm/screens/campaigns/campaign_loader.hpp"
#include "wasm/screens/staff/staff_session.hpp"
#include "wasm/screens/staff/staff_widgets.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

namespace machiba::screens {

namespace {

using namespace campaigns;
using nlohmann::json;
using staff::StaffSession;

struct Counts {
    json body;
    bool loading = false;
    bool failed = false;
};

class StaffResultsScreen final : public app::Screen {
public:
    explicit StaffResultsScreen(std::string id) : m_id(std::move(id)) {}

    std::string title(app::AppContext& app) const override { return app.t("staff.results"); }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        if (!m_requested) {
            m_requested = true;
            m_loader.load(app, m_id, "/api/v1/staff/campaigns/" + m_id);
            load(app);
        }
        auto const& state = m_loader.state();
        auto const& palette = ui.palette();
        std::string const& language = app.strings.language();
        if (state.campaign)
            ui.heading("staff.results.heading", state.campaign->title.in(language));

        // 1. Export first: it is what most visits are for.
        if (ui.begin_grid("staff.results.export", 2)) {
            if (ui.big_button("staff.results.csv", app.t("staff.export_csv")))
                machiba_js_download(
                    ("/api/v1/staff/campaigns/" + m_id + "/export?format=csv").c_str(),
                    (m_id + ".csv").c_str());
            ui.next_cell();
            if (ui.big_button("staff.results.json", app.t("staff.export_json")))
                machiba_js_download(
                    ("/api/v1/staff/campaigns/" + m_id + "/export?format=json").c_str(),
                    (m_id + ".json").c_str());
            ui.end_grid();
        }
        ui.muted(app.t("staff.export_note"));
        if (ui.checkbox("staff.results.samples", app.t("staff.include_samples"), m_samples))
            load(app);
        ui.separator();

        auto const& counts = *m_counts;
        if (counts.body.is_null() || !state.campaign) {
            ui.muted(app.t(counts.failed ? "staff.load_failed" : "staff.loading"));
            return;
        }
        auto const& body = counts.body;

        // 2. The total and the days.
        long long total = body.value("total", 0LL);
        ui.text(app.strings.format("staff.total", {{"n", std::to_string(total)}}));
        if (body.contains("per_day") && body["per_day"].is_array() && !body["per_day"].empty())
            draw_days(app, ui, body["per_day"]);
        ui.separator();

        // 3. Per question.
        auto const& campaign = *state.campaign;
        json const& questions = body.contains("questions") ? body["questions"] : json::array();
        for (std::size_t i = 0; i < campaign.questions.size(); ++i) {
            auto const& question = campaign.questions[i];
            json const* count = nullptr;
            for (auto const& item : questions) {
                if (item.value("question_id", "") == question.id)
                    count = &item;
            }
            ui.text("Q" + std::to_string(i + 1) + "  " + question.prompt.in(language));
            long long answered = count ? count->value("answered", 0LL) : 0;
            ui.muted(app.strings.format("staff.answered", {{"n", std::to_string(answered)}}));
            std::string id = "staff.results." + question.id;
            if (count && count->contains("choices") && (*count)["choices"].is_array()) {
                for (auto const& choice : (*count)["choices"]) {
                    std::string choice_id = choice.value("id", "");
                    auto const* known = question.find_choice(choice_id);
                    staff::bar(ui, id + "." + choice_id,
                               known ? known->label.in(language) : choice_id,
                               choice.value("count", 0LL), answered, palette.primary);
                }
            }
            if (count && count->contains("ratings") && (*count)["ratings"].is_array()) {
                auto const& ratings = (*count)["ratings"];
                for (std::size_t score = 0; score < ratings.size() && score < 5; ++score) {
                    std::string label = std::to_string(score + 1);
                    if (score == 0 && !question.low_label.empty())
                        label += " " + question.low_label.in(language);
                    if (score == 4 && !question.high_label.empty())
                        label += " " + question.high_label.in(language);
                    staff::bar(ui, id + "." + std::to_string(score + 1), label,
                        ratings[score].get<long long>(), answered, palette.accent);
                }
                char mean[32];
                std::snprintf(mean, sizeof mean, "%.2f", count->value("mean", 0.0));
                ui.muted(app.strings.format("staff.mean", {{"mean", mean}}));
            }
            ui.gap(16);
        }
    }

private:
    void load(app::AppContext& app)
    {
        auto counts = m_counts;
        counts->loading = true;
        counts->failed = false;
        platform::HttpRequest request;
        request.url = "/api/v1/staff/campaigns/" + m_id + "/counts" +
            (m_samples ? "" : "?sample=false");
        StaffSession::instance().send(app, std::move(request),
            [counts](platform::HttpResponse response) {
                counts->loading = false;
                auto body = json::parse(response.body, nullptr, false);
                if (!response.ok() || !body.is_object()) {
                    counts->failed = true;
                    return;
                }
                counts->body = std::move(body);
            });
    }

    // A column per calendar day from the first opinion's day to the last, the days without
    // opinions included so that a quiet week reads as one; the latest at the right, as many days
    // as fit, the columns as wide as the days leave room for.
    void draw_days(app::AppContext& app, ui::Kit& ui, json const& days)
    {
        // 1. The counts by day number; entries whose date does not parse are left out.
        std::map<std::int64_t, long long> counts;
        for (auto const& day : days) {
            if (!day.is_object())
                continue;
            auto parsed = calendar::parse_civil_date(day.value("date", ""));
            if (auto const* date = std::get_if<calendar::CivilDate>(&parsed))
                counts[date->days_since_epoch()] += day.value("count", 0LL);
        }
        if (counts.empty())
            return;

        // 2. The days shown and the width of a column.
        auto const& palette = ui.palette();
        float const width = ImGui::GetContentRegionAvail().x;
        float const height = ui.px(110);
        float const gap = ui.px(2);
        float const narrowest = ui.px(3);
        std::int64_t const last = counts.rbegin()->first;
        std::int64_t const fit = std::max<std::int64_t>(1,
            static_cast<std::int64_t>(width / (narrowest + gap)));
        std::int64_t const first = std::max(counts.begin()->first, last - fit + 1);
        float const slot = width / static_cast<float>(last - first + 1);
        float const column = std::min(slot - gap, ui.px(14));
        long long most = 1;
        for (auto it = counts.lower_bound(first); it != counts.end(); ++it)
            most = std::max(most, it->second);

        // 3. Draw: the columns at their days, the axis, the first and last date under it.
        ImVec2 const at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(width, height + ui.px(22)));
        auto* list = ImGui::GetWindowDrawList();
        for (auto it = counts.lower_bound(first); it != counts.end(); ++it) {
            float const x = at.x + static_cast<float>(it->first - first) * slot
                + (slot - column) / 2;
            float const bar_height =
                height * static_cast<float>(it->second) / static_cast<float>(most);
            list->AddRectFilled(ImVec2(x, at.y + height - bar_height),
                ImVec2(x + column, at.y + height), palette.primary, ui.px(3),
                ImDrawFlags_RoundCornersTop);
        }
        list->AddLine(ImVec2(at.x, at.y + height), ImVec2(at.x + width, at.y + height),
            palette.border, ui.px(1));
        std::string const first_day = calendar::CivilDate::from_days_since_epoch(first).iso();
        std::string const last_day = calendar::CivilDate::from_days_since_epoch(last).iso();
        list->AddText(ImVec2(at.x, at.y + height + ui.px(4)), palette.muted, first_day.c_str());
        if (last != first) {
            ImVec2 const extent = ImGui::CalcTextSize(last_day.c_str());
            list->AddText(ImVec2(at.x + width - extent.x, at.y + height + ui.px(4)),
                palette.muted, last_day.c_str());
        }
        ui.record_last_item("staff.results.days", "img", app.t("staff.per_day"),
            std::to_string(last - first + 1));
    }

    std::string m_id;
    CampaignLoader m_loader;
    std::shared_ptr<Counts> m_counts = std::make_shared<Counts>();
    bool m_samples = true;
    bool m_requested = false;
};

} // namespace

std::unique_ptr<app::Screen> make_staff_results_screen(app::AppContext&,
    std::string_view argument)
{
    return std::make_unique<StaffResultsScreen>(std::string(argument));
}

} // namespace machiba::screens
