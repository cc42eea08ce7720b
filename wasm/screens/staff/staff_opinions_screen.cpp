// Moderation: a campaign's opinions as sent (unmasked: the only screen that shows personal
// information, flagged where the core found it), to publish or hide, and to answer.
#include "shared/platform/http_client.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/screens/campaigns/campaign_client.hpp"
#include "wasm/screens/campaigns/campaign_loader.hpp"
#include "wasm/screens/campaigns/campaign_view.hpp"
#include "wasm/screens/staff/staff_session.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>

#include <map>
#include <memory>

namespace machiba::screens {

namespace {

using namespace campaigns;
using nlohmann::json;
using staff::StaffSession;

struct StaffOpinion {
    PublishedOpinion opinion;
    std::string status;
    std::vector<std::pair<std::string, std::string>> personal_info; // pointer, kind
};

struct Queue {
    std::vector<StaffOpinion> items;
    std::string next;
    bool loading = false;
    bool failed = false;
    int generation = 0; // a new filter drops answers to the old one
};

class StaffOpinionsScreen final : public app::Screen {
public:
    explicit StaffOpinionsScreen(std::string id) : m_id(std::move(id)) {}

    std::string title(app::AppContext& app) const override { return app.t("staff.moderation"); }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        if (!m_requested) {
            m_requested = true;
            m_loader.load(app, m_id, "/api/v1/staff/campaigns/" + m_id);
            load(app, true);
        }
        auto const& state = m_loader.state();
        std::string const& language = app.strings.language();
        if (state.campaign)
            ui.heading("staff.opinions.heading", state.campaign->title.in(language));
        ui.muted(app.t("staff.moderation_lead"));
        ui.gap(8);

        // 1. Which opinions: by status, and by a word they contain.
        static std::vector<std::string> labels;
        labels = {app.t("staff.filter_pending"), app.t("staff.filter_published"),
            app.t("staff.filter_hidden"), app.t("staff.filter_all")};
        if (ui.tabs("staff.opinions.filter", labels, m_filter))
            load(app, true);
        if (ui.text_field("staff.opinions.search", app.t("staff.search"), m_search,
                app.t("staff.search_hint")))
            m_search_changed = true;
        if (m_search_changed && !ImGui::GetIO().WantTextInput) {
            m_search_changed = false;
            load(app, true);
        }
        if (ui.button("staff.opinions.search_now", app.t("staff.search_now")))
            load(app, true);
        ui.gap(12);

        // 2. The queue.
        auto& queue = *m_queue;
        if (queue.items.empty())
            ui.muted(app.t(queue.loading ? "staff.loading"
                    : queue.failed       ? "staff.load_failed"
                                         : "staff.no_opinions"));
        for (auto& item : queue.items)
            draw_opinion(app, ui, item);
        if (!queue.next.empty() && !queue.loading &&
            ui.button("staff.opinions.more", app.t("staff.more")))
            load(app, false);
        if (layout_settling())
            app.frames.request(2);
    }

private:
    void load(app::AppContext& app, bool fresh)
    {
        static char const* const statuses[] = {"pending", "published", "hidden", ""};
        auto queue = m_queue;
        if (fresh) {
            queue->items.clear();
            queue->next.clear();
            ++queue->generation;
        }
        queue->loading = true;
        queue->failed = false;
        std::string url = "/api/v1/staff/campaigns/" + m_id + "/opinions?limit=50";
        if (*statuses[m_filter])
            url += std::string("&status=") + statuses[m_filter];
        if (!m_search.empty())
            url += "&q=" + encode(m_search);
        if (!queue->next.empty())
            url += "&before=" + queue->next;
        platform::HttpRequest request;
        request.url = url;
        int generation = queue->generation;
        StaffSession::instance().send(app, std::move(request),
            [queue, generation](platform::HttpResponse response) {
                if (generation != queue->generation)
                    return;
                queue->loading = false;
                auto body = json::parse(response.body, nullptr, false);
                if (!response.ok() || body.is_discarded()) {
                    queue->failed = true;
                    return;
                }
                auto list = read_opinion_list(body);
                auto const& raw = body.contains("opinions") ? body["opinions"] : json::array();
                for (std::size_t i = 0; i < list.items.size() && i < raw.size(); ++i) {
                    StaffOpinion item;
                    item.opinion = list.items[i];
                    item.status = raw[i].value("status", "");
                    if (raw[i].contains("personal_info") && raw[i]["personal_info"].is_array()) {
                        for (auto const& flag : raw[i]["personal_info"])
                            if (flag.is_object())
                                item.personal_info.emplace_back(flag.value("pointer", ""),
                                    flag.value("kind", ""));
                    }
                    queue->items.push_back(std::move(item));
                }
                queue->next = list.next;
            });
    }

    static std::string encode(std::string const& text)
    {
        static char const* const hex = "0123456789ABCDEF";
        std::string out;
        for (unsigned char c : text) {
            if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
                out += static_cast<char>(c);
            } else {
                out += '%';
                out += hex[c >> 4];
                out += hex[c & 15];
            }
        }
        return out;
    }

