// Reading the lexicon and matching it against a prepared question.
#include "shared/triage/lexicon.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>

namespace machiba::triage {

namespace {

using Json = nlohmann::json;

TriageError bad(std::string const& document, std::string const& pointer, std::string const& what)
{
    return {"triage.bad_pack", document + "#" + pointer + ": " + what, document + "#" + pointer};
}

// Reads an array of strings; absent means empty.
std::optional<TriageError> strings(Json const& object, char const* key, std::string const& document,
    std::string const& pointer, std::vector<std::string>& out)
{
    if (!object.contains(key))
        return std::nullopt;
    auto const& list = object.at(key);
    if (!list.is_array())
        return bad(document, pointer + "/" + key, "must be an array of strings");
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string() || list[i].get<std::string>().empty())
            return bad(document, pointer + "/" + key + "/" + std::to_string(i),
                "must be a non-empty string");
        out.push_back(list[i].get<std::string>());
    }
    return std::nullopt;
}

std::optional<TriageError> number(Json const& object, char const* key, std::string const& document,
    std::string const& pointer, std::size_t& out)
{
    if (!object.contains(key))
        return std::nullopt;
    if (!object.at(key).is_number_unsigned() || object.at(key).get<std::size_t>() == 0)
        return bad(document, pointer + "/" + key, "must be a positive whole number");
    out = object.at(key).get<std::size_t>();
    return std::nullopt;
}

std::vector<std::string> folded(std::vector<std::string> const& list)
{
    std::vector<std::string> out;
    for (auto const& item : list) {
        auto f = fold_pattern(item);
        if (!f.empty())
            out.push_back(std::move(f));
    }
    return out;
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::size_t count_of(std::string_view text, std::string_view needle)
{
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string_view::npos;
         at = text.find(needle, at + needle.size()))
        ++count;
    return count;
}

// Optimal string alignment distance, stopping early once it exceeds 1.
bool within_one_edit(std::string_view a, std::string_view b)
{
    if (a.size() > b.size() + 1 || b.size() > a.size() + 1)
        return false;
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
    if (i == a.size() && i == b.size())
        return true;
    auto const rest_equal = [](std::string_view x, std::string_view y) { return x == y; };
    if (a.size() == b.size()) {
        if (rest_equal(a.substr(i + 1), b.substr(i + 1)))
            return true; // substitution
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i]
            && rest_equal(a.substr(i + 2), b.substr(i + 2)); // transposition
    }
    if (a.size() > b.size())
        return rest_equal(a.substr(i + 1), b.substr(i)); // deletion
    return rest_equal(a.substr(i), b.substr(i + 1));     // insertion
}

// A count of ten or more, in digits or words: how an overdose is told ("took like 30 tylenol").
bool is_many(std::string_view word)
{
    if (!word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
            return c >= '0' && c <= '9';
        }))
        return word.size() >= 2 && word.front() != '0';
    static constexpr std::string_view words[] = {"ten", "eleven", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "hundred", "hundreds", "dozen", "dozens"};
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// The count written just before a Japanese counter (2錠, １２錠, 三錠, 二十錠, 半錠), if any.
std::optional<double> count_before(std::string_view text)
{
    // 1. Digits (NFKC has already made full-width digits ASCII).
    std::size_t digits = 0;
    while (digits < text.size() && text[text.size() - 1 - digits] >= '0'
           && text[text.size() - 1 - digits] <= '9')
        ++digits;
    if (digits > 0) {
        if (digits > 6)
            return 1e6;
        return static_cast<double>(std::stoul(std::string(text.substr(text.size() - digits))));
    }

    // 2. Kanji numerals, read back to front.
    static constexpr std::string_view kanji[] = {
        "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    std::vector<std::string_view> chars;
    std::string_view rest = text;
    while (rest.size() >= 3) {
        auto const last = rest.substr(rest.size() - 3);
        bool const numeral = std::find(std::begin(kanji), std::end(kanji), last) != std::end(kanji)
            || last == "十" || last == "百" || last == "千" || last == "数" || last == "何";
        if (!numeral)
            break;
        chars.insert(chars.begin(), last);
        rest.remove_suffix(3);
    }
    if (chars.empty())
        return rest.ends_with("半") ? std::optional<double>(0.5) : std::nullopt;
    double total = 0, digit = 0;
    for (auto c : chars) {
        if (c == "数" || c == "何")
            return 1e6; // 数錠, 何錠, 数十錠: not an ordinary dose
        auto const at = std::find(std::begin(kanji), std::end(kanji), c);
        if (at != std::end(kanji)) {
            digit = static_cast<double>(at - std::begin(kanji));
            continue;
        }
        double const unit = c == "十" ? 10 : c == "百" ? 100 : 1000;
        total += (digit == 0 ? 1 : digit) * unit;
        digit = 0;
    }
    return total + digit;
}

} // namespace

