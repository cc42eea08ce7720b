// JSON answers and errors for the API.
#include "serve/server/api_response.hpp"

#include <httplib.h>

namespace machiba::server {

std::string dump_json(nlohmann::json const& value)
{
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send_json(httplib::Response& response, int status, nlohmann::json const& body)
{
    response.status = status;
    response.set_content(dump_json(body), "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, std::string_view code,
    std::string_view message, nlohmann::json problems)
{
    nlohmann::json error = {{"code", code}, {"message", message}};
    if (!problems.is_null())
        error["problems"] = std::move(problems);
    response.set_header("Cache-Control", "no-store");
    send_json(response, status, {{"error", std::move(error)}});
}

std::string_view error_code_for_status(int status)
{
    switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "request_timeout";
    case 409: return "conflict";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 415: return "unsupported_media_type";
    case 416: return "range_not_satisfiable";
    case 422: return "unprocessable";
    case 429: return "too_many_requests";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "bad_request";
    }
}

std::string_view error_message_for_status(int status)
{
    switch (status) {
    case 400: return "The request could not be read.";
    case 401: return "Log in first.";
    case 403: return "This is not allowed.";
    case 404: return "Nothing is here.";
    case 405: return "This method is not allowed here.";
    case 408: return "The request took too long to arrive.";
    case 413: return "The request body is larger than this server accepts.";
    case 414: return "The address is too long.";
    case 415: return "Send the body as application/json.";
    case 429: return "Too many requests; wait a little and try again.";
    case 503: return "The server is busy; try again shortly.";
    default: return status >= 500 ? "The server failed; try again later." : "Bad request.";
    }
}

} // namespace machiba::server
