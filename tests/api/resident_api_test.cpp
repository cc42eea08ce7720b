// The residents' API over real HTTP: campaigns, sending opinions (and every way to send a bad
// one), idempotent retries, published opinions with masking, likes, rate limits, OpenAPI.
#include "tests/api/api_helpers.hpp"

#include <catch2/catch_test_macros.hpp>

#include <atomic>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

using namespace machiba::tests;
using nlohmann::json;

namespace {

std::string opinions_path(std::string const& campaign)
{
    return "/api/v1/campaigns/" + campaign + "/opinions";
}

httplib::Result post_opinion(httplib::Client& client, std::string const& campaign,
    std::string const& key, std::string const& body,
    std::string const& content_type = "application/json")
{
    httplib::Headers headers;
    if (!key.empty())
        headers.emplace("Idempotency-Key", key);
    return client.Post(opinions_path(campaign), headers, body, content_type);
}

json parks_opinion(std::string const& comment)
{
    return {{"answers", {{"satisfaction", 4}, {"frequency", "weekly"},
                            {"wishes", {"shade", "lighting"}}, {"comment", comment}}},
        {"age_band", "30s"}, {"district", "oi"}};
}

long long real_opinions(ServerProcess const& server)
{
    return count_rows(server.database(), "SELECT COUNT(*) FROM opinions WHERE is_sample = 0");
}

} // namespace

TEST_CASE("the campaign list shows the open campaign first, then recently closed ones",
    "[api][residents]")
{
    ServerProcess server;
    auto body = json_of(server.client()->Get("/api/v1/campaigns"));
    auto const& campaigns = body["campaigns"];
    REQUIRE(campaigns.size() >= 2);
    CHECK(campaigns[0]["accepting_opinions"] == true);
    bool seen_closed = false;
    bool seen_open = false;
    for (std::size_t i = 0; i < campaigns.size(); ++i) {
        auto const& campaign = campaigns[i];
        CHECK_FALSE(campaign["title"]["ja"].get<std::string>().empty());
        CHECK(campaign["status"] != "draft");
        if (i > 0 && campaign["accepting_opinions"] == true)
            CHECK(campaigns[i - 1]["accepting_opinions"] == true); // open ones come first
        if (campaign["id"] == open_campaign) {
            seen_open = true;
            CHECK(campaign["accepting_opinions"] == true);
            CHECK(campaign["period"]["start"] == "2026-11-20T00:00:00+09:00");
        }
        if (campaign["id"] == closed_campaign) {
            seen_closed = true;
            CHECK(campaign["status"] == "closed");
            CHECK(campaign["accepting_opinions"] == false);
        }
    }
    CHECK(seen_open);
    CHECK(seen_closed);
}

TEST_CASE("a campaign comes with its slides and its questions with ids, types and choices",
    "[api][residents]")
{
    ServerProcess server;
    auto client = server.client();
    auto campaign = json_of(client->Get(std::string("/api/v1/campaigns/") + open_campaign));
    CHECK(campaign["id"] == open_campaign);
    CHECK(campaign["accepting_opinions"] == true);
    CHECK(campaign["slides"].size() == 4);
    REQUIRE(campaign["questions"].size() == 4);
    CHECK(campaign["questions"][0]["type"] == "rating");
    CHECK(campaign["questions"][1]["choices"][0]["id"] == "daily");
    CHECK(campaign["questions"][2]["max_selections"] == 3);
    CHECK(campaign["questions"][3]["max_length"] == 800);

    check_json_error(client->Get("/api/v1/campaigns/no-such-campaign"), 404, "not_found");
}

