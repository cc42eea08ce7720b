// The red-flag and topic lexicon: signals (what a phrase says about route and topic), frames
// (hyperbole and harmless contexts such as 死ぬほど眠い), and the negation cues of Japanese and
// English, all read from assets/triage/lexicon.json. Matching finds every signal in a question
// and says, for each place it was found, whether it stands, is negated, or sits in a frame.
#pragma once

#include "shared/triage/prepared_question.hpp"
#include "shared/triage/route.hpp"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace machiba::triage {

struct Signal {
    std::string id;
    std::optional<Route> route; // none: the signal only tells the topic
    std::optional<Topic> topic; // none: the signal only tells the route
    bool crisis_card = false;   // show the crisis card even when the route stays lower
    bool negatable = true;      // false: a negation around it does not weaken it
    double topic_weight = 1.0;  // how strongly it tells the topic, against other signals
    // A doubt: a word that often, not always, means danger (殺, ベランダ, clothes off). Standing,
    // it takes the question to its route unless a signal of urgent or above explains the question
    // better; then it only brings the crisis card.
    bool doubt = false;
    // An urge or a relapse (したくなる, did it again): alone it says nothing, but standing next to
    // a denied crisis word (リスカはもうしてないけど、したくなる) it takes the denial back.
    bool revives_denial = false;
    std::vector<std::string> resources;
    std::vector<std::string> articles;
    std::string follow_up;      // id of a follow-up question, or empty
    // Japanese only: a match followed at once by one of these (folded) is no match, so that the
    // past tense of an act (ODした) is not found inside a wish or a condition (ODしたい, したら).
    std::vector<std::string> ja_not_before;
    // Japanese only: a match preceded at once by one of these (folded) is no match, so that a
    // slang past tense (ヤった) is not found inside a contracted one (吐いちゃった).
    std::vector<std::string> ja_not_after;
    // Japanese only: a match preceded at once by a count from 1 to this number (2錠, 三錠, 半錠)
    // is no match, so that an ordinary dose is not read as an overdose; 0: no such rule.
    std::size_t ja_not_after_count = 0;
};

enum class MatchStatus {
    firm,    // stands on its own
    negated, // denied in its clause (死にたいわけじゃない, I'm not suicidal)
    framed,  // inside hyperbole or a harmless frame (死ぬほど眠い, dying to see it)
};

struct SignalMatch {
    std::size_t signal = 0; // index into Lexicon::signals()
    MatchStatus status = MatchStatus::firm;
    std::size_t begin = 0;  // byte range in the question
    std::size_t end = 0;
};

class Lexicon {
public:
    static std::variant<Lexicon, TriageError> from_json(nlohmann::json const& lexicon,
        std::string const& document = "lexicon.json");

    // Every place a signal matched, in the order of the signals, then of the question.
    std::vector<SignalMatch> match(PreparedQuestion const& question) const;

    std::vector<Signal> const& signals() const { return m_signals; }
    std::size_t pattern_count() const { return m_japanese.size() + m_english.size(); }

private:
    struct JapanesePattern {
        std::vector<std::string> parts; // folded; gaps of up to m_gap_bytes between parts
        std::size_t owner = 0;          // signal or frame index
        bool frame = false;
    };
    struct EnglishToken {
        std::string word;
        bool prefix = false; // "suicid*"
        bool gap = false;    // "*": up to m_gap_words words
        bool many = false;   // "#many": a count of ten or more ("30", "forty", "dozens")
    };
    struct EnglishPattern {
        std::vector<EnglishToken> tokens;
        std::size_t owner = 0;
        bool frame = false;
        bool fuzzy = true; // doubts are short stems: a typo there would find too much
    };
    struct Span {
        std::size_t owner;
        bool frame;
        std::size_t begin, end; // question bytes
        std::size_t clause;
        std::size_t compact_end; // Japanese: end in the clause's compact text
        std::size_t first_word;  // English: index of the first word, or npos
    };

    void match_japanese(Clause const& clause, std::size_t index, std::vector<Span>& out) const;
    void match_english(Clause const& clause, std::size_t index, std::vector<Span>& out) const;
    bool english_from(Clause const& clause, std::size_t token, std::size_t word,
        EnglishPattern const& pattern, std::size_t& last) const;
    bool word_matches(EnglishToken const& token, std::string const& word, bool fuzzy) const;
    bool negated_japanese(Clause const& clause, std::size_t compact_end) const;
    bool negated_english(Clause const& clause, std::size_t first_word) const;

    struct Combination {
        std::size_t signal;            // the signal that fires
        std::vector<std::size_t> all;  // when each of these stands somewhere in the question
    };

    std::vector<Signal> m_signals;
    std::vector<Combination> m_combinations;
    std::vector<std::string> m_ja_cancel;
    std::vector<JapanesePattern> m_japanese;
    std::vector<EnglishPattern> m_english;

    std::vector<std::string> m_ja_immediate;
    std::vector<std::string> m_ja_phrases;
    std::vector<std::string> m_ja_breaks;
    std::vector<std::string> m_ja_negative_morphemes;
    std::size_t m_ja_tail_bytes = 36;
    std::size_t m_gap_bytes = 30;
    std::vector<std::string> m_en_negators;
    std::vector<std::string> m_en_cancel;
    std::size_t m_en_lookback = 3;
    std::size_t m_gap_words = 3;
    std::size_t m_fuzzy_min_length = 6;
};

} // namespace machiba::triage
