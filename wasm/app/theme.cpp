// The theme: ImGui's style rebuilt from defaults and scaled, so that a ratio change never
// compounds rounding.
#include "wasm/app/theme.hpp"

#include "wasm/ui/kit.hpp"

#include <imgui.h>

namespace machiba::app {

void apply_theme(float pixel_ratio, ui::Palette const& palette)
{
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);

    // 1. Shapes, in CSS px before scaling.
    style.WindowPadding = ImVec2(16, 16);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.PopupRounding = 12;
    style.PopupBorderSize = 1;
    style.FramePadding = ImVec2(12, 10);
    style.FrameRounding = 8;
    style.ItemSpacing = ImVec2(8, 0);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 10;
    style.ScrollbarRounding = 5;
    style.GrabMinSize = 24;
    style.TouchExtraPadding = ImVec2(0, 0);
    style.ScaleAllSizes(pixel_ratio);

    // 2. Colours from the kit's palette.
    auto colour = [](ImU32 packed) { return ImGui::ColorConvertU32ToFloat4(packed); };
    style.Colors[ImGuiCol_WindowBg] = colour(palette.background);
    style.Colors[ImGuiCol_ChildBg] = colour(palette.background);
    style.Colors[ImGuiCol_PopupBg] = colour(palette.surface);
    style.Colors[ImGuiCol_Border] = colour(palette.border);
    style.Colors[ImGuiCol_Text] = colour(palette.text);
    style.Colors[ImGuiCol_TextDisabled] = colour(palette.muted);
    style.Colors[ImGuiCol_FrameBg] = colour(palette.surface);
    style.Colors[ImGuiCol_FrameBgHovered] = colour(palette.surface);
    style.Colors[ImGuiCol_FrameBgActive] = colour(palette.surface);
    style.Colors[ImGuiCol_TextSelectedBg] = colour(palette.selected);
    style.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_NavHighlight] = colour(palette.accent);
    style.Colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.35f);
    style.DisabledAlpha = 0.45f;

    ImGui::GetStyle() = style;
}

} // namespace machiba::app
