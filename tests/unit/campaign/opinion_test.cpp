// Opinion validation: a table of cases in opinion_cases.json, plus the length limit counted in
// characters, and idempotency keys.
#include "shared/campaign/campaign_limits.hpp"
#include "shared/campaign/opinion.hpp"

#include <catch2/catch_test_macros.hpp>

#include <fstream>

using namespace machiba::campaign;

namespace {

nlohmann::json read_json(std::string const& relative)
{
    std::ifstream input(std::string(MACHIBA_SOURCE_DIR) + "/" + relative);
    REQUIRE(input);
    auto document = nlohmann::json::parse(input, nullptr, false);
    REQUIRE_FALSE(document.is_discarded());
    return document;
}

Campaign parks_campaign()
{
    auto parsed =
        parse_campaign(read_json("assets/campaigns/neighbourhood-parks-2026.json")["campaign"]);
    REQUIRE(parsed.problems.empty());
    return *parsed.campaign;
}

Demographics demographics()
{
    auto parsed = parse_demographics(read_json("assets/campaigns/demographics.json"));
    REQUIRE(parsed.problems.empty());
    return *parsed.demographics;
}

} // namespace

TEST_CASE("opinions are validated with a pointer and a code for every problem", "[opinion]")
{
    auto campaign = parks_campaign();
    auto known = demographics();
    auto table = read_json("tests/unit/campaign/opinion_cases.json");
    REQUIRE(table["cases"].size() >= 20);

    for (auto const& test : table["cases"]) {
        INFO(test["name"].get<std::string>());
        auto result = parse_opinion(test["body"], campaign, known);
        std::vector<std::pair<std::string, std::string>> found;
        for (auto const& problem : result.problems) {
            CHECK_FALSE(problem.message.empty());
            found.emplace_back(problem.pointer, problem.code);
        }
        std::vector<std::pair<std::string, std::string>> expected;
        for (auto const& problem : test["problems"])
            expected.emplace_back(problem[0].get<std::string>(), problem[1].get<std::string>());
        CHECK(found == expected);
        CHECK(result.opinion.has_value() == expected.empty());
    }
}

TEST_CASE("the length limit of a text answer counts characters, not bytes", "[opinion]")
{
    auto campaign = parks_campaign();
    auto known = demographics();
    auto const* comment = campaign.find_question("comment");
    REQUIRE(comment);
    REQUIRE(comment->max_length == 800);

    std::string at_limit;
    for (std::size_t i = 0; i < comment->max_length; ++i)
        at_limit += "公"; // three bytes each
    nlohmann::json body = {{"answers", {{"satisfaction", 3}, {"frequency", "daily"},
                                           {"comment", at_limit}}}};
    CHECK(parse_opinion(body, campaign, known).problems.empty());

    body["answers"]["comment"] = at_limit + "園";
    auto over = parse_opinion(body, campaign, known);
    REQUIRE(over.problems.size() == 1);
    CHECK(over.problems[0].code == "too_long");
    CHECK(over.problems[0].pointer == "/answers/comment");
}

TEST_CASE("a valid opinion keeps its answers with their types", "[opinion]")
{
    auto campaign = parks_campaign();
    nlohmann::json body = {{"answers", {{"satisfaction", 4}, {"frequency", "weekly"},
                                           {"wishes", {"shade", "events"}}, {"comment", "よい"}}},
        {"district", "yashio"}};
    auto result = parse_opinion(body, campaign, demographics());
    REQUIRE(result.opinion);
    auto const& opinion = *result.opinion;
    CHECK(std::get<std::int64_t>(opinion.answers.at("satisfaction")) == 4);
    CHECK(std::get<std::string>(opinion.answers.at("frequency")) == "weekly");
    CHECK(std::get<std::vector<std::string>>(opinion.answers.at("wishes")) ==
        std::vector<std::string> {"shade", "events"});
    CHECK(opinion.district == "yashio");
    CHECK_FALSE(opinion.age_band);

    auto written = to_json(opinion);
    CHECK(written["answers"]["wishes"] == nlohmann::json({"shade", "events"}));
    CHECK(written["age_band"].is_null());
}

TEST_CASE("idempotency keys are 8 to 128 URL-safe characters", "[opinion]")
{
    CHECK(is_valid_idempotency_key("0f8fad5b-d9cb-469f-a165-70867728950e"));
    CHECK(is_valid_idempotency_key("abcdEFGH"));
    CHECK_FALSE(is_valid_idempotency_key("short"));
    CHECK_FALSE(is_valid_idempotency_key(std::string(129, 'a')));
    CHECK_FALSE(is_valid_idempotency_key("has space in it"));
    CHECK_FALSE(is_valid_idempotency_key("ключ-ключ-ключ"));
}
