// Reading a JSON request body safely: media type, size, UTF-8 and syntax are checked in that
// order, and each failure is answered with its own status and JSON error.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>

namespace machiba::server {

// The parsed body, or nothing after the response has been filled with the error.
std::optional<nlohmann::json> read_json_body(httplib::Request const& request,
    httplib::Response& response, std::size_t max_bytes);

} // namespace machiba::server
