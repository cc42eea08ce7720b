// Line breaking for the kit's text: Japanese may break between any two characters, except that
// a line never starts with closing punctuation or small kana (、。」ッ...) and never ends with an
// opening bracket (「（...), the rules of kinsoku shori; Latin text breaks between words.
// ImGui's own wrapping knows none of this and puts 。 at the start of a line.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace machiba::ui {

struct TextLine {
    std::string_view text; // without the spaces it ended with
    float width = 0;
};

// Breaks UTF-8 text into lines no wider than width (a word or character wider than a whole
// line is cut where it must be). advance gives a character's width. A closing mark that does
// not fit hangs past the edge rather than start a line alone, as Japanese typesetting allows.
std::vector<TextLine> break_lines(
    std::string_view text, float width, std::function<float(char32_t)> const& advance);

} // namespace machiba::ui
