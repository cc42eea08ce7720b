// ApiContext: the client key and the rate-limit answer.
#include "serve/server/api_context.hpp"

#include "serve/server/api_response.hpp"
#include "serve/server/security.hpp"

#include <httplib.h>

namespace machiba::server {

std::string ApiContext::client_key(httplib::Request const& request) const
{
    // Behind a reverse proxy every connection comes from the proxy; the client is the entry
    // the proxy itself appended, the last one (earlier entries are whatever the client sent).
    std::string_view client = request.remote_addr;
    std::string forwarded;
    if (options.trust_proxy && request.has_header("X-Forwarded-For")) {
        forwarded = request.get_header_value("X-Forwarded-For");
        std::string_view entries = forwarded;
        auto comma = entries.rfind(',');
        client = comma == std::string_view::npos ? entries : entries.substr(comma + 1);
        while (!client.empty() && client.front() == ' ')
            client.remove_prefix(1);
    }
    return keyed_hash(client_key_secret, client);
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
