// Campaign documents: the seed files parse, a round trip keeps them, and each kind of mistake is
// reported at its own pointer.
#include "shared/campaign/campaign.hpp"

#include "shared/calendar/japan_time.hpp"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>

using namespace machiba::campaign;

namespace {

nlohmann::json read_json(std::filesystem::path const& path)
{
    std::ifstream input(path);
    REQUIRE(input);
    auto document = nlohmann::json::parse(input, nullptr, false);
    REQUIRE_FALSE(document.is_discarded());
    return document;
}

nlohmann::json parks_document()
{
    return read_json(std::string(MACHIBA_SOURCE_DIR) +
        "/assets/campaigns/neighbourhood-parks-2026.json")["campaign"];
}

std::vector<std::pair<std::string, std::string>> problems_of(nlohmann::json const& document)
{
    std::vector<std::pair<std::string, std::string>> found;
    for (auto const& problem : parse_campaign(document).problems)
        found.emplace_back(problem.pointer, problem.code);
    return found;
}

bool has_problem(nlohmann::json const& document, std::string const& pointer,
    std::string const& code)
{
    for (auto const& [where, what] : problems_of(document)) {
        if (where == pointer && what == code)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("every seed campaign in assets parses without problems and survives a round trip",
    "[campaign]")
{
    int seeds = 0;
    for (auto const& entry : std::filesystem::directory_iterator(std::string(MACHIBA_SOURCE_DIR) +
                                                                 "/assets/campaigns")) {
        if (entry.path().extension() != ".json")
            continue;
        auto file = read_json(entry.path());
        if (!file.contains("campaign"))
            continue;
        INFO(entry.path().filename().string());
        ++seeds;
        auto parsed = parse_campaign(file["campaign"]);
        for (auto const& problem : parsed.problems)
            UNSCOPED_INFO(problem.pointer << " " << problem.code << " " << problem.message);
        REQUIRE(parsed.problems.empty());

        auto again = parse_campaign(to_json(*parsed.campaign));
        REQUIRE(again.problems.empty());
        CHECK(to_json(*again.campaign) == to_json(*parsed.campaign));
    }
    CHECK(seeds >= 2);
}

TEST_CASE("the disaster-drill seed keeps the trial's theme and period in Japan time",
    "[campaign]")
{
    auto file = read_json(std::string(MACHIBA_SOURCE_DIR) +
        "/assets/campaigns/disaster-drill-2024.json");
    auto campaign = *parse_campaign(file["campaign"]).campaign;
    CHECK(campaign.title.ja == "あなたの声で品川の防災訓練をアップデート");
    CHECK(campaign.title.en == "Update Shinagawa's disaster drills with your voice");
    CHECK(campaign.status == CampaignStatus::closed);
    auto start = machiba::calendar::JapanTime::from_unix_ms(campaign.starts_at);
    auto last = machiba::calendar::JapanTime::from_unix_ms(campaign.ends_at - 1);
    CHECK(start.date.iso() == "2024-10-23");
    CHECK(start.minute_of_day == 0);
    CHECK(last.date.iso() == "2024-11-24");
    CHECK(campaign.outcome.ja.find("108") != std::string::npos);
}

TEST_CASE("a campaign accepts opinions only while published and inside its period",
    "[campaign]")
{
    auto campaign = *parse_campaign(parks_document()).campaign;
    auto at = [](char const* text) {
        return std::get<std::int64_t>(machiba::calendar::parse_iso8601(text));
    };
    CHECK(campaign.accepts_opinions(at("2026-12-03T12:00:00+09:00")));
    CHECK(campaign.accepts_opinions(at("2026-11-20T00:00:00+09:00")));
    CHECK_FALSE(campaign.accepts_opinions(at("2026-11-19T23:59:59+09:00")));
    CHECK_FALSE(campaign.accepts_opinions(at("2027-01-16T00:00:00+09:00"))); // the end is exclusive
    campaign.status = CampaignStatus::draft;
    CHECK_FALSE(campaign.accepts_opinions(at("2026-12-03T12:00:00+09:00")));
    CHECK_FALSE(campaign.is_public());
    campaign.status = CampaignStatus::closed;
    CHECK_FALSE(campaign.accepts_opinions(at("2026-12-03T12:00:00+09:00")));
    CHECK(campaign.is_public());
}

TEST_CASE("campaign mistakes are reported at their pointers", "[campaign]")
{
    SECTION("missing title and an English text left out")
    {
        auto document = parks_document();
        document.erase("title");
        document["summary"].erase("en");
        CHECK(has_problem(document, "/title", "required"));
        CHECK(has_problem(document, "/summary/en", "required"));
    }
    SECTION("a period that ends before it starts, and a time that is not one")
    {
        auto document = parks_document();
        document["period"]["end"] = "2026-11-01T00:00:00+09:00";
        CHECK(has_problem(document, "/period/end", "end_before_start"));
        document["period"]["start"] = "next tuesday";
        CHECK(has_problem(document, "/period/start", "invalid_time"));
    }
    SECTION("questions: duplicate ids, unknown type, too few choices, bad id")
    {
        auto document = parks_document();
        document["questions"][1]["id"] = "satisfaction";
        document["questions"][2]["type"] = "essay";
        document["questions"][3]["id"] = "Bad Id";
        document["questions"][3]["max_length"] = 0;
        CHECK(has_problem(document, "/questions/1/id", "duplicate_id"));
        CHECK(has_problem(document, "/questions/2/type", "unknown_type"));
        CHECK(has_problem(document, "/questions/3/id", "invalid_id"));
        CHECK(has_problem(document, "/questions/3/max_length", "out_of_range"));

        auto few = parks_document();
        few["questions"][1]["choices"] = nlohmann::json::array({few["questions"][1]["choices"][0]});
        CHECK(has_problem(few, "/questions/1/choices", "wrong_count"));

        auto duplicate = parks_document();
        duplicate["questions"][2]["choices"][1]["id"] = "shade";
        CHECK(has_problem(duplicate, "/questions/2/choices/1/id", "duplicate_id"));
    }
    SECTION("an image from another origin, and one without alternative text")
    {
        auto document = parks_document();
        document["slides"][0]["image"] = {{"source", "https://example.com/a.png"},
            {"alt", {{"ja", "地図"}, {"en", "Map"}}}};
        CHECK(has_problem(document, "/slides/0/image/source", "image_source_not_allowed"));
        document["slides"][0]["image"] = {{"source", "images/map.png"}};
        CHECK(has_problem(document, "/slides/0/image/alt", "required"));
        document["slides"][0]["image"] = {{"source", "images/map.png"},
            {"alt", {{"ja", "地図"}, {"en", "Map"}}}};
        CHECK(problems_of(document).empty());
    }
    SECTION("unknown fields and languages, a wrong status, no questions")
    {
        auto document = parks_document();
        document["colour"] = "red";
        document["title"]["fr"] = "Parcs";
        document["status"] = "live";
        document["questions"] = nlohmann::json::array();
        CHECK(has_problem(document, "/colour", "unknown_field"));
        CHECK(has_problem(document, "/title/fr", "unknown_language"));
        CHECK(has_problem(document, "/status", "unknown_status"));
        CHECK(has_problem(document, "/questions", "wrong_count"));
    }
    SECTION("not an object at all")
    {
        CHECK(problems_of(nlohmann::json::array()) ==
            std::vector<std::pair<std::string, std::string>> {{"", "wrong_type"}});
    }
}

TEST_CASE("localized text falls back to Japanese when English is empty", "[campaign]")
{
    LocalizedText text {"防災", ""};
    CHECK(text.in("en") == "防災");
    CHECK(text.in("ja") == "防災");
    text.en = "Disaster";
    CHECK(text.in("en") == "Disaster");
}
