// The campaign as residents see it: slides, markup, questions. Shared with the staff preview.
//
// Index: small drawing helpers, markup, the slide deck, the answer draft, the questions.
#include "wasm/screens/campaigns/campaign_view.hpp"

#include "shared/campaign/slide_markup.hpp"
#include "shared/text/utf8.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/platform/image_textures.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace machiba::campaigns {

namespace {

using nlohmann::json;

ImU32 const marker = IM_COL32(255, 229, 140, 255); // the yellow of a highlighter pen
ImU32 const required_fill = IM_COL32(251, 228, 226, 255);

// Closing punctuation stays with the character before it, as Japanese typesetting wants.
bool is_closing(std::string_view token)
{
    static char const* const closing[] = {"、", "。", "，", "．", "」", "』", "）", "！", "？",
        "ー", "っ", "ゃ", "ゅ", "ょ", ",", ".", ")", "!", "?", ":", ";"};
    for (char const* mark : closing) {
        if (token == mark)
            return true;
    }
    return false;
}

struct Token {
    std::string text;
    bool emphasis = false;
    bool space = false;
    bool line_break = false; // a newline inside a paragraph: the next token starts a line
};

// Words of ASCII letters stay whole; every other character may start a new line.
std::vector<Token> tokenize(std::vector<campaign::MarkupSpan> const& spans)
{
    std::vector<Token> tokens;
    for (auto const& span : spans) {
        std::string_view text = span.text;
        std::size_t i = 0;
        while (i < text.size()) {
            unsigned char lead = static_cast<unsigned char>(text[i]);
            std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            length = std::min(length, text.size() - i);
            std::string_view piece = text.substr(i, length);
            if (piece == "\n") {
                tokens.push_back({std::string(), span.emphasis, false, true});
                ++i;
                continue;
            }
            bool space = piece == " ";
            bool word = lead < 0x80 && !space;
            if (word && !tokens.empty() && !tokens.back().space && tokens.back().emphasis ==
                    span.emphasis && !tokens.back().text.empty() &&
                static_cast<unsigned char>(tokens.back().text.back()) < 0x80 &&
                tokens.back().text.back() != ' ') {
                tokens.back().text += piece;
            } else if (!space && !tokens.empty() && is_closing(piece) &&
                tokens.back().emphasis == span.emphasis) {
                tokens.back().text += piece;
            } else {
                tokens.push_back({std::string(piece), span.emphasis, space});
            }
            i += length;
        }
    }
    return tokens;
}

// Lays tokens out from the cursor at width; draws them when draw is set. Returns the height.
float flow(ui::Kit& ui, std::vector<Token> const& tokens, ImVec2 origin, float width, bool draw,
    ImU32 ink)
{
    ImFont* font = ImGui::GetFont();
    float size = font->FontSize;
    float line = std::round(size * 1.55f);
    float x = 0;
    float y = 0;
    auto* list = ImGui::GetWindowDrawList();
    for (auto const& token : tokens) {
        if (token.line_break) {
            x = 0;
            y += line;
            continue;
        }
        ui.prepare_text(token.text, font);
        ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, token.text.c_str(),
            token.text.c_str() + token.text.size());
        if (token.space && x == 0)
            continue;
        if (x > 0 && x + extent.x > width && !token.space) {
            x = 0;
            y += line;
        }
        if (draw) {
            ImVec2 at(origin.x + x, origin.y + y + (line - size) / 2);
            if (token.emphasis) {
                list->AddRectFilled(ImVec2(at.x, at.y + size * 0.55f),
                    ImVec2(at.x + extent.x, at.y + size * 1.05f), marker);
                list->AddText(font, size, ImVec2(at.x + ui.px(0.6f), at.y), ink,
                    token.text.c_str(), token.text.c_str() + token.text.size());
            }
            list->AddText(font, size, at, ink, token.text.c_str(),
                token.text.c_str() + token.text.size());
        }
        x += extent.x;
    }
    return tokens.empty() ? 0 : y + line;
}


} // namespace

// Boxes take their content's height a frame late; a box whose height is not yet its content's
// asks for another frame (the app draws only on change), so the layout settles before it rests.
namespace {
bool layout_unsettled = false;
std::vector<float> box_min_heights;
} // namespace

