// The shell: top bar, menu and the content column around the current screen.
#include "wasm/app/shell.hpp"

#include "wasm/app/app.hpp"
#include "wasm/app/font_atlas.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/ui/kit.hpp"

#include <algorithm>
#include <cctype>
#include <imgui.h>
#include <imgui_internal.h>
#include <string>

namespace machiba::app {

namespace {

ImGuiWindowFlags const fixed_window = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

} // namespace

void Shell::draw(App& app, AppContext& context, ui::Kit& kit, FontAtlas& fonts, float css_width,
    float css_height, bool screen_is_new)
{
    // 1. The content column: the whole width less a margin on a phone; centred and capped on a
    //    desktop, so that lines stay readable.
    float bar = kit.px(top_bar_css);
    float width = kit.px(css_width);
    float height = kit.px(css_height);
    bool wide = kit.wide();
    float column = wide ? std::min(width - kit.px(64), kit.px(column_max_css)) : width - kit.px(32);
    float margin = (width - column) / 2;

    // 2. The screen's window. Each screen of the stack has its own, so going back finds the
    //    scroll position where it was left; a newly opened one starts at the top.
    Screen* screen = context.router.current();
    std::string name =
        "##screen" + std::to_string(context.router.depth()) + "/" + context.router.current_route();
    ImGui::SetNextWindowPos(ImVec2(0, bar));
    ImGui::SetNextWindowSize(ImVec2(width, height - bar));
    if (screen_is_new)
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, kit.px(20)));
    ImGuiWindowFlags flags = fixed_window;
    if (!wide)
        flags |= ImGuiWindowFlags_NoScrollbar; // a finger scrolls; the bar would steal width
    ImGui::Begin(name.c_str(), nullptr, flags);
    ImGui::PopStyleVar();
    if (screen)
        screen->draw(context, kit);
    kit.gap(32);
    m_scroll_css = ImGui::GetScrollY() / kit.px(1);
    m_scroll_max_css = ImGui::GetScrollMaxY() / kit.px(1);
    ImGuiWindow const* window = ImGui::GetCurrentWindow();
    float const content_height = IM_TRUNC(window->DC.CursorMaxPos.y - window->DC.CursorStartPos.y);
    m_content_changed = content_height != window->ContentSize.y;
    ImGui::End();

    // 3. The bar on top, drawn last so that its menu opens over the screen.
    draw_top_bar(app, context, kit, fonts, css_width);
}

