// The frame around every screen: the top bar (back, title, menu), the menu (language, staff,
// log), and the scrolling content column sized for a phone or a desktop.
#pragma once

#include "wasm/app/screen.hpp"

#include <string>
#include <vector>

namespace machiba::ui {
class Kit;
}

namespace machiba::app {

class App;
class FontAtlas;

class Shell {
public:
    // Widths in CSS px from which the layout changes: a desktop gets a wider, centred column and
    // grids of two or three columns instead of a stretched phone.
    static constexpr float wide_from_css = 768;
    static constexpr float column_max_css = 1040;
    static constexpr float top_bar_css = 56;

    void draw(App& app, AppContext& context, ui::Kit& kit, FontAtlas& fonts, float css_width,
        float css_height, bool screen_is_new);

    // How far the current screen is scrolled, and how far it can be, in CSS px (inspection).
    float scroll_css() const { return m_scroll_css; }
    float scroll_max_css() const { return m_scroll_max_css; }

    // ImGui sizes a window's scroll range from the content of the frame before: after a frame
    // in which the screen's content grew or shrank (a list arrived), one more frame settles it.
    bool wants_another_frame() const { return m_content_changed; }

private:
    void draw_top_bar(
        App& app, AppContext& context, ui::Kit& kit, FontAtlas& fonts, float css_width);
    void draw_menu(App& app, AppContext& context, ui::Kit& kit, float css_width);

    bool m_menu_open = false;
    std::vector<std::string> m_language_names;
    float m_scroll_css = 0;
    float m_scroll_max_css = 0;
    bool m_content_changed = false;
};

} // namespace machiba::app
