// The SQLite implementation of Storage: one file in WAL mode, migrated at start-up.
#pragma once

#include "serve/server/sqlite_connection.hpp"
#include "serve/server/storage.hpp"

#include <memory>
#include <mutex>
#include <string>

namespace machiba::server {

class SqliteStorage final : public Storage {
public:
    explicit SqliteStorage(std::string path);
    ~SqliteStorage() override;

    void migrate() override;
    int schema_version() override;
    bool healthy() override;
    bool is_empty() override;

private:
    std::string m_path;
    std::mutex m_mutex;
    std::unique_ptr<SqliteConnection> m_connection;
};

} // namespace machiba::server
