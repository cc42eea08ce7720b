// The app's start-up, its frame, and the bridge exports that feed it.
//
// Index: start-up, the frame, size and pixel ratio, text input, exports.
#include "wasm/app/app.hpp"

#include "wasm/app/theme.hpp"
#include "wasm/platform/boot_files.hpp"
#include "wasm/platform/bridge.hpp"
#include "wasm/screens/registry.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <cfloat>
#include <cmath>
#include <emscripten/html5.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

namespace machiba::app {

namespace {

char const* const language_key = "app/language";

void ignore_character(GLFWwindow*, unsigned int)
{
    // Text arrives through the page's hidden text element (machiba_text), which also sees IME
    // composition and paste; GLFW's key-press characters would arrive twice.
}

// The wheel over the canvas, turned into ImGui's units (about a line each). Chromium reports
// most wheels and touchpads in pixels, about 100 a notch.
EM_BOOL wheel_on_canvas(int, EmscriptenWheelEvent const* event, void*)
{
    double pixels_per_unit = 100;
    if (event->deltaMode == DOM_DELTA_LINE)
        pixels_per_unit = 3;
    else if (event->deltaMode == DOM_DELTA_PAGE)
        pixels_per_unit = 1.0 / 80;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-event->deltaX / pixels_per_unit),
        static_cast<float>(-event->deltaY / pixels_per_unit));
    return EM_TRUE; // the page itself never scrolls
}

void wake_on_key(GLFWwindow*, int, int, int, int)
{
    App::instance().wake();
}

} // namespace

App& App::instance()
{
    static App app;
    return app;
}

App::App()
    : m_http([] { App::instance().wake(); })
    , m_frames([](double time) { App::instance().frame(time); })
    , m_context{m_strings, platform::IdbStore::instance(), m_http, m_clock, m_log, m_router,
          m_frames}
    , m_kit(m_inspector, m_fonts)
{
}

// ---- Start-up ---------------------------------------------------------------------------------

void App::start()
{
    m_strings.set_log(&m_log);

    // 1. What the page downloaded for us: the font, the characters to bake, the catalogs.
    auto font = platform::take_boot_file("font");
    auto glyphs = platform::take_boot_file("glyphs");
    auto catalogs = platform::take_boot_file("i18n");
    if (font.empty())
        m_log.write(platform::LogLevel::Error, "app", "the page gave no font");
    auto error = m_strings.load(std::string(catalogs.begin(), catalogs.end()));
    if (!error.empty())
        m_log.write(platform::LogLevel::Error, "i18n", error);
    m_fonts.set_sources(std::move(font), std::string(glyphs.begin(), glyphs.end()));

    // 2. A WebGL2 context through GLFW. The canvas is sized by us (apply_size), never by GLFW,
    //    whose resize turns a phone-sized request into a fullscreen one.
    if (!glfwInit()) {
        m_log.write(platform::LogLevel::Error, "app", "GLFW did not start");
        return;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0); // ImGui draws flat: no depth or stencil buffer to fill
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    m_window = glfwCreateWindow(
        static_cast<int>(m_css_width), static_cast<int>(m_css_height), "Machiba", nullptr, nullptr);
    if (!m_window) {
        m_log.write(platform::LogLevel::Error, "app", "no WebGL2 context");
        return;
    }
    glfwMakeContextCurrent(m_window);

    // 3. ImGui. Our key callback goes in first so that ImGui's chains to it and every key wakes
    //    the loop; characters come only from the page's text element.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange; // GLFW's cursors are stubs: see frame

    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = true;
    glfwSetKeyCallback(m_window, wake_on_key);
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    // The backend listens for the wheel on the document, where Chromium makes listeners passive
    // and logs an error at each of its preventDefault calls: listen on the canvas instead.
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, false, wheel_on_canvas);
    glfwSetCharCallback(m_window, ignore_character);
    ImGui_ImplGlfw_CursorEnterCallback(m_window, 1); // GLFW never sees the mouse: the page does
    ImGui_ImplOpenGL3_Init("#version 300 es");

    // 4. The backend makes its device objects with a throwaway atlas; the real fonts get our
    //    own two-channel texture (FontAtlas), so its RGBA copy is never made.
    {
        static ImWchar const ascii[] = {0x20, 0x7E, 0};
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(m_fonts.font_data()),
            m_fonts.font_size(), 8, &config, ascii);
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        io.Fonts->Clear();
    }

    // 5. The clipboard is the browser's; GLFW's is an empty stub on the web. Paste arrives as
    //    text from the page (the browser gives pasted text only in a paste event).
    io.SetClipboardTextFn = [](void*, char const* text) {
        App::instance().m_clipboard = text ? text : "";
        machiba_js_clipboard_write(App::instance().m_clipboard.c_str());
    };
    io.GetClipboardTextFn = [](void*) -> char const* {
        return App::instance().m_clipboard.c_str();
    };
    io.SetPlatformImeDataFn = [](ImGuiViewport*, ImGuiPlatformImeData* data) {
        App::instance().m_ime = *data;
    };

    // 6. Screens, then the store; the first frame waits for the store (it holds the language).
    screens::register_all(m_router);
    m_started = true;
    platform::IdbStore::instance().open([] { App::instance().store_ready(); });
}

