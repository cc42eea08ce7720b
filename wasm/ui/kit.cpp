// The UI kit's widgets.
//
// Index: text, buttons and cards, input, choice widgets, disabled state and grids, records.
#include "wasm/ui/kit.hpp"

#include "wasm/app/font_atlas.hpp"
#include "wasm/platform/bridge.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <imgui_internal.h>

namespace machiba::ui {

namespace {

float const tap_height = 48; // CSS px: above the 44 px minimum, with room for a border
float const corner = 12; // CSS px
float const padding = 16; // CSS px

int resize_string(ImGuiInputTextCallbackData* data)
{
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

char const* end_of(std::string_view text)
{
    return text.data() + text.size();
}

} // namespace

void Kit::begin_frame(float pixel_ratio, bool wide)
{
    m_scale = pixel_ratio;
    m_wide = wide;
    m_disabled_depth = 0;
    m_text_active = false;
    m_active_text_rect = {};

    m_row_heights.swap(m_row_heights_building);
    m_row_heights_building.clear();
}

// ---- Text -------------------------------------------------------------------------------------

void Kit::prepare_text(std::string_view text, ImFont* font) const
{
    ImFont* used = font ? font : ImGui::GetFont();
    if (used == m_fonts.title())
        m_fonts.ensure_title_characters(text);
    else
        m_fonts.ensure_characters(text);
}

std::vector<TextLine> Kit::lines(std::string_view text, float wrap_width, ImFont* font) const
{
    prepare_text(text, font);
    // ImGui's advances are those of the baked size; FontSize was raised after baking to space
    // the lines (FontAtlas), so text is drawn at scale 1 with FontSize as its size.
    return break_lines(text, wrap_width, [font](char32_t code) {
        return code <= 0xFFFF ? font->GetCharAdvance(static_cast<ImWchar>(code))
                              : font->FallbackAdvanceX;
    });
}

ImVec2 Kit::measure(std::string_view text, float wrap_width, ImFont* font) const
{
    ImFont* used = font ? font : ImGui::GetFont();
    float width = 0;
    auto broken = lines(text, wrap_width, used);
    for (auto const& line : broken)
        width = std::max(width, line.width);
    return ImVec2(width, used->FontSize * static_cast<float>(broken.size()));
}

void Kit::draw_wrapped(
    ImVec2 position, ImU32 color, std::string_view text, float wrap_width, ImFont* font)
{
    ImFont* used = font ? font : ImGui::GetFont();
    auto* draw = ImGui::GetWindowDrawList();
    float y = position.y;
    for (auto const& line : lines(text, wrap_width, used)) {
        if (!line.text.empty())
            draw->AddText(used, used->FontSize, ImVec2(position.x, y), color, line.text.data(),
                end_of(line.text));
        y += used->FontSize;
    }
}

void Kit::heading(std::string_view id, std::string_view text)
{
    m_fonts.ensure_title_characters(text);
    ImGui::PushFont(m_fonts.title());
    float width = ImGui::GetContentRegionAvail().x;
    ImVec2 size = measure(text, width, m_fonts.title());
    ImVec2 position = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, size.y));
    draw_wrapped(position, m_palette.text, text, width, m_fonts.title());
    ImGui::PopFont();
    record_last_item(id, "heading", text);
    gap(8);
}

void Kit::text(std::string_view text) { paragraph(text, m_palette.text); }

void Kit::muted(std::string_view text) { paragraph(text, m_palette.muted); }

void Kit::paragraph(std::string_view text, ImU32 color)
{
    m_fonts.ensure_characters(text);
    float width = ImGui::GetContentRegionAvail().x;
    ImVec2 size = measure(text, width);
    ImVec2 position = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, size.y));
    draw_wrapped(position, color, text, width);
    record_last_item({}, "text", text);
}

void Kit::gap(float css)
{
    ImGui::Dummy(ImVec2(0, px(css)));
}

void Kit::separator()
{
    gap(8);
    ImVec2 position = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddLine(
        position, ImVec2(position.x + width, position.y), m_palette.border, px(1));
    gap(8);
}

// ---- Buttons and cards ------------------------------------------------------------------------

bool Kit::row_button(std::string_view id, float height)
{
    ImGui::PushID(id.data(), end_of(id));
    bool pressed =
        ImGui::InvisibleButton("##hit", ImVec2(ImGui::GetContentRegionAvail().x, height));
    point_at_last_item();
    ImGui::PopID();
    return pressed;
}

