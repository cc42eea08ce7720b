// A learned second opinion beside the lexicon: a multinomial logistic regression on character
// 1-3-grams of the folded question (tf-idf, unit length), trained when the pack loads from the
// labelled questions of assets/triage/examples.jsonl. Training is deterministic: a fixed order
// drawn from a fixed seed, a fixed number of passes, no threads.
#pragma once

#include "shared/triage/route.hpp"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace machiba::triage {

// How the model is trained and when the router listens to it (assets/triage/route_model.json).
struct RouteModelSettings {
    int epochs = 0;              // passes of stochastic gradient descent over the examples
    double inverse_penalty = 0;  // C: the L2 penalty is |w|^2 / (2C) over the summed loss
    double learning_rate = 0;    // the first step; step t of pass e is rate / (1 + e)
    std::uint64_t seed = 0;      // the order of the examples in each pass
    double fill_threshold = 0;   // no firm route signal: take the model's route above this
    double escalate_threshold = 0; // P(emergency) + P(crisis) above this lifts a lower route

    static std::variant<RouteModelSettings, TriageError> from_json(nlohmann::json const& json);
};

struct LabelledExample {
    std::string question;
    Route route = Route::consult; // the first acceptable route of the label
};

// Reads JSONL lines {"q": ..., "routes": name or [names], ...}; blank lines are skipped.
std::variant<std::vector<LabelledExample>, TriageError> parse_examples(std::string_view jsonl,
    std::string const& document = "examples.jsonl");

using RouteProbabilities = std::array<double, 5>; // indexed by Route

class RouteModel {
public:
    static RouteModel train(std::vector<LabelledExample> const& examples,
        RouteModelSettings const& settings);

    // The probability of each route; none when the question holds no three letters in a row
    // that training saw (empty, only punctuation, "aaaa"): the model has no opinion there.
    std::optional<RouteProbabilities> probabilities(std::string_view question) const;

    std::size_t feature_count() const { return m_idf.size(); }

private:
    struct Feature {
        std::uint32_t index;
        double value;
    };
    struct Features {
        std::vector<Feature> list;
        std::size_t known_trigrams = 0;
    };

    // The n-grams of the question that training saw, weighted and scaled to unit length.
    Features features(std::string_view question) const;

    std::unordered_map<std::uint64_t, std::uint32_t> m_vocabulary; // n-gram hash -> index
    std::vector<double> m_idf;
    std::vector<double> m_weights; // feature-major: 5 routes per feature
    RouteProbabilities m_bias{};
};

} // namespace machiba::triage
