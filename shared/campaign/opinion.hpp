// A resident's opinion on a campaign: answers to its questions, an optional age band and
// district, and the idempotency key made on the device. Validated here for app and server.
#pragma once

#include "shared/campaign/campaign.hpp"
#include "shared/campaign/demographics.hpp"
#include "shared/campaign/validation_problem.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace machiba::campaign {

// text -> string, single -> string (a choice id), multiple -> choice ids, rating -> 1..5.
using AnswerValue = std::variant<std::string, std::int64_t, std::vector<std::string>>;

struct Opinion {
    std::map<std::string, AnswerValue> answers; // by question id; unanswered ones are absent
    std::optional<std::string> age_band;
    std::optional<std::string> district;
};

struct OpinionParse {
    std::optional<Opinion> opinion; // empty when problems is not
    ValidationProblems problems;
};

// Validates an opinion body {"answers": {...}, "age_band": ..., "district": ...} against its
// campaign. Reports every problem with its JSON pointer. Whitespace-only text counts as no answer.
OpinionParse parse_opinion(nlohmann::json const& body, Campaign const& campaign,
    Demographics const& demographics);

nlohmann::json to_json(Opinion const& opinion);
nlohmann::json to_json(AnswerValue const& answer);

// True for keys of 8..128 characters from A-Z, a-z, 0-9, "-" and "_" (UUIDs fit).
bool is_valid_idempotency_key(std::string_view key);

} // namespace machiba::campaign
