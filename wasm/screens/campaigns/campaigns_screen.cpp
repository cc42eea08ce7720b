// The residents' list of campaigns: those open now first, then recently closed ones, and the
// opinions still waiting in the outbox. The list is kept in the store, so it shows offline too.
#include "shared/platform/clock.hpp"
#include "shared/platform/http_client.hpp"
#include "shared/platform/key_value_store.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/screens/campaigns/campaign_client.hpp"
#include "wasm/screens/campaigns/opinion_outbox.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>

#include <memory>

namespace machiba::screens {

namespace {

using namespace campaigns;

char const* const list_cache_key = "campaigns/cache/list";

class CampaignsScreen final : public app::Screen {
public:
    std::string title(app::AppContext& app) const override { return app.t("campaigns.title"); }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        // 1. Load once; show the copy from the store until the server answers.
        if (!m_requested)
            load(app);
        OpinionOutbox::instance().flush(app);
        std::string const& language = app.strings.language();
        std::int64_t now = app.clock.now_unix_ms();

        ui.heading("campaigns.heading", app.t("campaigns.heading"));
        ui.muted(app.t("campaigns.lead"));
        ui.gap(12);

        // 2. Opinions not yet acknowledged by the server.
        draw_outbox(app, ui);

        // 3. Open now, then closed.
        if (m_loading && m_campaigns.empty())
            ui.muted(app.t("campaigns.loading"));
        if (m_failed) {
            ui.muted(app.t(m_campaigns.empty() ? "campaigns.load_failed"
                                               : "campaigns.offline_copy"));
            if (ui.button("campaigns.retry", app.t("campaigns.retry")))
                load(app);
            ui.gap(12);
        }
        int open = 0;
        for (auto const& summary : m_campaigns) {
            if (!summary.accepts_opinions(now))
                continue;
            if (open++ == 0)
                ui.text(app.t("campaigns.open_now"));
            std::string badge = app.strings.format("campaigns.open_until",
                {{"date", format_date(summary.ends_at - 1, language)}});
            if (ui.card("campaigns.open." + summary.id, summary.title.in(language),
                    summary.summary.in(language), badge))
                app.router.open("campaigns/detail", summary.id);
        }
        if (open == 0 && !m_loading && !m_campaigns.empty())
            ui.muted(app.t("campaigns.none_open"));
        int closed = 0;
        for (auto const& summary : m_campaigns) {
            if (summary.accepts_opinions(now) || summary.status == "draft")
                continue;
            if (closed++ == 0) {
                ui.gap(8);
                ui.text(app.t("campaigns.closed"));
            }
            std::string badge = app.t(now < summary.starts_at ? "campaigns.upcoming"
                                                              : "campaigns.closed_badge");
            std::string body = format_period(summary.starts_at, summary.ends_at, language) +
                "\n" + summary.summary.in(language);
            if (ui.card("campaigns.closed." + summary.id, summary.title.in(language), body, badge))
                app.router.open("campaigns/detail", summary.id);
        }
    }

private:
    void load(app::AppContext& app)
    {
        m_requested = true;
        m_loading = true;
        m_failed = false;
        if (m_campaigns.empty()) {
            if (auto cached = app.store.get(list_cache_key))
                m_campaigns = read_campaign_list(nlohmann::json::parse(*cached, nullptr, false));
        }
        platform::HttpRequest request;
        request.url = paths::campaigns;
        app::AppContext* context = &app;
        std::weak_ptr<int> alive = m_alive;
        app.http.send(std::move(request), [this, context, alive](platform::HttpResponse response) {
            if (alive.expired())
                return; // the resident left the screen before the answer came
            m_loading = false;
            auto body = nlohmann::json::parse(response.body, nullptr, false);
            if (!response.ok() || body.is_discarded()) {
                m_failed = true;
                return;
            }
            m_campaigns = read_campaign_list(body);
            context->store.set(list_cache_key, response.body);
        });
    }

    void draw_outbox(app::AppContext& app, ui::Kit& ui)
    {
        auto& outbox = OpinionOutbox::instance();
        auto entries = outbox.entries(app);
        if (entries.empty())
            return;
        int waiting = outbox.waiting(app);
        if (waiting > 0) {
            ui.text(app.strings.format("campaigns.outbox_waiting",
                {{"n", std::to_string(waiting)}}));
            ui.muted(app.t("campaigns.outbox_help"));
            if (ui.button("campaigns.outbox.send_now", app.t("campaigns.send_now")))
                outbox.flush(app, true);
            ui.gap(12);
        }
        for (auto const& entry : entries) {
            if (entry.state != OutboxState::rejected)
                continue;
            ui.text(app.t("campaigns.outbox_rejected"));
            ui.muted(entry.error);
            if (ui.button("campaigns.outbox.discard." + entry.key, app.t("campaigns.discard")))
                outbox.discard(app, entry.key);
            ui.gap(12);
        }
        ui.separator();
    }

    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
    std::vector<CampaignSummary> m_campaigns;
    bool m_requested = false;
    bool m_loading = false;
    bool m_failed = false;
};

} // namespace

std::unique_ptr<app::Screen> make_campaigns_screen(app::AppContext&, std::string_view)
{
    return std::make_unique<CampaignsScreen>();
}

} // namespace machiba::screens
