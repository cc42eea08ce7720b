// The staff log screen: the app's recent log lines, newest first, to copy into a report.
#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/platform/app_log.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>
#include <string>
#include <vector>

namespace machiba::screens {

namespace {

class LogScreen final : public app::Screen {
public:
    std::string title(app::AppContext& app) const override { return app.t("common.log"); }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        // 1. Which levels to show, and what to do with the lines.
        m_level_names = {app.t("common.log_debug"), app.t("common.log_info"),
            app.t("common.log_warning"), app.t("common.log_error")};
        ui.chips("log.levels", m_level_names, m_levels);
        if (ui.button("log.copy", app.t("common.log_copy")))
            ImGui::SetClipboardText(as_text(app).c_str());
        ImGui::SameLine(0, ui.px(8));
        if (ui.button("log.clear", app.t("common.log_clear")))
            app.log.clear();
        ui.gap(12);

        // 2. The lines, newest first.
        auto const& entries = app.log.ring().entries();
        int shown = 0;
        for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
            if (!m_levels[static_cast<size_t>(it->level)])
                continue;
            ++shown;
            ui.muted(m_level_names[static_cast<size_t>(it->level)] + " · " + it->category);
            ui.text(it->message);
            ui.gap(8);
        }
        if (shown == 0)
            ui.muted(app.t("common.log_empty"));
    }

private:
    std::string as_text(app::AppContext& app) const
    {
        std::string text;
        for (auto const& entry : app.log.ring().entries()) {
            text += platform::to_string(entry.level);
            text += " [" + entry.category + "] " + entry.message + "\n";
        }
        return text;
    }

    std::vector<bool> m_levels{false, true, true, true};
    std::vector<std::string> m_level_names;
};

} // namespace

std::unique_ptr<app::Screen> make_log_screen(app::AppContext&, std::string_view)
{
    return std::make_unique<LogScreen>();
}

} // namespace machiba::screens
