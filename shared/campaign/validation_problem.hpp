// A problem found while validating a campaign or an opinion: where (a JSON pointer), a stable
// code, and a sentence that says what to change. The app and the server report the same list.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace machiba::campaign {

struct ValidationProblem {
    std::string pointer; // RFC 6901, e.g. "/answers/q1" or "/questions/2/choices/0/id"
    std::string code;    // stable, e.g. "required", "too_long", "unknown_choice"
    std::string message;

    bool operator==(ValidationProblem const&) const = default;
};

using ValidationProblems = std::vector<ValidationProblem>;

// Escapes one reference token for a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_token(std::string_view token);

nlohmann::json to_json(ValidationProblems const& problems);

} // namespace machiba::campaign
