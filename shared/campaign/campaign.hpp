// A ward campaign: a theme explained with slides, a period, and questions for residents. Parsed
// from and written to JSON here, once, for both the app and the server.
#pragma once

#include "shared/campaign/localized_text.hpp"
#include "shared/campaign/validation_problem.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::campaign {

enum class CampaignStatus { draft, published, closed, archived };
enum class QuestionType { text, single, multiple, rating };

std::string_view status_name(CampaignStatus status);
std::optional<CampaignStatus> parse_status(std::string_view name);
std::string_view question_type_name(QuestionType type);
std::optional<QuestionType> parse_question_type(std::string_view name);

struct Choice {
    std::string id;
    LocalizedText label;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::text;
    bool required = false;
    LocalizedText prompt;
    LocalizedText help;
    std::size_t max_length = 0;     // text: the longest answer, in characters (code points)
    std::vector<Choice> choices;    // single and multiple
    std::size_t max_selections = 0; // multiple: 0 means any number
    LocalizedText low_label;        // rating: what 1 means
    LocalizedText high_label;       // rating: what 5 means

    Choice const* find_choice(std::string_view choice_id) const;
};

struct SlideImage {
    std::string source; // a path on this site ("images/drill.png") or a data:image URL
    LocalizedText alternative_text;
};

struct Slide {
    LocalizedText title;
    LocalizedText body; // simple markup: see slide_markup.hpp
    std::optional<SlideImage> image;
};

struct Campaign {
    std::string id;
    CampaignStatus status = CampaignStatus::draft;
    LocalizedText title;
    LocalizedText summary;
    LocalizedText background;
    LocalizedText outcome;   // what came of it, once closed; may be empty
    std::int64_t starts_at = 0; // Unix milliseconds; shown in Japan time
    std::int64_t ends_at = 0;   // exclusive
    bool public_opinions = true; // published opinions are shown to everyone after moderation
    std::vector<Slide> slides;
    std::vector<Question> questions;

    Question const* find_question(std::string_view question_id) const;
    // True when residents may send opinions at now (published, and now inside the period).
    bool accepts_opinions(std::int64_t now_unix_ms) const;
    // True when residents may see it at all (published or closed, not a draft or archived).
    bool is_public() const;
};

struct CampaignParse {
    std::optional<Campaign> campaign; // empty when problems is not
    ValidationProblems problems;
};

// Reads and validates a campaign document. Every problem is reported, each with its pointer.
CampaignParse parse_campaign(nlohmann::json const& document);

nlohmann::json to_json(Campaign const& campaign);

// True for ids of campaigns, questions and choices: a-z, 0-9, "-" and "_", 1..64 long.
bool is_valid_id(std::string_view id);

} // namespace machiba::campaign