void App::store_ready()
{
    auto& store = platform::IdbStore::instance();
    if (!store.persistent())
        m_log.write(platform::LogLevel::Warning, "store",
            "IndexedDB is not available: nothing will be kept after this page closes");

    auto chosen = store.get(language_key);
    set_language(chosen ? *chosen : Strings::pick_language(machiba_js_languages()));
    m_router.open("home");
    m_ready = true;
    m_log.write(platform::LogLevel::Info, "app", "started in " + m_strings.language());
    m_frames.request(4);
}

void App::choose_language(std::string const& language)
{
    set_language(language);
    platform::IdbStore::instance().set(language_key, m_strings.language());
}

void App::set_language(std::string const& language)
{
    m_strings.set_language(language);
    machiba_js_set_document(m_strings.language().c_str(), m_strings.get("common.app_name").c_str());
    m_frames.request();
}

// ---- The frame --------------------------------------------------------------------------------

void App::frame(double time)
{
    if (!m_started || !m_ready)
        return;
    ImGuiIO& io = ImGui::GetIO();

    // 1. Size, fonts and screens change only between frames.
    if (m_size_changed)
        apply_size();
    if (m_fonts.rebuild_if_needed())
        m_frames.request(2);
    bool screen_is_new = m_router.apply(m_context);
    if (screen_is_new)
        m_frames.request(2);
    if (m_pointer.update(time))
        m_frames.keep_animating();

    // 2. The ImGui frame, in device pixels: GLFW's window size is not the canvas's.
    ImGuiContext& imgui = *ImGui::GetCurrentContext();
    bool had_input = imgui.InputEventsQueue.Size > 0;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    float ratio = static_cast<float>(m_pixel_ratio);
    io.DisplaySize = ImVec2(std::round(static_cast<float>(m_css_width) * ratio),
        std::round(static_cast<float>(m_css_height) * ratio));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    ImGui::NewFrame();

    m_inspector.begin_frame();
    bool wide = m_css_width >= Shell::wide_from_css;
    m_kit.begin_frame(ratio, wide);
    m_shell.draw(*this, m_context, m_kit, m_fonts, static_cast<float>(m_css_width),
        static_cast<float>(m_css_height), screen_is_new);
    draw_composition();
    ImGui::Render();

    // 3. Draw.
    int width = static_cast<int>(io.DisplaySize.x);
    int height = static_cast<int>(io.DisplaySize.y);
    glViewport(0, 0, width, height);
    ImVec4 background = ImGui::ColorConvertU32ToFloat4(m_kit.palette().background);
    glClearColor(background.x, background.y, background.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    m_inspector.end_frame();

    // 4. The mouse pointer the kit asked for (a hand over what can be tapped, a text caret).
    ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != m_cursor) {
        m_cursor = cursor;
        machiba_js_set_cursor(cursor == ImGuiMouseCursor_Hand ? "pointer"
                : cursor == ImGuiMouseCursor_TextInput        ? "text"
                                                              : "default");
    }

    // 5. What needs another frame: input this frame took in (a click's effect shows in the next
    //    frame), input ImGui spreads over frames, a screen opened from this frame, a window
    //    hidden for its first frame while it measures itself (a popup), characters this frame
    //    met that the font atlas must bake, a caret that blinks, a screen whose content
    //    changed size (its scroll range follows a frame late).
    update_text_input();
    if (had_input || imgui.InputEventsQueue.Size > 0 || m_router.has_requests() ||
        m_kit.wants_another_frame() || m_shell.wants_another_frame() ||
        m_fonts.rebuild_pending())
        m_frames.keep_animating();
    for (ImGuiWindow* window : imgui.Windows) {
        if (window->Active &&
            (window->HiddenFramesCanSkipItems > 0 || window->HiddenFramesCannotSkipItems > 0))
            m_frames.keep_animating();
    }
    if (m_text_was_active)
        m_frames.request_after(530);
    if (!m_announced && m_frames.frame_count() >= 2) {
        m_announced = true;
        machiba_js_ready();
    }
}