    void draw_opinion(app::AppContext& app, ui::Kit& ui, StaffOpinion& item)
    {
        auto const& state = m_loader.state();
        auto const& palette = ui.palette();
        std::string const& language = app.strings.language();
        auto const& opinion = item.opinion;
        std::string id = "staff.opinion." + std::to_string(opinion.id);

        bool open = begin_box(id + ".box", 0, palette.surface,
            item.personal_info.empty() ? palette.border : palette.accent, ui.px(12), ui.px(16),
            ui.px(14));
        if (open) {
            // 1. Its state and where it came from.
            ImU32 fill = item.status == "published" ? palette.selected
                : item.status == "hidden"           ? palette.background
                                                    : IM_COL32(255, 240, 214, 255);
            draw_tag(ui, app.t("staff.opinion_" + item.status), fill, palette.text);
            if (opinion.is_sample)
                draw_tag(ui, app.t("campaigns.sample"), palette.selected, palette.primary);
            ImGui::NewLine();
            std::string about = "#" + std::to_string(opinion.id) + "  " +
                format_date(opinion.received_at, language);
            std::string age = demographic_label(state.demographics.age_bands, opinion.age_band,
                language);
            std::string district = demographic_label(state.demographics.districts,
                opinion.district, language);
            if (!age.empty())
                about += " · " + age;
            if (!district.empty())
                about += " · " + district;
            ui.muted(about);
            for (auto const& [pointer, kind] : item.personal_info) {
                ImGui::PushStyleColor(ImGuiCol_Text, palette.danger);
                std::string warning = app.strings.format("staff.personal_info",
                    {{"kind", app.t("staff.pii_" + kind)}});
                ImGui::TextWrapped("%s", warning.c_str());
                ImGui::PopStyleColor();
                ui.record_last_item(id + ".pii", "alert", warning, pointer);
            }
            ui.gap(4);

            // 2. The answers as sent.
            if (state.campaign) {
                for (auto const& question : state.campaign->questions) {
                    if (!opinion.answers.contains(question.id))
                        continue;
                    ui.muted(question.prompt.in(language));
                    ui.text(answer_text(question, opinion.answers[question.id], language));
                }
            }
            ui.gap(8);

            // 3. Publish or hide, and the ward's reply.
            bool first = true;
            if (item.status != "published") {
                if (ui.button(id + ".publish", app.t("staff.publish_opinion")))
                    set_status(app, opinion.id, "published");
                first = false;
            }
            if (item.status != "hidden") {
                if (!first)
                    ImGui::SameLine(0, ui.px(8));
                if (ui.button(id + ".hide", app.t("staff.hide")))
                    set_status(app, opinion.id, "hidden");
            }
            ui.gap(8);
            std::string& reply = m_replies.try_emplace(opinion.id, opinion.reply).first->second;
            ui.text_area(id + ".reply", app.t("staff.reply"), reply, 3);
            if (ui.button(id + ".reply.save", app.t("staff.save_reply")))
                save_reply(app, opinion.id, reply);
        }
        end_box();
        ui.gap(12);
    }

    void set_status(app::AppContext& app, std::int64_t opinion_id, std::string const& status)
    {
        platform::HttpRequest request;
        request.method = "PUT";
        request.url = "/api/v1/staff/opinions/" + std::to_string(opinion_id) + "/status";
        request.body = json{{"status", status}}.dump();
        auto queue = m_queue;
        StaffSession::instance().send(app, std::move(request),
            [queue, opinion_id, status](platform::HttpResponse response) {
                if (!response.ok())
                    return;
                for (auto& item : queue->items) {
                    if (item.opinion.id == opinion_id)
                        item.status = status;
                }
            });
    }

    void save_reply(app::AppContext& app, std::int64_t opinion_id, std::string const& text)
    {
        platform::HttpRequest request;
        request.method = "PUT";
        request.url = "/api/v1/staff/opinions/" + std::to_string(opinion_id) + "/reply";
        request.body = json{{"text", text}}.dump();
        auto queue = m_queue;
        StaffSession::instance().send(app, std::move(request),
            [queue, opinion_id, text](platform::HttpResponse response) {
                if (!response.ok())
                    return;
                for (auto& item : queue->items) {
                    if (item.opinion.id == opinion_id)
                        item.opinion.reply = text;
                }
            });
    }

    std::string m_id;
    CampaignLoader m_loader;
    std::shared_ptr<Queue> m_queue = std::make_shared<Queue>();
    std::map<std::int64_t, std::string> m_replies;
    std::string m_search;
    bool m_search_changed = false;
    int m_filter = 0;
    bool m_requested = false;
};

} // namespace

std::unique_ptr<app::Screen> make_staff_opinions_screen(app::AppContext&,
    std::string_view argument)
{
    return std::make_unique<StaffOpinionsScreen>(std::string(argument));
}

} // namespace machiba::screens
