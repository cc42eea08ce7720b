// The staff mode's door and menu: the login form, then every campaign (drafts too), a new one,
// the opinion analysis, and logging out.
#include "shared/platform/http_client.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/screens/campaigns/campaign_client.hpp"
#include "wasm/screens/staff/staff_session.hpp"
#include "wasm/screens/staff/staff_widgets.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>

#include <memory>

namespace machiba::screens {

namespace {

using staff::StaffSession;

class StaffScreen final : public app::Screen {
public:
    std::string title(app::AppContext& app) const override { return app.t("staff.title"); }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        auto& session = StaffSession::instance();
        session.check(app);
        switch (session.status()) {
        case StaffSession::Status::unknown:
        case StaffSession::Status::checking:
            ui.muted(app.t("staff.checking"));
            return;
        case StaffSession::Status::logged_out:
            m_list->requested = false;
            draw_login(app, ui);
            return;
        case StaffSession::Status::logged_in:
            draw_menu(app, ui);
            return;
        }
    }

private:
    struct List {
        std::vector<campaigns::CampaignSummary> campaigns;
        bool requested = false;
        bool loading = false;
        bool failed = false;
    };

    void draw_login(app::AppContext& app, ui::Kit& ui)
    {
        ui.heading("staff.login.heading", app.t("staff.login_heading"));
        ui.muted(app.t("staff.login_lead"));
        ui.gap(12);
        ui.text_field("staff.login.name", app.t("staff.name"), m_name);
        ui.password_field("staff.login.password", app.t("staff.password"), m_password);
        if (!m_error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui.palette().danger);
            ImGui::TextWrapped("%s", app.t(m_error).c_str());
            ImGui::PopStyleColor();
            ui.record_last_item("staff.login.error", "alert", app.t(m_error));
            ui.gap(8);
        }
        ui.begin_disabled(m_busy || m_name.empty() || m_password.empty());
        if (ui.big_button("staff.login.submit", app.t("staff.login"))) {
            m_busy = true;
            m_error.clear();
            std::weak_ptr<int> alive = m_alive;
            StaffSession::instance().login(app, m_name, m_password,
                [this, alive](std::string const& error) {
                    if (alive.expired())
                        return;
                    m_busy = false;
                    m_error = error;
                    if (error.empty()) {
                        m_password.clear();
                    }
                });
        }
        ui.end_disabled();
    }

    void draw_menu(app::AppContext& app, ui::Kit& ui)
    {
        auto& session = StaffSession::instance();
        if (!m_list->requested || m_seen_changes != session.changes()) {
            m_seen_changes = session.changes();
            load(app);
        }
        std::string const& language = app.strings.language();

        // 1. Who is here, and the tools.
        ui.heading("staff.menu.heading", app.t("staff.menu_heading"));
        ui.muted(app.strings.format("staff.logged_in_as",
            {{"name", session.name()}, {"role", app.t("staff.role_" + session.role())}}));
        ui.gap(12);
        if (ui.begin_grid("staff.menu.tools", ui.wide() ? 2 : 1)) {
            if (ui.card("staff.menu.new", app.t("staff.new_campaign"),
                    app.t("staff.new_campaign_body")))
                app.router.open("staff/campaign", "");
            ui.next_cell();
            if (app.router.has("staff/analysis") &&
                ui.card("staff.menu.analysis", app.t("staff.analysis"),
                    app.t("staff.analysis_body")))
                app.router.open("staff/analysis");
            ui.end_grid();
        }

        // 2. Every campaign, the latest changed first; a tap opens its editor.
        ui.gap(8);
        ui.text(app.t("staff.campaigns"));
        ui.gap(4);
        if (m_list->loading && m_list->campaigns.empty())
            ui.muted(app.t("staff.loading"));
        if (m_list->failed) {
            ui.muted(app.t("staff.load_failed"));
            if (ui.button("staff.menu.retry", app.t("staff.retry")))
                load(app);
        }
        for (auto const& summary : m_list->campaigns) {
            std::string badge = app.t("staff.status_" + summary.status) + "  " +
                campaigns::format_period(summary.starts_at, summary.ends_at, language);
            if (ui.card("staff.campaign." + summary.id, summary.title.in(language),
                    summary.summary.in(language), badge))
                app.router.open("staff/campaign", summary.id);
        }
        ui.gap(16);
        if (ui.button("staff.menu.logout", app.t("staff.logout")))
            session.logout(app);
    }

    void load(app::AppContext& app)
    {
        auto list = m_list;
        list->requested = true;
        list->loading = true;
        list->failed = false;
        platform::HttpRequest request;
        request.url = "/api/v1/staff/campaigns";
        StaffSession::instance().send(app, std::move(request),
            [list](platform::HttpResponse response) {
                list->loading = false;
                auto body = nlohmann::json::parse(response.body, nullptr, false);
                if (!response.ok() || body.is_discarded()) {
                    list->failed = response.status != 401;
                    return;
                }
                list->campaigns = campaigns::read_campaign_list(body);
            });
    }

    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
    std::shared_ptr<List> m_list = std::make_shared<List>();
    std::string m_name;
    std::string m_password;
    std::string m_error;
    bool m_busy = false;
    int m_seen_changes = -1;
};

} // namespace

std::unique_ptr<app::Screen> make_staff_screen(app::AppContext&, std::string_view)
{
    return std::make_unique<StaffScreen>();
}

} // namespace machiba::screens