std::variant<Lexicon, TriageError> Lexicon::from_json(Json const& lexicon,
    std::string const& document)
{
    Lexicon result;
    if (!lexicon.is_object())
        return bad(document, "", "the lexicon must be a JSON object");

    // 1. Negation cues and matching limits.
    auto const& negation = lexicon.value("negation", Json::object());
    std::vector<std::string> raw;
    std::size_t tail_chars = 12, gap_chars = 10;
    if (auto e = strings(negation, "ja_immediate", document, "/negation", raw))
        return *e;
    result.m_ja_immediate = folded(raw);
    raw.clear();
    if (auto e = strings(negation, "ja_phrases", document, "/negation", raw))
        return *e;
    result.m_ja_phrases = folded(raw);
    raw.clear();
    if (auto e = strings(negation, "ja_clause_breaks", document, "/negation", raw))
        return *e;
    result.m_ja_breaks = folded(raw);
    raw.clear();
    if (auto e = strings(negation, "ja_negative_morphemes", document, "/negation", raw))
        return *e;
    result.m_ja_negative_morphemes = folded(raw);
    raw.clear();
    if (auto e = strings(negation, "ja_cancel", document, "/negation", raw))
        return *e;
    result.m_ja_cancel = folded(raw);
    raw.clear();
    if (auto e = strings(negation, "en_negators", document, "/negation", raw))
        return *e;
    result.m_en_negators = folded(raw);
    raw.clear();
    if (auto e = strings(negation, "en_cancel_after", document, "/negation", raw))
        return *e;
    result.m_en_cancel = folded(raw);
    if (auto e = number(negation, "ja_tail_chars", document, "/negation", tail_chars))
        return *e;
    if (auto e = number(negation, "en_lookback_words", document, "/negation", result.m_en_lookback))
        return *e;
    auto const& matching = lexicon.value("matching", Json::object());
    if (auto e = number(matching, "ja_gap_chars", document, "/matching", gap_chars))
        return *e;
    if (auto e = number(matching, "en_gap_words", document, "/matching", result.m_gap_words))
        return *e;
    if (auto e = number(matching, "en_fuzzy_min_length", document, "/matching",
            result.m_fuzzy_min_length))
        return *e;
    // Japanese characters take three bytes in UTF-8.
    result.m_ja_tail_bytes = tail_chars * 3;
    result.m_gap_bytes = gap_chars * 3;

    // 2. Patterns, shared by signals and frames.
    auto const add_patterns = [&](Json const& entry, std::string const& pointer, std::size_t owner,
                                  bool frame) -> std::optional<TriageError> {
        std::vector<std::string> japanese, english;
        if (auto e = strings(entry, "ja", document, pointer, japanese))
            return e;
        if (auto e = strings(entry, "en", document, pointer, english))
            return e;
        if (japanese.empty() && english.empty())
            return bad(document, pointer, "needs at least one pattern in ja or en");
        for (std::size_t i = 0; i < japanese.size(); ++i) {
            JapanesePattern pattern{{}, owner, frame};
            std::string_view rest = japanese[i];
            while (true) {
                auto const star = rest.find('*');
                auto part = fold_pattern(rest.substr(0, star));
                if (!part.empty())
                    pattern.parts.push_back(std::move(part));
                if (star == std::string_view::npos)
                    break;
                rest.remove_prefix(star + 1);
            }
            if (pattern.parts.empty())
                return bad(document, pointer + "/ja/" + std::to_string(i),
                    "folds to nothing (only spaces, punctuation or symbols)");
            result.m_japanese.push_back(std::move(pattern));
        }
        for (std::size_t i = 0; i < english.size(); ++i) {
            EnglishPattern pattern{{}, owner, frame, !frame && !entry.value("doubt", false)};
            std::string_view rest = english[i];
            while (!rest.empty()) {
                auto const space = rest.find(' ');
                auto const token = rest.substr(0, space);
                rest =
                    space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
                if (token.empty())
                    continue;
                if (token == "*") {
                    pattern.tokens.push_back({"", false, true});
                    continue;
                }
                if (token == "#many") {
                    pattern.tokens.push_back({"", false, false, true});
                    continue;
                }
                bool const prefix = token.back() == '*';
                auto word = fold_pattern(prefix ? token.substr(0, token.size() - 1) : token);
                if (!word.empty())
                    pattern.tokens.push_back({std::move(word), prefix, false});
            }
            if (pattern.tokens.empty() || pattern.tokens.front().gap || pattern.tokens.back().gap)
                return bad(document, pointer + "/en/" + std::to_string(i),
                    "needs words, and may not start or end with *");
            result.m_english.push_back(std::move(pattern));
        }
        return std::nullopt;
    };

    // 3. Frames.
    auto const& frames = lexicon.value("frames", Json::array());
    if (!frames.is_array())
        return bad(document, "/frames", "must be an array");
    for (std::size_t i = 0; i < frames.size(); ++i) {
        if (auto e = add_patterns(frames[i], "/frames/" + std::to_string(i), i, true))
            return *e;
    }

    // 4. Signals.
    auto const& signals = lexicon.value("signals", Json());
    if (!signals.is_array() || signals.empty())
        return bad(document, "/signals", "must be a non-empty array");
    for (std::size_t i = 0; i < signals.size(); ++i) {
        std::string const pointer = "/signals/" + std::to_string(i);
        auto const& entry = signals[i];
        if (!entry.is_object())
            return bad(document, pointer, "must be an object");
        Signal signal;
        if (!entry.contains("id") || !entry["id"].is_string())
            return bad(document, pointer + "/id", "missing");
        signal.id = entry["id"].get<std::string>();
        if (entry.contains("route")) {
            auto const route = entry["route"].is_string()
                ? parse_route(entry["route"].get<std::string>())
                : std::nullopt;
            if (!route)
                return bad(document, pointer + "/route",
                    "must be emergency, crisis, urgent, consult or self_care");
            signal.route = route;
        }
        if (entry.contains("topic")) {
            auto const topic = entry["topic"].is_string()
                ? parse_topic(entry["topic"].get<std::string>())
                : std::nullopt;
            if (!topic)
                return bad(document, pointer + "/topic", "must be mind, body or sex");
            signal.topic = topic;
        }
        if (!signal.route && !signal.topic)
            return bad(document, pointer, "needs a route, a topic or both");
        signal.crisis_card = entry.value("crisis_card", false);
        signal.negatable = entry.value("negatable", true);
        signal.doubt = entry.value("doubt", false);
        signal.revives_denial = entry.value("revives_denial", false);
        if (signal.doubt && !signal.route)
            return bad(document, pointer + "/doubt", "a doubt needs the route it doubts");
        if (entry.contains("topic_weight")) {
            if (!entry["topic_weight"].is_number() || entry["topic_weight"].get<double>() <= 0)
                return bad(document, pointer + "/topic_weight", "must be a positive number");
            signal.topic_weight = entry["topic_weight"].get<double>();
        }
        if (auto e = strings(entry, "resources", document, pointer, signal.resources))
            return *e;
        if (auto e = strings(entry, "articles", document, pointer, signal.articles))
            return *e;
        signal.follow_up = entry.value("follow_up", std::string());
        raw.clear();
        if (auto e = strings(entry, "ja_not_before", document, pointer, raw))
            return *e;
        signal.ja_not_before = folded(raw);
        raw.clear();
        if (auto e = strings(entry, "ja_not_after", document, pointer, raw))
            return *e;
        signal.ja_not_after = folded(raw);
        if (entry.contains("ja_not_after_count")) {
            if (!entry["ja_not_after_count"].is_number_unsigned())
                return bad(document, pointer + "/ja_not_after_count",
                    "must be a whole number");
            signal.ja_not_after_count = entry["ja_not_after_count"].get<std::size_t>();
        }
        if (entry.contains("all")) {
            // A combination: fires when every listed signal stands; resolved below.
            result.m_combinations.push_back({result.m_signals.size(), {}});
        } else if (auto e = add_patterns(entry, pointer, result.m_signals.size(), false)) {
            return *e;
        }
        result.m_signals.push_back(std::move(signal));
    }

    // 5. Combinations name signals by id.
    for (auto& combination : result.m_combinations) {
        auto const& entry = signals[combination.signal];
        std::vector<std::string> ids;
        std::string const pointer = "/signals/" + std::to_string(combination.signal);
        if (auto e = strings(entry, "all", document, pointer, ids))
            return *e;
        if (ids.size() < 2)
            return bad(document, pointer + "/all", "needs at least two signal ids");
        for (auto const& id : ids) {
            auto const found = std::find_if(result.m_signals.begin(), result.m_signals.end(),
                [&](Signal const& s) { return s.id == id; });
            if (found == result.m_signals.end())
                return bad(document, pointer + "/all", "no signal with id '" + id + "'");
            combination.all.push_back(static_cast<std::size_t>(found - result.m_signals.begin()));
        }
    }
    return result;
}

