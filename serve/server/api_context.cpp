// ApiContext: the client key and the rate-limit answer.
#include "serve/server/api_context.hpp"

#include "serve/server/api_response.hpp"
#include "serve/server/security.hpp"

#include <httplib.h>

namespace machiba::server {

std::string ApiContext::client_key(httplib::Request const& request) const
{
    // FIXME: behind a reverse proxy every client has the proxy's address; a trusted-proxy
    // option should take the client from X-Forwarded-For instead.
    return keyed_hash(client_key_secret, request.remote_addr);
}

bool ApiContext::is_secure(httplib::Request const& request) const
{
    return options.secure_cookies || request.get_header_value("X-Forwarded-Proto") == "https";
}

bool refuse_over_rate(ApiContext& context, RateLimiter& limiter,
    httplib::Request const& request, httplib::Response& response)
{
    std::string client = context.client_key(request);
    std::int64_t now = context.now();
    if (limiter.allow(client, now))
        return false;
    int seconds = std::max(1, limiter.retry_after_seconds(client, now));
    response.set_header("Retry-After", std::to_string(seconds));
    send_error(response, 429, "rate_limited",
        "Too many requests from this device; try again in " + std::to_string(seconds) +
            " seconds.");
    return true;
}

} // namespace machiba::server
