// The routes and topics of the youth health room, ordered by urgency, with their stable names.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace machiba::triage {

// Higher is more urgent; the order is used to pick the route of a question.
enum class Route { self_care = 0, consult = 1, urgent = 2, crisis = 3, emergency = 4 };

enum class Topic { mind, body, sex };

std::string_view route_name(Route route);
std::string_view topic_name(Topic topic);
std::optional<Route> parse_route(std::string_view name);
std::optional<Topic> parse_topic(std::string_view name);

// emergency and crisis: the routes that safety recall counts.
inline bool is_safety_route(Route route) { return route >= Route::crisis; }

// The error value of the triage module.
struct TriageError {
    std::string code;    // stable, e.g. "triage.bad_pack"
    std::string message; // what is wrong, and where
    std::string pointer; // "<document>#<JSON pointer>", or empty
};

} // namespace machiba::triage