void Lexicon::match_japanese(Clause const& clause, std::size_t index, std::vector<Span>& out) const
{
    std::string_view const text = clause.compact;
    for (auto const& pattern : m_japanese) {
        auto const& first = pattern.parts.front();
        for (auto at = text.find(first); at != std::string_view::npos;
             at = text.find(first, at + 1)) {
            // 1. Latin letters at the edge of a pattern must be a whole word ("od", not "good").
            if (is_ascii_alnum(first.front()) && at > 0 && is_ascii_alnum(text[at - 1]))
                continue;

            // 2. The remaining parts, each within the gap after the one before.
            std::size_t end = at + first.size();
            bool found = true;
            for (std::size_t p = 1; p < pattern.parts.size() && found; ++p) {
                auto const next = text.find(pattern.parts[p], end);
                found = next != std::string_view::npos && next - end <= m_gap_bytes;
                if (found)
                    end = next + pattern.parts[p].size();
            }
            if (!found)
                continue;
            auto const& last = pattern.parts.back();
            if (is_ascii_alnum(last.back()) && end < text.size() && is_ascii_alnum(text[end]))
                continue;

            // 3. What the signal may not be followed or preceded by.
            if (!pattern.frame) {
                auto const& signal = m_signals[pattern.owner];
                auto const after = text.substr(end);
                auto const before = text.substr(0, at);
                auto const& not_before = signal.ja_not_before;
                if (std::any_of(not_before.begin(), not_before.end(),
                        [&](std::string const& cue) { return after.starts_with(cue); }))
                    continue;
                auto const& not_after = signal.ja_not_after;
                if (std::any_of(not_after.begin(), not_after.end(),
                        [&](std::string const& cue) { return before.ends_with(cue); }))
                    continue;
                if (signal.ja_not_after_count > 0) {
                    auto const count = count_before(before);
                    if (count && *count <= static_cast<double>(signal.ja_not_after_count))
                        continue;
                }
            }

            std::size_t const source_end =
                end < text.size() ? clause.compact_sources[end] : clause.source_end;
            out.push_back({pattern.owner, pattern.frame, clause.compact_sources[at], source_end,
                index, end, std::string::npos});
        }
    }
}

