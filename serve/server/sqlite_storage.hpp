// The SQLite implementation of Storage: one file in WAL mode, migrated at start-up. All writes
// go through one writer thread that commits whatever has queued up in one transaction (group
// commit), so that many opinions share one fsync; reads use a pool of their own connections,
// which WAL lets run beside the writer.
#pragma once

#include "serve/server/sqlite_connection.hpp"
#include "serve/server/storage.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace machiba::server {

class SqliteStorage final : public Storage {
public:
    explicit SqliteStorage(std::string path);
    ~SqliteStorage() override;

    void migrate() override;
    int schema_version() override;
    bool healthy() override;
    bool is_empty() override;
    std::string secret(std::string const& name, std::function<std::string()> make) override;

    std::vector<StoredCampaign> list_campaigns() override;
    std::optional<StoredCampaign> find_campaign(std::string const& id) override;
    CampaignWrite create_campaign(StoredCampaign const& campaign) override;
    CampaignWrite update_campaign(StoredCampaign const& campaign,
        std::optional<std::int64_t> expected_revision) override;

    OpinionInsert insert_opinion(NewOpinion const& opinion) override;
    std::optional<StoredOpinion> find_opinion(std::int64_t id) override;
    std::optional<std::pair<StoredOpinion, std::string>> find_opinion_by_key(
        std::string const& campaign_id, std::string const& idempotency_key) override;
    OpinionPage list_opinions(OpinionQuery const& query) override;
    void for_each_opinion(std::string const& campaign_id,
        std::function<void(StoredOpinion const&)> const& visit) override;
    bool set_opinion_status(std::int64_t id, OpinionStatus status) override;
    bool set_opinion_reply(std::int64_t id, std::optional<std::string> const& reply,
        std::string const& staff_name, std::int64_t now) override;
    LikeOutcome add_like(std::int64_t opinion_id, std::string const& device_hash,
        std::int64_t now, std::int64_t& likes) override;

    bool add_staff(StaffAccount const& account) override;
    bool set_staff_password(std::string const& name, std::string const& hash,
        std::string const& role) override;
    std::optional<StaffAccount> find_staff(std::string const& name) override;
    std::optional<StaffAccount> find_staff_by_id(std::int64_t id) override;
    std::vector<StaffAccount> list_staff() override;
    void record_login(std::int64_t staff_id, std::int64_t failed_logins,
        std::int64_t locked_until) override;
    void create_session(StaffSession const& session, std::int64_t now) override;
    std::optional<StaffSession> find_session(std::string const& token_hash,
        std::int64_t now) override;
    void delete_session(std::string const& token_hash) override;

    // How many transactions the writer committed, and how many writes they carried: the
    // benchmark reads these to show group commit at work.
    struct WriterStatistics {
        std::int64_t commits = 0;
        std::int64_t writes = 0;
    };
    WriterStatistics writer_statistics();

private:
    // A write waiting for its group's commit. Each job wakes only its own request thread
    // (through the promise), so that a commit of many writes is not a stampede of every
    // waiting thread at once.
    struct WriteJob {
        std::function<void(SqliteConnection&)> work;
        std::exception_ptr error;
        std::promise<void> committed;
    };

    // Runs work on the writer thread inside the next group transaction and returns once that
    // transaction is committed. An exception from work rolls back only work's own changes.
    void write(std::function<void(SqliteConnection&)> work);
    void writer_loop();

    // A reading connection from the pool, returned when the lease ends.
    class ReadLease {
    public:
        ReadLease(SqliteStorage& storage);
        ~ReadLease();
        SqliteConnection& operator*() { return *m_connection; }
        SqliteConnection* operator->() { return m_connection.get(); }

    private:
        SqliteStorage& m_storage;
        std::unique_ptr<SqliteConnection> m_connection;
    };

    std::string m_path;
    std::unique_ptr<SqliteConnection> m_writer_connection;

    std::mutex m_queue_mutex;
    std::condition_variable m_queue_ready;
    std::deque<WriteJob*> m_queue;
    bool m_stopping = false;
    WriterStatistics m_statistics;
    std::thread m_writer;

    std::mutex m_readers_mutex;
    std::vector<std::unique_ptr<SqliteConnection>> m_readers;
};

} // namespace machiba::server
