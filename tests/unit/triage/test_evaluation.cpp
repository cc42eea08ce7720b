// The evaluation of issue 4: the labelled questions in assets/triage/examples.jsonl, each with its
// acceptable routes and topic(s). Prints safety recall, route accuracy and topic accuracy, and
// fails below 100% safety recall or 90% route accuracy. The route model learns from the same
// questions, so a 5-fold cross-validation also prints what it adds on questions it has not seen.
#include "triage_fixture.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

using namespace machiba::triage;

namespace {

struct LabelledQuestion {
    std::size_t line = 0;
    std::string question;
    std::vector<Route> routes;
    std::vector<Topic> topics;
};

std::vector<std::string> one_or_many(nlohmann::json const& value)
{
    if (value.is_string())
        return {value.get<std::string>()};
    return value.get<std::vector<std::string>>();
}

std::vector<LabelledQuestion> labelled_questions()
{
    std::ifstream in(std::string(MACHIBA_SOURCE_DIR) + "/assets/triage/examples.jsonl");
    std::vector<LabelledQuestion> out;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty())
            continue;
        auto const json = nlohmann::json::parse(line, nullptr, false);
        INFO("examples.jsonl line " << number);
        REQUIRE(!json.is_discarded());
        LabelledQuestion labelled{number, json.at("q").get<std::string>(), {}, {}};
        for (auto const& name : one_or_many(json.at("routes"))) {
            auto const route = parse_route(name);
            REQUIRE(route);
            labelled.routes.push_back(*route);
        }
        for (auto const& name : one_or_many(json.at("topic"))) {
            auto const topic = parse_topic(name);
            REQUIRE(topic);
            labelled.topics.push_back(*topic);
        }
        out.push_back(std::move(labelled));
    }
    return out;
}

template <typename T>
bool contains(std::vector<T> const& list, T value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

} // namespace

TEST_CASE("the labelled questions meet the issue's figures", "[triage][evaluation]")
{
    auto const questions = labelled_questions();
    REQUIRE(questions.size() >= 300);

    // 1. Route every question and count.
    std::size_t safety_cases = 0, safety_kept = 0, routes_right = 0, topics_right = 0;
    std::vector<std::string> misses;
    for (auto const& labelled : questions) {
        auto const result = triage(labelled.question);
        bool const safety_case = std::all_of(labelled.routes.begin(), labelled.routes.end(),
            [](Route route) { return is_safety_route(route); });
        if (safety_case) {
            ++safety_cases;
            if (is_safety_route(result.route))
                ++safety_kept;
            else
                misses.push_back("SAFETY line " + std::to_string(labelled.line) + ": "
                    + labelled.question + " -> " + std::string(route_name(result.route)));
        }
        bool const route_right = contains(labelled.routes, result.route);
        bool const topic_right = contains(labelled.topics, result.topic);
        routes_right += route_right;
        topics_right += topic_right;
        if (!route_right || !topic_right)
            misses.push_back("line " + std::to_string(labelled.line) + ": " + labelled.question
                + " -> " + std::string(route_name(result.route)) + "/"
                + std::string(topic_name(result.topic)));
    }

    // 2. Print the figures, and what missed, so a failing run says why.
    auto const percent = [](std::size_t part, std::size_t whole) {
        return whole == 0 ? 100.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    };
    double const safety_recall = percent(safety_kept, safety_cases);
    double const route_accuracy = percent(routes_right, questions.size());
    double const topic_accuracy = percent(topics_right, questions.size());
    std::printf("triage evaluation: %zu questions, %zu safety cases\n", questions.size(),
        safety_cases);
    std::printf("  safety recall  %6.2f%% (%zu/%zu)\n", safety_recall, safety_kept, safety_cases);
    std::printf("  route accuracy %6.2f%% (%zu/%zu)\n", route_accuracy, routes_right,
        questions.size());
    std::printf("  topic accuracy %6.2f%% (%zu/%zu)\n", topic_accuracy, topics_right,
        questions.size());
    for (auto const& miss : misses)
        std::printf("  miss: %s\n", miss.c_str());

    // 3. The thresholds of the issue.
    CHECK(safety_cases >= 100);
    CHECK(safety_recall == 100.0);
    CHECK(route_accuracy >= 90.0);
}

TEST_CASE("cross-validated, the route model adds to the lexicon on questions it has not seen",
    "[triage][evaluation]")
{
    auto const questions = labelled_questions();
    auto const& pack = triage_pack();
    constexpr std::size_t folds = 5;

    // 1. Each fifth of the questions (every fifth line) is routed by the lexicon alone and by the
    //    lexicon with a model trained on the other four fifths; the lexicon is the same in both.
    struct Tally {
        std::size_t safety_cases = 0, safety_kept = 0, routes_right = 0, changed = 0;
        std::size_t fixed = 0, broken = 0; // changes by the model that made a route right, wrong
    };
    Tally alone, with_model;
    for (std::size_t fold = 0; fold < folds; ++fold) {
        std::vector<LabelledExample> training;
        for (std::size_t i = 0; i < questions.size(); ++i) {
            if (i % folds != fold)
                training.push_back({questions[i].question, questions[i].routes.front()});
        }
        auto const model = RouteModel::train(training, pack.route_model_settings());
        Router const lexicon_router(pack, nullptr);
        Router const model_router(pack, &model);
        for (std::size_t i = fold; i < questions.size(); i += folds) {
            auto const& labelled = questions[i];
            bool const safety_case = std::all_of(labelled.routes.begin(), labelled.routes.end(),
                [](Route route) { return is_safety_route(route); });
            auto const lexicon = lexicon_router.route(labelled.question, thursday_evening());
            for (auto* tally : {&alone, &with_model}) {
                auto const result = tally == &alone
                    ? lexicon
                    : model_router.route(labelled.question, thursday_evening());
                tally->safety_cases += safety_case;
                tally->safety_kept += safety_case && is_safety_route(result.route);
                tally->routes_right += contains(labelled.routes, result.route);
                tally->changed += result.model != ModelEffect::none;
                bool const right = contains(labelled.routes, result.route);
                bool const lexicon_right = contains(labelled.routes, lexicon.route);
                tally->fixed += right && !lexicon_right;
                tally->broken += lexicon_right && !right;
            }
        }
    }

    // 2. The figures side by side. The lexicon was written while reading these questions, so it
    //    is not held out here; only the model is. The held-out rounds are the honest test of both.
    auto const percent = [](std::size_t part, std::size_t whole) {
        return whole == 0 ? 100.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    };
    std::printf("triage 5-fold cross-validation: %zu questions, %zu safety cases\n",
        questions.size(), alone.safety_cases);
    for (auto const& [name, tally] : {std::pair{"lexicon alone  ", alone},
             std::pair{"lexicon + model", with_model}}) {
        std::printf("  %s route accuracy %6.2f%%, safety recall %6.2f%% (%zu/%zu); model changed "
                    "%zu routes (%zu made right, %zu made wrong)\n",
            name, percent(tally.routes_right, questions.size()),
            percent(tally.safety_kept, tally.safety_cases), tally.safety_kept,
            tally.safety_cases, tally.changed, tally.fixed, tally.broken);
    }

    // 3. The model only ever raises a route to safety, so it can never lose a safety case.
    CHECK(alone.changed == 0);
    CHECK(with_model.safety_kept >= alone.safety_kept);
}
