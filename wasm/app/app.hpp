// The app: owns the platform services, the ImGui context on GLFW and WebGL2, the fonts, the
// screens, and the frame loop that draws only when something changed.
//
// ---- How to write a screen (for every screen engineer) ----------------------------------------
//
// 1. A screen is a class derived from app::Screen (wasm/app/screen.hpp) in its area's folder,
//    wasm/screens/<area>/<name>_screen.cpp, with a factory in namespace machiba::screens:
//
//        std::unique_ptr<app::Screen> make_thing_screen(app::AppContext& app,
//            std::string_view argument);
//
//    and one line in wasm/screens/screen_list.inc: MACHIBA_SCREEN("area/thing", make_thing_screen).
//    Nothing else registers it. title() gives the top bar's text; draw() draws the content with
//    the UI kit (wasm/ui/kit.hpp) inside the shell's scrolling column. draw() runs only for frames
//    the app draws (after input, a finished request, a timer), so it is cheap and never waits.
//    Keep the screen's state in its members; it lives until the user goes back past it.
//
// 2. Everything a screen may use comes in AppContext& app:
//    - Strings: app.t("area.key") is the current language's text of assets/i18n/<ja|en>/
//      <area>.json, key "key". app.strings.format("area.key", {{"n", "3"}}) fills "{n}".
//      app.strings.language() is "ja" or "en". No user-visible literal in code, ever.
//    - Navigation: app.router.open("area/thing", "an-id") opens a screen on top (the argument
//      reaches the factory); app.router.back() goes back one (as the phone's back gesture does);
//      app.router.home() returns to the home screen. Calls take effect at the next frame.
//    - Store: app.store.get("area/key") (std::optional<std::string>), app.store.set(key, value),
//      app.store.erase(key), app.store.keys("area/"). Keys start with your area's prefix; values
//      are strings (JSON is fine). Reads are instant from memory; writes reach IndexedDB in the
//      background and survive reloads.
//    - HTTP: app.http.send(platform::HttpRequest{...}, [](platform::HttpResponse response) {...})
//      with same-origin URLs ("/api/v1/...", "/assets/..."). The callback runs once, on the main
//      thread, and the app draws a frame after it. response.ok(); otherwise response.error
//      (Network, Timeout) or an HTTP status with the server's JSON error, readable with
//      platform::parse_api_error(response.body) (wasm/platform/fetch_http_client.hpp). A screen
//      that may be closed before the answer comes keeps a std::shared_ptr<bool> alive flag (or
//      similar) and checks it in the callback: the screen object may be gone.
//    - Clock: app.clock.now_unix_ms(); Japan time through shared/calendar
//      (calendar::JapanTime::from_unix_ms). Tests fix the time through the same seam.
//    - Log: app.log.write(platform::LogLevel::Info, "area", "what happened"). Staff read it in
//      the menu's log window; info and above also go to the browser console. Never log what a
//      resident typed.
//    - Frames: app.frames.request() draws a few more frames (state changed without input);
//      app.frames.request_after(ms) draws one after a delay (a countdown, a retry);
//      app.frames.keep_animating() from draw() while an animation runs.
//
// 3. Tests find your widgets through window.machiba.inspect() by the ids you give the kit's
//    widgets ("area.thing.submit"): keep them stable across languages and unique on the screen.
#pragma once

#include "wasm/app/font_atlas.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/pointer_input.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/shell.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/platform/app_log.hpp"
#include "wasm/platform/browser_clock.hpp"
#include "wasm/platform/fetch_http_client.hpp"
#include "wasm/platform/idb_store.hpp"
#include "wasm/ui/inspector.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>
#include <string>

struct GLFWwindow;

namespace machiba::app {

class App {
public:
    static App& instance();

    // Sets everything up and returns; frames are drawn from requestAnimationFrame afterwards.
    void start();

    // From the bridge.
    void resize(double css_width, double css_height, double pixel_ratio);
    bool pointer(int phase, int kind, double x, double y, int button, double time_ms);
    void text(char const* utf8);
    void paste(char const* utf8);
    void composition(char const* utf8);
    void key(int soft_key);
    void wake() { m_frames.request(); }
    void history_popped(int depth);
    std::string inspect() const;
    int frame_count() const { return m_frames.frame_count(); }

    // The language the user chose in the menu; remembered in the store.
    void choose_language(std::string const& language);

private:
    App();
    void store_ready();
    void set_language(std::string const& language);
    void frame(double time);
    void apply_size();
    void draw_composition();
    void update_text_input();

    platform::AppLog m_log;
    platform::BrowserClock m_clock;
    platform::FetchHttpClient m_http;
    Strings m_strings;
    Router m_router;
    FrameScheduler m_frames;
    AppContext m_context;
    FontAtlas m_fonts;
    ui::Inspector m_inspector;
    ui::Kit m_kit;
    Shell m_shell;
    PointerInput m_pointer;

    GLFWwindow* m_window = nullptr;
    bool m_started = false;
    bool m_ready = false;
    bool m_announced = false;

    // The canvas in CSS px and the device pixel ratio; applied at the start of a frame.
    double m_css_width = 360;
    double m_css_height = 640;
    double m_pixel_ratio = 1;
    bool m_size_changed = true;
    float m_built_ratio = 0;

    // Text input: the page's hidden element follows the active field.
    bool m_text_was_active = false;
    std::string m_composition;
    std::string m_clipboard;
    ImGuiPlatformImeData m_ime;
    ImGuiMouseCursor m_cursor = ImGuiMouseCursor_Arrow;
};

} // namespace machiba::app
