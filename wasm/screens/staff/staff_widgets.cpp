// Staff widgets drawn with ImGui directly, recorded through the kit for tests.
#include "wasm/screens/staff/staff_widgets.hpp"

#include "wasm/ui/kit.hpp"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace machiba::staff {

namespace {

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
    std::string& password, std::string& shown)
{
    static std::string_view const dot = "\xE2\x97\x8F"; // a black circle, three bytes
    bool changed = ui.text_field(id, label, shown);
    if (!changed)
        return false;

    // 1. Split what the field holds into the dots kept and the characters typed after them.
    std::size_t kept = 0;
    std::size_t at = 0;
    while (shown.compare(at, dot.size(), dot) == 0) {
        ++kept;
        at += dot.size();
    }
    std::string typed = shown.substr(at);

    // 2. Fewer dots: characters were deleted from the end. Then what was typed is added.
    std::size_t cut = 0;
    for (std::size_t seen = 0; cut < password.size() && seen < kept; ++seen) {
        ++cut;
        while (cut < password.size() && (static_cast<unsigned char>(password[cut]) & 0xC0) == 0x80)
            ++cut;
    }
    password.resize(cut);
    password += typed;

    // 3. Show a dot for every character.
    std::size_t count = 0;
    for (unsigned char byte : password)
        count += (byte & 0xC0) != 0x80 ? 1 : 0;
    shown.clear();
    for (std::size_t i = 0; i < count; ++i)
        shown += dot;

    // 4. An active field edits its own copy of the text: put the dots there too, caret at the end.
    ImGuiContext& context = *ImGui::GetCurrentContext();
    ImGuiInputTextState& state = context.InputTextState;
    if (state.ID != 0 && state.ID == context.ActiveId) {
        int characters = static_cast<int>(count);
        state.TextW.resize(characters + 1);
        state.CurLenW = ImTextStrFromUtf8(state.TextW.Data, state.TextW.Size, shown.c_str(),
            nullptr);
        state.TextA.resize(static_cast<int>(shown.size()) + 1);
        std::memcpy(state.TextA.Data, shown.c_str(), shown.size() + 1);
        state.CurLenA = static_cast<int>(shown.size());
        state.TextAIsValid = true;
        state.Stb.cursor = state.Stb.select_start = state.Stb.select_end = state.CurLenW;
    }
    return true;
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
