// SqliteStorage: WAL, migrations, the group-commit writer thread, and every query.
#include "serve/server/sqlite_storage.hpp"

#include "serve/server/migrations.hpp"

#include <pthread.h>

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
// process (NORMAL in WAL keeps the database consistent but may lose the last commits on power
// loss, which would break the promise of the 201). The cost of that fsync is shared by every
// write that waits for the same commit: see writer_loop.
void configure(SqliteConnection& connection)
{
    connection.execute("PRAGMA journal_mode = WAL");
    connection.execute("PRAGMA synchronous = FULL");
    connection.execute("PRAGMA foreign_keys = ON");
}

// The writer takes at most this many queued writes into one transaction, so that one commit
// never waits on an unbounded batch.
constexpr std::size_t max_group = 512;

std::string const opinion_columns =
    "id, campaign_id, answers, age_band, district, received_at, status, is_sample, likes, "
    "reply, reply_at, reply_by";

StoredOpinion read_opinion(SqliteStatement const& row)
{
    StoredOpinion opinion;
    opinion.id = row.column_int(0);
    opinion.campaign_id = row.column_text(1);
    opinion.answers = row.column_text(2);
    opinion.age_band = row.column_optional_text(3);
    opinion.district = row.column_optional_text(4);
    opinion.received_at = row.column_int(5);
    opinion.status = parse_opinion_status(row.column_text(6)).value_or(OpinionStatus::pending);
    opinion.is_sample = row.column_int(7) != 0;
    opinion.likes = row.column_int(8);
    opinion.reply = row.column_optional_text(9);
    if (!row.column_is_null(10))
        opinion.reply_at = row.column_int(10);
    opinion.reply_by = row.column_optional_text(11);
    return opinion;
}

std::string const campaign_columns =
    "id, status, starts_at, ends_at, document, revision, updated_at";

StoredCampaign read_campaign(SqliteStatement const& row)
{
    StoredCampaign campaign;
    campaign.id = row.column_text(0);
    campaign.status = row.column_text(1);
    campaign.starts_at = row.column_int(2);
    campaign.ends_at = row.column_int(3);
    campaign.document = row.column_text(4);
    campaign.revision = row.column_int(5);
    campaign.updated_at = row.column_int(6);
    return campaign;
}

std::string const staff_columns =
    "id, name, role, password_hash, failed_logins, locked_until, created_at";

StaffAccount read_staff(SqliteStatement const& row)
{
    StaffAccount account;
    account.id = row.column_int(0);
    account.name = row.column_text(1);
    account.role = row.column_text(2);
    account.password_hash = row.column_text(3);
    account.failed_logins = row.column_int(4);
    account.locked_until = row.column_int(5);
    account.created_at = row.column_int(6);
    return account;
}

} // namespace

char const* opinion_status_name(OpinionStatus status)
{
    switch (status) {
    case OpinionStatus::pending: return "pending";
    case OpinionStatus::published: return "published";
    case OpinionStatus::hidden: return "hidden";
    }
    return "pending";
}

std::optional<OpinionStatus> parse_opinion_status(std::string const& name)
{
    for (auto status : {OpinionStatus::pending, OpinionStatus::published, OpinionStatus::hidden}) {
        if (name == opinion_status_name(status))
            return status;
    }
    return std::nullopt;
}

SqliteStorage::SqliteStorage(std::string path)
    : m_path(std::move(path))
{
    m_writer_connection = std::make_unique<SqliteConnection>(m_path);
    configure(*m_writer_connection);
    m_writer = std::thread([this] {
        pthread_setname_np(pthread_self(), "machiba-writer"); // as top and perf show it
        writer_loop();
    });
}

SqliteStorage::~SqliteStorage()
{
    {
        std::lock_guard lock(m_queue_mutex);
        m_stopping = true;
    }
    m_queue_ready.notify_all();
    m_writer.join();
}

// 1. The writer thread and the reader pool.

void SqliteStorage::write(std::function<void(SqliteConnection&)> work)
{
    WriteJob job;
    job.work = std::move(work);
    auto committed = job.committed.get_future();
    {
        std::lock_guard lock(m_queue_mutex);
        if (m_stopping)
            throw SqliteError(0, "the database is closing");
        m_queue.push_back(&job);
    }
    m_queue_ready.notify_one();
    committed.get(); // rethrows the job's own error, or the group's
}

