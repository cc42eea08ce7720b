// SqliteStorage with opinions: group commit under concurrency, idempotency keys inside one group,
// a failing write undoing only itself, likes once per device, paging and filters.
#include "serve/server/sqlite_storage.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace machiba::server;

namespace {

struct TemporaryStorage {
    std::filesystem::path folder = std::filesystem::temp_directory_path() /
        ("machiba-opinions-" + std::to_string(std::random_device()()));
    std::unique_ptr<SqliteStorage> storage;

    TemporaryStorage()
    {
        std::filesystem::create_directories(folder);
        storage = std::make_unique<SqliteStorage>((folder / "test.sqlite3").string());
        storage->migrate();
        REQUIRE(storage->create_campaign({"parks", "published", 0, 1, "{}", 1, 1}) ==
            CampaignWrite::ok);
    }
    ~TemporaryStorage()
    {
        storage.reset();
        std::filesystem::remove_all(folder);
    }
};

NewOpinion opinion(std::string key, std::string answers = R"({"comment":"x"})")
{
    NewOpinion row;
    row.campaign_id = "parks";
    row.idempotency_key = std::move(key);
    row.request_hash = answers;
    row.answers = std::move(answers);
    row.received_at = 1000;
    return row;
}

} // namespace

TEST_CASE("concurrent opinions share commits, and every one is stored", "[storage][opinions]")
{
    TemporaryStorage temporary;
    auto& storage = *temporary.storage;
    auto before = storage.writer_statistics();

    constexpr int writers = 16;
    constexpr int per_writer = 40;
    std::vector<std::thread> threads;
    std::mutex ids_mutex;
    std::set<std::int64_t> ids;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            for (int i = 0; i < per_writer; ++i) {
                auto result = storage.insert_opinion(
                    opinion("key-" + std::to_string(w) + "-" + std::to_string(i)));
                std::lock_guard lock(ids_mutex);
                ids.insert(result.opinion.id);
            }
        });
    }
    for (auto& thread : threads)
        thread.join();

    CHECK(ids.size() == writers * per_writer);
    OpinionQuery query;
    query.campaign_id = "parks";
    query.limit = 10000;
    CHECK(storage.list_opinions(query).items.size() == writers * per_writer);
    auto after = storage.writer_statistics();
    CHECK(after.writes - before.writes == writers * per_writer);
    CHECK(after.commits - before.commits < after.writes - before.writes); // some were grouped
}

TEST_CASE("a key sent again is a replay, or a reuse when the body differs",
    "[storage][opinions]")
{
    TemporaryStorage temporary;
    auto& storage = *temporary.storage;
    auto first = storage.insert_opinion(opinion("same-key-1"));
    CHECK(first.outcome == OpinionInsertOutcome::created);

    // Many retries at once, likely in one group, still find the one row.
    std::vector<std::thread> threads;
    std::vector<OpinionInsertOutcome> outcomes(8);
    for (int i = 0; i < 8; ++i)
        threads.emplace_back(
            [&, i] { outcomes[i] = storage.insert_opinion(opinion("k2-xxxxx")).outcome; });
    for (auto& thread : threads)
        thread.join();
    CHECK(std::count(outcomes.begin(), outcomes.end(), OpinionInsertOutcome::created) == 1);
    CHECK(std::count(outcomes.begin(), outcomes.end(), OpinionInsertOutcome::replayed) == 7);

    auto replay = storage.insert_opinion(opinion("same-key-1"));
    CHECK(replay.outcome == OpinionInsertOutcome::replayed);
    CHECK(replay.opinion.id == first.opinion.id);
    auto reused = storage.insert_opinion(opinion("same-key-1", R"({"comment":"other"})"));
    CHECK(reused.outcome == OpinionInsertOutcome::key_reused);

    auto found = storage.find_opinion_by_key("parks", "same-key-1");
    REQUIRE(found);
    CHECK(found->first.id == first.opinion.id);
    CHECK(found->second == R"({"comment":"x"})");
}

TEST_CASE("a write that fails undoes only itself", "[storage][opinions]")
{
    TemporaryStorage temporary;
    auto& storage = *temporary.storage;
    auto orphan = opinion("orphan-key");
    orphan.campaign_id = "no-such-campaign"; // the foreign key refuses it
    CHECK_THROWS_AS(storage.insert_opinion(orphan), SqliteError);
    auto fine = storage.insert_opinion(opinion("fine-key-1"));
    CHECK(fine.outcome == OpinionInsertOutcome::created);
    OpinionQuery query;
    query.campaign_id = "parks";
    CHECK(storage.list_opinions(query).items.size() == 1);
}

TEST_CASE("likes count once per device; paging and filters select the right rows",
    "[storage][opinions]")
{
    TemporaryStorage temporary;
    auto& storage = *temporary.storage;
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 5; ++i) {
        auto row = opinion("page-key-" + std::to_string(i),
            i % 2 ? R"({"comment":"shade"})" : R"({"comment":"light"})");
        row.district = i < 2 ? "oi" : "ebara";
        ids.push_back(storage.insert_opinion(row).opinion.id);
    }

    std::int64_t likes = 0;
    CHECK(storage.add_like(ids[0], "device-a", 1, likes) == LikeOutcome::added);
    CHECK(storage.add_like(ids[0], "device-a", 2, likes) == LikeOutcome::already_liked);
    CHECK(storage.add_like(ids[0], "device-b", 3, likes) == LikeOutcome::added);
    CHECK(likes == 2);
    CHECK(storage.add_like(999, "device-a", 4, likes) == LikeOutcome::not_found);

    OpinionQuery query;
    query.campaign_id = "parks";
    query.limit = 2;
    auto page = storage.list_opinions(query);
    REQUIRE(page.items.size() == 2);
    CHECK(page.items[0].id == ids[4]);
    REQUIRE(page.next_before_id);
    query.before_id = page.next_before_id;
    page = storage.list_opinions(query);
    CHECK(page.items[0].id == ids[2]);

    OpinionQuery filtered;
    filtered.campaign_id = "parks";
    filtered.district = "oi";
    filtered.text = "shade";
    auto found = storage.list_opinions(filtered);
    REQUIRE(found.items.size() == 1);
    CHECK(found.items[0].id == ids[1]);

    CHECK(storage.set_opinion_status(ids[1], OpinionStatus::published));
    filtered = {};
    filtered.campaign_id = "parks";
    filtered.status = OpinionStatus::published;
    CHECK(storage.list_opinions(filtered).items.size() == 1);
}
