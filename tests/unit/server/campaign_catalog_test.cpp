// CampaignCatalog: cached for a second, read again when due, dropped at once on invalidate.
#include "serve/server/api_response.hpp"
#include "serve/server/campaign_catalog.hpp"
#include "serve/server/sqlite_storage.hpp"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

using namespace machiba::server;

namespace {

StoredCampaign parks_with_title(std::string const& title)
{
    std::ifstream input(std::string(MACHIBA_SOURCE_DIR) +
        "/assets/campaigns/neighbourhood-parks-2026.json");
    auto file = nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(input), {}));
    auto document = file["campaign"];
    document["title"]["en"] = title;
    auto parsed = machiba::campaign::parse_campaign(document);
    REQUIRE(parsed.campaign);
    return {parsed.campaign->id, "published", parsed.campaign->starts_at,
        parsed.campaign->ends_at, dump_json(machiba::campaign::to_json(*parsed.campaign)), 1, 0};
}

} // namespace

TEST_CASE("the campaign cache is read again when due, and at once after invalidate", "[catalog]")
{
    auto folder = std::filesystem::temp_directory_path() /
        ("machiba-catalog-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(folder);
    {
        SqliteStorage storage((folder / "test.sqlite3").string());
        storage.migrate();
        machiba::platform::FixedClock clock(1'000'000);
        CampaignCatalog catalog(storage, clock);

        REQUIRE(storage.create_campaign(parks_with_title("first")) == CampaignWrite::ok);
        auto entry = catalog.find("neighbourhood-parks-2026");
        REQUIRE(entry);
        CHECK(entry->campaign.title.en == "first");
        CHECK(entry->public_text[1].find("\"accepting_opinions\":true") != std::string::npos);
        CHECK_FALSE(catalog.find("no-such-campaign"));

        // Changed behind the cache's back: seen only after a second.
        REQUIRE(storage.update_campaign(parks_with_title("second"), std::nullopt) ==
            CampaignWrite::ok);
        clock.set(1'000'500);
        CHECK(catalog.find("neighbourhood-parks-2026")->campaign.title.en == "first");
        clock.set(1'001'001);
        CHECK(catalog.find("neighbourhood-parks-2026")->campaign.title.en == "second");

        // Unchanged when due: the same parsed entry is kept.
        auto kept = catalog.find("neighbourhood-parks-2026");
        clock.set(1'002'500);
        CHECK(catalog.find("neighbourhood-parks-2026") == kept);

        // Changed through this server: seen at once.
        REQUIRE(storage.update_campaign(parks_with_title("third"), std::nullopt) ==
            CampaignWrite::ok);
        catalog.invalidate("neighbourhood-parks-2026");
        CHECK(catalog.find("neighbourhood-parks-2026")->campaign.title.en == "third");
        CHECK(catalog.all().size() == 1);
    }
    std::filesystem::remove_all(folder);
}
