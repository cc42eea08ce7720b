// Names of routes and topics as the pack, the command line and the app write them.
#include "shared/triage/route.hpp"

#include <array>

namespace machiba::triage {

namespace {

constexpr std::array<std::string_view, 5> route_names = {
    "self_care", "consult", "urgent", "crisis", "emergency"};
constexpr std::array<std::string_view, 3> topic_names = {"mind", "body", "sex"};

} // namespace

std::string_view route_name(Route route) { return route_names[static_cast<std::size_t>(route)]; }

std::string_view topic_name(Topic topic) { return topic_names[static_cast<std::size_t>(topic)]; }

std::optional<Route> parse_route(std::string_view name)
{
    for (std::size_t i = 0; i < route_names.size(); ++i) {
        if (route_names[i] == name)
            return static_cast<Route>(i);
    }
    return std::nullopt;
}

std::optional<Topic> parse_topic(std::string_view name)
{
    for (std::size_t i = 0; i < topic_names.size(); ++i) {
        if (topic_names[i] == name)
            return static_cast<Topic>(i);
    }
    return std::nullopt;
}

} // namespace machiba::triage
