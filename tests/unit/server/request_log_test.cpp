// The request log line: its fields, and escaping that keeps one request on one line.
#include "serve/server/http_server.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace machiba::server;

TEST_CASE("a log line holds method, path, status and milliseconds", "[log]")
{
    CHECK(request_log_line("GET", "/api/v1/health", 200, 1.234) == "GET /api/v1/health 200 1.23ms");
}

TEST_CASE("control characters in a path cannot start a forged log line", "[log]")
{
    auto line = request_log_line("GET", "/a\nGET /admin 200 0.00ms", 404, 0.5);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find("\\x0a") != std::string::npos);
}

TEST_CASE("the security headers forbid other origins and framing", "[log]")
{
    auto headers = security_headers();
    auto policy = headers.find("Content-Security-Policy");
    REQUIRE(policy != headers.end());
    CHECK(policy->second.find("default-src 'self'") != std::string::npos);
    CHECK(policy->second.find("'unsafe-inline'") == std::string::npos);
    CHECK(headers.find("X-Frame-Options")->second == "DENY");
}