bool Kit::big_button(std::string_view id, std::string_view label)
{
    // 1. Measure: the label wraps inside the padding, and the button grows to fit it.
    m_fonts.ensure_characters(label);
    float width = ImGui::GetContentRegionAvail().x;
    float inner = width - px(padding) * 2;
    ImVec2 text_size = measure(label, inner);
    float height = std::max(px(tap_height + 4), text_size.y + px(24));

    // 2. The hit area, then the picture.
    ImVec2 position = ImGui::GetCursorScreenPos();
    bool pressed = row_button(id, height);
    bool held = ImGui::IsItemActive();
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(position, ImVec2(position.x + width, position.y + height),
        held || ImGui::IsItemHovered() ? m_palette.primary_pressed : m_palette.primary, px(corner));
    float left = position.x + std::max(px(padding), (width - text_size.x) / 2);
    draw_wrapped(
        ImVec2(left, position.y + (height - text_size.y) / 2), m_palette.on_primary, label, inner);

    record_last_item(id, "button", label);
    gap(12);
    return pressed;
}

bool Kit::button(std::string_view id, std::string_view label)
{
    m_fonts.ensure_characters(label);
    float available = ImGui::GetContentRegionAvail().x;
    ImVec2 text_size = measure(label, available - px(padding) * 2);
    float width = std::min(available, std::max(px(tap_height), text_size.x + px(padding) * 2));
    float height = std::max(px(tap_height), text_size.y + px(20));

    ImVec2 position = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.data(), end_of(id));
    bool pressed = ImGui::InvisibleButton("##hit", ImVec2(width, height));
    point_at_last_item();
    ImGui::PopID();
    bool held = ImGui::IsItemActive();
    auto* draw = ImGui::GetWindowDrawList();
    ImVec2 end(position.x + width, position.y + height);
    draw->AddRectFilled(position, end, surface_colour(held), px(corner));
    draw->AddRect(position, end, m_palette.primary, px(corner), 0, px(1.5f));
    draw_wrapped(
        ImVec2(position.x + (width - text_size.x) / 2, position.y + (height - text_size.y) / 2),
        m_palette.primary, label, width - px(padding) * 2);

    record_last_item(id, "button", label);
    return pressed;
}

bool Kit::link(std::string_view id, std::string_view label, std::string_view url)
{
    m_fonts.ensure_characters(label);
    float width = ImGui::GetContentRegionAvail().x;
    float inner = width - px(padding) * 2 - px(24);
    ImVec2 text_size = measure(label, inner);
    float height = std::max(px(tap_height), text_size.y + px(20));

    ImVec2 position = ImGui::GetCursorScreenPos();
    bool pressed = row_button(id, height);
    bool held = ImGui::IsItemActive();
    auto* draw = ImGui::GetWindowDrawList();
    ImVec2 end(position.x + width, position.y + height);
    draw->AddRectFilled(position, end, surface_colour(held), px(corner));
    draw->AddRect(position, end, m_palette.border, px(corner), 0, px(1));
    float text_top = position.y + (height - text_size.y) / 2;
    draw_wrapped(ImVec2(position.x + px(padding), text_top), m_palette.primary, label, inner);
    draw->AddText(ImVec2(end.x - px(padding) - px(12), text_top), m_palette.primary,
        "\xE2\x86\x92"); // an arrow: this leaves the app
    // Underline the first line, as links are.
    float line_y = text_top + ImGui::GetFontSize() + px(1);
    draw->AddLine(ImVec2(position.x + px(padding), line_y),
        ImVec2(position.x + px(padding) + std::min(text_size.x, inner), line_y), m_palette.primary,
        px(1));

    std::string address(url);
    record_last_item(id, "link", label, address);
    gap(8);
    if (pressed)
        machiba_js_open_url(address.c_str());
    return pressed;
}

