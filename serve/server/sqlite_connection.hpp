// A thin RAII layer over SQLite's C API: one connection, prepared statements, typed errors.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace machiba::server {

// Thrown for failures that are the program's or the disk's fault, never the user's: a request
// handler turns it into a 500 with a JSON body.
class SqliteError : public std::runtime_error {
public:
    SqliteError(int code, std::string const& message);
    int code() const { return m_code; }

private:
    int m_code;
};

class SqliteStatement {
public:
    SqliteStatement(sqlite3* database, std::string_view sql);
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&&) = delete;
    SqliteStatement(SqliteStatement const&) = delete;
    ~SqliteStatement();

    // Parameters are numbered from 1, as in SQLite.
    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, int value) { return bind(index, std::int64_t(value)); }
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bind_null(int index);
    SqliteStatement& bind(int index, std::optional<std::string> const& text);
    SqliteStatement& bind(int index, std::string const& text)
    {
        return bind(index, std::string_view(text));
    }
    SqliteStatement& bind(int index, char const* text)
    {
        return bind(index, std::string_view(text));
    }

    // Returns true while there is a row to read; false when done.
    bool step();
    // Runs a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();

    std::int64_t column_int(int index) const;
    double column_double(int index) const;
    std::string column_text(int index) const;
    std::optional<std::string> column_optional_text(int index) const;
    bool column_is_null(int index) const;

private:
    sqlite3* m_database;
    sqlite3_stmt* m_statement = nullptr;
};

class SqliteConnection {
public:
    // Opens (creating when missing) the database file; read_only opens without write access.
    explicit SqliteConnection(std::string const& path, bool read_only = false);
    SqliteConnection(SqliteConnection const&) = delete;
    SqliteConnection& operator=(SqliteConnection const&) = delete;
    ~SqliteConnection();

    void execute(std::string_view sql);
    SqliteStatement prepare(std::string_view sql);
    // A statement prepared once per connection and reused: reset and unbound on every call.
    // The connection must be used by one thread at a time, as every connection here is.
    SqliteStatement& cached(std::string const& sql);
    // Resets every cached statement, ending any read left open by a statement not stepped to
    // its end (an open read would pin an old snapshot of the database).
    void reset_cached();
    std::int64_t last_insert_id() const;
    int changes() const;
    sqlite3* handle() const { return m_database; }

private:
    sqlite3* m_database = nullptr;
    std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> m_statements;
};

// Begins a transaction and rolls it back unless commit() is called.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteConnection& connection, bool immediate = true);
    ~SqliteTransaction();
    void commit();

private:
    SqliteConnection& m_connection;
    bool m_done = false;
};

} // namespace machiba::server