// A rounded box whose height follows its content (the last frame's), at least min_height.
bool begin_box(std::string_view id, float min_height, unsigned fill, unsigned border,
    float rounding, float padding_x, float padding_y)
{
    std::string name(id);
    float width = ImGui::GetContentRegionAvail().x;
    box_min_heights.push_back(min_height);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, min_height), ImVec2(width, FLT_MAX));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, fill);
    ImGui::PushStyleColor(ImGuiCol_Border, border);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, rounding);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, border == 0 ? 0.0f : 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(padding_x, padding_y));
    bool open = ImGui::BeginChild(name.c_str(), ImVec2(width, 0),
        ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding |
            (border == 0 ? 0 : ImGuiChildFlags_Border),
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
    return open;
}

void end_box()
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    float used = window->DC.CursorMaxPos.y - window->Pos.y + window->WindowPadding.y;
    float min_height = box_min_heights.empty() ? 0 : box_min_heights.back();
    if (!box_min_heights.empty())
        box_min_heights.pop_back();
    float wanted = std::max(used, min_height);
    if (std::fabs(wanted - window->Size.y) > 1)
        layout_unsettled = true;
    ImGui::EndChild();
}

bool layout_settling()
{
    bool unsettled = layout_unsettled;
    layout_unsettled = false;
    return unsettled;
}

// ---- Small drawing helpers --------------------------------------------------------------------

void draw_tag(ui::Kit& ui, std::string_view text, unsigned fill, unsigned ink)
{
    ImFont* font = ImGui::GetFont();
    ui.prepare_text(text, font);
    float size = font->FontSize * 0.82f;
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size());
    ImVec2 position = ImGui::GetCursorScreenPos();
    ImVec2 box(extent.x + ui.px(14), extent.y + ui.px(8));
    ImGui::Dummy(box);
    auto* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(position, ImVec2(position.x + box.x, position.y + box.y), fill, ui.px(6));
    list->AddText(font, size, ImVec2(position.x + ui.px(7), position.y + ui.px(4)), ink,
        text.data(), text.data() + text.size());
    ImGui::SameLine(0, ui.px(6));
}

// ---- Markup -----------------------------------------------------------------------------------

void draw_markup(ui::Kit& ui, std::string_view id, std::string_view body)
{
    auto const& palette = ui.palette();
    auto blocks = campaign::parse_slide_markup(body);
    float width = ImGui::GetContentRegionAvail().x;
    auto* list = ImGui::GetWindowDrawList();
    float size = ImGui::GetFontSize();
    float line = std::round(size * 1.55f);

    for (std::size_t i = 0; i < blocks.size(); ++i) {
        auto const& block = blocks[i];
        float indent = block.kind == campaign::MarkupBlockKind::paragraph ? 0 : ui.px(30);
        auto tokens = tokenize(block.spans);
        ImVec2 origin = ImGui::GetCursorScreenPos();
        float height = flow(ui, tokens, ImVec2(origin.x + indent, origin.y), width - indent,
            false, palette.text);
        ImGui::Dummy(ImVec2(width, std::max(height, line)));
        flow(ui, tokens, ImVec2(origin.x + indent, origin.y), width - indent, true, palette.text);

        // The mark before a list item: a dot, or its number in a circle.
        ImVec2 centre(origin.x + ui.px(11), origin.y + line / 2);
        if (block.kind == campaign::MarkupBlockKind::bullet) {
            list->AddCircleFilled(centre, ui.px(4), palette.primary);
        } else if (block.kind == campaign::MarkupBlockKind::numbered) {
            std::string number = std::to_string(block.number);
            list->AddCircleFilled(centre, ui.px(11), palette.primary);
            ImVec2 extent = ImGui::CalcTextSize(number.c_str());
            list->AddText(ImVec2(centre.x - extent.x / 2, centre.y - extent.y / 2),
                palette.on_primary, number.c_str());
        }

        std::string plain;
        for (auto const& span : block.spans)
            plain += span.text;
        ui.record_last_item(std::string(id) + "." + std::to_string(i), "text", plain);
        bool next_is_item = i + 1 < blocks.size() &&
            blocks[i + 1].kind != campaign::MarkupBlockKind::paragraph &&
            block.kind != campaign::MarkupBlockKind::paragraph;
        ui.gap(next_is_item ? 2 : 10);
    }
}

// ---- The slide deck ---------------------------------------------------------------------------

