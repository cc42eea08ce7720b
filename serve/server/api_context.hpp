// What every API handler shares: the storage, the campaign cache, the clock, the ward's
// demographics, the rate limits and the server's secrets. Built once by Application.
#pragma once

#include "serve/server/campaign_catalog.hpp"
#include "serve/server/options.hpp"
#include "serve/server/rate_limiter.hpp"
#include "serve/server/storage.hpp"
#include "shared/campaign/demographics.hpp"
#include "shared/platform/clock.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace httplib {
struct Request;
struct Response;
}

namespace machiba::server {

// Body limits per endpoint; the HTTP layer refuses anything over max_http_body first.
constexpr std::size_t max_http_body = 4 << 20;
constexpr std::size_t max_opinion_body = 64 << 10;
constexpr std::size_t max_campaign_body = 2 << 20;
constexpr std::size_t max_small_body = 16 << 10;

struct ApiContext {
    Options const& options;
    Storage& storage;
    CampaignCatalog& catalog;
    platform::Clock const& clock;
    campaign::Demographics demographics;
    std::int64_t recently_closed_days = 30; // from assets/campaigns/listing.json
    std::string openapi_document;           // assets/api/openapi.json, as it is

    RateLimiter opinion_limiter;
    RateLimiter login_limiter;
    RateLimiter like_limiter;

    // Keys clients' addresses for the rate limits: made at start, kept only in memory.
    std::string client_key_secret;
    // Stored in the database, so that they hold across restarts and instances.
    std::string preview_secret;
    std::string device_secret;

    std::int64_t now() const { return clock.now_unix_ms(); }

    // A client as the rate limits know it: a keyed hash of its address, never the address.
    std::string client_key(httplib::Request const& request) const;
    // True when the request came over TLS (a proxy in front says so) or cookies are forced
    // Secure by option.
    bool is_secure(httplib::Request const& request) const;
};

// Answers 429 with Retry-After when limiter refuses this client; returns true when it did.
bool refuse_over_rate(ApiContext& context, RateLimiter& limiter,
    httplib::Request const& request, httplib::Response& response);

} // namespace machiba::server
