// ApiRouter: parameters, 404 for unknown paths, 405 with Allow for the wrong method.
#include "serve/server/api_router.hpp"

#include <catch2/catch_test_macros.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

using namespace machiba::server;

namespace {

httplib::Request make_request(std::string method, std::string path)
{
    httplib::Request request;
    request.method = std::move(method);
    request.path = std::move(path);
    return request;
}

} // namespace

TEST_CASE("the router passes named path parameters to the handler", "[router]")
{
    ApiRouter router;
    std::string seen;
    router.add("GET", "/api/v1/campaigns/{id}/opinions",
        [&](ApiRequest const& request, httplib::Response& response) {
            seen = request.parameter("id");
            response.status = 200;
        });
    httplib::Response response;
    router.dispatch(make_request("GET", "/api/v1/campaigns/drill-2024/opinions"), response);
    CHECK(response.status == 200);
    CHECK(seen == "drill-2024");
}

TEST_CASE("an unknown path is a JSON 404 and a wrong method a JSON 405 with Allow",
    "[router]")
{
    ApiRouter router;
    auto ok = [](ApiRequest const&, httplib::Response& response) { response.status = 200; };
    router.add("GET", "/api/v1/campaigns/{id}", ok);
    router.add("PUT", "/api/v1/campaigns/{id}", ok);

    httplib::Response missing;
    router.dispatch(make_request("GET", "/api/v1/campaigns/a/b/c"), missing);
    CHECK(missing.status == 404);
    auto body = nlohmann::json::parse(missing.body);
    CHECK(body["error"]["code"] == "not_found");

    httplib::Response wrong;
    router.dispatch(make_request("DELETE", "/api/v1/campaigns/a"), wrong);
    CHECK(wrong.status == 405);
    CHECK(wrong.get_header_value("Allow") == "GET, PUT");
    CHECK(nlohmann::json::parse(wrong.body)["error"]["code"] == "method_not_allowed");

    httplib::Response head;
    router.dispatch(make_request("HEAD", "/api/v1/campaigns/a"), head);
    CHECK(head.status == 200);
}