DeckAction draw_slide_deck(app::AppContext& app, ui::Kit& ui, campaign::Campaign const& campaign,
    DeckState& state, DeckOptions const& options)
{
    auto const& palette = ui.palette();
    std::string const& language = app.strings.language();
    std::string const prefix = options.id_prefix;
    int count = static_cast<int>(campaign.slides.size());
    DeckAction action = DeckAction::none;
    ImGuiIO& io = ImGui::GetIO();

    // 1. Where the resident is. A campaign without slides goes straight to its questions.
    if (count == 0) {
        ui.muted(campaign.summary.in(language));
        ui.gap(8);
        if (options.can_answer && ui.big_button(prefix + ".slide.answer",
                app.t("campaigns.to_questions")))
            return DeckAction::finished;
        return DeckAction::none;
    }
    state.index = std::clamp(state.index, 0, count - 1);
    auto go = [&](int delta) {
        int next = state.index + delta;
        if (next < 0)
            return;
        if (next >= count) {
            if (options.can_answer)
                action = DeckAction::finished;
            return;
        }
        state.index = next;
        state.settle = -static_cast<float>(delta) * ui.px(48);
        app.frames.request();
    };

    // 2. The arrows of a keyboard, unless a text field has them.
    if (options.keyboard && !io.WantTextInput) {
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, false))
            go(1);
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false))
            go(-1);
    }

    // 3. The slide: a card as tall as the screen leaves after the dots and the buttons. It
    //    follows a drag sideways and turns when let go far enough.
    campaign::Slide const& slide = campaign.slides[static_cast<std::size_t>(state.index)];
    float controls = ui.px(28 + 12 + 56 + 8);
    float card_height = std::max(ui.px(280), options.height - controls);
    ImVec2 start = ImGui::GetCursorScreenPos();
    float offset = state.drag + state.settle;
    ImGui::SetCursorScreenPos(ImVec2(start.x + offset, start.y));
    ImU32 card_fill = palette.surface;
    bool card_open = begin_box(prefix + ".slide.card", card_height, card_fill, palette.border,
        ui.px(18), ui.px(22), ui.px(20));
    if (card_open) {
        // The page's own header: the campaign's name and where in the slides this is.
        std::string position = std::to_string(state.index + 1) + " / " + std::to_string(count);
        auto* list = ImGui::GetWindowDrawList();
        ImVec2 top = ImGui::GetCursorScreenPos();
        float inner = ImGui::GetContentRegionAvail().x;
        ImVec2 position_size = ImGui::CalcTextSize(position.c_str());
        list->AddText(ImVec2(top.x + inner - position_size.x, top.y), palette.muted,
            position.c_str());
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - position_size.x - ui.px(12));
        ImGui::PushStyleColor(ImGuiCol_Text, palette.primary);
        ui.prepare_text(campaign.title.in(language));
        ImGui::TextWrapped("%s", campaign.title.in(language).c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ui.record_last_item(prefix + ".slide.campaign", "text", campaign.title.in(language),
            position);
        ui.gap(14);

        ui.heading(prefix + ".slide.title", slide.title.in(language));
        ImVec2 rule = ImGui::GetCursorScreenPos();
        list->AddRectFilled(ImVec2(rule.x, rule.y), ImVec2(rule.x + ui.px(44), rule.y + ui.px(4)),
            palette.accent, ui.px(2));
        ui.gap(20);

        if (slide.image) {
            // The picture at the card's width, at most 40% of its height, centred; while it loads
            // (or when it cannot be shown) its alternative text stands in a frame of that place.
            auto const& image = platform::ImageTextures::instance().get(slide.image->source);
            std::string alt = slide.image->alternative_text.in(language);
            ui.prepare_text(alt);
            ImVec2 at = ImGui::GetCursorScreenPos();
            float box_width = inner;
            float box_height = ui.px(120);
            if (image.state == platform::ImageTextures::State::ready) {
                float const aspect = static_cast<float>(image.height) / image.width;
                box_height = std::min(inner * aspect, card_height * 0.4f);
                box_width = box_height / aspect;
            }
            ImGui::Dummy(ImVec2(inner, box_height));
            if (image.state == platform::ImageTextures::State::ready) {
                float const left = at.x + (inner - box_width) / 2;
                list->AddImageRounded(
                    reinterpret_cast<ImTextureID>(static_cast<intptr_t>(image.texture)),
                    ImVec2(left, at.y), ImVec2(left + box_width, at.y + box_height),
                    ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, ui.px(12));
            } else {
                list->AddRectFilled(at, ImVec2(at.x + inner, at.y + box_height), palette.selected,
                    ui.px(12));
                ImVec2 alt_size =
                    ImGui::CalcTextSize(alt.c_str(), nullptr, false, inner - ui.px(24));
                list->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                    ImVec2(at.x + (inner - alt_size.x) / 2, at.y + (box_height - alt_size.y) / 2),
                    palette.muted, alt.c_str(), nullptr, inner - ui.px(24));
            }
            char const* shown = image.state == platform::ImageTextures::State::ready ? "shown"
                : image.state == platform::ImageTextures::State::loading           ? "loading"
                                                                                   : "failed";
            ui.record_last_item(prefix + ".slide.image", "img", alt, shown);
            ui.gap(16);
        }
        draw_markup(ui, prefix + ".slide.body", slide.body.in(language));
    }

    // A drag of the card (a mouse or a pen; a finger scrolls the page) turns the slide when
    // it ends past a fifth of the card's width.
    bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
    float card_width = ImGui::GetWindowWidth();
    end_box();
    ImGuiID drag_id = ImGui::GetID((prefix + ".slide.drag").c_str());
    ImGuiStorage* storage = ImGui::GetStateStorage();
    bool dragging = storage->GetBool(drag_id, false);
    if (hovered && ImGui::IsMouseClicked(0))
        dragging = true;
    if (dragging) {
        if (ImGui::IsMouseDown(0)) {
            state.drag = ImGui::GetMouseDragDelta(0, 0).x;
            app.frames.keep_animating();
        } else {
            float moved = state.drag;
            state.drag = 0;
            dragging = false;
            if (moved < -card_width / 5)
                go(1);
            else if (moved > card_width / 5)
                go(-1);
            else
                state.settle = moved;
        }
    }
    storage->SetBool(drag_id, dragging);
    if (state.settle != 0) {
        state.settle *= 0.6f;
        if (std::fabs(state.settle) < ui.px(1))
            state.settle = 0;
        app.frames.keep_animating();
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, ImGui::GetCursorScreenPos().y));
    ui.gap(12);

    // 4. The page dots: the current one is a wider bar; each is a tap target of its own.
    {
        float dot_step = ui.px(28);
        float row_width = dot_step * static_cast<float>(count);
        float available = ImGui::GetContentRegionAvail().x;
        ImVec2 row = ImGui::GetCursorScreenPos();
        float left = row.x + (available - row_width) / 2;
        auto* list = ImGui::GetWindowDrawList();
        for (int i = 0; i < count; ++i) {
            ImGui::SetCursorScreenPos(ImVec2(left + dot_step * static_cast<float>(i), row.y));
            ImGui::PushID(i);
            if (ImGui::InvisibleButton("##dot", ImVec2(dot_step, dot_step)) && i != state.index)
                go(i - state.index);
            ImGui::PopID();
            ui.record_last_item(prefix + ".slide.dot." + std::to_string(i), "tab",
                app.strings.format("campaigns.slide_n", {{"n", std::to_string(i + 1)}}), {},
                i == state.index ? 1 : 0);
            ImVec2 centre(left + dot_step * (static_cast<float>(i) + 0.5f), row.y + dot_step / 2);
            if (i == state.index)
                list->AddRectFilled(ImVec2(centre.x - ui.px(10), centre.y - ui.px(4)),
                    ImVec2(centre.x + ui.px(10), centre.y + ui.px(4)), palette.primary, ui.px(4));
            else
                list->AddCircleFilled(centre, ui.px(4), palette.border);
        }
        ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + dot_step));
        ui.gap(8);
    }

    // 5. Back and on; on the last slide, on to the questions.
    bool last = state.index == count - 1;
    if (ui.begin_grid(prefix + ".slide.buttons", 2)) {
        ui.begin_disabled(state.index == 0);
        if (ui.button(prefix + ".slide.previous", app.t("campaigns.previous")))
            go(-1);
        ui.end_disabled();
        ui.next_cell();
        if (last && !options.can_answer) {
            ui.muted(app.t("campaigns.last_slide"));
        } else if (ui.big_button(prefix + (last ? ".slide.answer" : ".slide.next"),
                       last ? app.t("campaigns.to_questions") : app.t("campaigns.next"))) {
            go(1);
        }
        ui.end_grid();
    }
    return action;
}