bool Kit::card(
    std::string_view id, std::string_view title, std::string_view body, std::string_view badge)
{
    // 1. Measure title, body and badge at the card's inner width.
    m_fonts.ensure_title_characters(title);
    m_fonts.ensure_characters(body);
    m_fonts.ensure_characters(badge);
    float width = ImGui::GetContentRegionAvail().x;
    float inner = width - px(padding) * 2;
    ImFont* title_font = m_fonts.title();
    // A badge longer than the card (a status with its period on a phone) wraps inside it.
    float badge_wrap = inner - px(12);
    ImVec2 badge_size = badge.empty() ? ImVec2(0, 0) : measure(badge, badge_wrap);
    ImVec2 title_size = measure(title, inner, title_font);
    ImVec2 body_size = body.empty() ? ImVec2(0, 0) : measure(body, inner);
    float badge_height = badge.empty() ? 0 : badge_size.y + px(8);
    float height =
        px(padding) * 2 + badge_height + title_size.y + (body.empty() ? 0 : px(6) + body_size.y);
    height = std::max(height, px(72));

    // Cards side by side in a grid share their row's height (the tallest of the last frame), so
    // that a row reads as one.
    if (ImGuiTable* table = ImGui::GetCurrentTable()) {
        auto row = (static_cast<std::uint64_t>(table->ID) << 32) |
            static_cast<std::uint32_t>(ImGui::TableGetRowIndex());
        float& tallest = m_row_heights_building[row];
        tallest = std::max(tallest, height);
        auto last = m_row_heights.find(row);
        if (last != m_row_heights.end())
            height = std::max(height, last->second);
    }

    // 2. The hit area and the picture.
    ImVec2 position = ImGui::GetCursorScreenPos();
    bool pressed = row_button(id, height);
    bool held = ImGui::IsItemActive();
    auto* draw = ImGui::GetWindowDrawList();
    ImVec2 end(position.x + width, position.y + height);
    draw->AddRectFilled(position, end, surface_colour(held), px(corner));
    draw->AddRect(position, end, m_palette.border, px(corner), 0, px(1));
    draw->AddRectFilled(position, ImVec2(position.x + px(5), end.y), m_palette.primary, px(corner),
        ImDrawFlags_RoundCornersLeft);
    float y = position.y + px(padding);
    if (!badge.empty()) {
        draw->AddRectFilled(ImVec2(position.x + px(padding), y - px(2)),
            ImVec2(position.x + px(padding) + badge_size.x + px(12), y + badge_size.y + px(2)),
            m_palette.selected, px(6));
        draw_wrapped(
            ImVec2(position.x + px(padding) + px(6), y), m_palette.primary, badge, badge_wrap);
        y += badge_height;
    }
    draw_wrapped(ImVec2(position.x + px(padding), y), m_palette.text, title, inner, title_font);
    y += title_size.y + px(6);
    if (!body.empty())
        draw_wrapped(ImVec2(position.x + px(padding), y), m_palette.muted, body, inner);

    record_last_item(id, "button", title, std::string(body));
    gap(12);
    return pressed;
}

// ---- Input ------------------------------------------------------------------------------------