void SqliteStorage::writer_loop()
{
    auto& connection = *m_writer_connection;
    while (true) {
        // 1. Take everything that queued up while the last commit was being written.
        std::vector<WriteJob*> group;
        {
            std::unique_lock lock(m_queue_mutex);
            m_queue_ready.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                return;
            while (!m_queue.empty() && group.size() < max_group) {
                group.push_back(m_queue.front());
                m_queue.pop_front();
            }
        }

        // 2. One transaction; each job in a savepoint, so that one failing job (a constraint,
        // say) undoes only itself.
        std::exception_ptr group_error;
        try {
            connection.cached("BEGIN IMMEDIATE").run();
            for (auto* job : group) {
                connection.cached("SAVEPOINT job").run();
                try {
                    job->work(connection);
                    connection.cached("RELEASE job").run();
                } catch (...) {
                    job->error = std::current_exception();
                    connection.cached("ROLLBACK TO job").run();
                    connection.cached("RELEASE job").run();
                }
            }
            connection.cached("COMMIT").run();
        } catch (...) {
            group_error = std::current_exception();
            try {
                connection.execute("ROLLBACK");
            } catch (...) {
                // Already rolled back by SQLite itself after the failure.
            }
        }

        // 3. Only now, after the commit, do the waiting requests learn that they succeeded.
        {
            std::lock_guard lock(m_queue_mutex);
            m_statistics.commits += 1;
            m_statistics.writes += static_cast<std::int64_t>(group.size());
        }
        for (auto* job : group) {
            std::exception_ptr error = group_error ? group_error : job->error;
            if (error)
                job->committed.set_exception(error);
            else
                job->committed.set_value();
        }
    }
}

SqliteStorage::WriterStatistics SqliteStorage::writer_statistics()
{
    std::lock_guard lock(m_queue_mutex);
    return m_statistics;
}

SqliteStorage::ReadLease::ReadLease(SqliteStorage& storage)
    : m_storage(storage)
{
    {
        std::lock_guard lock(m_storage.m_readers_mutex);
        if (!m_storage.m_readers.empty()) {
            m_connection = std::move(m_storage.m_readers.back());
            m_storage.m_readers.pop_back();
        }
    }
    if (!m_connection) {
        m_connection = std::make_unique<SqliteConnection>(m_storage.m_path);
        m_connection->execute("PRAGMA query_only = ON");
    }
}

SqliteStorage::ReadLease::~ReadLease()
{
    m_connection->reset_cached();
    std::lock_guard lock(m_storage.m_readers_mutex);
    m_storage.m_readers.push_back(std::move(m_connection));
}

// 2. Life cycle.

void SqliteStorage::migrate()
{
    write([](SqliteConnection& connection) {
        connection.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                           "version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                           "applied_at INTEGER NOT NULL)");
        int current = 0;
        {
            auto statement =
                connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
            if (statement.step())
                current = static_cast<int>(statement.column_int(0));
        }

        // Each migration in its own savepoint: a failure leaves the database at the last
        // version that applied completely, and start-up stops with the error.
        for (auto const& migration : sqlite_migrations()) {
            if (migration.version <= current)
                continue;
            connection.execute("SAVEPOINT migration");
            connection.execute(migration.sql);
            connection
                .prepare("INSERT INTO schema_version (version, description, applied_at) "
                         "VALUES (?, ?, ?)")
                .bind(1, migration.version)
                .bind(2, migration.description)
                .bind(3, now_milliseconds())
                .run();
            connection.execute("RELEASE migration");
        }
    });
}

