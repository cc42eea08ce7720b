// Parsing the variant and stop-word tables, and matching variants in normalised text.
#include "shared/analysis/lexicon.hpp"

#include "shared/text/segment.hpp"
#include "shared/text/utf8.hpp"

namespace machiba::analysis {

namespace {

std::string_view trim(std::string_view text)
{
    auto const blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return text;
}

// Calls each(line_number, line) for every line that is not blank or a comment.
template <typename Each>
std::optional<AnalysisError> for_each_line(std::string_view text, Each each)
{
    std::size_t number = 0;
    while (!text.empty()) {
        ++number;
        std::size_t const end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        std::size_t const comment = line.find('#');
        if (comment != std::string_view::npos)
            line = line.substr(0, comment);
        if (trim(line).empty())
            continue;
        if (auto error = each(number, line))
            return error;
    }
    return std::nullopt;
}

std::u32string normalize_word(std::string_view word)
{
    return text::Segmenter::normalize(trim(word));
}

} // namespace

LexiconResult Lexicon::parse(std::string_view variants, std::string_view stop_words)
{
    Lexicon lexicon;
    if (!text::is_valid_utf8(variants) || !text::is_valid_utf8(stop_words))
        return AnalysisError{"lexicon.invalid_utf8", "a lexicon file is not valid UTF-8"};

    // 1. Variants: canonical, a tab, then variants separated by commas.
    auto error = for_each_line(variants, [&](std::size_t number, std::string_view line)
                                             -> std::optional<AnalysisError> {
        std::size_t const tab = line.find('\t');
        std::u32string const canonical =
            normalize_word(tab == std::string_view::npos ? line : line.substr(0, tab));
        if (tab == std::string_view::npos || canonical.empty())
            return AnalysisError{"lexicon.bad_line",
                                 "variants line " + std::to_string(number)
                                     + ": expected a canonical word, a tab and variants"};
        auto const index = static_cast<std::uint32_t>(lexicon.m_canonicals.size());
        lexicon.m_canonicals.push_back(canonical);
        // A phrase may belong to one group only: the longest match and the whole-word lookup
        // would otherwise disagree on its canonical form.
        auto const claim = [&](std::u32string const& variant) -> std::optional<AnalysisError> {
            auto const found = lexicon.m_words.find(variant);
            if (found != lexicon.m_words.end() && found->second != index)
                return AnalysisError{
                    "lexicon.duplicate_variant",
                    "variants line " + std::to_string(number) + ": "
                        + text::from_code_points(variant) + " is already in the group of "
                        + text::from_code_points(lexicon.m_canonicals[found->second])};
            lexicon.add_variant(variant, index);
            return std::nullopt;
        };
        if (auto error = claim(canonical))
            return error;
        std::string_view rest = line.substr(tab + 1);
        while (!rest.empty()) {
            std::size_t const comma = rest.find(',');
            std::u32string const variant = normalize_word(rest.substr(0, comma));
            if (variant.empty())
                return AnalysisError{"lexicon.bad_line", "variants line " + std::to_string(number)
                                                             + ": an empty variant"};
            if (auto error = claim(variant))
                return error;
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
        return std::nullopt;
    });
    if (error)
        return *error;

    // 2. Stop words, one a line.
    error = for_each_line(stop_words, [&](std::size_t, std::string_view line)
                                          -> std::optional<AnalysisError> {
        lexicon.m_stop_words.insert(normalize_word(line));
        return std::nullopt;
    });
    if (error)
        return *error;
    return lexicon;
}

void Lexicon::add_variant(std::u32string const& variant, std::uint32_t canonical)
{
    std::uint32_t node = 0;
    for (char32_t c : variant) {
        std::uint64_t const key = (static_cast<std::uint64_t>(node) << 32) | c;
        auto found = m_edges.find(key);
        if (found == m_edges.end()) {
            auto const child = static_cast<std::uint32_t>(m_node_canonical.size());
            m_node_canonical.push_back(-1);
            found = m_edges.emplace(key, child).first;
        }
        node = found->second;
    }
    m_node_canonical[node] = static_cast<std::int32_t>(canonical);
    m_words.emplace(variant, canonical);
    m_first_characters.insert(variant.front());
    ++m_variant_count;
}

Lexicon::Match Lexicon::longest_match(std::u32string_view text, std::size_t at) const
{
    Match match;
    if (at >= text.size() || !m_first_characters.count(text[at]))
        return match;
    std::uint32_t node = 0;
    for (std::size_t i = at; i < text.size(); ++i) {
        auto const found = m_edges.find((static_cast<std::uint64_t>(node) << 32) | text[i]);
        if (found == m_edges.end())
            break;
        node = found->second;
        if (m_node_canonical[node] >= 0) {
            match.length = i - at + 1;
            match.canonical = m_canonicals[static_cast<std::size_t>(m_node_canonical[node])];
        }
    }
    return match;
}

std::u32string_view Lexicon::canonical(std::u32string_view word) const
{
    auto const found = m_words.find(std::u32string(word));
    return found == m_words.end() ? word : std::u32string_view(m_canonicals[found->second]);
}

bool Lexicon::is_stop_word(std::u32string_view word) const
{
    return m_stop_words.count(std::u32string(word)) > 0;
}

} // namespace machiba::analysis