// ---- The answer draft -------------------------------------------------------------------------

json AnswerDraft::to_body(campaign::Campaign const& campaign,
    campaign::Demographics const& demographics) const
{
    json answers = json::object();
    for (auto const& question : campaign.questions) {
        switch (question.type) {
        case campaign::QuestionType::text: {
            auto found = texts.find(question.id);
            if (found != texts.end() && !found->second.empty())
                answers[question.id] = found->second;
            break;
        }
        case campaign::QuestionType::single: {
            auto found = singles.find(question.id);
            if (found != singles.end() && found->second >= 0 &&
                found->second < static_cast<int>(question.choices.size()))
                answers[question.id] =
                    question.choices[static_cast<std::size_t>(found->second)].id;
            break;
        }
        case campaign::QuestionType::multiple: {
            auto found = multiples.find(question.id);
            if (found == multiples.end())
                break;
            json chosen = json::array();
            for (std::size_t i = 0; i < question.choices.size() && i < found->second.size(); ++i) {
                if (found->second[i])
                    chosen.push_back(question.choices[i].id);
            }
            if (!chosen.empty())
                answers[question.id] = std::move(chosen);
            break;
        }
        case campaign::QuestionType::rating: {
            auto found = ratings.find(question.id);
            if (found != ratings.end() && found->second > 0)
                answers[question.id] = found->second;
            break;
        }
        }
    }
    json body = {{"answers", std::move(answers)}};
    if (age_band >= 0 && age_band < static_cast<int>(demographics.age_bands.size()))
        body["age_band"] = demographics.age_bands[static_cast<std::size_t>(age_band)].id;
    if (district >= 0 && district < static_cast<int>(demographics.districts.size()))
        body["district"] = demographics.districts[static_cast<std::size_t>(district)].id;
    return body;
}

