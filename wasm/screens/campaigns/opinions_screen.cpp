// The opinions a campaign has published (after moderation, with personal details masked by the
// server), their likes, and the ward's replies. A like is anonymous and counted once per device.
#include "shared/platform/http_client.hpp"
#include "shared/platform/key_value_store.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/screens/campaigns/campaign_client.hpp"
#include "wasm/screens/campaigns/campaign_loader.hpp"
#include "wasm/screens/campaigns/campaign_view.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>

#include <memory>
#include <set>

namespace machiba::screens {

namespace {

using namespace campaigns;
using nlohmann::json;

class OpinionsScreen final : public app::Screen {
public:
    explicit OpinionsScreen(std::string id) : m_id(std::move(id)) {}

    std::string title(app::AppContext& app) const override
    {
        return app.t("campaigns.opinions_title");
    }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        if (!m_requested) {
            m_requested = true;
            m_loader.load(app, m_id, paths::campaign(m_id));
            load_page(app);
        }
        auto const& state = m_loader.state();
        std::string const& language = app.strings.language();
        if (state.campaign)
            ui.heading("opinions.heading", state.campaign->title.in(language));
        ui.muted(app.t("campaigns.opinions_lead"));
        ui.gap(12);

        auto& page = *m_page;
        if (page.items.empty()) {
            ui.muted(app.t(page.loading ? "campaigns.loading"
                    : page.failed       ? "campaigns.load_failed"
                                        : "campaigns.no_opinions"));
        }
        for (auto const& opinion : page.items)
            draw_opinion(app, ui, opinion);
        if (!page.next.empty() && !page.loading &&
            ui.button("opinions.more", app.t("campaigns.more")))
            load_page(app);
        if (layout_settling())
            app.frames.request(2);
    }

private:
    struct Page {
        std::vector<PublishedOpinion> items;
        std::string next;
        bool loading = false;
        bool failed = false;
    };

    void load_page(app::AppContext& app)
    {
        auto page = m_page;
        page->loading = true;
        page->failed = false;
        platform::HttpRequest request;
        request.url = paths::opinions(m_id) + (page->next.empty() ? "" : "?before=" + page->next);
        app.http.send(std::move(request), [page](platform::HttpResponse response) {
            page->loading = false;
            auto body = json::parse(response.body, nullptr, false);
            if (!response.ok() || body.is_discarded()) {
                page->failed = true;
                return;
            }
            auto list = read_opinion_list(body);
            for (auto& item : list.items)
                page->items.push_back(std::move(item));
            page->next = list.next;
        });
    }

    void draw_opinion(app::AppContext& app, ui::Kit& ui, PublishedOpinion const& opinion)
    {
        auto const& state = m_loader.state();
        auto const& palette = ui.palette();
        std::string const& language = app.strings.language();
        std::string id = "opinions." + std::to_string(opinion.id);

        bool open = begin_box(id + ".box", 0, palette.surface, palette.border, ui.px(14),
            ui.px(16), ui.px(14));
        if (open) {
            // 1. Who and when, as far as they said.
            std::string about = format_date(opinion.received_at, language);
            std::string age = demographic_label(state.demographics.age_bands, opinion.age_band,
                language);
            std::string district = demographic_label(state.demographics.districts,
                opinion.district, language);
            if (!age.empty())
                about += " · " + age;
            if (!district.empty())
                about += " · " + district;
            if (opinion.is_sample)
                draw_tag(ui, app.t("campaigns.sample"), palette.selected, palette.primary);
            ImGui::NewLine();
            ui.muted(about);
            ui.gap(6);

            // 2. The answers: free text in full, choices in a line each.
            if (state.campaign) {
                for (auto const& question : state.campaign->questions) {
                    if (!opinion.answers.contains(question.id))
                        continue;
                    std::string text = answer_text(question, opinion.answers[question.id],
                        language);
                    if (question.type == campaign::QuestionType::text)
                        ui.text(text);
                    else
                        ui.muted(question.prompt.in(language) + "  " + text);
                }
            }

            // 3. The ward's reply.
            if (!opinion.reply.empty()) {
                ui.gap(8);
                if (begin_box(id + ".reply", 0, palette.selected, 0, ui.px(10), ui.px(12),
                        ui.px(10))) {
                    ui.text(app.t("campaigns.ward_reply"));
                    ui.text(opinion.reply);
                }
                end_box();
            }

            // 4. Likes: once per device.
            ui.gap(8);
            std::string liked_key = "campaigns/liked/" + std::to_string(opinion.id);
            bool liked = app.store.get(liked_key).has_value();
            std::int64_t likes = opinion.likes + (m_liked_now.count(opinion.id) ? 1 : 0);
            std::string label = app.strings.format(liked ? "campaigns.liked" : "campaigns.like",
                {{"n", std::to_string(likes)}});
            ui.begin_disabled(liked);
            if (ui.button(id + ".like", label))
                like(app, opinion.id);
            ui.end_disabled();
        }
        end_box();
        ui.gap(12);
    }

    void like(app::AppContext& app, std::int64_t opinion_id)
    {
        std::string device = device_id(app.store);
        platform::HttpRequest request;
        request.method = "POST";
        request.url = paths::likes(opinion_id);
        request.headers = {{"Content-Type", "application/json"}};
        request.body = json{{"device_id", device}}.dump();
        std::string key = "campaigns/liked/" + std::to_string(opinion_id);
        app.store.set(key, "1");
        m_liked_now.insert(opinion_id);
        app::AppContext* context = &app;
        app.http.send(std::move(request), [context, key](platform::HttpResponse response) {
            // A like that did not arrive may be given again.
            if (!response.ok() && response.status != 409)
                context->store.erase(key);
        });
    }

    std::string m_id;
    CampaignLoader m_loader;
    std::shared_ptr<Page> m_page = std::make_shared<Page>();
    std::set<std::int64_t> m_liked_now;
    bool m_requested = false;
};

} // namespace

std::unique_ptr<app::Screen> make_campaign_opinions_screen(app::AppContext&,
    std::string_view argument)
{
    return std::make_unique<OpinionsScreen>(std::string(argument));
}

} // namespace machiba::screens
