// Training and applying the learned second opinion of the router.
#include "shared/triage/route_model.hpp"

#include "shared/random/split_mix64.hpp"
#include "shared/text/normalize.hpp"
#include "shared/text/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace machiba::triage {

namespace {

using Json = nlohmann::json;

constexpr std::size_t route_count = 5;
constexpr std::size_t longest_gram = 3;

// The character 1-3-grams of the question folded as the lexicon folds it, with word edges kept
// as single spaces, each as a 64-bit FNV-1a hash of its code points; every third one is a 3-gram.
struct GramHash {
    std::uint64_t hash;
    bool trigram;
};

std::vector<GramHash> gram_hashes(std::string_view question)
{
    std::string const folded = text::fold_for_matching(question, {.keep_boundaries = true});
    std::vector<char32_t> letters;
    for (auto [c, offset] : text::CodePoints(folded))
        letters.push_back(c);
    while (!letters.empty() && letters.back() == U' ')
        letters.pop_back();
    auto const first = std::find_if(letters.begin(), letters.end(),
        [](char32_t c) { return c != U' '; });
    letters.erase(letters.begin(), first);

    std::vector<GramHash> out;
    out.reserve(letters.size() * longest_gram);
    for (std::size_t begin = 0; begin < letters.size(); ++begin) {
        std::uint64_t hash = 14695981039346656037ull;
        for (std::size_t n = 0; n < longest_gram && begin + n < letters.size(); ++n) {
            auto c = static_cast<std::uint32_t>(letters[begin + n]);
            for (int byte = 0; byte < 4; ++byte, c >>= 8) {
                hash ^= c & 0xFF;
                hash *= 1099511628211ull;
            }
            out.push_back({hash, n + 1 == longest_gram});
        }
    }
    return out;
}

using random::SplitMix64;

void softmax(RouteProbabilities& scores)
{
    double const top = *std::max_element(scores.begin(), scores.end());
    double sum = 0;
    for (auto& score : scores) {
        score = std::exp(score - top);
        sum += score;
    }
    for (auto& score : scores)
        score /= sum;
}

} // namespace

std::variant<RouteModelSettings, TriageError> RouteModelSettings::from_json(Json const& json)
{
    auto const bad = [](std::string const& key, std::string const& what) {
        return TriageError{"triage.bad_pack", "route_model.json#/" + key + ": " + what,
            "route_model.json#/" + key};
    };
    if (!json.is_object())
        return bad("", "must be an object");
    auto const number = [&](char const* key, double low, double high, double& out)
        -> std::optional<TriageError> {
        if (!json.contains(key) || !json.at(key).is_number())
            return bad(key, "must be a number");
        out = json.at(key).get<double>();
        if (!(out >= low && out <= high))
            return bad(key, "must be between " + std::to_string(low) + " and "
                + std::to_string(high));
        return std::nullopt;
    };

    RouteModelSettings settings;
    double epochs = 0, seed = 0;
    for (auto const& error : {number("epochs", 1, 1000, epochs),
             number("inverse_penalty", 1e-6, 1e6, settings.inverse_penalty),
             number("learning_rate", 1e-6, 100, settings.learning_rate),
             number("seed", 0, 9007199254740991.0, seed),
             number("fill_threshold", 0, 1, settings.fill_threshold),
             number("escalate_threshold", 0, 1, settings.escalate_threshold)}) {
        if (error)
            return *error;
    }
    settings.epochs = static_cast<int>(epochs);
    settings.seed = static_cast<std::uint64_t>(seed);
    return settings;
}

std::variant<std::vector<LabelledExample>, TriageError> parse_examples(std::string_view jsonl,
    std::string const& document)
{
    std::vector<LabelledExample> out;
    std::size_t number = 0;
    while (!jsonl.empty()) {
        auto const end = jsonl.find('\n');
        auto line = jsonl.substr(0, end);
        jsonl = end == std::string_view::npos ? std::string_view() : jsonl.substr(end + 1);
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;

        std::string const where = document + " line " + std::to_string(number);
        auto const bad = [&](std::string const& what) {
            return TriageError{"triage.bad_examples", where + ": " + what, where};
        };
        auto const json = Json::parse(line, nullptr, false);
        if (!json.is_object() || !json.contains("q") || !json.at("q").is_string())
            return bad("needs an object with the question as \"q\"");
        auto const& routes = json.value("routes", Json());
        auto const& first = routes.is_array() && !routes.empty() ? routes.front() : routes;
        auto const route = first.is_string() ? parse_route(first.get<std::string>())
                                             : std::nullopt;
        if (!route)
            return bad("\"routes\" must name a route, or a list of routes");
        out.push_back({json.at("q").get<std::string>(), *route});
    }
    return out;
}

