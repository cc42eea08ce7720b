// Character-type segmentation and recurrence-based splitting of kanji runs (see segment.hpp).
#include "shared/text/segment.hpp"

#include "shared/text/char_class.hpp"
#include "shared/text/normalize.hpp"
#include "shared/text/utf8.hpp"

#include <cmath>
#include <limits>

namespace machiba::text {

namespace {

// Compatibility characters that width folding alone does not handle: half-width katakana,
// circled and squared forms, compatibility ideographs, vertical forms, Roman numerals.
bool needs_nfkc(char32_t c)
{
    return (c >= 0xFF61 && c <= 0xFFEF) || (c >= 0x2460 && c <= 0x24FF)
        || (c >= 0x3200 && c <= 0x33FF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0x2150 && c <= 0x218F);
}

char32_t fold(char32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
    else if (c == 0x3000)
        c = U' ';
    if (c >= U'A' && c <= U'Z')
        c += U'a' - U'A';
    return c;
}

// The segment kind of a normalised code point, or nothing (a boundary or a digit).
enum class Type { kanji, katakana, latin, hiragana, digit, boundary };

Type type_of(char32_t c)
{
    if (c < 0x80) {
        if (c >= U'a' && c <= U'z')
            return Type::latin;
        if (c >= U'0' && c <= U'9')
            return Type::digit;
        return Type::boundary;
    }
    if (c >= 0x3041 && c <= 0x3096)
        return Type::hiragana;
    if ((c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC)
        return Type::katakana;
    switch (char_class(c)) {
    case CharClass::kanji:
        return Type::kanji;
    case CharClass::latin:
        return Type::latin;
    case CharClass::katakana:
        return c == 0x30FB ? Type::boundary : Type::katakana;
    case CharClass::hiragana:
        return Type::hiragana;
    default:
        return Type::boundary;
    }
}

} // namespace

std::u32string Segmenter::normalize(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t offset = 0; offset < text.size();) {
        auto const decoded = decode_utf8(text, offset);
        if (needs_nfkc(decoded.code_point)) {
            // Rare: start again from NFKC, which has no such characters left.
            std::string const composed = nfkc(text);
            out.clear();
            for (auto [code_point, position] : CodePoints(composed))
                out.push_back(fold(code_point));
            return out;
        }
        out.push_back(fold(decoded.code_point));
        offset += decoded.length;
    }
    return out;
}

std::vector<Segment> Segmenter::split_by_character_type(std::u32string_view normalized)
{
    std::vector<Segment> segments;
    std::size_t i = 0;
    while (i < normalized.size()) {
        Type const type = type_of(normalized[i]);
        if (type == Type::boundary) {
            ++i;
            continue;
        }

        // 1. Latin words take their digits along (5g, covid19); digits alone are no segment.
        std::size_t j = i + 1;
        bool has_letter = type == Type::latin;
        if (type == Type::latin || type == Type::digit) {
            while (j < normalized.size()) {
                Type const next = type_of(normalized[j]);
                if (next != Type::latin && next != Type::digit)
                    break;
                has_letter = has_letter || next == Type::latin;
                ++j;
            }
            if (has_letter)
                segments.push_back({SegmentKind::latin, i, j - i});
            i = j;
            continue;
        }

        // 2. Kanji, katakana and hiragana runs.
        while (j < normalized.size() && type_of(normalized[j]) == type)
            ++j;
        SegmentKind const kind = type == Type::kanji      ? SegmentKind::kanji
                                 : type == Type::katakana ? SegmentKind::katakana
                                                          : SegmentKind::hiragana;
        segments.push_back({kind, i, j - i});
        i = j;
    }
    return segments;
}

bool Segmenter::is_word_character(char32_t code_point)
{
    return type_of(code_point) != Type::boundary;
}

bool Segmenter::joins(char32_t before, char32_t after)
{
    Type const a = type_of(before);
    Type const b = type_of(after);
    bool const latin_a = a == Type::latin || a == Type::digit;
    bool const latin_b = b == Type::latin || b == Type::digit;
    return (a == Type::katakana && b == Type::katakana) || (latin_a && latin_b);
}

void Segmenter::observe_kanji_run(std::u32string_view run)
{
    if (run.size() >= 2 && run.size() <= 4)
        ++m_kanji_counts[std::u32string(run)];
}

int Segmenter::standalone_count(std::u32string_view run) const
{
    auto const found = m_kanji_counts.find(std::u32string(run));
    return found == m_kanji_counts.end() ? 0 : found->second;
}

std::vector<std::u32string_view> Segmenter::split_kanji(std::u32string_view run) const
{
    // 1. Short runs, and runs that recur as they are, stay whole.
    std::size_t const n = run.size();
    if (n <= 2 || (n <= 4 && standalone_count(run) >= 2))
        return {run};

    // 2. Dynamic programming over cut points: a known compound scores by its length and how
    //    often it recurs; an unknown pair scores a little; a lone character costs.
    auto score = [this](std::u32string_view piece) {
        if (piece.size() == 1)
            return -1.0;
        int const count = standalone_count(piece);
        if (count >= 2)
            return static_cast<double>(piece.size()) * (1.0 + std::log(static_cast<double>(count)));
        return piece.size() == 2 ? 0.5
                                 : (piece.size() <= 4 ? 0.25 * piece.size() - 0.5
                                                      : -std::numeric_limits<double>::infinity());
    };
    std::vector<double> best(n + 1, -std::numeric_limits<double>::infinity());
    std::vector<std::size_t> cut(n + 1, 0);
    best[0] = 0.0;
    for (std::size_t j = 1; j <= n; ++j) {
        for (std::size_t length = 1; length <= 4 && length <= j; ++length) {
            double const candidate = best[j - length] + score(run.substr(j - length, length));
            if (candidate > best[j]) {
                best[j] = candidate;
                cut[j] = j - length;
            }
        }
    }

    // 3. Read the pieces back from the end.
    std::vector<std::u32string_view> pieces;
    for (std::size_t j = n; j > 0; j = cut[j])
        pieces.push_back(run.substr(cut[j], j - cut[j]));
    return {pieces.rbegin(), pieces.rend()};
}

} // namespace machiba::text
