// The SQLite schema, one migration per version. Times are integers: milliseconds since the Unix
// epoch (UTC); the Japan-time views (days, periods) are computed from them.
#include "serve/server/migrations.hpp"

#include <array>

namespace machiba::server {

namespace {

constexpr std::string_view schema_1 = R"sql(
CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'closed', 'archived')),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    document TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE opinions (
    id INTEGER PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    answers TEXT NOT NULL,
    age_band TEXT,
    district TEXT,
    received_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'hidden')),
    is_sample INTEGER NOT NULL DEFAULT 0,
    likes INTEGER NOT NULL DEFAULT 0,
    reply TEXT,
    reply_at INTEGER,
    reply_by TEXT,
    UNIQUE (campaign_id, idempotency_key)
);
CREATE INDEX opinions_by_campaign ON opinions (campaign_id, status, id);

CREATE TABLE likes (
    opinion_id INTEGER NOT NULL REFERENCES opinions(id),
    device TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (opinion_id, device)
) WITHOUT ROWID;

CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql";

constexpr std::array<Migration, 1> migrations = {{
    {1, "campaigns, opinions, likes, staff, sessions, server secrets", schema_1},
}};

} // namespace

std::span<Migration const> sqlite_migrations()
{
    return migrations;
}

} // namespace machiba::server
