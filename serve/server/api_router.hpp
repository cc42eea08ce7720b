// Routes /api requests by method and path pattern ("/api/v1/campaigns/{id}"), so that an
// unknown path answers 404 and a known path with the wrong method answers 405, both as JSON.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Request;
struct Response;
}

namespace machiba::server {

// A request as a handler sees it: the HTTP request and the path's named parameters.
struct ApiRequest {
    httplib::Request const& http;
    std::map<std::string, std::string, std::less<>> parameters;

    std::string const& parameter(std::string_view name) const;
};

using ApiHandler = std::function<void(ApiRequest const&, httplib::Response&)>;

class ApiRouter {
public:
    void add(std::string method, std::string_view pattern, ApiHandler handler);

    // Answers the request; returns false when the path does not start with /api/ at all.
    void dispatch(httplib::Request const& request, httplib::Response& response) const;

    struct Route {
        std::string method;
        std::vector<std::string> segments; // "{name}" marks a parameter
        ApiHandler handler;
    };

private:
    std::vector<Route> m_routes;
};

} // namespace machiba::server
