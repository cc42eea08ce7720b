// Helpers that write JSON answers and JSON errors in the one shape every API failure uses:
// {"error": {"code": "...", "message": "...", "problems": [...]}}.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace httplib {
struct Response;
}

namespace machiba::server {

// Dumps JSON without ever throwing: text that is not valid UTF-8 is replaced, not fatal.
std::string dump_json(nlohmann::json const& value);

void send_json(httplib::Response& response, int status, nlohmann::json const& body);
void send_error(httplib::Response& response, int status, std::string_view code,
    std::string_view message, nlohmann::json problems = nullptr);

// The stable error code used for a bare HTTP status (404 -> "not_found", ...).
std::string_view error_code_for_status(int status);
std::string_view error_message_for_status(int status);

} // namespace machiba::server
