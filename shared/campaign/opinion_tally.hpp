// Counts of a campaign's opinions: per choice, per rating, per day (Japan time). The server
// answers them to staff; the staff screens draw their bar charts from the same structure.
#pragma once

#include "shared/campaign/campaign.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace machiba::campaign {

struct QuestionTally {
    std::string question_id;
    QuestionType type = QuestionType::text;
    std::int64_t answered = 0;                     // opinions that answered it
    std::vector<std::pair<std::string, std::int64_t>> choices; // in the question's order
    std::array<std::int64_t, 5> ratings {};        // ratings[0] counts the answers "1"
    double rating_mean = 0;                        // 0 when nobody rated
};

struct OpinionTally {
    std::int64_t total = 0;
    std::vector<QuestionTally> questions;           // in the campaign's order
    std::map<std::string, std::int64_t> per_day;    // "2026-12-03" (Japan time) -> count
};

class OpinionTallyBuilder {
public:
    explicit OpinionTallyBuilder(Campaign const& campaign);

    // Adds one stored opinion: its answers as JSON and when it was received. Answers that no
    // longer fit the campaign (a question removed since) are skipped, not fatal.
    void add(nlohmann::json const& answers, std::int64_t received_unix_ms);
    OpinionTally const& tally();

private:
    Campaign const& m_campaign;
    OpinionTally m_tally;
    std::vector<std::int64_t> m_rating_sums;
};

nlohmann::json to_json(OpinionTally const& tally);

} // namespace machiba::campaign