// ---- Size and pixel ratio ---------------------------------------------------------------------

void App::resize(double css_width, double css_height, double pixel_ratio)
{
    if (css_width < 1 || css_height < 1 || pixel_ratio <= 0)
        return;
    m_css_width = css_width;
    m_css_height = css_height;
    m_pixel_ratio = std::fmin(pixel_ratio, 4.0);
    m_size_changed = true;
    m_frames.request();
}

void App::apply_size()
{
    m_size_changed = false;
    float ratio = static_cast<float>(m_pixel_ratio);
    int width = static_cast<int>(std::round(m_css_width * m_pixel_ratio));
    int height = static_cast<int>(std::round(m_css_height * m_pixel_ratio));
    emscripten_set_canvas_element_size("#canvas", width, height);
    m_pointer.set_scale(ratio);

    // The fonts and the style are baked for one ratio: a new ratio (a window moved to another
    // screen, a zoom) bakes them again so that text stays sharp.
    if (ratio != m_built_ratio) {
        m_built_ratio = ratio;
        apply_theme(ratio, m_kit.palette());
        m_fonts.build(ratio, m_strings.all_text());
        m_log.write(platform::LogLevel::Debug, "fonts",
            "atlas " + std::to_string(m_fonts.texture_width()) + "x" +
                std::to_string(m_fonts.texture_height()) + " at ratio " + std::to_string(ratio));
    }
}

// ---- Text input -------------------------------------------------------------------------------

void App::text(char const* utf8)
{
    if (!m_started || !utf8)
        return;
    m_composition.clear();
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    m_fonts.ensure_characters(utf8);
    m_frames.request();
}

void App::paste(char const* utf8)
{
    if (!m_started || !utf8)
        return;

    // ImGui drops typed characters while Ctrl is held (Ctrl+V), and a paste should land as one
    // edit: the text goes through ImGui's own paste, its clipboard callback answering with it,
    // by pressing Ctrl+V on its behalf. The Ctrl press ends released whatever the keyboard holds;
    // the next real key event brings the modifiers back.
    ImGuiIO& io = ImGui::GetIO();
    m_fonts.ensure_characters(utf8);
    m_clipboard = utf8;
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    m_frames.request();
}

void App::composition(char const* utf8)
{
    m_composition = utf8 ? utf8 : "";
    m_fonts.ensure_characters(m_composition);
    m_frames.request();
}

void App::key(int soft_key)
{
    if (!m_started)
        return;
    ImGuiKey key = soft_key == bridge::SoftKeyBackspace ? ImGuiKey_Backspace
        : soft_key == bridge::SoftKeyEnter              ? ImGuiKey_Enter
                                                        : ImGuiKey_None;
    if (key == ImGuiKey_None)
        return;
    ImGui::GetIO().AddKeyEvent(key, true);
    ImGui::GetIO().AddKeyEvent(key, false);
    m_frames.request();
}

