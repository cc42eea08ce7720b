// The versioned schema migrations of the SQLite database, applied in order at start-up.
#pragma once

#include <span>
#include <string_view>

namespace machiba::server {

struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
};

// Every migration ever shipped, oldest first. Never edit one that has shipped: add the next.
std::span<Migration const> sqlite_migrations();

} // namespace machiba::server