void AnswerDraft::from_body(json const& body, campaign::Campaign const& campaign,
    campaign::Demographics const& demographics)
{
    if (!body.is_object())
        return;
    auto answers = body.find("answers");
    if (answers != body.end() && answers->is_object()) {
        for (auto const& question : campaign.questions) {
            auto found = answers->find(question.id);
            if (found == answers->end())
                continue;
            auto const& value = *found;
            auto index_of = [&](std::string const& id) {
                for (std::size_t i = 0; i < question.choices.size(); ++i) {
                    if (question.choices[i].id == id)
                        return static_cast<int>(i);
                }
                return -1;
            };
            if (question.type == campaign::QuestionType::text && value.is_string())
                texts[question.id] = value.get<std::string>();
            if (question.type == campaign::QuestionType::single && value.is_string())
                singles[question.id] = index_of(value.get<std::string>());
            if (question.type == campaign::QuestionType::rating && value.is_number_integer())
                ratings[question.id] = value.get<int>();
            if (question.type == campaign::QuestionType::multiple && value.is_array()) {
                std::vector<bool> flags(question.choices.size(), false);
                for (auto const& item : value) {
                    int index = item.is_string() ? index_of(item.get<std::string>()) : -1;
                    if (index >= 0)
                        flags[static_cast<std::size_t>(index)] = true;
                }
                multiples[question.id] = std::move(flags);
            }
        }
    }
    auto find_index = [](std::vector<campaign::DemographicOption> const& options,
                          json const& object, char const* key) {
        auto found = object.find(key);
        if (found == object.end() || !found->is_string())
            return -1;
        for (std::size_t i = 0; i < options.size(); ++i) {
            if (options[i].id == found->get<std::string>())
                return static_cast<int>(i);
        }
        return -1;
    };
    age_band = find_index(demographics.age_bands, body, "age_band");
    district = find_index(demographics.districts, body, "district");
}

// ---- The questions ----------------------------------------------------------------------------

std::string problem_text(app::AppContext& app, campaign::ValidationProblem const& problem)
{
    static char const* const known[] = {"required", "too_long", "too_many_choices",
        "unknown_choice", "out_of_range"};
    for (char const* code : known) {
        if (problem.code == code)
            return app.t(std::string("campaigns.problem_") + code);
    }
    return app.t("campaigns.problem_other");
}