void Shell::draw_top_bar(
    App& app, AppContext& context, ui::Kit& kit, FontAtlas& fonts, float css_width)
{
    float width = kit.px(css_width);
    float bar = kit.px(top_bar_css);
    auto const& palette = kit.palette();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, bar));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette.primary);
    ImGui::Begin("##top bar", nullptr, fixed_window);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    auto* draw = ImGui::GetWindowDrawList();
    float side = kit.px(52);
    float text_left = kit.px(16);

    // 1. Back, when there is somewhere to go back to.
    if (context.router.depth() > 1) {
        ImGui::SetCursorScreenPos(ImVec2(kit.px(2), (bar - side) / 2));
        std::string const& back = context.t("common.back");
        if (ImGui::InvisibleButton("##back", ImVec2(side, side)))
            context.router.back();
        kit.record_last_item("shell.back", "button", back);
        ImVec2 centre(kit.px(2) + side / 2, bar / 2);
        float arm = kit.px(9);
        draw->AddLine(ImVec2(centre.x + arm / 2, centre.y - arm),
            ImVec2(centre.x - arm / 2, centre.y), palette.on_primary, kit.px(2.5f));
        draw->AddLine(ImVec2(centre.x - arm / 2, centre.y),
            ImVec2(centre.x + arm / 2, centre.y + arm), palette.on_primary, kit.px(2.5f));
        text_left = side + kit.px(4);
    }

    // 2. The title: the screen's, or the app's name at home. Long titles are cut with an
    //    ellipsis rather than run under the menu button.
    Screen* screen = context.router.current();
    std::string title = screen ? screen->title(context) : context.t("common.app_name");
    fonts.ensure_title_characters(title);
    fonts.ensure_title_characters("\xE2\x80\xA6"); // the ellipsis of a long title
    ImFont* font = fonts.title();
    float room = width - text_left - side - kit.px(8);
    auto const width_of = [font](std::string const& text) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
    };
    std::string shown = title;
    if (width_of(title) > room) {
        std::string const ellipsis = "\xE2\x80\xA6";
        do {
            // Drop one whole UTF-8 character from the end: its continuation bytes, then its lead.
            while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80)
                shown.pop_back();
            if (!shown.empty())
                shown.pop_back();
        } while (!shown.empty() && width_of(shown + ellipsis) > room);
        // An English title is cut after a whole word when that keeps most of the room used.
        auto const space = shown.rfind(' ');
        bool const inside_word = shown.size() < title.size() &&
            std::isalpha(static_cast<unsigned char>(title[shown.size()])) &&
            !shown.empty() && std::isalpha(static_cast<unsigned char>(shown.back()));
        if (inside_word && space != std::string::npos &&
            width_of(shown.substr(0, space)) >= room * 0.6f)
            shown.resize(space);
        while (!shown.empty() && shown.back() == ' ')
            shown.pop_back();
        shown += ellipsis;
    }
    ImVec2 title_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str());
    ImGui::SetCursorScreenPos(ImVec2(text_left, (bar - title_size.y) / 2));
    ImGui::Dummy(title_size);
    draw->AddText(font, font->FontSize, ImVec2(text_left, (bar - title_size.y) / 2),
        palette.on_primary, shown.c_str());
    kit.record_last_item("shell.title", "heading", title, shown);

    // 3. The menu button: three bars.
    ImVec2 menu_at(width - side - kit.px(2), (bar - side) / 2);
    ImGui::SetCursorScreenPos(menu_at);
    if (ImGui::InvisibleButton("##menu", ImVec2(side, side)))
        m_menu_open = true;
    kit.record_last_item("shell.menu", "button", context.t("common.menu"));
    for (int line = -1; line <= 1; ++line) {
        float y = bar / 2 + static_cast<float>(line) * kit.px(7);
        draw->AddLine(ImVec2(menu_at.x + kit.px(15), y), ImVec2(menu_at.x + side - kit.px(15), y),
            palette.on_primary, kit.px(2.5f));
    }
    ImGui::End();

    if (m_menu_open)
        draw_menu(app, context, kit, css_width);
}

void Shell::draw_menu(App& app, AppContext& context, ui::Kit& kit, float css_width)
{
    // A sheet under the bar's right end: the language, then what staff need. A tap outside
    // closes it.
    float width = std::min(kit.px(320), kit.px(css_width) - kit.px(16));
    ImGui::SetNextWindowPos(ImVec2(kit.px(css_width) - kit.px(8), kit.px(top_bar_css) + kit.px(4)),
        ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(kit.px(16), kit.px(16)));
    if (!ImGui::IsPopupOpen("##menu sheet"))
        ImGui::OpenPopup("##menu sheet");
    if (!ImGui::BeginPopup("##menu sheet", ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PopStyleVar();
        m_menu_open = false;
        return;
    }
    ImGui::PopStyleVar();

    // 1. The language.
    kit.muted(context.t("common.language"));
    kit.gap(4);
    m_language_names = {context.t("common.language_ja"), context.t("common.language_en")};
    int selected = context.strings.language() == "en" ? 1 : 0;
    if (kit.choice_list("shell.language", {}, m_language_names, selected)) {
        app.choose_language(selected == 1 ? "en" : "ja");
        ImGui::CloseCurrentPopup();
        m_menu_open = false;
    }

    // 2. Staff: the staff screens and the log.
    kit.separator();
    kit.muted(context.t("common.for_staff"));
    kit.gap(4);
    if (kit.button("shell.staff", context.t("common.staff"))) {
        context.router.open("staff");
        ImGui::CloseCurrentPopup();
        m_menu_open = false;
    }
    kit.gap(8);
    if (kit.button("shell.log", context.t("common.log"))) {
        context.router.open("log");
        ImGui::CloseCurrentPopup();
        m_menu_open = false;
    }
    ImGui::EndPopup();
}

} // namespace machiba::app
