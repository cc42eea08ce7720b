// read_json_body: 415, 413, 400 invalid_utf8, 400 malformed_json.
#include "serve/server/request_body.hpp"

#include "serve/server/api_response.hpp"
#include "shared/text/utf8.hpp"

namespace machiba::server {

namespace {

std::string lower(std::string text)
{
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

} // namespace

std::optional<nlohmann::json> read_json_body(httplib::Request const& request,
    httplib::Response& response, std::size_t max_bytes)
{
    // 1. Only JSON, in UTF-8 (the only charset JSON has).
    std::string type = lower(request.get_header_value("Content-Type"));
    auto semicolon = type.find(';');
    std::string media = type.substr(0, semicolon);
    while (!media.empty() && media.back() == ' ')
        media.pop_back();
    bool charset_ok = semicolon == std::string::npos ||
        type.find("charset", semicolon) == std::string::npos ||
        type.find("utf-8", semicolon) != std::string::npos;
    if (media != "application/json" || !charset_ok) {
        send_error(response, 415, "unsupported_media_type",
            "Send the body as application/json; charset=utf-8.");
        return std::nullopt;
    }

    // 2. Small enough for this endpoint.
    if (request.body.size() > max_bytes) {
        send_error(response, 413, "payload_too_large",
            "The body has " + std::to_string(request.body.size()) + " bytes; at most " +
                std::to_string(max_bytes) + " are accepted here.");
        return std::nullopt;
    }

    // 3. Valid UTF-8, checked before parsing so the answer can say where it breaks.
    if (auto error = text::validate_utf8(request.body)) {
        send_error(response, 400, "invalid_utf8", "The body is not UTF-8: " + error->message());
        return std::nullopt;
    }

    // 4. Valid JSON.
    auto parsed = nlohmann::json::parse(request.body, nullptr, false);
    if (parsed.is_discarded()) {
        send_error(response, 400, "malformed_json", "The body is not valid JSON.");
        return std::nullopt;
    }
    return parsed;
}

} // namespace machiba::server