namespace {

bool draw_chip_choice(ui::Kit& ui, std::string const& id, std::vector<std::string> const& labels,
    int& selected)
{
    // Chips that act as one choice: tapping one turns the others off; tapping it again clears.
    std::vector<bool> on(labels.size(), false);
    if (selected >= 0 && selected < static_cast<int>(labels.size()))
        on[static_cast<std::size_t>(selected)] = true;
    std::vector<bool> before = on;
    if (!ui.chips(id, labels, on))
        return false;
    for (std::size_t i = 0; i < on.size(); ++i) {
        if (on[i] != before[i]) {
            selected = on[i] ? static_cast<int>(i) : -1;
            return true;
        }
    }
    return false;
}

bool draw_rating(app::AppContext& app, ui::Kit& ui, std::string const& id,
    campaign::Question const& question, int& value)
{
    auto const& palette = ui.palette();
    std::string const& language = app.strings.language();
    bool changed = false;
    float width = ImGui::GetContentRegionAvail().x;
    float gap = ui.px(8);
    float cell = std::min(ui.px(72), (width - gap * 4) / 5);
    float height = ui.px(56);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    auto* list = ImGui::GetWindowDrawList();
    for (int score = 1; score <= 5; ++score) {
        ImVec2 at(origin.x + (cell + gap) * static_cast<float>(score - 1), origin.y);
        ImGui::SetCursorScreenPos(at);
        ImGui::PushID(score);
        if (ImGui::InvisibleButton("##score", ImVec2(cell, height))) {
            value = value == score ? 0 : score;
            changed = true;
        }
        ImGui::PopID();
        bool chosen = value == score;
        list->AddRectFilled(at, ImVec2(at.x + cell, at.y + height),
            chosen ? palette.primary : palette.surface, ui.px(12));
        list->AddRect(at, ImVec2(at.x + cell, at.y + height),
            chosen ? palette.primary : palette.border, ui.px(12), 0, ui.px(1.5f));
        std::string number = std::to_string(score);
        ImVec2 extent = ImGui::CalcTextSize(number.c_str());
        list->AddText(ImVec2(at.x + (cell - extent.x) / 2, at.y + (height - extent.y) / 2),
            chosen ? palette.on_primary : palette.text, number.c_str());
        ui.record_last_item(id + "." + number, "radio", number, {}, chosen ? 1 : 0);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height + ui.px(6)));

    // What the two ends mean, under them.
    std::string low = question.low_label.in(language);
    std::string high = question.high_label.in(language);
    float row_width = cell * 5 + gap * 4;
    ImVec2 labels = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(row_width, ImGui::GetFontSize()));
    if (!low.empty())
        list->AddText(labels, palette.muted, ("1: " + low).c_str());
    if (!high.empty()) {
        std::string text = "5: " + high;
        ImVec2 extent = ImGui::CalcTextSize(text.c_str());
        list->AddText(ImVec2(labels.x + row_width - extent.x, labels.y), palette.muted,
            text.c_str());
    }
    ui.gap(8);
    return changed;
}

} // namespace