bool Lexicon::word_matches(EnglishToken const& token, std::string const& word, bool fuzzy) const
{
    if (token.many)
        return is_many(word);
    if (token.prefix) {
        if (word.starts_with(token.word))
            return true;
        if (!fuzzy || token.word.size() + 1 < m_fuzzy_min_length)
            return false;
        // A typo inside the stem: compare the word's beginning of about the same length.
        for (std::size_t length :
             {token.word.size() - 1, token.word.size(), token.word.size() + 1}) {
            if (length <= word.size() && within_one_edit(word.substr(0, length), token.word))
                return true;
        }
        return false;
    }
    if (word == token.word)
        return true;
    return fuzzy && token.word.size() >= m_fuzzy_min_length && within_one_edit(word, token.word);
}

bool Lexicon::english_from(Clause const& clause, std::size_t token, std::size_t word,
    EnglishPattern const& pattern, std::size_t& last) const
{
    if (token == pattern.tokens.size())
        return true;
    auto const& current = pattern.tokens[token];
    if (current.gap) {
        for (std::size_t skip = 0; skip <= m_gap_words && word + skip <= clause.words.size();
             ++skip) {
            if (english_from(clause, token + 1, word + skip, pattern, last))
                return true;
        }
        return false;
    }
    if (word >= clause.words.size() || !word_matches(current, clause.words[word], pattern.fuzzy))
        return false;
    last = word;
    return english_from(clause, token + 1, word + 1, pattern, last);
}

void Lexicon::match_english(Clause const& clause, std::size_t index, std::vector<Span>& out) const
{
    for (auto const& pattern : m_english) {
        for (std::size_t start = 0; start < clause.words.size(); ++start) {
            std::size_t last = start;
            if (!english_from(clause, 0, start, pattern, last))
                continue;
            out.push_back({pattern.owner, pattern.frame, clause.word_sources[start],
                clause.word_ends[last], index, std::string::npos, start});
        }
    }
}