void App::draw_composition()
{
    // The text an IME is composing, drawn at the caret over the field until it is committed.
    if (m_composition.empty() || !m_kit.text_active() || !m_ime.WantVisible)
        return;
    auto* draw = ImGui::GetForegroundDrawList();
    ImFont* font = ImGui::GetFont();
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, m_composition.c_str());
    ImVec2 at = m_ime.InputPos;
    float pad = m_kit.px(2);
    draw->AddRectFilled(ImVec2(at.x - pad, at.y - pad),
        ImVec2(at.x + size.x + pad, at.y + size.y + pad), m_kit.palette().selected);
    draw->AddText(font, font->FontSize, at, m_kit.palette().text, m_composition.c_str());
    draw->AddLine(ImVec2(at.x, at.y + size.y), ImVec2(at.x + size.x, at.y + size.y),
        m_kit.palette().primary, m_kit.px(1.5f));
}

void App::update_text_input()
{
    // The page's hidden text element takes focus while a field is active, so that a phone
    // raises its keyboard and an IME composes into it; it lets go when the field does.
    bool active = m_kit.text_active();
    if (active && !m_text_was_active) {
        auto const& rect = m_kit.active_text_rect();
        machiba_js_text_begin(rect.x, rect.y, rect.width, rect.height);
    } else if (!active && m_text_was_active) {
        m_composition.clear();
        machiba_js_text_end();
    }
    m_text_was_active = active;
}

bool App::pointer(int phase, int kind, double x, double y, int button, double time_ms)
{
    if (!m_started)
        return false;
    // A move needs one frame (a drag's scroll, a hover); a press or release needs the frames in
    // which ImGui settles the click.
    bool released = m_pointer.event(phase, kind, x, y, button, time_ms);
    m_frames.request(phase == machiba::bridge::PointerMove ? 1 : 2);
    return released && m_inspector.text_field_at(static_cast<float>(x), static_cast<float>(y));
}

void App::history_popped(int depth)
{
    m_router.history_popped(depth);
    m_frames.request();
}

std::string App::inspect() const
{
    std::string extra =
        "\"frame\":" + std::to_string(m_frames.frame_count()) +
        ",\"ready\":" + (m_ready ? "true" : "false") + ",\"language\":\"" + m_strings.language() +
        "\",\"screen\":\"" + m_router.current_route() +
        "\",\"depth\":" + std::to_string(m_router.depth()) +
        ",\"viewport\":{\"width\":" + std::to_string(m_css_width) +
        ",\"height\":" + std::to_string(m_css_height) +
        ",\"pixelRatio\":" + std::to_string(m_pixel_ratio) +
        "},\"scroll\":{\"y\":" + std::to_string(m_shell.scroll_css()) +
        ",\"max\":" + std::to_string(m_shell.scroll_max_css()) + "}" +
        // Input ImGui has not taken in yet: a tap is spread over several frames (move, press,
        // release), and what it does shows only after the last of them.
        ",\"inputPending\":" +
        std::to_string(
            ImGui::GetCurrentContext() ? ImGui::GetCurrentContext()->InputEventsQueue.Size : 0);
    return m_inspector.to_json(extra);
}

} // namespace machiba::app

// ---- Exports (declared in wasm/platform/bridge.hpp)
// ----------------------------------------------

using machiba::app::App;

MACHIBA_EXPORT void machiba_resize(double css_width, double css_height, double pixel_ratio)
{
    App::instance().resize(css_width, css_height, pixel_ratio);
}

MACHIBA_EXPORT int machiba_pointer(
    int phase, int kind, double x, double y, int button, double time_ms)
{
    return App::instance().pointer(phase, kind, x, y, button, time_ms) ? 1 : 0;
}

MACHIBA_EXPORT void machiba_text(char const* utf8)
{
    App::instance().text(utf8);
}

MACHIBA_EXPORT void machiba_paste(char const* utf8)
{
    App::instance().paste(utf8);
}

MACHIBA_EXPORT void machiba_composition(char const* utf8)
{
    App::instance().composition(utf8);
}

MACHIBA_EXPORT void machiba_key(int soft_key)
{
    App::instance().key(soft_key);
}

MACHIBA_EXPORT void machiba_wake()
{
    App::instance().wake();
}

MACHIBA_EXPORT void machiba_history_pop(int depth)
{
    App::instance().history_popped(depth);
}

MACHIBA_EXPORT char const* machiba_inspect()
{
    static std::string json;
    json = App::instance().inspect();
    return json.c_str();
}

MACHIBA_EXPORT int machiba_frame_count()
{
    return App::instance().frame_count();
}
