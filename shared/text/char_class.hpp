// Character classes of the scripts people mix in Japanese text, for segmenting and matching.
#pragma once

#include <string_view>

namespace machiba::text {

enum class CharClass {
    kanji,    // CJK ideographs, and 々 〆 ヶ used as kanji
    hiragana, // including ゝ ゞ
    katakana, // full and half width, including ー
    latin,    // letters of the Latin script, full width included
    digit,    // decimal digits of any width
    space,    // white space and line breaks
    symbol,   // punctuation, symbols and emoji
    other,    // letters of other scripts, marks, controls
};

CharClass char_class(char32_t code_point);

// A stable lower-case name for logs and tests: "kanji", "hiragana", ...
std::string_view char_class_name(CharClass char_class);

} // namespace machiba::text
