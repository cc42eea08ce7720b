// A screen of the app, and what every screen may use (AppContext). Screens live in
// wasm/screens/<area>/<name>_screen.cpp and are listed in wasm/screens/screen_list.inc.
#pragma once

#include "shared/platform/clock.hpp"
#include "shared/platform/http_client.hpp"
#include "shared/platform/key_value_store.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/platform/app_log.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace machiba::ui {
class Kit;
}

namespace machiba::app {

class Router;

struct AppContext {
    Strings& strings;
    platform::KeyValueStore& store; // keys under your area's prefix: "health/", "campaigns/"...
    platform::HttpClient& http; // same-origin paths: "/api/v1/...", "/assets/..."
    platform::Clock& clock; // UTC milliseconds; Japan time through shared/calendar
    platform::AppLog& log; // a LogSink: the staff log screen and the console
    Router& router;
    FrameScheduler& frames; // ask for a frame when something changes without input (a timer)

    // The current language's text for a catalog key ("home.title").
    std::string const& t(std::string_view key) const;
};

class Screen {
public:
    virtual ~Screen() = default;

    // The title shown in the top bar, in the current language.
    virtual std::string title(AppContext& app) const = 0;

    // Draws the screen's content with the UI kit. Called for every frame the app draws (only
    // when something changed), so it must be cheap and must not wait on anything.
    virtual void draw(AppContext& app, ui::Kit& ui) = 0;
};

// Makes a screen for a route; argument is what the opener passed (an id, or empty).
using ScreenFactory = std::unique_ptr<Screen> (*)(AppContext& app, std::string_view argument);

} // namespace machiba::app
