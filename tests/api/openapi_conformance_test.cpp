// Every answer of a full tour of the API, checked against the schema that the OpenAPI document
// (GET /api/v1/openapi.json) gives for its path, method and status: the app is written against
// that document, so the server must not drift from it.
#include "tests/api/api_helpers.hpp"
#include "tests/api/openapi_schema.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace machiba::tests;
using nlohmann::json;

namespace {

class Conformance {
public:
    explicit Conformance(ServerProcess const& server)
        : m_client(server.client())
        , m_document(json_of(m_client->Get("/api/v1/openapi.json")))
    {
    }

    httplib::Client& client() { return *m_client; }

    // Checks the answer against the documented schema of (path, method, status); returns it.
    json expect(httplib::Result const& result, std::string const& path, std::string const& method,
        int status)
    {
        REQUIRE(result);
        INFO(method << " " << path << " -> " << result->status << " " << result->body);
        REQUIRE(result->status == status);
        auto body = json_of(result);
        auto mismatches =
            schema_mismatches(m_document, response_schema(m_document, path, method, status), body);
        for (auto const& mismatch : mismatches)
            FAIL_CHECK(mismatch);
        return body;
    }

private:
    std::unique_ptr<httplib::Client> m_client;
    json m_document;
};

} // namespace

TEST_CASE("every answer of a tour of the API fits the OpenAPI document", "[api][openapi]")
{
    ServerProcess server({"--opinion-rate", "0"});
    Conformance api(server);
    auto& client = api.client();
    auto staff = staff_login(server, "watanabe", "admin");
    auto headers = staff.headers();
    std::string parks = open_campaign;

    // 1. Residents.
    api.expect(client.Get("/api/v1/health"), "/health", "get", 200);
    api.expect(client.Get("/api/v1/demographics"), "/demographics", "get", 200);
    api.expect(client.Get("/api/v1/campaigns"), "/campaigns", "get", 200);
    api.expect(client.Get("/api/v1/campaigns/" + parks), "/campaigns/{id}", "get", 200);
    api.expect(client.Get("/api/v1/campaigns/nothing"), "/campaigns/{id}", "get", 404);
    json opinion = {{"answers", {{"satisfaction", 3}, {"frequency", "daily"},
                                    {"wishes", {"shade"}}, {"comment", "mail: a@example.jp"}}},
        {"age_band", "40s"}, {"district", "osaki"}};
    auto receipt = api.expect(client.Post("/api/v1/campaigns/" + parks + "/opinions",
                                  {{"Idempotency-Key", "tour-key-0001"}}, opinion.dump(),
                                  "application/json"),
        "/campaigns/{id}/opinions", "post", 201);
    api.expect(client.Post("/api/v1/campaigns/" + parks + "/opinions",
                   {{"Idempotency-Key", "tour-key-0002"}}, R"({"answers": {}})",
                   "application/json"),
        "/campaigns/{id}/opinions", "post", 422);
    api.expect(client.Post("/api/v1/campaigns/" + parks + "/opinions", httplib::Headers {},
                   opinion.dump(), "application/json"),
        "/campaigns/{id}/opinions", "post", 428);
    api.expect(client.Post(std::string("/api/v1/campaigns/") + closed_campaign + "/opinions",
                   {{"Idempotency-Key", "tour-key-0003"}}, opinion.dump(), "application/json"),
        "/campaigns/{id}/opinions", "post", 409);
    auto page = api.expect(client.Get("/api/v1/campaigns/" + parks + "/opinions?limit=1"),
        "/campaigns/{id}/opinions", "get", 200);
    REQUIRE_FALSE(page["opinions"].empty());
    std::string like = "/api/v1/opinions/" +
        std::to_string(page["opinions"][0]["id"].get<long long>()) + "/likes";
    api.expect(client.Post(like, R"({"device_id": "tour-device-1"})", "application/json"),
        "/opinions/{id}/likes", "post", 201);
    api.expect(client.Post(like, R"({"device_id": "tour-device-1"})", "application/json"),
        "/opinions/{id}/likes", "post", 200);

    // 2. Staff: session and campaigns.
    api.expect(client.Get("/api/v1/staff/session", headers), "/staff/session", "get", 200);
    api.expect(client.Get("/api/v1/staff/session"), "/staff/session", "get", 401);
    api.expect(client.Get("/api/v1/staff/campaigns", headers), "/staff/campaigns", "get", 200);
    auto draft = sample_campaign("tour-draft", "draft", -1, 5);
    api.expect(client.Post("/api/v1/staff/campaigns", headers, draft.dump(), "application/json"),
        "/staff/campaigns", "post", 201);
    api.expect(client.Post("/api/v1/staff/campaigns", headers, R"({"id": "x"})",
                   "application/json"),
        "/staff/campaigns", "post", 422);
    api.expect(client.Get("/api/v1/staff/campaigns/tour-draft", headers),
        "/staff/campaigns/{id}", "get", 200);
    api.expect(client.Put("/api/v1/staff/campaigns/tour-draft", headers, draft.dump(),
                   "application/json"),
        "/staff/campaigns/{id}", "put", 200);
    auto link = api.expect(client.Post("/api/v1/staff/campaigns/tour-draft/preview-link",
                               headers, "", "application/json"),
        "/staff/campaigns/{id}/preview-link", "post", 201);
    api.expect(client.Get(link["api_path"].get<std::string>()), "/previews/{token}", "get", 200);
    api.expect(client.Get("/api/v1/previews/forged.1.abc"), "/previews/{token}", "get", 403);
    api.expect(client.Post("/api/v1/staff/campaigns/tour-draft/publish", headers, "",
                   "application/json"),
        "/staff/campaigns/{id}/publish", "post", 200);
    api.expect(client.Post("/api/v1/staff/campaigns/tour-draft/close", headers, "",
                   "application/json"),
        "/staff/campaigns/{id}/close", "post", 200);

    // 3. Staff: opinions.
    std::string opinions = "/api/v1/staff/campaigns/" + parks + "/opinions";
    api.expect(client.Get(opinions + "?status=pending", headers),
        "/staff/campaigns/{id}/opinions", "get", 200);
    std::string id = std::to_string(receipt["id"].get<long long>());
    api.expect(client.Put("/api/v1/staff/opinions/" + id + "/status", headers,
                   R"({"status": "published"})", "application/json"),
        "/staff/opinions/{id}/status", "put", 200);
    api.expect(client.Put("/api/v1/staff/opinions/" + id + "/reply", headers,
                   R"({"text": "ありがとうございます。"})", "application/json"),
        "/staff/opinions/{id}/reply", "put", 200);
    api.expect(client.Get("/api/v1/campaigns/" + parks + "/opinions"),
        "/campaigns/{id}/opinions", "get", 200);
    api.expect(client.Get("/api/v1/staff/campaigns/" + parks + "/export?format=json", headers),
        "/staff/campaigns/{id}/export", "get", 200);
    api.expect(client.Get("/api/v1/staff/campaigns/" + parks + "/counts", headers),
        "/staff/campaigns/{id}/counts", "get", 200);
    api.expect(client.Post("/api/v1/staff/logout", httplib::Headers {{"Cookie", staff.cookie}},
                   "", "application/json"),
        "/staff/logout", "post", 403);
}

TEST_CASE("the schema checker finds what does not fit", "[api][openapi]")
{
    ServerProcess server({"--no-seed"});
    auto client = server.client();
    auto document = json_of(client->Get("/api/v1/openapi.json"));
    auto receipt = response_schema(document, "/campaigns/{id}/opinions", "post", 201);
    CHECK(schema_mismatches(document, receipt,
              {{"id", 1}, {"campaign_id", "a"}, {"received_at", "t"}, {"status", "pending"}})
              .empty());
    CHECK(schema_mismatches(document, receipt,
              {{"id", "1"}, {"campaign_id", "a"}, {"received_at", "t"}, {"status", "pending"}})
              .size() == 1);
    CHECK(schema_mismatches(document, receipt, {{"id", 1}, {"status", "lost"}}).size() == 3);
    auto error = response_schema(document, "/campaigns/{id}", "get", 404);
    CHECK(schema_mismatches(document, error, {{"error", {{"code", "x"}}}}).size() == 1);
    CHECK(schema_mismatches(document, error, json::array()).size() == 1);
}
