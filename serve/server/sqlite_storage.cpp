// SqliteStorage: opens the database in WAL mode, applies migrations, answers queries.
#include "serve/server/sqlite_storage.hpp"

#include "serve/server/migrations.hpp"

#include <chrono>
#include <utility>

namespace machiba::server {

namespace {

std::int64_t now_milliseconds()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Every connection gets the same settings. synchronous=FULL in WAL mode fsyncs the log at every
// commit, so an opinion acknowledged with 201 survives a power cut, not only a crash of the
// process (NORMAL would lose the last commits on power loss). The cost of that fsync is shared
// by many opinions at once through group commit in the writer.
void configure(SqliteConnection& connection)
{
    connection.execute("PRAGMA journal_mode = WAL");
    connection.execute("PRAGMA synchronous = FULL");
    connection.execute("PRAGMA foreign_keys = ON");
}

} // namespace

SqliteStorage::SqliteStorage(std::string path)
    : m_path(std::move(path))
{
    m_connection = std::make_unique<SqliteConnection>(m_path);
    configure(*m_connection);
}

SqliteStorage::~SqliteStorage() = default;

void SqliteStorage::migrate()
{
    std::lock_guard lock(m_mutex);
    auto& connection = *m_connection;
    connection.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                       "version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                       "applied_at INTEGER NOT NULL)");

    // 1. Find where this database stands.
    int current = 0;
    {
        auto statement = connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
        if (statement.step())
            current = static_cast<int>(statement.column_int(0));
    }

    // 2. Apply each newer migration in its own transaction, so that a failure leaves the
    // database at the last version that applied completely.
    for (auto const& migration : sqlite_migrations()) {
        if (migration.version <= current)
            continue;
        SqliteTransaction transaction(connection);
        connection.execute(migration.sql);
        connection.prepare("INSERT INTO schema_version (version, description, applied_at) "
                           "VALUES (?, ?, ?)")
            .bind(1, migration.version)
            .bind(2, migration.description)
            .bind(3, now_milliseconds())
            .run();
        transaction.commit();
    }
}

int SqliteStorage::schema_version()
{
    std::lock_guard lock(m_mutex);
    auto statement = m_connection->prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    return statement.step() ? static_cast<int>(statement.column_int(0)) : 0;
}

bool SqliteStorage::healthy()
{
    std::lock_guard lock(m_mutex);
    try {
        auto statement = m_connection->prepare("SELECT 1");
        return statement.step() && statement.column_int(0) == 1;
    } catch (SqliteError const&) {
        return false;
    }
}

bool SqliteStorage::is_empty()
{
    std::lock_guard lock(m_mutex);
    auto statement = m_connection->prepare("SELECT COUNT(*) FROM campaigns");
    return statement.step() && statement.column_int(0) == 0;
}

} // namespace machiba::server