RouteModel RouteModel::train(std::vector<LabelledExample> const& examples,
    RouteModelSettings const& settings)
{
    RouteModel model;

    // 1. The vocabulary, in the order n-grams first appear, and how many questions hold each.
    std::vector<double> document_frequency;
    for (auto const& example : examples) {
        auto hashes = gram_hashes(example.question);
        std::vector<std::uint32_t> seen;
        for (auto const gram : hashes) {
            auto const [at, added] = model.m_vocabulary.try_emplace(gram.hash,
                static_cast<std::uint32_t>(document_frequency.size()));
            if (added)
                document_frequency.push_back(0);
            seen.push_back(at->second);
        }
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (auto const index : seen)
            document_frequency[index] += 1;
    }

    // 2. Smoothed inverse document frequency, as the prototype's tf-idf had it.
    double const documents = static_cast<double>(examples.size());
    model.m_idf.resize(document_frequency.size());
    for (std::size_t i = 0; i < document_frequency.size(); ++i)
        model.m_idf[i] = std::log((1 + documents) / (1 + document_frequency[i])) + 1;

    std::vector<std::vector<Feature>> rows;
    rows.reserve(examples.size());
    for (auto const& example : examples)
        rows.push_back(model.features(example.question).list);

    // 3. Stochastic gradient descent on the summed cross-entropy plus |w|^2 / 2C. The penalty is
    //    spread over the examples and applied lazily through one scale for all weights, so a step
    //    costs only the question's own features.
    model.m_weights.assign(model.m_idf.size() * route_count, 0.0);
    auto& weights = model.m_weights;
    auto& bias = model.m_bias;
    double scale = 1;
    double const penalty = 1 / (settings.inverse_penalty * std::max(documents, 1.0));
    std::vector<std::size_t> order(examples.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    SplitMix64 random(settings.seed);
    for (int epoch = 0; epoch < settings.epochs; ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[random.next() % i]);
        double const rate = settings.learning_rate / (1 + epoch);
        for (auto const index : order) {
            auto const& row = rows[index];
            RouteProbabilities scores = bias;
            for (auto const& feature : row) {
                double const* w = &weights[feature.index * route_count];
                for (std::size_t k = 0; k < route_count; ++k)
                    scores[k] += scale * w[k] * feature.value;
            }
            softmax(scores);
            scores[static_cast<std::size_t>(examples[index].route)] -= 1;

            scale *= 1 - rate * penalty;
            for (auto const& feature : row) {
                double* w = &weights[feature.index * route_count];
                for (std::size_t k = 0; k < route_count; ++k)
                    w[k] -= rate * scores[k] * feature.value / scale;
            }
            for (std::size_t k = 0; k < route_count; ++k)
                bias[k] -= rate * scores[k];
            if (scale < 1e-9) {
                for (auto& w : weights)
                    w *= scale;
                scale = 1;
            }
        }
    }
    for (auto& w : weights)
        w *= scale;
    return model;
}

RouteModel::Features RouteModel::features(std::string_view question) const
{
    // 1. Count the known n-grams.
    Features out;
    std::vector<std::uint32_t> indices;
    for (auto const gram : gram_hashes(question)) {
        auto const found = m_vocabulary.find(gram.hash);
        if (found == m_vocabulary.end())
            continue;
        indices.push_back(found->second);
        out.known_trigrams += gram.trigram;
    }
    std::sort(indices.begin(), indices.end());

    // 2. Sublinear term frequency times idf, scaled to unit length.
    for (std::size_t i = 0; i < indices.size();) {
        std::size_t j = i;
        while (j < indices.size() && indices[j] == indices[i])
            ++j;
        double const frequency = 1 + std::log(static_cast<double>(j - i));
        out.list.push_back({indices[i], frequency * m_idf[indices[i]]});
        i = j;
    }
    double length = 0;
    for (auto const& feature : out.list)
        length += feature.value * feature.value;
    length = std::sqrt(length);
    for (auto& feature : out.list)
        feature.value /= length;
    return out;
}

std::optional<RouteProbabilities> RouteModel::probabilities(std::string_view question) const
{
    auto const known = features(question);
    if (known.known_trigrams == 0)
        return std::nullopt;

    RouteProbabilities scores = m_bias;
    for (auto const& feature : known.list) {
        double const* w = &m_weights[feature.index * route_count];
        for (std::size_t k = 0; k < route_count; ++k)
            scores[k] += w[k] * feature.value;
    }
    softmax(scores);
    return scores;
}

} // namespace machiba::triage