TEST_CASE("an opinion is stored and answered 201 with its id", "[api][residents]")
{
    ServerProcess server;
    auto client = server.client();
    auto result = post_opinion(*client, open_campaign, "first-opinion-key",
        parks_opinion("木陰がほしい").dump());
    REQUIRE(result);
    CHECK(result->status == 201);
    auto receipt = json_of(result);
    CHECK(receipt["id"].get<long long>() > 0);
    CHECK(receipt["campaign_id"] == open_campaign);
    CHECK(receipt["status"] == "pending");
    CHECK(std::regex_match(receipt["received_at"].get<std::string>(),
        std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00)")));
    CHECK(real_opinions(server) == 1);
    CHECK(count_rows(server.database(),
              "SELECT COUNT(*) FROM opinions WHERE district = 'oi' AND age_band = '30s' AND "
              "answers LIKE '%木陰がほしい%'") == 1);
}

TEST_CASE("the same opinion sent twice with its key is stored once and answered alike",
    "[api][residents]")
{
    ServerProcess server;
    auto client = server.client();
    auto body = parks_opinion("二回送ってしまった").dump();
    auto first = post_opinion(*client, open_campaign, "retry-key-0001", body);
    auto second = post_opinion(*client, open_campaign, "retry-key-0001", body);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->status == 201);
    CHECK(second->status == 201);
    CHECK(json_of(first) == json_of(second));
    CHECK_FALSE(first->has_header("Idempotent-Replayed"));
    CHECK(second->get_header_value("Idempotent-Replayed") == "true");
    CHECK(real_opinions(server) == 1);

    SECTION("the same key with another body is refused and stores nothing")
    {
        auto reused = post_opinion(*client, open_campaign, "retry-key-0001",
            parks_opinion("別の意見").dump());
        check_json_error(reused, 422, "idempotency_key_reused");
        CHECK(real_opinions(server) == 1);
    }
    SECTION("many concurrent retries of one opinion still store one")
    {
        std::vector<std::thread> senders;
        std::set<long long> ids;
        std::mutex ids_mutex;
        for (int i = 0; i < 8; ++i) {
            senders.emplace_back([&] {
                auto own = server.client();
                auto result = post_opinion(*own, open_campaign, "burst-key-0002", body);
                if (result && result->status == 201) {
                    std::lock_guard lock(ids_mutex);
                    ids.insert(nlohmann::json::parse(result->body)["id"].get<long long>());
                }
            });
        }
        for (auto& sender : senders)
            sender.join();
        CHECK(ids.size() == 1);
        CHECK(real_opinions(server) == 2);
    }
}

TEST_CASE("every opinion answered 201 is in the database even when the server dies at once",
    "[api][residents]")
{
    ServerProcess server({"--opinion-rate", "0"});
    std::vector<std::thread> senders;
    std::atomic<int> acknowledged = 0;
    for (int t = 0; t < 4; ++t) {
        senders.emplace_back([&, t] {
            auto client = server.client();
            for (int i = 0; i < 10; ++i) {
                auto result = post_opinion(*client, open_campaign,
                    "crash-key-" + std::to_string(t) + "-" + std::to_string(i),
                    parks_opinion("crash " + std::to_string(i)).dump());
                if (result && result->status == 201)
                    acknowledged += 1;
            }
        });
    }
    for (auto& sender : senders)
        sender.join();
    server.kill_now();
    CHECK(acknowledged == 40);
    CHECK(real_opinions(server) == acknowledged);
}

