// The staff side of /api/v1: login with argon2id, a session cookie and a CSRF token, lockout;
// campaigns (create, edit, preview link, publish, close); moderation, replies, export, counts.
#pragma once

#include "serve/server/api_context.hpp"
#include "serve/server/api_router.hpp"

namespace machiba::server {

// Wrong passwords in a row before an account is locked, and for how long.
constexpr std::int64_t max_failed_logins = 5;
constexpr std::int64_t lockout_ms = 15 * 60 * 1000;
constexpr std::int64_t session_lifetime_ms = 12 * 60 * 60 * 1000;
constexpr std::int64_t preview_lifetime_ms = 24 * 60 * 60 * 1000;

void register_staff_api(ApiRouter& router, ApiContext& context);

} // namespace machiba::server
