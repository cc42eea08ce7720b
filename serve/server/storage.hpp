// The storage interface of the server. SQLite implements it today (sqlite_storage.hpp); a
// PostgreSQL implementation can stand in its place without touching the request handlers.
#pragma once

#include <string>

namespace machiba::server {

class Storage {
public:
    virtual ~Storage() = default;

    // Creates or upgrades the schema; called once at start-up before any request.
    virtual void migrate() = 0;
    // The schema version now in place (the number of the last migration applied).
    virtual int schema_version() = 0;
    // True when the database answers a trivial query; used by GET /api/v1/health.
    virtual bool healthy() = 0;
    // True when no campaign exists yet, so that seed content may be loaded.
    virtual bool is_empty() = 0;
};

} // namespace machiba::server
