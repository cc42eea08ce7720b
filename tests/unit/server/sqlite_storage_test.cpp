// SqliteStorage: WAL mode, migrations applied once and recorded, a health probe.
#include "serve/server/migrations.hpp"
#include "serve/server/sqlite_storage.hpp"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <random>

using namespace machiba::server;

namespace {

std::filesystem::path temporary_database()
{
    auto folder = std::filesystem::temp_directory_path() /
        ("machiba-storage-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(folder);
    return folder / "test.sqlite3";
}

} // namespace

TEST_CASE("migrations bring a new database to the last version, once", "[storage]")
{
    auto path = temporary_database();
    {
        SqliteStorage storage(path.string());
        storage.migrate();
        CHECK(storage.schema_version() == sqlite_migrations().back().version);
        CHECK(storage.healthy());
        CHECK(storage.is_empty());
    }
    {
        // A second start finds everything in place and applies nothing twice.
        SqliteStorage storage(path.string());
        storage.migrate();
        CHECK(storage.schema_version() == sqlite_migrations().back().version);
        SqliteConnection connection(path.string());
        auto count = connection.prepare("SELECT COUNT(*) FROM schema_version");
        REQUIRE(count.step());
        CHECK(count.column_int(0) == static_cast<std::int64_t>(sqlite_migrations().size()));
        auto mode = connection.prepare("PRAGMA journal_mode");
        REQUIRE(mode.step());
        CHECK(mode.column_text(0) == "wal");
    }
    std::filesystem::remove_all(path.parent_path());
}

TEST_CASE("migration versions are strictly increasing", "[storage]")
{
    int previous = 0;
    for (auto const& migration : sqlite_migrations()) {
        CHECK(migration.version == previous + 1);
        previous = migration.version;
    }
}

TEST_CASE("a database that cannot be opened is an error, not a crash", "[storage]")
{
    CHECK_THROWS_AS(SqliteStorage("/nonexistent-folder/x/y.sqlite3"), SqliteError);
}
