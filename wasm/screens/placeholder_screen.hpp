// A screen that says a service is coming: what the home screen opens until an issue fills it.
#pragma once

#include "wasm/app/router.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/ui/kit.hpp"

#include <string>

namespace machiba::screens {

class PlaceholderScreen final : public app::Screen {
public:
    PlaceholderScreen(std::string title_key, std::string body_key)
        : m_title_key(std::move(title_key))
        , m_body_key(std::move(body_key))
    {
    }

    std::string title(app::AppContext& app) const override { return app.t(m_title_key); }

    void draw(app::AppContext& app, ui::Kit& ui) override
    {
        ui.heading("placeholder.title", app.t(m_title_key));
        ui.text(app.t(m_body_key));
        ui.gap(16);
        ui.muted(app.t("common.coming_soon"));
        ui.gap(24);
        if (ui.button("placeholder.back", app.t("common.back_home")))
            app.router.home();
    }

private:
    std::string m_title_key;
    std::string m_body_key;
};

} // namespace machiba::screens
