// Greedy line breaking with the kinsoku rules: fill a line, and when a character overflows it,
// break at the last place where a break is allowed.
#include "wasm/ui/line_breaker.hpp"

#include <string>

namespace machiba::ui {

namespace {

struct Character {
    size_t offset;
    size_t length;
    char32_t code;
};

// Marks that may not start a line: closing brackets and quotes, Japanese and Latin punctuation,
// small kana, the long-vowel and iteration marks, leaders.
std::u32string_view const no_line_start =
    U"、。，．・：；？！゛゜ヽヾゝゞ々〆ー—‐〜～…‥）〕］｝〉》」』】〙〗〟’”｠»"
    U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    U"ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ％,.;:!?)]}%";

// Marks that may not end a line: opening brackets and quotes.
std::u32string_view const no_line_end = U"（〔［｛〈《「『【〘〖〝‘“｟«([{";

bool is_cjk(char32_t code)
{
    return (code >= 0x2E80 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF) ||
        (code >= 0xFF00 && code <= 0xFFEF) || (code >= 0x20000 && code <= 0x3FFFF);
}

bool is_space(char32_t code)
{
    return code == U' ' || code == U'\t';
}

std::vector<Character> decode(std::string_view text)
{
    // Invalid bytes count as one character each (U+FFFD), so nothing is lost or read past.
    std::vector<Character> characters;
    characters.reserve(text.size());
    size_t at = 0;
    while (at < text.size()) {
        auto byte = static_cast<unsigned char>(text[at]);
        size_t length = byte < 0x80 ? 1
            : (byte >> 5) == 0x6    ? 2
            : (byte >> 4) == 0xE    ? 3
            : (byte >> 3) == 0x1E   ? 4
                                    : 0;
        char32_t code = U'\uFFFD';
        if (length == 0 || at + length > text.size()) {
            length = 1;
        } else {
            code = length == 1 ? byte : byte & (0xFF >> (length + 1));
            for (size_t i = 1; i < length; ++i) {
                auto next = static_cast<unsigned char>(text[at + i]);
                if ((next & 0xC0) != 0x80) {
                    code = U'\uFFFD';
                    length = i;
                    break;
                }
                code = (code << 6) | (next & 0x3F);
            }
        }
        characters.push_back({at, length, code});
        at += length;
    }
    return characters;
}

bool can_break_before(std::vector<Character> const& characters, size_t index)
{
    char32_t previous = characters[index - 1].code;
    char32_t current = characters[index].code;
    if (is_space(current) || no_line_start.find(current) != std::u32string_view::npos)
        return false;
    if (no_line_end.find(previous) != std::u32string_view::npos)
        return false;
    return is_space(previous) || is_cjk(previous) || is_cjk(current);
}

} // namespace

std::vector<TextLine> break_lines(
    std::string_view text, float width, std::function<float(char32_t)> const& advance)
{
    // 1. Characters and the running sum of their widths.
    auto characters = decode(text);
    size_t count = characters.size();
    std::vector<float> before(count + 1, 0);
    for (size_t i = 0; i < count; ++i) {
        char32_t code = characters[i].code;
        before[i + 1] = before[i] + (code == U'\n' ? 0 : advance(code));
    }

    std::vector<TextLine> lines;
    auto emit = [&](size_t first, size_t end) {
        while (end > first && is_space(characters[end - 1].code))
            --end;
        size_t from = first < count ? characters[first].offset : text.size();
        size_t to = end < count ? characters[end].offset : text.size();
        if (end <= first)
            to = from;
        lines.push_back(
            {text.substr(from, to - from), before[end > first ? end : first] - before[first]});
    };

    // 2. Fill each line; on overflow, break at the last allowed place, or where it overflows
    //    when there is none (a long URL).
    size_t start = 0;
    size_t last_break = 0;
    size_t last_space = 0;
    size_t i = 0;
    while (i < count) {
        char32_t code = characters[i].code;
        if (code == U'\n') {
            emit(start, i);
            start = last_break = last_space = i + 1;
            i = start;
            continue;
        }
        if (i > start && can_break_before(characters, i)) {
            last_break = i;
            // Only a space between two Japanese characters separates phrases (a title's
            // ユースヘルスケア しながわほけんしつ); one beside a number or a Latin word is spacing
            // (個人情報 194 件), and breaking there would leave ragged lines.
            if (is_space(characters[i - 1].code) && i >= 2 && is_cjk(characters[i - 2].code) &&
                is_cjk(characters[i].code))
                last_space = i;
        }
        if (i > start && !is_space(code) && before[i + 1] - before[start] > width) {
            // A space the writer put in a Japanese title is the better place to break, unless
            // it leaves the line less than half full.
            bool space_fits = last_space > start && before[last_space] - before[start] >= width / 2;
            size_t at = space_fits ? last_space : last_break > start ? last_break : i;
            emit(start, at);
            start = at;
            while (start < count && is_space(characters[start].code))
                ++start;
            last_break = last_space = start;
            i = start;
            continue;
        }
        ++i;
    }
    if (start < count || lines.empty() || characters.back().code == U'\n')
        emit(start, count);
    return lines;
}

} // namespace machiba::ui
