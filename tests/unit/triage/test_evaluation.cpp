// The evaluation of issue 4: the labelled questions in labelled_questions.jsonl, each with its
// acceptable routes and topic(s). Prints safety recall, route accuracy and topic accuracy, and
// fails below 100% safety recall or 90% route accuracy.
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
    std::ifstream in(std::string(MACHIBA_SOURCE_DIR) +
                     "/tests/unit/triage/labelled_questions.jsonl");
    std::vector<LabelledQuestion> out;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty())
            continue;
        auto const json = nlohmann::json::parse(line, nullptr, false);
        INFO("labelled_questions.jsonl line " << number);
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