bool Kit::input(std::string_view id, std::string_view label, std::string& value,
    std::string_view hint, InputKind kind, int lines, bool label_shown)
{
    // 1. The label above the field, as phones lay out forms.
    m_fonts.ensure_characters(label);
    if (kind != InputKind::password)
        m_fonts.ensure_characters(value);
    if (!label.empty() && label_shown) {
        float width = ImGui::GetContentRegionAvail().x;
        ImVec2 size = measure(label, width);
        ImVec2 position = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(width, size.y));
        draw_wrapped(position, m_palette.text, label, width);
        gap(6);
    }

    // 2. The field: 48 CSS px tall (a 24 px line, 17 px text, plus padding).
    float width = ImGui::GetContentRegionAvail().x;
    std::string hint_text(hint);
    ImGui::PushID(id.data(), end_of(id));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(12), px(12)));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, px(8));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, px(1));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, m_palette.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, m_palette.muted);
    bool changed;
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (kind == InputKind::password)
        flags |= ImGuiInputTextFlags_Password;
    if (kind == InputKind::lines) {
        // ImGui's multi-line field neither wraps nor has a placeholder. While it is not being
        // edited, its own drawing of the text is hidden and the text is drawn wrapped with the
        // kit's line breaking instead, so a long opinion can be read back whole; the hint is
        // drawn while it is empty.
        // FIXME: while the field is being edited the text still runs on in one line per
        // paragraph and scrolls sideways; wrapping while typing needs a text editor of our own.
        float height = ImGui::GetTextLineHeight() * static_cast<float>(lines) + px(28);
        bool const editing = ImGui::GetActiveID() == ImGui::GetID("##field");
        bool const wrap_ourselves = !editing && !value.empty();
        if (wrap_ourselves)
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
        changed = ImGui::InputTextMultiline("##field", value.data(), value.capacity() + 1,
            ImVec2(width, height), flags, resize_string, &value);
        if (wrap_ourselves)
            ImGui::PopStyleColor();
        ImVec2 const corner = ImGui::GetItemRectMin();
        ImVec2 const far_corner = ImGui::GetItemRectMax();
        if (wrap_ourselves && !ImGui::IsItemActive()) {
            ImGui::PushClipRect(corner, far_corner, true);
            draw_wrapped(ImVec2(corner.x + px(12), corner.y + px(12)), m_palette.text, value,
                width - px(24));
            ImGui::PopClipRect();
        } else if (value.empty() && !hint.empty()) {
            draw_wrapped(ImVec2(corner.x + px(12), corner.y + px(12)), m_palette.muted, hint,
                width - px(24));
        }
    } else {
        ImGui::SetNextItemWidth(width);
        changed = ImGui::InputTextWithHint("##field", hint_text.c_str(), value.data(),
            value.capacity() + 1, flags, resize_string, &value);
    }
    bool active = ImGui::IsItemActive();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    ImGui::PopID();

    // 3. Record, and tell the app where the active field is (for the page's text element).
    // A password is recorded as dots: tests see its length, never its characters.
    std::string recorded = value;
    if (kind == InputKind::password) {
        recorded.clear();
        for (unsigned char byte : value) {
            if ((byte & 0xC0) != 0x80)
                recorded += "\xE2\x97\x8F"; // a black circle
        }
    }
    if (record_last_item(id, "textbox", label, recorded) && active)
        m_inspector.last()->focused = true;
    if (active) {
        ImVec2 min = ImGui::GetItemRectMin();
        ImVec2 max = ImGui::GetItemRectMax();
        m_text_active = true;
        m_active_text_rect = {
            min.x / m_scale, min.y / m_scale, (max.x - min.x) / m_scale, (max.y - min.y) / m_scale};
    }
    gap(12);
    return changed;
}

bool Kit::text_field(
    std::string_view id, std::string_view label, std::string& value, std::string_view hint)
{
    return input(id, label, value, hint, InputKind::line, 1);
}

bool Kit::password_field(std::string_view id, std::string_view label, std::string& value)
{
    return input(id, label, value, {}, InputKind::password, 1);
}

bool Kit::text_area(std::string_view id, std::string_view label, std::string& value, int lines,
    std::string_view hint, bool label_shown)
{
    return input(id, label, value, hint, InputKind::lines, std::max(lines, 2), label_shown);
}

// ---- Choice widgets ---------------------------------------------------------------------------

bool Kit::checkbox(std::string_view id, std::string_view label, bool& value)
{
    m_fonts.ensure_characters(label);
    float width = ImGui::GetContentRegionAvail().x;
    float box = px(24);
    float inner = width - box - px(padding);
    ImVec2 text_size = measure(label, inner);
    float height = std::max(px(tap_height), text_size.y + px(16));

    ImVec2 position = ImGui::GetCursorScreenPos();
    bool pressed = row_button(id, height);
    if (pressed)
        value = !value;
    auto* draw = ImGui::GetWindowDrawList();
    ImVec2 box_min(position.x, position.y + (height - box) / 2);
    ImVec2 box_max(box_min.x + box, box_min.y + box);
    if (value) {
        draw->AddRectFilled(box_min, box_max, m_palette.primary, px(5));
        draw->AddPolyline(
            std::array<ImVec2, 3>{ImVec2(box_min.x + box * 0.22f, box_min.y + box * 0.52f),
                ImVec2(box_min.x + box * 0.42f, box_min.y + box * 0.72f),
                ImVec2(box_min.x + box * 0.78f, box_min.y + box * 0.3f)}
                .data(),
            3, m_palette.on_primary, 0, px(2.5f));
    } else {
        draw->AddRectFilled(box_min, box_max, m_palette.surface, px(5));
        draw->AddRect(box_min, box_max, m_palette.muted, px(5), 0, px(1.5f));
    }
    draw_wrapped(ImVec2(box_max.x + px(12), position.y + (height - text_size.y) / 2),
        m_palette.text, label, inner);

    record_last_item(id, "checkbox", label, {}, value ? 1 : 0);
    return pressed;
}