TEST_CASE("bad opinions get the right 4xx with a JSON error and never reach the database",
    "[api][residents]")
{
    ServerProcess server;
    auto client = server.client();
    auto good = parks_opinion("ok").dump();

    SECTION("malformed JSON")
    {
        check_json_error(post_opinion(*client, open_campaign, "bad-key-0001", "{\"answers\": {"),
            400, "malformed_json");
    }
    SECTION("invalid UTF-8")
    {
        std::string body = R"({"answers": {"satisfaction": 4, "frequency": "daily", )"
                           R"("comment": "\xff\xfe"}})";
        body.replace(body.find("\\xff\\xfe"), 8, "\xff\xfe");
        check_json_error(post_opinion(*client, open_campaign, "bad-key-0002", body), 400,
            "invalid_utf8");
    }
    SECTION("a body over the limit")
    {
        std::string long_text(70 * 1024, 'a');
        check_json_error(
            post_opinion(*client, open_campaign, "bad-key-0003", parks_opinion(long_text).dump()),
            413, "payload_too_large");
    }
    SECTION("a wrong content type")
    {
        check_json_error(post_opinion(*client, open_campaign, "bad-key-0004", good, "text/plain"),
            415, "unsupported_media_type");
        check_json_error(post_opinion(*client, open_campaign, "bad-key-0005", good,
                             "application/json; charset=shift_jis"),
            415, "unsupported_media_type");
    }
    SECTION("an unknown campaign")
    {
        check_json_error(post_opinion(*client, "no-such-campaign", "bad-key-0006", good), 404,
            "not_found");
    }
    SECTION("a closed campaign")
    {
        json drill = {{"answers", {{"idea", "ペットと一緒の訓練"}}}};
        check_json_error(post_opinion(*client, closed_campaign, "bad-key-0007", drill.dump()),
            409, "campaign_not_open");
    }
    SECTION("a missing Idempotency-Key, or a malformed one")
    {
        check_json_error(post_opinion(*client, open_campaign, "", good), 428,
            "idempotency_key_required");
        check_json_error(post_opinion(*client, open_campaign, "short", good), 428,
            "idempotency_key_required");
    }
    SECTION("a missing required answer, an over-long one and an unknown choice, all at once")
    {
        json body = {{"answers", {{"frequency", "hourly"}, {"comment", std::string(801, 'x')},
                                     {"wishes", {"shade", "shade"}}, {"nonsense", 1}}},
            {"district", "atlantis"}};
        auto error = check_json_error(post_opinion(*client, open_campaign, "bad-key-0008",
                                          body.dump()),
            422, "validation_failed");
        CHECK(has_problem(error, "/answers/satisfaction", "required"));
        CHECK(has_problem(error, "/answers/frequency", "unknown_choice"));
        CHECK(has_problem(error, "/answers/comment", "too_long"));
        CHECK(has_problem(error, "/answers/nonsense"));
        CHECK(has_problem(error, "/district"));
        CHECK(has_problem(error, "/answers/wishes/1"));
    }
    SECTION("a rating out of range, and answers of the wrong type")
    {
        json body = {{"answers", {{"satisfaction", 6}, {"frequency", 2}}}};
        auto error = check_json_error(post_opinion(*client, open_campaign, "bad-key-0009",
                                          body.dump()),
            422, "validation_failed");
        CHECK(has_problem(error, "/answers/satisfaction"));
        CHECK(has_problem(error, "/answers/frequency", "wrong_type"));
    }
    SECTION("a body that is not an object")
    {
        auto error = check_json_error(post_opinion(*client, open_campaign, "bad-key-0010", "[]"),
            422, "validation_failed");
        CHECK_FALSE(error["problems"].empty());
    }

    CHECK(real_opinions(server) == 0);
}

