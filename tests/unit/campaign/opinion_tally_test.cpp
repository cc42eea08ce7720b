// OpinionTally: counts per choice, per rating and per day in Japan time.
#include "shared/campaign/opinion_tally.hpp"

#include "shared/calendar/japan_time.hpp"

#include <catch2/catch_test_macros.hpp>

#include <fstream>

using namespace machiba::campaign;

TEST_CASE("a tally counts choices, ratings and Japan-time days", "[tally]")
{
    std::ifstream input(std::string(MACHIBA_SOURCE_DIR) +
        "/assets/campaigns/neighbourhood-parks-2026.json");
    auto campaign = *parse_campaign(nlohmann::json::parse(input)["campaign"]).campaign;
    auto at = [](char const* text) {
        return std::get<std::int64_t>(machiba::calendar::parse_iso8601(text));
    };

    OpinionTallyBuilder builder(campaign);
    builder.add({{"satisfaction", 4}, {"frequency", "daily"}, {"wishes", {"shade", "lighting"}}},
        at("2026-12-03T23:30:00+09:00"));
    builder.add({{"satisfaction", 2}, {"frequency", "daily"}, {"wishes", {"shade"}}},
        at("2026-12-03T15:10:00Z")); // 00:10 on 4 December in Japan
    builder.add({{"frequency", "rarely"}, {"comment", "x"}, {"satisfaction", "bad"}},
        at("2026-12-04T09:00:00+09:00"));
    auto const& tally = builder.tally();

    CHECK(tally.total == 3);
    CHECK(tally.per_day == std::map<std::string, std::int64_t> {{"2026-12-03", 1},
                               {"2026-12-04", 2}});
    auto const& satisfaction = tally.questions[0];
    CHECK(satisfaction.answered == 2); // "bad" is not a rating
    CHECK(satisfaction.ratings == std::array<std::int64_t, 5> {0, 1, 0, 1, 0});
    CHECK(satisfaction.rating_mean == 3.0);
    auto const& frequency = tally.questions[1];
    CHECK(frequency.choices[0] == std::pair<std::string, std::int64_t> {"daily", 2});
    CHECK(frequency.choices[3] == std::pair<std::string, std::int64_t> {"rarely", 1});
    auto const& wishes = tally.questions[2];
    CHECK(wishes.choices[0].second == 2);
    CHECK(wishes.choices[2].second == 1);
    CHECK(tally.questions[3].answered == 1);

    auto json = to_json(tally);
    CHECK(json["total"] == 3);
    CHECK(json["questions"][0]["ratings"] == nlohmann::json({0, 1, 0, 1, 0}));
}
