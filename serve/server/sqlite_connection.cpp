// SQLite's C API wrapped so that every failure becomes an SqliteError with SQLite's own text.
#include "serve/server/sqlite_connection.hpp"

#include <sqlite3.h>

namespace machiba::server {

namespace {

void check(sqlite3* database, int code)
{
    if (code != SQLITE_OK && code != SQLITE_ROW && code != SQLITE_DONE)
        throw SqliteError(code, database ? sqlite3_errmsg(database) : sqlite3_errstr(code));
}

} // namespace

SqliteError::SqliteError(int code, std::string const& message)
    : std::runtime_error("sqlite: " + message)
    , m_code(code)
{
}

SqliteStatement::SqliteStatement(sqlite3* database, std::string_view sql)
    : m_database(database)
{
    check(m_database, sqlite3_prepare_v3(m_database, sql.data(), static_cast<int>(sql.size()),
                          SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr));
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_database(other.m_database)
    , m_statement(other.m_statement)
{
    other.m_statement = nullptr;
}

SqliteStatement::~SqliteStatement()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text)
{
    check(m_database, sqlite3_bind_text(m_statement, index, text.data(),
                          static_cast<int>(text.size()), SQLITE_TRANSIENT));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value)
{
    check(m_database, sqlite3_bind_int64(m_statement, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    check(m_database, sqlite3_bind_double(m_statement, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index)
{
    check(m_database, sqlite3_bind_null(m_statement, index));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::optional<std::string> const& text)
{
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

bool SqliteStatement::step()
{
    int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    std::string message = sqlite3_errmsg(m_database);
    sqlite3_reset(m_statement);
    throw SqliteError(code, message);
}

void SqliteStatement::run()
{
    while (step()) {
    }
    reset();
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::int64_t SqliteStatement::column_int(int index) const
{
    return sqlite3_column_int64(m_statement, index);
}

double SqliteStatement::column_double(int index) const
{
    return sqlite3_column_double(m_statement, index);
}

std::string SqliteStatement::column_text(int index) const
{
    auto const* text = sqlite3_column_text(m_statement, index);
    int size = sqlite3_column_bytes(m_statement, index);
    return text ? std::string(reinterpret_cast<char const*>(text), size) : std::string();
}

std::optional<std::string> SqliteStatement::column_optional_text(int index) const
{
    if (column_is_null(index))
        return std::nullopt;
    return column_text(index);
}

bool SqliteStatement::column_is_null(int index) const
{
    return sqlite3_column_type(m_statement, index) == SQLITE_NULL;
}

SqliteConnection::SqliteConnection(std::string const& path, bool read_only)
{
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX;
    int code = sqlite3_open_v2(path.c_str(), &m_database, flags, nullptr);
    if (code != SQLITE_OK) {
        std::string message = m_database ? sqlite3_errmsg(m_database) : sqlite3_errstr(code);
        sqlite3_close(m_database);
        m_database = nullptr;
        throw SqliteError(code, "cannot open " + path + ": " + message);
    }

    // Writers wait for each other instead of failing at once with SQLITE_BUSY.
    sqlite3_busy_timeout(m_database, 5000);
    sqlite3_extended_result_codes(m_database, 1);
}

SqliteConnection::~SqliteConnection()
{
    m_statements.clear(); // statements are finalised before their connection closes
    if (m_database)
        sqlite3_close_v2(m_database);
}

void SqliteConnection::execute(std::string_view sql)
{
    std::string text(sql);
    char* error = nullptr;
    int code = sqlite3_exec(m_database, text.c_str(), nullptr, nullptr, &error);
    if (code != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(code);
        sqlite3_free(error);
        throw SqliteError(code, message);
    }
}

SqliteStatement SqliteConnection::prepare(std::string_view sql)
{
    return SqliteStatement(m_database, sql);
}

SqliteStatement& SqliteConnection::cached(std::string const& sql)
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end())
        found = m_statements.emplace(sql, std::make_unique<SqliteStatement>(m_database, sql)).first;
    found->second->reset();
    return *found->second;
}

void SqliteConnection::reset_cached()
{
    for (auto& [sql, statement] : m_statements)
        statement->reset();
}

std::int64_t SqliteConnection::last_insert_id() const
{
    return sqlite3_last_insert_rowid(m_database);
}

int SqliteConnection::changes() const
{
    return sqlite3_changes(m_database);
}

SqliteTransaction::SqliteTransaction(SqliteConnection& connection, bool immediate)
    : m_connection(connection)
{
    m_connection.execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

SqliteTransaction::~SqliteTransaction()
{
    if (!m_done) {
        try {
            m_connection.execute("ROLLBACK");
        } catch (SqliteError const&) {
            // The transaction may already be gone after an I/O error; nothing more to undo.
        }
    }
}

void SqliteTransaction::commit()
{
    m_connection.execute("COMMIT");
    m_done = true;
}

} // namespace machiba::server
