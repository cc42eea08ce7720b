// The app: owns the platform services, the ImGui context on GLFW and WebGL2, the fonts, the
// screens, and the frame loop that draws only when something changed.
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
};

} // namespace machiba::app
