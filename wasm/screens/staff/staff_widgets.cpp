// Staff widgets drawn with ImGui directly, recorded through the kit for tests.
#include "wasm/screens/staff/staff_widgets.hpp"

#include "wasm/ui/kit.hpp"

#include <emscripten/emscripten.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace machiba::staff {

namespace {

int resize_string(ImGuiInputTextCallbackData* data)
{
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

EM_JS(void, machiba_staff_download, (char const* url, char const* name), {
    var link = document.createElement('a');
    link.href = UTF8ToString(url);
    link.download = UTF8ToString(name);
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
});

} // namespace

bool password_field(ui::Kit& ui, std::string_view id, std::string_view label,
    std::string& value)
{
    auto const& palette = ui.palette();
    if (!label.empty()) {
        std::string text(label);
        ImGui::TextUnformatted(text.c_str());
        ui.gap(6);
    }
    float width = ImGui::GetContentRegionAvail().x;
    std::string widget_id = "##" + std::string(id);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui.px(12), ui.px(12)));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, ui.px(8));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, ui.px(1));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, palette.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, palette.muted);
    ImGui::SetNextItemWidth(width);
    bool changed = ImGui::InputText(widget_id.c_str(), value.data(), value.capacity() + 1,
        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CallbackResize, resize_string, &value);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    ui.record_last_item(id, "textbox", label, std::string(value.size(), '*'));
    ui.gap(12);
    return changed;
}

void download(std::string const& url, std::string const& file_name)
{
    machiba_staff_download(url.c_str(), file_name.c_str());
}

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
