// The small hand-made knowledge the analysis uses on top of what it learns from the opinions:
// variant spellings and synonyms that mean the same thing (子供, こども, kids -> 子ども), and
// function words that are never a key phrase. Parsed from assets/analysis/ by the caller.
#pragma once

#include "shared/analysis/analysis_error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace machiba::analysis {

class Lexicon;
using LexiconResult = std::variant<Lexicon, AnalysisError>;

class Lexicon {
public:
    // variants: lines "canonical<TAB>variant, variant, ..."; stop_words: one word a line. Both
    // take '#' comments and blank lines. Words are normalised like the opinions (width folded,
    // lower case). A line without a tab or with an empty field is an error naming the line, and
    // so is a phrase that is already in another group.
    static LexiconResult parse(std::string_view variants, std::string_view stop_words);

    // The longest variant that starts at position `at` of normalised text: its length in code
    // points and its canonical form; length 0 when none starts there.
    struct Match {
        std::size_t length = 0;
        std::u32string_view canonical;
    };
    Match longest_match(std::u32string_view text, std::size_t at) const;

    // The canonical form of a whole word (itself when it is no variant).
    std::u32string_view canonical(std::u32string_view word) const;

    bool is_stop_word(std::u32string_view word) const;

    std::size_t variant_count() const { return m_variant_count; }
    std::size_t stop_word_count() const { return m_stop_words.size(); }

private:
    void add_variant(std::u32string const& variant, std::uint32_t canonical);

    // A trie over code points: (node << 32 | code point) -> child node.
    std::unordered_map<std::uint64_t, std::uint32_t> m_edges;
    std::vector<std::int32_t> m_node_canonical{-1}; // canonical index, or -1; node 0 is the root
    std::vector<std::u32string> m_canonicals;
    std::unordered_map<std::u32string, std::uint32_t> m_words; // whole word -> canonical index
    std::unordered_set<std::u32string> m_stop_words;
    std::unordered_set<char32_t> m_first_characters;
    std::size_t m_variant_count = 0;
};

} // namespace machiba::analysis