bool Kit::choice_list(std::string_view id, std::string_view label,
    std::span<std::string const> options, int& selected)
{
    if (!label.empty()) {
        m_fonts.ensure_characters(label);
        text(label);
        gap(4);
    }

    bool changed = false;
    ImGui::PushID(id.data(), end_of(id));
    for (size_t index = 0; index < options.size(); ++index) {
        // 1. One row per option; the whole row answers a tap.
        std::string const& option = options[index];
        m_fonts.ensure_characters(option);
        float width = ImGui::GetContentRegionAvail().x;
        float dot = px(22);
        float inner = width - dot - px(padding) * 2 - px(12);
        ImVec2 text_size = measure(option, inner);
        float height = std::max(px(tap_height + 4), text_size.y + px(20));
        ImVec2 position = ImGui::GetCursorScreenPos();
        ImGui::PushID(static_cast<int>(index));
        bool pressed = ImGui::InvisibleButton("##option", ImVec2(width, height));
        point_at_last_item();
        ImGui::PopID();
        bool is_selected = static_cast<int>(index) == selected;
        if (pressed && !is_selected) {
            selected = static_cast<int>(index);
            is_selected = true;
            changed = true;
        }

        // 2. The picture: a card-like row with a radio dot.
        auto* draw = ImGui::GetWindowDrawList();
        ImVec2 end(position.x + width, position.y + height);
        draw->AddRectFilled(
            position, end, is_selected ? m_palette.selected : m_palette.surface, px(10));
        draw->AddRect(position, end, is_selected ? m_palette.primary : m_palette.border, px(10), 0,
            px(is_selected ? 2.0f : 1.0f));
        ImVec2 centre(position.x + px(padding) + dot / 2, position.y + height / 2);
        draw->AddCircle(
            centre, dot / 2, is_selected ? m_palette.primary : m_palette.muted, 0, px(2));
        if (is_selected)
            draw->AddCircleFilled(centre, dot / 4, m_palette.primary);
        draw_wrapped(ImVec2(centre.x + dot / 2 + px(12), position.y + (height - text_size.y) / 2),
            m_palette.text, option, inner);

        std::string option_id = std::string(id) + "." + std::to_string(index);
        record_last_item(option_id, "radio", option, {}, is_selected ? 1 : 0);
        gap(8);
    }
    ImGui::PopID();
    return changed;
}

bool Kit::chips(std::string_view id, std::span<std::string const> labels, std::vector<bool>& on)
{
    on.resize(labels.size(), false);
    bool changed = false;
    float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    ImGui::PushID(id.data(), end_of(id));
    for (size_t index = 0; index < labels.size(); ++index) {
        // 1. Flow: a chip that would cross the right edge starts a new line.
        std::string const& label = labels[index];
        m_fonts.ensure_characters(label);
        ImVec2 text_size = measure(label, FLT_MAX);
        float width = text_size.x + px(32);
        if (index > 0) {
            ImGui::SameLine(0, px(8));
            if (ImGui::GetCursorScreenPos().x + width > right)
                ImGui::NewLine();
        }

        // 2. The chip.
        ImVec2 position = ImGui::GetCursorScreenPos();
        float height = px(44);
        ImGui::PushID(static_cast<int>(index));
        bool pressed = ImGui::InvisibleButton("##chip", ImVec2(width, height));
        point_at_last_item();
        ImGui::PopID();
        if (pressed) {
            on[index] = !on[index];
            changed = true;
        }
        bool is_on = on[index];
        auto* draw = ImGui::GetWindowDrawList();
        ImVec2 end(position.x + width, position.y + height);
        draw->AddRectFilled(
            position, end, is_on ? m_palette.primary : m_palette.surface, height / 2);
        draw->AddRect(
            position, end, is_on ? m_palette.primary : m_palette.border, height / 2, 0, px(1));
        draw->AddText(ImVec2(position.x + px(16), position.y + (height - text_size.y) / 2),
            is_on ? m_palette.on_primary : m_palette.text, label.data(), end_of(label));

        record_last_item(
            std::string(id) + "." + std::to_string(index), "chip", label, {}, is_on ? 1 : 0);
    }
    ImGui::PopID();
    gap(12);
    return changed;
}

