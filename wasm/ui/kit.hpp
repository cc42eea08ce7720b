// The UI kit: the widgets screens are made of, sized for fingers (every tap target at least 44
// CSS px tall), drawn in the app's style, and each recording itself for inspection (role, label,
// rectangle, state) so that tests and assistive tools can find it.
//
// Sizes in the kit's arguments are CSS pixels; the kit scales them by the device pixel ratio.
// Widgets take the width left in the current column (ImGui::GetContentRegionAvail), so they
// fit a phone, a desktop column or a grid cell alike. Every id must be unique on the screen and
// stable across languages ("rules.sdgs.apply"); tests and the log use it.
#pragma once

#include "wasm/ui/inspector.hpp"

#include <functional>
#include <imgui.h>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::app {
class FontAtlas;
}

namespace machiba::ui {

struct Palette {
    ImU32 background = IM_COL32(246, 245, 241, 255);
    ImU32 surface = IM_COL32(255, 255, 255, 255);
    ImU32 surface_pressed = IM_COL32(232, 238, 246, 255);
    ImU32 border = IM_COL32(214, 210, 200, 255);
    ImU32 text = IM_COL32(28, 28, 28, 255);
    ImU32 muted = IM_COL32(88, 88, 84, 255);
    ImU32 primary = IM_COL32(29, 95, 168, 255);
    ImU32 primary_pressed = IM_COL32(20, 72, 130, 255);
    ImU32 on_primary = IM_COL32(255, 255, 255, 255);
    ImU32 accent = IM_COL32(222, 120, 32, 255);
    ImU32 danger = IM_COL32(179, 38, 30, 255);
    ImU32 selected = IM_COL32(226, 236, 248, 255);
};

class Kit {
public:
    Kit(Inspector& inspector, app::FontAtlas& fonts)
        : m_inspector(inspector)
        , m_fonts(fonts)
    {
    }

    // Called by the app at the start of each frame.
    void begin_frame(float pixel_ratio, bool wide);

    // CSS pixels to ImGui's (device) pixels.
    float px(float css) const { return css * m_scale; }
    bool wide() const { return m_wide; }
    Palette const& palette() const { return m_palette; }

    // Text.
    void heading(std::string_view id, std::string_view text);
    void text(std::string_view text);
    void muted(std::string_view text);
    void gap(float css = 16);
    void separator();

    // Buttons. big_button is full width and filled (the main action); button is outlined and as
    // wide as its label; link opens tel:, mailto: or https: addresses in the browser.
    bool big_button(std::string_view id, std::string_view label);
    bool button(std::string_view id, std::string_view label);
    bool link(std::string_view id, std::string_view label, std::string_view url);

    // A tappable card: a title, a line or two of text, an optional badge (a short tag).
    bool card(std::string_view id, std::string_view title, std::string_view body,
        std::string_view badge = {});

    // Input. text_area's lines sets its visible height.
    bool text_field(std::string_view id, std::string_view label, std::string& value,
        std::string_view hint = {});
    bool text_area(std::string_view id, std::string_view label, std::string& value, int lines = 4,
        std::string_view hint = {});
    bool checkbox(std::string_view id, std::string_view label, bool& value);
    bool choice_list(std::string_view id, std::string_view label,
        std::span<std::string const> options, int& selected);
    bool chips(std::string_view id, std::span<std::string const> labels, std::vector<bool>& on);
    bool tabs(std::string_view id, std::span<std::string const> labels, int& current);
    void progress_bar(std::string_view id, std::string_view label, float fraction);

    // Everything between begin_disabled(true) and end_disabled() is drawn dimmed and ignores
    // taps; its records say enabled: false.
    void begin_disabled(bool disabled);
    void end_disabled();

    // A grid of equal columns (two or three on a desktop, usually one on a phone).
    bool begin_grid(std::string_view id, int columns);
    void next_cell();
    void end_grid();

    // The text field being edited this frame, in CSS px (empty when none).
    bool text_active() const { return m_text_active; }
    CssRect const& active_text_rect() const { return m_active_text_rect; }

    // Records a widget drawn by hand with ImGui (the last item), for screens that need one.
    // Returns false when the item is out of sight (nothing recorded).
    bool record_last_item(std::string_view id, std::string_view role, std::string_view label,
        std::string_view value = {}, int checked = -1);

private:
    bool row_button(std::string_view id, float height);
    void draw_wrapped(ImVec2 position, ImU32 color, std::string_view text, float wrap_width,
        ImFont* font = nullptr);
    ImVec2 measure(std::string_view text, float wrap_width, ImFont* font = nullptr) const;
    bool input(std::string_view id, std::string_view label, std::string& value,
        std::string_view hint, bool multiline, int lines);

    Inspector& m_inspector;
    app::FontAtlas& m_fonts;
    Palette m_palette;
    float m_scale = 1;
    bool m_wide = false;
    int m_disabled_depth = 0;
    std::vector<bool> m_disabled_stack;
    bool m_text_active = false;
    CssRect m_active_text_rect;
};

} // namespace machiba::ui
