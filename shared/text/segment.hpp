// Segmentation of Japanese (and mixed) text into phrases without a dictionary: runs of one
// character type (kanji compounds, katakana words, Latin words), with long kanji runs split into
// the compounds that recur on their own in the same corpus.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace machiba::text {

enum class SegmentKind {
    kanji,    // a run of kanji, e.g. 避難訓練
    katakana, // a run of katakana with ー, e.g. スタンプラリー
    latin,    // letters, and digits inside a word, e.g. vr, wifi, 5g
    hiragana, // a run of hiragana: mostly particles and endings
};

struct Segment {
    SegmentKind kind;
    std::size_t begin; // position in the normalised text, in code points
    std::size_t length;
};

class Segmenter {
public:
    // Width folding for segmenting: full-width ASCII becomes ASCII, the ideographic space a
    // space, Latin letters lower case; text with half-width katakana or other compatibility
    // characters goes through NFKC first. Bad UTF-8 becomes U+FFFD.
    static std::u32string normalize(std::string_view text);

    // The runs of one character type in normalised text, in order. Spaces, symbols and runs of
    // digits alone are boundaries and give no segment.
    static std::vector<Segment> split_by_character_type(std::u32string_view normalized);

    // Whether a normalised code point belongs to some segment (letters, digits, kana, kanji),
    // as opposed to spaces, punctuation and symbols.
    static bool is_word_character(char32_t code_point);

    // Whether two adjacent code points belong to one katakana or Latin word, so that a match
    // must not start or end between them (パーク|ing).
    static bool joins(char32_t before, char32_t after);

    // Learning: counts each kanji run of two to four characters that stands on its own, so that
    // split_kanji can tell 避難訓練|参加 from 避難|訓練参加.
    void observe_kanji_run(std::u32string_view run);

    // Splits a run of kanji into the pieces that best agree with what recurs: known compounds
    // of 2-4 characters where possible, single characters where nothing else fits. A run that
    // recurs on its own stays whole.
    std::vector<std::u32string_view> split_kanji(std::u32string_view run) const;

    // How often a kanji run stood on its own in what was observed.
    int standalone_count(std::u32string_view run) const;

private:
    std::unordered_map<std::u32string, int> m_kanji_counts;
};

} // namespace machiba::text
