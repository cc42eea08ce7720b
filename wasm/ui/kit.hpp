// The UI kit: the widgets screens are made of, sized for fingers (every tap target at least 44
// CSS px tall), drawn in the app's style, and each recording itself for inspection (role, label,
// rectangle, state) so that tests and assistive tools can find it.
//
// Sizes in the kit's arguments are CSS pixels; the kit scales them by the device pixel ratio.
// Widgets take the width left in the current column (ImGui::GetContentRegionAvail), so they
// fit a phone, a desktop column or a grid cell alike. Every id must be unique on the screen and
// stable across languages ("rules.sdgs.apply"); tests and the log use it.
//
// ---- Using the kit in a screen's draw(app, ui) ------------------------------------------------
//
//     ui.heading("rules.sdgs.heading", app.t("rules.sdgs_heading"));
//     ui.text(app.t("rules.sdgs_lead"));            // wraps at the column, Japanese line rules
//     ui.muted(app.t("rules.sdgs_note"));           // secondary text
//     ui.gap(16);                                   // vertical space, CSS px
//     ui.text_field("rules.sdgs.name", app.t("rules.name_label"), m_name, app.t("rules.hint"));
//     ui.text_area("health.question", app.t("health.question_label"), m_question, 5);
//     ui.checkbox("rules.sdgs.nonprofit", app.t("rules.nonprofit"), m_nonprofit);
//     ui.choice_list("rules.sdgs.kind", app.t("rules.kind_label"), m_kind_labels, m_kind);
//     if (ui.big_button("rules.sdgs.check", app.t("rules.check")))   // the main action
//         check();
//     if (ui.button("rules.sdgs.reset", app.t("rules.reset")))       // a secondary action
//         reset();
//     if (ui.card("campaigns.item.3", title, summary, badge))        // a tappable card
//         app.router.open("campaigns/detail", "3");
//     ui.link("health.chat", app.t("health.chat_label"), "https://...");   // tel:, mailto:, https:
//
// - Text fields edit a std::string member in place and return true when it changed. Japanese
//   typed with an IME, paste and a phone's soft keyboard reach them through the page's hidden
//   text element; nothing to do in the screen.
// - Lists of labels (choice_list, chips, tabs) take std::span<std::string const>: keep a
//   std::vector<std::string> member and refill it from app.t() in draw(), so that a language
//   switch shows at once.
// - Layout: the shell gives a column 32 CSS px narrower than a phone, or a centred column up to
//   1040 CSS px on a desktop (ui.wide() is true from 768 CSS px). For side by side content use
//   begin_grid(id, ui.wide() ? 2 : 1), next_cell() between cells, end_grid() when it returned
//   true. ImGui::SameLine(0, ui.px(8)) puts two buttons on one line.
// - begin_disabled(true) ... end_disabled() dims a part and makes it ignore taps.
// - progress_bar(id, label, fraction) for work in progress.
// - Something the kit lacks may be drawn with ImGui directly; then call record_last_item() so
//   that tests can find it, keep tap targets at least 44 CSS px (ui.px(44)), and use
//   palette() colours. Ask the shell engineer before growing a private kit.
#pragma once

#include "wasm/ui/inspector.hpp"
#include "wasm/ui/line_breaker.hpp"

#include <cstdint>
#include <functional>
#include <imgui.h>
#include <map>
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
    ImU32 surface_hovered = IM_COL32(246, 249, 253, 255);
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
    // Notes the characters of text about to be drawn in font (default: the current one), so
    // that the atlas bakes those it lacks before the next frame. The kit's own widgets do it;
    // screens that draw text with ImGui or a draw list call it.
    void prepare_text(std::string_view text, ImFont* font = nullptr) const;
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
    // text_area's label_shown: false where the screen has already shown the question above it
    // (the label is still recorded for tests and assistive technology).
    bool text_area(std::string_view id, std::string_view label, std::string& value, int lines = 4,
        std::string_view hint = {}, bool label_shown = true);
    // A password: drawn as asterisks, never copied out, recorded as one dot per character.
    bool password_field(std::string_view id, std::string_view label, std::string& value);
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

    // Called after the frame: a grid row's tallest card changed in it, so the next frame draws
    // the row at its new height.
    bool wants_another_frame() const { return m_row_heights_building != m_row_heights; }

    // The text field being edited this frame, in CSS px (empty when none).
    bool text_active() const { return m_text_active; }
    CssRect const& active_text_rect() const { return m_active_text_rect; }

    // Records a widget drawn by hand with ImGui (the last item), for screens that need one.
    // Returns false when the item is out of sight (nothing recorded).
    bool record_last_item(std::string_view id, std::string_view role, std::string_view label,
        std::string_view value = {}, int checked = -1);

private:
    bool row_button(std::string_view id, float height);
    void point_at_last_item();
    ImU32 surface_colour(bool held) const;
    // Wrapped text the width of the content region, recorded as "text".
    void paragraph(std::string_view text, ImU32 color);
    void draw_wrapped(ImVec2 position, ImU32 color, std::string_view text, float wrap_width,
        ImFont* font = nullptr);
    std::vector<TextLine> lines(std::string_view text, float wrap_width, ImFont* font) const;
    ImVec2 measure(std::string_view text, float wrap_width, ImFont* font = nullptr) const;
    enum class InputKind { line, lines, password };
    bool input(std::string_view id, std::string_view label, std::string& value,
        std::string_view hint, InputKind kind, int lines, bool label_shown = true);

    Inspector& m_inspector;
    app::FontAtlas& m_fonts;
    Palette m_palette;
    float m_scale = 1;
    bool m_wide = false;
    int m_disabled_depth = 0;
    std::vector<bool> m_disabled_stack;
    bool m_text_active = false;
    CssRect m_active_text_rect;
    std::map<std::uint64_t, float> m_row_heights; // grid row -> tallest card, last frame
    std::map<std::uint64_t, float> m_row_heights_building; // the same, this frame
};

} // namespace machiba::ui