bool Kit::tabs(std::string_view id, std::span<std::string const> labels, int& current)
{
    if (labels.empty())
        return false;
    bool changed = false;
    float width = ImGui::GetContentRegionAvail().x;
    float tab_width = width / static_cast<float>(labels.size());
    float height = px(tap_height);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddLine(ImVec2(origin.x, origin.y + height), ImVec2(origin.x + width, origin.y + height),
        m_palette.border, px(1));

    ImGui::PushID(id.data(), end_of(id));
    for (size_t index = 0; index < labels.size(); ++index) {
        std::string const& label = labels[index];
        m_fonts.ensure_characters(label);
        ImVec2 position(origin.x + tab_width * static_cast<float>(index), origin.y);
        ImGui::SetCursorScreenPos(position);
        ImGui::PushID(static_cast<int>(index));
        bool pressed = ImGui::InvisibleButton("##tab", ImVec2(tab_width, height));
        point_at_last_item();
        ImGui::PopID();
        if (pressed && current != static_cast<int>(index)) {
            current = static_cast<int>(index);
            changed = true;
        }
        bool is_current = current == static_cast<int>(index);
        ImVec2 text_size = measure(label, tab_width - px(8));
        draw_wrapped(ImVec2(position.x + (tab_width - text_size.x) / 2,
                         position.y + (height - text_size.y) / 2),
            is_current ? m_palette.primary : m_palette.muted, label, tab_width - px(8));
        if (is_current)
            draw->AddRectFilled(ImVec2(position.x + px(8), position.y + height - px(3)),
                ImVec2(position.x + tab_width - px(8), position.y + height), m_palette.primary);

        record_last_item(
            std::string(id) + "." + std::to_string(index), "tab", label, {}, is_current ? 1 : 0);
    }
    ImGui::PopID();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    gap(12);
    return changed;
}

void Kit::progress_bar(std::string_view id, std::string_view label, float fraction)
{
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    if (!label.empty())
        muted(label);
    float width = ImGui::GetContentRegionAvail().x;
    float height = px(10);
    ImVec2 position = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(
        position, ImVec2(position.x + width, position.y + height), m_palette.border, height / 2);
    if (fraction > 0)
        draw->AddRectFilled(position, ImVec2(position.x + width * fraction, position.y + height),
            m_palette.primary, height / 2);

    char value[16];
    std::snprintf(value, sizeof value, "%.2f", fraction);
    record_last_item(id, "progressbar", label, value);
    gap(12);
}

// ---- Disabled state and grids -------------------------------------------------------------------

void Kit::begin_disabled(bool disabled)
{
    ImGui::BeginDisabled(disabled);
    if (disabled)
        ++m_disabled_depth;
    m_disabled_stack.push_back(disabled);
}

void Kit::end_disabled()
{
    if (m_disabled_stack.empty())
        return;
    if (m_disabled_stack.back())
        --m_disabled_depth;
    m_disabled_stack.pop_back();
    ImGui::EndDisabled();
}

bool Kit::begin_grid(std::string_view id, int columns)
{
    std::string table_id(id);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(px(6), 0));
    bool open = ImGui::BeginTable(table_id.c_str(), std::max(columns, 1),
        ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_NoPadOuterX);
    ImGui::PopStyleVar();
    if (open)
        ImGui::TableNextColumn();
    return open;
}

void Kit::next_cell()
{
    ImGui::TableNextColumn();
}

void Kit::end_grid()
{
    ImGui::EndTable();
}

// ---- Pointer feedback ---------------------------------------------------------------------------

void Kit::point_at_last_item()
{
    // A mouse over something tappable shows the hand, as links do on the web.
    if (ImGui::IsItemHovered())
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

ImU32 Kit::surface_colour(bool held) const
{
    // A touch never hovers (the finger's position is forgotten after a tap); a mouse does.
    return held                  ? m_palette.surface_pressed
        : ImGui::IsItemHovered() ? m_palette.surface_hovered
                                 : m_palette.surface;
}

// ---- Records ----------------------------------------------------------------------------------

bool Kit::record_last_item(std::string_view id, std::string_view role, std::string_view label,
    std::string_view value, int checked)
{
    // Only what can be seen: an item scrolled out of its window is not on the screen, nor is
    // one in a window hidden for its first frame while it measures itself.
    if (!ImGui::IsItemVisible() || ImGui::GetCurrentWindowRead()->Hidden)
        return false;
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    WidgetRecord record;
    record.id = std::string(id);
    record.role = std::string(role);
    record.label = std::string(label);
    record.value = std::string(value);
    record.rect = {
        min.x / m_scale, min.y / m_scale, (max.x - min.x) / m_scale, (max.y - min.y) / m_scale};
    record.enabled = m_disabled_depth == 0;
    record.checked = checked;
    m_inspector.record(std::move(record));
    return true;
}

} // namespace machiba::ui