int SqliteStorage::schema_version()
{
    ReadLease connection(*this);
    auto& statement = connection->cached("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    return statement.step() ? static_cast<int>(statement.column_int(0)) : 0;
}

bool SqliteStorage::healthy()
{
    try {
        ReadLease connection(*this);
        auto& statement = connection->cached("SELECT COUNT(*) FROM schema_version");
        return statement.step() && statement.column_int(0) >= 1;
    } catch (SqliteError const&) {
        return false;
    }
}

bool SqliteStorage::is_empty()
{
    ReadLease connection(*this);
    auto& statement = connection->cached("SELECT COUNT(*) FROM campaigns");
    return statement.step() && statement.column_int(0) == 0;
}

std::string SqliteStorage::secret(std::string const& name, std::function<std::string()> make)
{
    std::string value;
    write([&](SqliteConnection& connection) {
        auto& find = connection.cached("SELECT value FROM server_secrets WHERE name = ?");
        find.bind(1, name);
        if (find.step()) {
            value = find.column_text(0);
            find.reset();
            return;
        }
        find.reset();
        value = make();
        connection.cached("INSERT INTO server_secrets (name, value) VALUES (?, ?)")
            .bind(1, name)
            .bind(2, value)
            .run();
    });
    return value;
}

// 3. Campaigns.

std::vector<StoredCampaign> SqliteStorage::list_campaigns()
{
    ReadLease connection(*this);
    auto& statement =
        connection->cached("SELECT " + campaign_columns +
            " FROM campaigns ORDER BY starts_at DESC");
    std::vector<StoredCampaign> campaigns;
    while (statement.step())
        campaigns.push_back(read_campaign(statement));
    return campaigns;
}

std::optional<StoredCampaign> SqliteStorage::find_campaign(std::string const& id)
{
    ReadLease connection(*this);
    auto& statement =
        connection->cached("SELECT " + campaign_columns + " FROM campaigns WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step())
        return std::nullopt;
    return read_campaign(statement);
}

CampaignWrite SqliteStorage::create_campaign(StoredCampaign const& campaign)
{
    CampaignWrite outcome = CampaignWrite::ok;
    write([&](SqliteConnection& connection) {
        auto& exists = connection.cached("SELECT 1 FROM campaigns WHERE id = ?");
        exists.bind(1, campaign.id);
        if (exists.step()) {
            exists.reset();
            outcome = CampaignWrite::already_exists;
            return;
        }
        exists.reset();
        std::int64_t now = campaign.updated_at ? campaign.updated_at : now_milliseconds();
        connection
            .cached("INSERT INTO campaigns (id, status, starts_at, ends_at, document, revision, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)")
            .bind(1, campaign.id)
            .bind(2, campaign.status)
            .bind(3, campaign.starts_at)
            .bind(4, campaign.ends_at)
            .bind(5, campaign.document)
            .bind(6, now)
            .bind(7, now)
            .run();
    });
    return outcome;
}

CampaignWrite SqliteStorage::update_campaign(StoredCampaign const& campaign,
    std::optional<std::int64_t> expected_revision)
{
    CampaignWrite outcome = CampaignWrite::ok;
    write([&](SqliteConnection& connection) {
        auto& current = connection.cached("SELECT revision FROM campaigns WHERE id = ?");
        current.bind(1, campaign.id);
        if (!current.step()) {
            current.reset();
            outcome = CampaignWrite::not_found;
            return;
        }
        std::int64_t revision = current.column_int(0);
        current.reset();
        if (expected_revision && *expected_revision != revision) {
            outcome = CampaignWrite::revision_conflict;
            return;
        }
        connection
            .cached("UPDATE campaigns SET status = ?, starts_at = ?, ends_at = ?, document = ?, "
                    "revision = revision + 1, updated_at = ? WHERE id = ?")
            .bind(1, campaign.status)
            .bind(2, campaign.starts_at)
            .bind(3, campaign.ends_at)
            .bind(4, campaign.document)
            .bind(5, now_milliseconds())
            .bind(6, campaign.id)
            .run();
    });
    return outcome;
}

// 4. Opinions.

OpinionInsert SqliteStorage::insert_opinion(NewOpinion const& opinion)
{
    OpinionInsert result {OpinionInsertOutcome::created, {}};
    write([&](SqliteConnection& connection) {
        // A key seen before (in an earlier commit or earlier in this very group) is a retry.
        auto& existing = connection.cached("SELECT " + opinion_columns +
            ", request_hash FROM opinions WHERE campaign_id = ? AND idempotency_key = ?");
        existing.bind(1, opinion.campaign_id).bind(2, opinion.idempotency_key);
        if (existing.step()) {
            result.opinion = read_opinion(existing);
            result.outcome = existing.column_text(12) == opinion.request_hash
                ? OpinionInsertOutcome::replayed
                : OpinionInsertOutcome::key_reused;
            existing.reset();
            return;
        }
        existing.reset();

        auto& insert = connection.cached(
            "INSERT INTO opinions (campaign_id, idempotency_key, request_hash, answers, "
                    "age_band, district, received_at, status, is_sample, reply, reply_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, opinion.campaign_id)
            .bind(2, opinion.idempotency_key)
            .bind(3, opinion.request_hash)
            .bind(4, opinion.answers)
            .bind(5, opinion.age_band)
            .bind(6, opinion.district)
            .bind(7, opinion.received_at)
            .bind(8, opinion_status_name(opinion.status))
            .bind(9, opinion.is_sample ? 1 : 0)
            .bind(10, opinion.reply);
        if (opinion.reply)
            insert.bind(11, opinion.received_at);
        insert.run();
        result.opinion.id = connection.last_insert_id();
        result.opinion.campaign_id = opinion.campaign_id;
        result.opinion.answers = opinion.answers;
        result.opinion.age_band = opinion.age_band;
        result.opinion.district = opinion.district;
        result.opinion.received_at = opinion.received_at;
        result.opinion.status = opinion.status;
        result.opinion.is_sample = opinion.is_sample;
        result.opinion.reply = opinion.reply;
        if (opinion.reply)
            result.opinion.reply_at = opinion.received_at;
    });
    return result;
}

std::optional<StoredOpinion> SqliteStorage::find_opinion(std::int64_t id)
{
    ReadLease connection(*this);
    auto& statement =
        connection->cached("SELECT " + opinion_columns + " FROM opinions WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step())
        return std::nullopt;
    return read_opinion(statement);
}

std::optional<std::pair<StoredOpinion, std::string>> SqliteStorage::find_opinion_by_key(
    std::string const& campaign_id, std::string const& idempotency_key)
{
    ReadLease connection(*this);
    auto& statement = connection->cached("SELECT " + opinion_columns +
        ", request_hash FROM opinions WHERE campaign_id = ? AND idempotency_key = ?");
    statement.bind(1, campaign_id).bind(2, idempotency_key);
    if (!statement.step())
        return std::nullopt;
    return std::pair {read_opinion(statement), statement.column_text(12)};
}

OpinionPage SqliteStorage::list_opinions(OpinionQuery const& query)
{
    // One statement with optional filters: a NULL parameter switches its filter off.
    ReadLease connection(*this);
    auto& statement = connection->cached("SELECT " + opinion_columns +
        " FROM opinions WHERE campaign_id = ?1"
        " AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR district = ?3)"
        " AND (?4 IS NULL OR age_band = ?4) AND (?5 IS NULL OR instr(answers, ?5) > 0)"
        " AND (?6 IS NULL OR is_sample = ?6) AND (?7 IS NULL OR id < ?7)"
        " ORDER BY id DESC LIMIT ?8");
    statement.bind(1, query.campaign_id);
    if (query.status)
        statement.bind(2, std::string_view(opinion_status_name(*query.status)));
    statement.bind(3, query.district);
    statement.bind(4, query.age_band);
    statement.bind(5, query.text);
    if (query.is_sample)
        statement.bind(6, *query.is_sample ? 1 : 0);
    if (query.before_id)
        statement.bind(7, *query.before_id);
    statement.bind(8, query.limit + 1);

    OpinionPage page;
    while (statement.step())
        page.items.push_back(read_opinion(statement));
    if (static_cast<std::int64_t>(page.items.size()) > query.limit) {
        page.items.pop_back();
        page.next_before_id = page.items.back().id;
    }
    return page;
}

void SqliteStorage::for_each_opinion(std::string const& campaign_id,
    std::function<void(StoredOpinion const&)> const& visit)
{
    ReadLease connection(*this);
    auto& statement = connection->cached("SELECT " + opinion_columns +
        " FROM opinions WHERE campaign_id = ? ORDER BY id");
    statement.bind(1, campaign_id);
    while (statement.step())
        visit(read_opinion(statement));
}

bool SqliteStorage::set_opinion_status(std::int64_t id, OpinionStatus status)
{
    bool changed = false;
    write([&](SqliteConnection& connection) {
        connection.cached("UPDATE opinions SET status = ? WHERE id = ?")
            .bind(1, std::string_view(opinion_status_name(status)))
            .bind(2, id)
            .run();
        changed = connection.changes() > 0;
    });
    return changed;
}

bool SqliteStorage::set_opinion_reply(std::int64_t id, std::optional<std::string> const& reply,
    std::string const& staff_name, std::int64_t now)
{
    bool changed = false;
    write([&](SqliteConnection& connection) {
        auto& statement =
            connection.cached("UPDATE opinions SET reply = ?, reply_at = ?, reply_by = ? "
                              "WHERE id = ?");
        statement.bind(1, reply);
        if (reply) {
            statement.bind(2, now);
            statement.bind(3, std::string_view(staff_name));
        }
        statement.bind(4, id);
        statement.run();
        changed = connection.changes() > 0;
    });
    return changed;
}

LikeOutcome SqliteStorage::add_like(std::int64_t opinion_id, std::string const& device_hash,
    std::int64_t now, std::int64_t& likes)
{
    LikeOutcome outcome = LikeOutcome::added;
    write([&](SqliteConnection& connection) {
        auto& exists = connection.cached("SELECT likes FROM opinions WHERE id = ?");
        exists.bind(1, opinion_id);
        if (!exists.step()) {
            exists.reset();
            outcome = LikeOutcome::not_found;
            return;
        }
        likes = exists.column_int(0);
        exists.reset();

        connection.cached("INSERT OR IGNORE INTO likes (opinion_id, device, created_at) "
                          "VALUES (?, ?, ?)")
            .bind(1, opinion_id)
            .bind(2, device_hash)
            .bind(3, now)
            .run();
        if (connection.changes() == 0) {
            outcome = LikeOutcome::already_liked;
            return;
        }
        connection.cached("UPDATE opinions SET likes = likes + 1 WHERE id = ?")
            .bind(1, opinion_id)
            .run();
        likes += 1;
    });
    return outcome;
}

// 5. Staff and sessions.

bool SqliteStorage::add_staff(StaffAccount const& account)
{
    bool added = false;
    write([&](SqliteConnection& connection) {
        connection
            .cached("INSERT OR IGNORE INTO staff (name, role, password_hash, created_at) "
                    "VALUES (?, ?, ?, ?)")
            .bind(1, account.name)
            .bind(2, account.role)
            .bind(3, account.password_hash)
            .bind(4, account.created_at)
            .run();
        added = connection.changes() > 0;
    });
    return added;
}

bool SqliteStorage::set_staff_password(std::string const& name, std::string const& hash,
    std::string const& role)
{
    bool changed = false;
    write([&](SqliteConnection& connection) {
        connection
            .cached("UPDATE staff SET password_hash = ?, role = ?, failed_logins = 0, "
                    "locked_until = 0 WHERE name = ?")
            .bind(1, hash)
            .bind(2, role)
            .bind(3, name)
            .run();
        changed = connection.changes() > 0;
        if (changed) {
            // A new password ends every session of the old one.
            connection.cached("DELETE FROM sessions WHERE staff_id = "
                              "(SELECT id FROM staff WHERE name = ?)")
                .bind(1, name)
                .run();
        }
    });
    return changed;
}

std::optional<StaffAccount> SqliteStorage::find_staff(std::string const& name)
{
    ReadLease connection(*this);
    auto& statement = connection->cached("SELECT " + staff_columns + " FROM staff WHERE name = ?");
    statement.bind(1, name);
    if (!statement.step())
        return std::nullopt;
    return read_staff(statement);
}

std::optional<StaffAccount> SqliteStorage::find_staff_by_id(std::int64_t id)
{
    ReadLease connection(*this);
    auto& statement = connection->cached("SELECT " + staff_columns + " FROM staff WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step())
        return std::nullopt;
    return read_staff(statement);
}

std::vector<StaffAccount> SqliteStorage::list_staff()
{
    ReadLease connection(*this);
    auto& statement = connection->cached("SELECT " + staff_columns + " FROM staff ORDER BY name");
    std::vector<StaffAccount> accounts;
    while (statement.step())
        accounts.push_back(read_staff(statement));
    return accounts;
}

void SqliteStorage::record_login(std::int64_t staff_id, std::int64_t failed_logins,
    std::int64_t locked_until)
{
    write([&](SqliteConnection& connection) {
        connection.cached("UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?")
            .bind(1, failed_logins)
            .bind(2, locked_until)
            .bind(3, staff_id)
            .run();
    });
}

void SqliteStorage::create_session(StaffSession const& session, std::int64_t now)
{
    write([&](SqliteConnection& connection) {
        // Expired sessions are cleared on the way, so the table never grows without bound.
        connection.cached("DELETE FROM sessions WHERE expires_at <= ?").bind(1, now).run();
        connection
            .cached("INSERT INTO sessions (token_hash, staff_id, csrf_token, created_at, "
                    "expires_at) VALUES (?, ?, ?, ?, ?)")
            .bind(1, session.token_hash)
            .bind(2, session.staff_id)
            .bind(3, session.csrf_token)
            .bind(4, now)
            .bind(5, session.expires_at)
            .run();
    });
}

std::optional<StaffSession> SqliteStorage::find_session(std::string const& token_hash,
    std::int64_t now)
{
    ReadLease connection(*this);
    auto& statement = connection->cached("SELECT token_hash, staff_id, csrf_token, expires_at "
                                         "FROM sessions WHERE token_hash = ? AND expires_at > ?");
    statement.bind(1, token_hash).bind(2, now);
    if (!statement.step())
        return std::nullopt;
    return StaffSession {statement.column_text(0), statement.column_int(1),
        statement.column_text(2), statement.column_int(3)};
}

void SqliteStorage::delete_session(std::string const& token_hash)
{
    write([&](SqliteConnection& connection) {
        connection.cached("DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).run();
    });
}

} // namespace machiba::server