TEST_CASE("published opinions are paged, newest first, with personal information masked",
    "[api][residents]")
{
    ServerProcess server;
    auto client = server.client();
    auto staff = staff_login(server);

    // 1. An opinion with a phone number and an e-mail address, published by staff.
    auto sent = post_opinion(*client, open_campaign, "masking-key-01",
        parks_opinion("連絡は090-1234-5678か taro@example.jp へ").dump());
    REQUIRE(sent);
    REQUIRE(sent->status == 201);
    long long id = json_of(sent)["id"];
    auto published = client->Put("/api/v1/staff/opinions/" + std::to_string(id) + "/status",
        staff.headers(), R"({"status": "published"})", "application/json");
    REQUIRE(published);
    REQUIRE(published->status == 200);

    // 2. Residents see it masked, on the first page, before the two seed samples.
    auto page = json_of(client->Get(opinions_path(open_campaign) + "?limit=2"));
    REQUIRE(page["opinions"].size() == 2);
    auto const& first = page["opinions"][0];
    CHECK(first["id"] == id);
    std::string comment = first["answers"]["comment"];
    CHECK(comment.find("090-1234-5678") == std::string::npos);
    CHECK(comment.find("taro@example.jp") == std::string::npos);
    CHECK(comment.find("[電話番号]") != std::string::npos);
    CHECK(comment.find("[メール]") != std::string::npos);
    CHECK(first["answers"]["frequency"] == "weekly");
    CHECK(first["likes"] == 0);
    CHECK(first["reply"].is_null());
    CHECK_FALSE(first.contains("status"));
    REQUIRE(page["next_before"].is_number());

    auto samples = sample_count(server, open_campaign);
    REQUIRE(samples >= 2);
    auto next = json_of(client->Get(opinions_path(open_campaign) + "?limit=" +
        std::to_string(samples) + "&before=" +
        std::to_string(page["next_before"].get<long long>())));
    REQUIRE(next["opinions"].size() == static_cast<std::size_t>(samples - 1));
    CHECK(next["opinions"][0]["is_sample"] == true);
    CHECK(next["next_before"].is_null());

    // 3. Staff see it as written, with where the personal information is.
    auto moderation = json_of(client->Get(std::string("/api/v1/staff/campaigns/") +
        open_campaign + "/opinions?status=published&sample=false", staff.headers()));
    REQUIRE(moderation["opinions"].size() == 1);
    auto const& raw = moderation["opinions"][0];
    CHECK(raw["answers"]["comment"].get<std::string>().find("090-1234-5678") !=
        std::string::npos);
    CHECK(raw["personal_info"].size() == 2);
    CHECK(raw["personal_info"][0]["pointer"] == "/answers/comment");

    // 4. Pending opinions are not public; bad paging parameters are named.
    CHECK(json_of(client->Get(opinions_path(open_campaign) + "?limit=100"))["opinions"].size() ==
        static_cast<std::size_t>(samples + 1));
    auto error = check_json_error(client->Get(opinions_path(open_campaign) + "?limit=0"), 400,
        "bad_parameter");
    CHECK(has_problem(error, "/query/limit"));
    check_json_error(client->Get(opinions_path("no-such-campaign")), 404, "not_found");
}

TEST_CASE("a like counts once per device, only on published opinions", "[api][residents]")
{
    ServerProcess server;
    auto client = server.client();
    auto samples = json_of(client->Get(opinions_path(open_campaign)));
    REQUIRE_FALSE(samples["opinions"].empty());
    std::string path =
        "/api/v1/opinions/" + std::to_string(samples["opinions"][0]["id"].get<long long>()) +
        "/likes";

    auto first = client->Post(path, R"({"device_id": "device-aaaa-1111"})", "application/json");
    REQUIRE(first);
    CHECK(first->status == 201);
    CHECK(json_of(first)["likes"] == 1);
    auto again = client->Post(path, R"({"device_id": "device-aaaa-1111"})", "application/json");
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(json_of(again)["likes"] == 1);
    auto other = client->Post(path, R"({"device_id": "device-bbbb-2222"})", "application/json");
    REQUIRE(other);
    CHECK(other->status == 201);
    CHECK(json_of(other)["likes"] == 2);
    CHECK(json_of(client->Get(opinions_path(open_campaign)))["opinions"][0]["likes"] == 2);

    // The device id is never stored as it came.
    CHECK(count_rows(server.database(), "SELECT COUNT(*) FROM likes") == 2);
    CHECK(count_rows(server.database(),
              "SELECT COUNT(*) FROM likes WHERE device LIKE '%device-aaaa%'") == 0);

    auto error = check_json_error(client->Post(path, R"({"device": "x"})", "application/json"),
        422, "validation_failed");
    CHECK(has_problem(error, "/device_id", "required"));
    CHECK(has_problem(error, "/device", "unknown_field"));
    check_json_error(client->Post("/api/v1/opinions/999999/likes",
                         R"({"device_id": "device-aaaa-1111"})", "application/json"),
        404, "not_found");

    auto pending = post_opinion(*client, open_campaign, "pending-key-01",
        parks_opinion("未公開").dump());
    REQUIRE(pending);
    check_json_error(client->Post("/api/v1/opinions/" +
                             std::to_string(json_of(pending)["id"].get<long long>()) + "/likes",
                         R"({"device_id": "device-aaaa-1111"})", "application/json"),
        404, "not_found");
}