bool draw_questions(app::AppContext& app, ui::Kit& ui, campaign::Campaign const& campaign,
    campaign::Demographics const& demographics, AnswerDraft& draft,
    campaign::ValidationProblems const& problems, std::string_view id_prefix,
    bool* scroll_to_problem)
{
    auto const& palette = ui.palette();
    std::string const& language = app.strings.language();
    std::string const prefix(id_prefix);
    bool changed = false;

    for (std::size_t index = 0; index < campaign.questions.size(); ++index) {
        auto const& question = campaign.questions[index];
        std::string id = prefix + ".question." + question.id;
        std::string pointer = "/answers/" + campaign::pointer_token(question.id);
        bool has_problem = false;
        for (auto const& problem : problems)
            has_problem = has_problem || problem.pointer.rfind(pointer, 0) == 0;

        // 1. A card per question: its number, whether it is required, the prompt, the help.
        if (has_problem && scroll_to_problem && *scroll_to_problem) {
            ImGui::SetScrollHereY(0.1f);
            *scroll_to_problem = false;
        }
        if (!begin_box(id + ".card", 0, palette.surface, has_problem ? palette.danger
                                                                     : palette.border,
                ui.px(14), ui.px(16), ui.px(16))) {
            end_box();
            continue;
        }
        draw_tag(ui, "Q" + std::to_string(index + 1), palette.primary, palette.on_primary);
        if (question.required)
            draw_tag(ui, app.t("campaigns.required"), required_fill, palette.danger);
        else
            draw_tag(ui, app.t("campaigns.optional"), palette.background, palette.muted);
        ImGui::NewLine();
        ui.gap(4);
        ui.text(question.prompt.in(language));
        if (!question.help.empty())
            ui.muted(question.help.in(language));
        ui.gap(10);

        // 2. The widget for its type.
        switch (question.type) {
        case campaign::QuestionType::text: {
            std::string& text = draft.texts[question.id];
            if (ui.text_area(id, question.prompt.in(language), text, 5,
                    app.t("campaigns.text_hint"), false))
                changed = true;
            std::size_t used = text::count_code_points(text);
            bool over = used > question.max_length;
            std::string counter = app.strings.format("campaigns.counter",
                {{"n", std::to_string(used)}, {"max", std::to_string(question.max_length)}});
            float available = ImGui::GetContentRegionAvail().x;
            ImVec2 extent = ImGui::CalcTextSize(counter.c_str());
            ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::SetCursorScreenPos(ImVec2(at.x + available - extent.x, at.y - ui.px(6)));
            ImGui::PushStyleColor(ImGuiCol_Text, over ? palette.danger : palette.muted);
            ImGui::TextUnformatted(counter.c_str());
            ImGui::PopStyleColor();
            ui.record_last_item(id + ".counter", "text", counter, over ? "over" : "");
            break;
        }
        case campaign::QuestionType::single: {
            std::vector<std::string> labels;
            for (auto const& choice : question.choices)
                labels.push_back(choice.label.in(language));
            auto found = draft.singles.find(question.id);
            int selected = found == draft.singles.end() ? -1 : found->second;
            if (ui.choice_list(id, {}, labels, selected)) {
                draft.singles[question.id] = selected;
                changed = true;
            }
            break;
        }
        case campaign::QuestionType::multiple: {
            auto& flags = draft.multiples[question.id];
            flags.resize(question.choices.size(), false);
            auto chosen = static_cast<std::size_t>(std::count(flags.begin(), flags.end(), true));
            bool full = question.max_selections > 0 && chosen >= question.max_selections;
            if (question.max_selections > 0)
                ui.muted(app.strings.format("campaigns.choose_up_to",
                    {{"n", std::to_string(question.max_selections)}}));
            for (std::size_t i = 0; i < question.choices.size(); ++i) {
                bool value = flags[i];
                ui.begin_disabled(full && !value);
                if (ui.checkbox(id + "." + question.choices[i].id,
                        question.choices[i].label.in(language), value)) {
                    flags[i] = value;
                    changed = true;
                }
                ui.end_disabled();
            }
            break;
        }
        case campaign::QuestionType::rating: {
            int& value = draft.ratings[question.id];
            if (draw_rating(app, ui, id, question, value))
                changed = true;
            break;
        }
        }

        // 3. What is wrong with the answer, in the resident's words.
        for (auto const& problem : problems) {
            if (problem.pointer.rfind(pointer, 0) != 0)
                continue;
            std::string const text = problem_text(app, problem);
            ImGui::PushStyleColor(ImGuiCol_Text, palette.danger);
            ui.prepare_text(text);
            ImGui::TextWrapped("%s", text.c_str());
            ImGui::PopStyleColor();
            ui.record_last_item(id + ".problem", "alert", text, problem.code);
            break;
        }
        end_box();
        ui.gap(14);
    }

    // 4. Who is answering, if they wish to say: chips for age band and district.
    if (begin_box(prefix + ".about", 0, palette.surface, palette.border, ui.px(14),
            ui.px(16), ui.px(16))) {
        draw_tag(ui, app.t("campaigns.optional"), palette.background, palette.muted);
        ImGui::NewLine();
        ui.gap(4);
        ui.text(app.t("campaigns.about_you"));
        ui.muted(app.t("campaigns.about_you_help"));
        ui.gap(8);
        std::vector<std::string> ages;
        for (auto const& option : demographics.age_bands)
            ages.push_back(option.label.in(language));
        std::vector<std::string> districts;
        for (auto const& option : demographics.districts)
            districts.push_back(option.label.in(language));
        ui.text(app.t("campaigns.age_band"));
        if (draw_chip_choice(ui, prefix + ".age_band", ages, draft.age_band))
            changed = true;
        ui.text(app.t("campaigns.district"));
        if (draw_chip_choice(ui, prefix + ".district", districts, draft.district))
            changed = true;
    }
    end_box();
    ui.gap(14);
    return changed;
}

} // namespace machiba::campaigns