bool Lexicon::negated_japanese(Clause const& clause, std::size_t compact_end) const
{
    // 1. The tail: what follows in the clause, up to a conjunction that starts a new thought.
    std::string_view tail = std::string_view(clause.compact).substr(compact_end);
    if (tail.size() > m_ja_tail_bytes) {
        tail = tail.substr(0, m_ja_tail_bytes);
        while (!tail.empty() && (static_cast<unsigned char>(tail.back()) & 0xC0) == 0x80)
            tail.remove_suffix(1);
        if (!tail.empty() && (static_cast<unsigned char>(tail.back()) & 0x80))
            tail.remove_suffix(1);
    }
    for (auto const& conjunction : m_ja_breaks) {
        auto const at = tail.find(conjunction);
        if (at != std::string_view::npos)
            tail = tail.substr(0, at);
    }

    // 2. A negation right after the words, or a denying phrase in the tail.
    for (auto const& cue : m_ja_cancel) {
        if (tail.find(cue) != std::string_view::npos)
            return false;
    }
    bool negated = false;
    for (auto const& cue : m_ja_immediate)
        negated = negated || tail.starts_with(cue);
    for (auto const& cue : m_ja_phrases)
        negated = negated || tail.find(cue) != std::string_view::npos;
    if (!negated)
        return false;

    // 3. Two negations affirm (死にたいと思わない日はない): safety keeps the signal.
    std::size_t negatives = 0;
    for (auto const& morpheme : m_ja_negative_morphemes)
        negatives += count_of(tail, morpheme);
    return negatives < 2;
}

bool Lexicon::negated_english(Clause const& clause, std::size_t first_word) const
{
    std::size_t const from = first_word > m_en_lookback ? first_word - m_en_lookback : 0;
    for (std::size_t w = from; w < first_word; ++w) {
        if (std::find(m_en_negators.begin(), m_en_negators.end(), clause.words[w])
            == m_en_negators.end())
            continue;
        // "not sure if", "don't know if": doubt, not denial.
        if (w + 1 < clause.words.size()
            && std::find(m_en_cancel.begin(), m_en_cancel.end(), clause.words[w + 1])
                != m_en_cancel.end())
            continue;
        return true;
    }
    return false;
}

std::vector<SignalMatch> Lexicon::match(PreparedQuestion const& question) const
{
    // 1. Every span of every pattern, clause by clause.
    std::vector<Span> spans;
    auto const& clauses = question.clauses();
    for (std::size_t c = 0; c < clauses.size(); ++c) {
        match_japanese(clauses[c], c, spans);
        match_english(clauses[c], c, spans);
    }

    // 2. Each signal span: framed if a frame covers it, negated if its clause denies it.
    std::vector<SignalMatch> matches;
    for (auto const& span : spans) {
        if (span.frame)
            continue;
        SignalMatch match{span.owner, MatchStatus::firm, span.begin, span.end};
        // Frames only weaken what a signal says about urgency; a topic word stays a topic word.
        bool const framed = m_signals[span.owner].route
            && std::any_of(spans.begin(), spans.end(), [&](Span const& frame) {
            return frame.frame && frame.clause == span.clause && frame.begin <= span.begin
                && frame.end >= span.end;
        });
        if (framed) {
            match.status = MatchStatus::framed;
        } else if (m_signals[span.owner].negatable) {
            auto const& clause = clauses[span.clause];
            bool const negated = span.first_word != std::string::npos
                ? negated_english(clause, span.first_word)
                : negated_japanese(clause, span.compact_end);
            if (negated)
                match.status = MatchStatus::negated;
        }
        matches.push_back(match);
    }

    // 3. Combinations: a signal that stands when all of its parts stand.
    for (auto const& combination : m_combinations) {
        std::size_t begin = std::string::npos, end = 0;
        bool all = true;
        for (auto part : combination.all) {
            auto const found =
                std::find_if(matches.begin(), matches.end(), [&](SignalMatch const& m) {
                    return m.signal == part && m.status == MatchStatus::firm;
                });
            all = all && found != matches.end();
            if (found != matches.end()) {
                begin = std::min(begin, found->begin);
                end = std::max(end, found->end);
            }
        }
        if (all)
            matches.push_back({combination.signal, MatchStatus::firm, begin, end});
    }

    std::stable_sort(matches.begin(), matches.end(),
        [](SignalMatch const& a, SignalMatch const& b) { return a.signal < b.signal; });
    return matches;
}

} // namespace machiba::triage
