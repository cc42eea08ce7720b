// Unicode normalisation for matching what people type: NFKC, and a stronger fold (case, width,
// katakana to hiragana, long vowels, small kana, no spaces, punctuation or emoji) so that
// しにたい, ｼﾆﾀｲ and シニタイ meet the same dictionary entry.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::text {

// NFKC of text. Bad UTF-8 sequences become U+FFFD first, so the result is always valid UTF-8.
std::string nfkc(std::string_view text);

struct FoldOptions {
    // false: spaces and punctuation vanish ("i want  to die." -> "iwanttodie").
    // true: each run of spaces, line breaks and punctuation becomes one ' ' between words, so a
    // caller can still see sentence and word edges ("i want to die").
    bool keep_boundaries = false;
};

// The folded text and, for every byte of it, the byte offset in the input of the character it
// came from, so a match in the folded text can be shown in the original.
struct FoldedText {
    std::string text;
    std::vector<std::size_t> source_offsets;
};

// The fold, step by step for each character of NFKC(text) with case folding:
//   - katakana becomes hiragana (シ -> し), half-width kana have already become full-width;
//   - the long-vowel mark ー and wave dashes 〜 ～ vanish (しにたーい -> しにたい);
//   - a small vowel that only stretches the kana before it vanishes (むりぃ -> むり); other small
//     kana become full size (っ -> つ, ゃ -> や), so spellings with and without them meet;
//   - a letter repeated three times or more is cut: kana to one (つらいいい -> つらい), latin
//     letters to two (sooo -> soo);
//   - spaces, punctuation, symbols, emoji, joiners and variation selectors vanish (or become
//     boundaries, see FoldOptions); kanji, digits and letters stay.
// The same function folds the lexicon and the question, so both sides always agree.
std::string fold_for_matching(std::string_view text);
std::string fold_for_matching(std::string_view text, FoldOptions options);
FoldedText fold_with_offsets(std::string_view text, FoldOptions options = {});

// Katakana to hiragana for one code point; anything else is returned as it is.
char32_t katakana_to_hiragana(char32_t code_point);

} // namespace machiba::text
