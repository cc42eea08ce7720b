// A question cut into clauses and folded two ways: a compact form for Japanese patterns (no
// spaces) and a list of words for English patterns. Clauses end at sentence punctuation, so
// negation and gaps never reach across a full stop.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::triage {

struct Clause {
    std::string compact;                       // fold_for_matching of the clause
    std::vector<std::size_t> compact_sources;  // byte offset in the question of each byte
    std::vector<std::string> words;            // latin runs and non-latin runs, folded
    std::vector<std::size_t> word_sources;     // byte offset in the question of each word
    std::vector<std::size_t> word_ends;        // byte offset in the question after each word
    std::size_t source_end = 0;                // byte offset in the question where it ends
};

class PreparedQuestion {
public:
    explicit PreparedQuestion(std::string_view question);

    std::vector<Clause> const& clauses() const { return m_clauses; }
    std::string const& original() const { return m_original; }

private:
    std::string m_original; // valid UTF-8 (bad bytes replaced)
    std::vector<Clause> m_clauses;
};

// Folds one pattern of the lexicon the same way questions are folded; used for both sides.
std::string fold_pattern(std::string_view pattern);

} // namespace machiba::triage
