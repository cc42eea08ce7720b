// The home screen: the four services of the ward, findable by typing part of a name.
#include "shared/text/normalize.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/ui/kit.hpp"

#include <array>
#include <string>

namespace machiba::screens {

namespace {

struct Service {
    char const* id;
    char const* route;
    char const* title_key;
    char const* body_key;
    char const* badge_key;
    char const* keywords_key; // readings and other words a resident might search with
};

std::array<Service, 4> const services{{
    {"home.service.health", "health", "home.health_title", "home.health_body", "home.health_badge",
        "home.health_keywords"},
    {"home.service.campaigns", "campaigns", "home.campaigns_title", "home.campaigns_body",
        "home.campaigns_badge", "home.campaigns_keywords"},
    {"home.service.sdgs_fund", "rules/sdgs-fund", "home.sdgs_fund_title", "home.sdgs_fund_body",
        "home.sdgs_fund_badge", "home.sdgs_fund_keywords"},
    {"home.service.public_contract", "rules/public-contract", "home.public_contract_title",
        "home.public_contract_body", "home.public_contract_badge",
        "home.public_contract_keywords"},
}};

// What a service is found by: its texts and keywords, folded as the triage folds questions
// (width, case, katakana to hiragana, long vowels), so ｿｳﾀﾞﾝ, ソウダン and そうだん meet.
std::string searchable(app::AppContext& app, Service const& service)
{
    return text::fold_for_matching(app.t(service.title_key) + " " + app.t(service.body_key) + " " +
        app.t(service.badge_key) + " " + app.t(service.keywords_key));
}

class HomeScreen final : public app::Screen {
public:
    std::string title(app::AppContext& app) const override { return app.t("common.app_name"); }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        // 1. Greeting and the search field.
        ui.heading("home.heading", app.t("home.heading"));
        ui.muted(app.t("home.lead"));
        ui.gap(16);
        ui.text_field(
            "home.search", app.t("home.search_label"), m_search, app.t("home.search_hint"));

        // 2. The services that match, one column on a phone and two on a desktop.
        std::string const needle = text::fold_for_matching(m_search);
        int shown = 0;
        bool grid = ui.begin_grid("home.services", ui.wide() ? 2 : 1);
        for (auto const& service : services) {
            if (!needle.empty() && searchable(app, service).find(needle) == std::string::npos)
                continue;
            if (shown > 0 && grid)
                ui.next_cell();
            ++shown;
            if (ui.card(service.id, app.t(service.title_key), app.t(service.body_key),
                    app.t(service.badge_key)))
                app.router.open(service.route);
        }
        if (grid)
            ui.end_grid();
        if (shown == 0)
            ui.muted(app.t("home.no_match"));

        // 3. Where this app comes from and what it keeps.
        ui.gap(8);
        ui.muted(app.t("home.privacy"));
    }

private:
    std::string m_search;
};

} // namespace

std::unique_ptr<app::Screen> make_home_screen(app::AppContext&, std::string_view)
{
    return std::make_unique<HomeScreen>();
}

} // namespace machiba::screens
