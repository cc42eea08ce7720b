// Clauses, compact text and words of a question, with offsets back into the question.
#include "shared/triage/prepared_question.hpp"

#include "shared/text/normalize.hpp"
#include "shared/text/utf8.hpp"

#include <utility>
#include <vector>

namespace machiba::triage {

namespace {

// Sentence and clause punctuation, in both languages and both widths. Commas count: a
// Japanese 読点 usually separates what is negated from what is not.
bool ends_clause(char32_t c)
{
    switch (c) {
    case U'。':
    case U'．':
    case U'｡':
    case U'、':
    case U'､':
    case U'，':
    case U'！':
    case U'？':
    case U'!':
    case U'?':
    case U'.':
    case U',':
    case U';':
    case U'；':
    case U'\n':
    case U'…':
        return true;
    default:
        return false;
    }
}

// Apostrophes vanish before folding so "don't" becomes one word, "dont", as people also type it.
bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'’' || c == U'‘' || c == U'＇'; }

// Kana and kanji (and the prolonged sound mark): the letters of Japanese words.
bool is_japanese_letter(char32_t c)
{
    return (c >= U'\u3041' && c <= U'\u30FF') || (c >= U'\u4E00' && c <= U'\u9FFF')
        || (c >= U'\uFF66' && c <= U'\uFF9F');
}

// A few emoji stand for the word itself ("💊いっぱい飲んだ"); folding would drop them.
char const* emoji_word(char32_t c)
{
    switch (c) {
    case U'\U0001F48A': // pill
        return "薬";
    case U'\U0001FA78': // drop of blood
        return "血";
    case U'\U0001F52A': // kitchen knife
        return "刃物";
    default:
        return nullptr;
    }
}

bool is_latin_or_digit_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

void add_clause(std::string_view question, std::size_t begin, std::size_t end,
    std::vector<Clause>& out)
{
    // 1. The clause without apostrophes, remembering where each kept byte came from.
    std::string text;
    std::vector<std::size_t> sources;
    for (auto [c, offset] : text::CodePoints(question.substr(begin, end - begin))) {
        if (is_apostrophe(c))
            continue;
        if (auto const* word = emoji_word(c))
            text += word;
        else
            text::append_utf8(text, c);
        sources.resize(text.size(), begin + offset);
    }

    // 2. Compact form.
    Clause clause;
    clause.source_end = end;
    auto folded = text::fold_with_offsets(text);
    clause.compact = std::move(folded.text);
    clause.compact_sources.reserve(folded.source_offsets.size());
    for (auto offset : folded.source_offsets)
        clause.compact_sources.push_back(offset < sources.size() ? sources[offset] : end);
    if (clause.compact.empty())
        return;

    // 3. Words: spaces separate them, and so does a change between latin and other scripts
    //    ("odした" is "od" and "した").
    auto spaced = text::fold_with_offsets(text, {.keep_boundaries = true});
    std::string word;
    std::size_t word_start = 0;
    auto const flush = [&](std::size_t next) {
        if (word.empty())
            return;
        clause.words.push_back(word);
        clause.word_sources.push_back(word_start < sources.size() ? sources[word_start] : end);
        clause.word_ends.push_back(next < sources.size() ? sources[next] : end);
        word.clear();
    };
    bool word_is_latin = false;
    for (std::size_t i = 0; i < spaced.text.size(); ++i) {
        char const byte = spaced.text[i];
        std::size_t const source = spaced.source_offsets[i];
        if (byte == ' ') {
            flush(source);
            continue;
        }
        bool const continuation = (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
        if (!continuation) {
            bool const latin = is_latin_or_digit_byte(byte);
            if (!word.empty() && latin != word_is_latin)
                flush(source);
            word_is_latin = latin;
        }
        if (word.empty())
            word_start = source;
        word.push_back(byte);
    }
    flush(text.size());

    // 4. Letters typed one by one ("s u i c i d e", "k m s"): three or more one-letter latin
    //    words in a row are one word.
    for (std::size_t i = 0; i < clause.words.size(); ++i) {
        auto const single = [&](std::size_t k) {
            return clause.words[k].size() == 1 && is_latin_or_digit_byte(clause.words[k][0]);
        };
        std::size_t run = i;
        while (run < clause.words.size() && single(run))
            ++run;
        if (run - i >= 3) {
            for (std::size_t k = i + 1; k < run; ++k)
                clause.words[i] += clause.words[k];
            clause.word_ends[i] = clause.word_ends[run - 1];
            clause.words.erase(clause.words.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                clause.words.begin() + static_cast<std::ptrdiff_t>(run));
            clause.word_sources.erase(
                clause.word_sources.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                clause.word_sources.begin() + static_cast<std::ptrdiff_t>(run));
            clause.word_ends.erase(clause.word_ends.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                clause.word_ends.begin() + static_cast<std::ptrdiff_t>(run));
        }
    }
    out.push_back(std::move(clause));
}

} // namespace

PreparedQuestion::PreparedQuestion(std::string_view question)
    : m_original(text::sanitize_utf8(question))
{
    std::string_view const text = m_original;
    std::size_t begin = 0;
    char32_t previous = 0;
    std::vector<std::pair<char32_t, std::size_t>> points;
    for (auto [c, offset] : text::CodePoints(text))
        points.emplace_back(c, offset);
    for (std::size_t i = 0; i < points.size(); ++i) {
        auto const [c, offset] = points[i];
        char32_t const next = i + 1 < points.size() ? points[i + 1].first : 0;
        // A latin dot inside a Japanese word only hides it ("死.にたい"): it ends nothing.
        bool const inside_word = (c == U'.' || c == U'．')
            && is_japanese_letter(previous) && is_japanese_letter(next);
        previous = c;
        if (ends_clause(c) && !inside_word) {
            if (offset > begin)
                add_clause(text, begin, offset, m_clauses);
            begin = offset + text::encode_utf8(c).size();
        }
    }
    if (begin < text.size())
        add_clause(text, begin, text.size(), m_clauses);
}

std::string fold_pattern(std::string_view pattern)
{
    std::string text;
    for (auto [c, offset] : text::CodePoints(pattern)) {
        if (!is_apostrophe(c))
            text::append_utf8(text, c);
    }
    return text::fold_for_matching(text);
}

} // namespace machiba::triage
