// Matching of /api paths against the route table.
#include "serve/server/api_router.hpp"

#include "serve/server/api_response.hpp"

#include <httplib.h>

#include <set>

namespace machiba::server {

namespace {

std::vector<std::string> split_path(std::string_view path)
{
    std::vector<std::string> segments;
    while (!path.empty()) {
        if (path.front() == '/') {
            path.remove_prefix(1);
            continue;
        }
        auto slash = path.find('/');
        segments.emplace_back(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
    }
    return segments;
}

bool is_parameter(std::string const& segment)
{
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(ApiRouter::Route const& route, std::vector<std::string> const& segments,
    std::map<std::string, std::string, std::less<>>& parameters)
{
    if (route.segments.size() != segments.size())
        return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        auto const& expected = route.segments[i];
        if (is_parameter(expected))
            parameters[expected.substr(1, expected.size() - 2)] = segments[i];
        else if (expected != segments[i])
            return false;
    }
    return true;
}

} // namespace

std::string const& ApiRequest::parameter(std::string_view name) const
{
    static std::string const empty;
    auto found = parameters.find(name);
    return found == parameters.end() ? empty : found->second;
}

void ApiRouter::add(std::string method, std::string_view pattern, ApiHandler handler)
{
    m_routes.push_back({std::move(method), split_path(pattern), std::move(handler)});
}

void ApiRouter::dispatch(httplib::Request const& request, httplib::Response& response) const
{
    auto segments = split_path(request.path);

    // 1. Find every route whose path matches; the method picks among them. HEAD is GET
    // without a body (the HTTP layer drops the body).
    std::string method = request.method == "HEAD" ? "GET" : request.method;
    std::set<std::string> allowed;
    for (auto const& route : m_routes) {
        std::map<std::string, std::string, std::less<>> parameters;
        if (!matches(route, segments, parameters))
            continue;
        if (route.method == method) {
            ApiRequest api_request {request, std::move(parameters)};
            route.handler(api_request, response);
            return;
        }
        allowed.insert(route.method);
    }

    // 2. Nothing matched: either the path is unknown, or the method is wrong for it.
    if (allowed.empty()) {
        send_error(response, 404, "not_found", "There is no API at " + request.path + ".");
        return;
    }
    std::string allow;
    for (auto const& name : allowed)
        allow += (allow.empty() ? "" : ", ") + name;
    response.set_header("Allow", allow);
    send_error(response, 405, "method_not_allowed",
        request.method + " is not allowed on " + request.path + "; use " + allow + ".");
}

} // namespace machiba::server
