// What the router says about one question: route, topic, the help to show in order, the crisis
// card, a follow-up question, articles, and the signals that led there (for staff and tests).
#pragma once

#include "shared/triage/lexicon.hpp"
#include "shared/triage/route.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace machiba::triage {

class TriagePack;

struct MatchedSignal {
    std::string id;
    MatchStatus status = MatchStatus::firm;
    std::optional<Route> route;
    std::optional<Topic> topic;
    std::string text; // the words of the question that matched
};

// What the learned second opinion did to the lexicon's route.
enum class ModelEffect {
    none,      // the lexicon's route stands
    filled,    // the lexicon found no firm route signal and the model's route was taken
    escalated, // the model was sure enough of a danger that the lexicon ranked lower
};

std::string_view model_effect_name(ModelEffect effect);

struct TriageResult {
    Route route = Route::consult;
    Topic topic = Topic::mind;
    std::vector<std::string> resources;        // ids, most important first
    bool crisis_card = false;                  // shown although the route is lower than crisis
    std::vector<std::string> crisis_resources; // the crisis card's resources, when shown
    std::string follow_up;                     // id of a follow-up question, or empty
    std::vector<std::string> articles;         // ids of self-help articles
    std::vector<MatchedSignal> signals;
    ModelEffect model = ModelEffect::none;
    std::int64_t evaluated_at_ms = 0;          // the time "open now" was computed for
};

std::string_view match_status_name(MatchStatus status);

// The result as the command line prints it and the app reads it; opening states of the
// resources shown are computed for result.evaluated_at_ms. Texts come in `language`.
nlohmann::json to_json(TriageResult const& result, TriagePack const& pack,
    std::string_view language);

} // namespace machiba::triage