TEST_CASE("posting is rate limited per client, with Retry-After, and no address is stored",
    "[api][residents]")
{
    ServerProcess server({"--opinion-rate", "3"});
    auto client = server.client();
    int created = 0;
    std::vector<httplib::Result> results;
    for (int i = 0; i < 4; ++i) {
        results.push_back(post_opinion(*client, open_campaign,
            "rate-key-000" + std::to_string(i), parks_opinion("rate " + std::to_string(i)).dump()));
        REQUIRE(results.back());
        created += results.back()->status == 201;
    }
    CHECK(created == 1); // a burst of a third of the per-minute rate, at least one
    check_json_error(results.back(), 429, "rate_limited");
    CHECK(std::stoi(results.back()->get_header_value("Retry-After")) >= 1);
    CHECK(real_opinions(server) == 1);
    server.stop();
    CHECK(server.log().find("127.0.0.1") == std::string::npos);
}

TEST_CASE("behind a trusted proxy, clients are told apart by X-Forwarded-For",
    "[api][residents]")
{
    ServerProcess server({"--opinion-rate", "3", "--trust-proxy"});
    auto client = server.client();
    auto send = [&](std::string const& forwarded, std::string const& key) {
        auto result = client->Post(std::string("/api/v1/campaigns/") + open_campaign +
                "/opinions",
            {{"Idempotency-Key", key}, {"X-Forwarded-For", forwarded}},
            parks_opinion(key).dump(), "application/json");
        REQUIRE(result);
        return result->status;
    };
    CHECK(send("203.0.113.7", "proxy-key-01") == 201);
    CHECK(send("203.0.113.7", "proxy-key-02") == 429);
    CHECK(send("198.51.100.2", "proxy-key-03") == 201);
    // A client cannot pick its own bucket by sending a header the proxy appends to.
    CHECK(send("10.0.0.1, 203.0.113.7", "proxy-key-04") == 429);
}

TEST_CASE("the OpenAPI document is served, and every path in it is routed", "[api][openapi]")
{
    ServerProcess server;
    auto client = server.client();
    auto result = client->Get("/api/v1/openapi.json");
    auto document = json_of(result);
    CHECK(result->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    CHECK(document["openapi"].get<std::string>().rfind("3.", 0) == 0);
    CHECK(document["servers"][0]["url"] == "/api/v1");

    // Each documented operation reaches a handler: never the router's "no API here" or 405.
    int operations = 0;
    for (auto const& [path, methods] : document["paths"].items()) {
        std::string concrete = "/api/v1" + std::regex_replace(path, std::regex(R"(\{[^}]+\})"),
            "1");
        for (auto const& [method, operation] : methods.items()) {
            httplib::Request request;
            request.method = method;
            for (char& c : request.method)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            request.path = concrete;
            auto answer = client->send(request);
            REQUIRE(answer);
            INFO(request.method << " " << concrete << " -> " << answer->body);
            CHECK(answer->status != 405);
            CHECK(answer->body.find("There is no API") == std::string::npos);
            operations += 1;
        }
    }
    CHECK(operations >= 24);

    // Every $ref points at a schema that exists.
    std::string text = document.dump();
    std::regex reference(R"(#/components/schemas/(\w+))");
    for (std::sregex_iterator it(text.begin(), text.end(), reference), end; it != end; ++it)
        CHECK(document["components"]["schemas"].contains((*it)[1].str()));
}
