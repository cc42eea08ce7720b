// Staff widgets drawn with ImGui directly, recorded through the kit for tests.
#include "wasm/screens/staff/staff_widgets.hpp"

#include "wasm/ui/kit.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace machiba::staff {

void bar(ui::Kit& ui, std::string_view id, std::string_view label, long long count,
    long long total, unsigned color)
{
    auto const& palette = ui.palette();
    float width = ImGui::GetContentRegionAvail().x;
    float label_width = std::min(width * 0.38f, ui.px(240));
    float value_width = ui.px(92);
    float bar_width = std::max(ui.px(40), width - label_width - value_width - ui.px(16));
    float height = ui.px(30);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    auto* list = ImGui::GetWindowDrawList();
    std::string text(label);

    // The label, cut to its column.
    ImGui::PushClipRect(at, ImVec2(at.x + label_width - ui.px(8), at.y + height), true);
    ImVec2 extent = ImGui::CalcTextSize(text.c_str());
    list->AddText(ImVec2(at.x, at.y + (height - extent.y) / 2), palette.text, text.c_str());
    ImGui::PopClipRect();

    // The bar over a faint track, then the figures.
    float share = total > 0 ? static_cast<float>(count) / static_cast<float>(total) : 0.0f;
    ImVec2 track(at.x + label_width, at.y + ui.px(6));
    list->AddRectFilled(track, ImVec2(track.x + bar_width, at.y + height - ui.px(6)),
        palette.background, ui.px(4));
    if (share > 0)
        list->AddRectFilled(track, ImVec2(track.x + std::max(ui.px(3), bar_width * share),
                                       at.y + height - ui.px(6)),
            color, ui.px(4));
    char figures[48];
    std::snprintf(figures, sizeof figures, "%lld (%.0f%%)", count, share * 100.0f);
    ImVec2 figure_size = ImGui::CalcTextSize(figures);
    list->AddText(ImVec2(at.x + width - figure_size.x, at.y + (height - figure_size.y) / 2),
        palette.muted, figures);
    ui.record_last_item(id, "meter", label, figures);
}

} // namespace machiba::staff
