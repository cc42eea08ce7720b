// The staff API over real HTTP: login, cookie flags, CSRF, lockout; campaigns from draft through
// preview link to published and closed; moderation, replies, export, counts; the command line.
#include "tests/api/api_helpers.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace machiba::tests;
using nlohmann::json;

namespace {

httplib::Result login(httplib::Client& client, std::string const& name,
    std::string const& password, httplib::Headers headers = {})
{
    return client.Post("/api/v1/staff/login", headers,
        json {{"name", name}, {"password", password}}.dump(), "application/json");
}

httplib::Result post_json(httplib::Client& client, std::string const& path,
    httplib::Headers const& headers, json const& body)
{
    return client.Post(path, headers, body.dump(), "application/json");
}

httplib::Result put_json(httplib::Client& client, std::string const& path,
    httplib::Headers const& headers, json const& body)
{
    return client.Put(path, headers, body.dump(), "application/json");
}

httplib::Result send_opinion(httplib::Client& client, std::string const& campaign,
    std::string const& key, json const& body)
{
    return client.Post("/api/v1/campaigns/" + campaign + "/opinions",
        {{"Idempotency-Key", key}}, body.dump(), "application/json");
}

} // namespace

TEST_CASE("staff log in with the password given to `machiba staff add` and get a strict cookie",
    "[api][staff]")
{
    ServerProcess server;
    auto client = server.client();
    REQUIRE(run_staff_command(server.database(), "add yamada --role admin",
                "a long password for yamada\n") == 0);

    SECTION("the cookie is HttpOnly and SameSite=Strict; Secure only behind TLS")
    {
        auto result = login(*client, "yamada", "a long password for yamada");
        REQUIRE(result);
        REQUIRE(result->status == 200);
        std::string cookie = result->get_header_value("Set-Cookie");
        CHECK(cookie.rfind("machiba_session=", 0) == 0);
        CHECK(cookie.find("HttpOnly") != std::string::npos);
        CHECK(cookie.find("SameSite=Strict") != std::string::npos);
        CHECK(cookie.find("Secure") == std::string::npos);
        auto body = json_of(result);
        CHECK(body["staff"]["name"] == "yamada");
        CHECK(body["staff"]["role"] == "admin");
        CHECK(body["csrf_token"].get<std::string>().size() >= 32);

        auto behind_tls = login(*client, "yamada", "a long password for yamada",
            {{"X-Forwarded-Proto", "https"}});
        REQUIRE(behind_tls);
        CHECK(behind_tls->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);

        // The database keeps an argon2id hash, never the password or the session token.
        CHECK(count_rows(server.database(),
                  "SELECT COUNT(*) FROM staff WHERE password_hash LIKE '$argon2id$%'") == 1);
        std::string token = cookie.substr(16, cookie.find(';') - 16);
        CHECK(count_rows(server.database(), "SELECT COUNT(*) FROM sessions WHERE token_hash = '" +
                                                token + "'") == 0);
    }
    SECTION("a wrong password and an unknown name get the same 401")
    {
        check_json_error(login(*client, "yamada", "not the password"), 401,
            "invalid_credentials");
        check_json_error(login(*client, "nobody", "not the password"), 401,
            "invalid_credentials");
        auto error = check_json_error(
            client->Post("/api/v1/staff/login", R"({"name": "yamada"})", "application/json"),
            422, "validation_failed");
        CHECK(has_problem(error, "/password", "required"));
    }
    SECTION("the session answers who is logged in; after logout it is gone")
    {
        auto staff = staff_login(server, "kato");
        auto session = json_of(client->Get("/api/v1/staff/session", staff.headers()));
        CHECK(session["staff"]["name"] == "kato");
        CHECK(session["csrf_token"] == staff.csrf_token);

        auto out = client->Post("/api/v1/staff/logout", staff.headers(), "", "application/json");
        REQUIRE(out);
        CHECK(out->status == 204);
        check_json_error(client->Get("/api/v1/staff/session", staff.headers()), 401,
            "not_logged_in");
    }
    SECTION("the command line refuses a short password and a second account of the same name")
    {
        CHECK(run_staff_command(server.database(), "add suzuki", "short\n") != 0);
        CHECK(run_staff_command(server.database(), "add yamada", "another long password\n") !=
            0);
        CHECK(run_staff_command(server.database(), "add suzuki --role boss",
                  "a long password for suzuki\n") != 0);
        CHECK(count_rows(server.database(), "SELECT COUNT(*) FROM staff") == 1);
    }
}

TEST_CASE("five wrong passwords lock the account, even against the right one", "[api][staff]")
{
    ServerProcess server;
    auto client = server.client();
    REQUIRE(run_staff_command(server.database(), "add ito", "a long password for ito\n") == 0);
    for (int i = 0; i < 4; ++i)
        check_json_error(login(*client, "ito", "wrong guess " + std::to_string(i)), 401,
            "invalid_credentials");
    auto fifth = login(*client, "ito", "wrong guess 5");
    check_json_error(fifth, 423, "account_locked");
    CHECK(std::stoi(fifth->get_header_value("Retry-After")) > 60);
    check_json_error(login(*client, "ito", "a long password for ito"), 423, "account_locked");

    // An operator unlocks it by setting a new password.
    REQUIRE(run_staff_command(server.database(), "password ito",
                "a new long password for ito\n") == 0);
    auto result = login(*client, "ito", "a new long password for ito");
    REQUIRE(result);
    CHECK(result->status == 200);
}

TEST_CASE("every staff change needs the session and its CSRF token", "[api][staff]")
{
    ServerProcess server;
    auto client = server.client();
    auto staff = staff_login(server);
    auto campaign = sample_campaign("csrf-test", "draft", -1, 10);

    check_json_error(post_json(*client, "/api/v1/staff/campaigns", {}, campaign), 401,
        "not_logged_in");
    check_json_error(client->Get("/api/v1/staff/campaigns"), 401, "not_logged_in");
    check_json_error(post_json(*client, "/api/v1/staff/campaigns", {{"Cookie", staff.cookie}},
                         campaign),
        403, "csrf_token_invalid");
    check_json_error(post_json(*client, "/api/v1/staff/campaigns",
                         {{"Cookie", staff.cookie}, {"X-CSRF-Token", "0123456789abcdef"}},
                         campaign),
        403, "csrf_token_invalid");
    check_json_error(put_json(*client, "/api/v1/staff/opinions/1/status",
                         {{"Cookie", staff.cookie}}, {{"status", "hidden"}}),
        403, "csrf_token_invalid");
    check_json_error(client->Post("/api/v1/staff/campaigns/neighbourhood-parks-2026/close",
                         httplib::Headers {{"Cookie", staff.cookie}}, "", "application/json"),
        403, "csrf_token_invalid");
    CHECK(count_rows(server.database(), "SELECT COUNT(*) FROM campaigns WHERE id = 'csrf-test'")
        == 0);
    CHECK(count_rows(server.database(), "SELECT COUNT(*) FROM opinions WHERE status = 'hidden'")
        == 0);

    auto created = post_json(*client, "/api/v1/staff/campaigns", staff.headers(), campaign);
    REQUIRE(created);
    CHECK(created->status == 201);
}

TEST_CASE("a draft is previewed through a signed link, edited with revisions, published, closed",
    "[api][staff]")
{
    ServerProcess server;
    auto client = server.client();
    auto staff = staff_login(server, "takahashi", "admin");
    auto editor = staff_login(server, "sato", "editor");
    std::string base = "/api/v1/staff/campaigns/town-library";

    // 1. A draft: staff see it, residents do not.
    auto created = post_json(*client, "/api/v1/staff/campaigns", staff.headers(),
        sample_campaign("town-library", "draft", -1, 10));
    REQUIRE(created);
    REQUIRE(created->status == 201);
    auto saved = json_of(created);
    CHECK(saved["revision"] == 1);
    CHECK(saved["campaign"]["status"] == "draft");
    CHECK(saved["accepting_opinions"] == false);
    check_json_error(client->Get("/api/v1/campaigns/town-library"), 404, "not_found");
    auto listed = json_of(client->Get("/api/v1/staff/campaigns", staff.headers()));
    CHECK(listed["campaigns"][0]["id"] == "town-library");
    check_json_error(post_json(*client, "/api/v1/staff/campaigns", staff.headers(),
                         sample_campaign("town-library", "draft", -1, 10)),
        409, "already_exists");

    // 2. The preview link shows the draft without a session, and not once tampered with.
    auto link = json_of(client->Post(base + "/preview-link", staff.headers(), "",
        "application/json"));
    std::string token = link["token"];
    CHECK(link["api_path"] == "/api/v1/previews/" + token);
    CHECK(link["app_path"] == "/#/campaigns/preview/" + token);
    auto preview = json_of(client->Get(link["api_path"].get<std::string>()));
    CHECK(preview["id"] == "town-library");
    CHECK(preview["status"] == "draft");
    std::string tampered = token;
    tampered.back() = tampered.back() == '0' ? '1' : '0';
    check_json_error(client->Get("/api/v1/previews/" + tampered), 403, "preview_link_invalid");
    std::string other_campaign = "neighbourhood-parks-2026" + token.substr(token.find('.'));
    check_json_error(client->Get("/api/v1/previews/" + other_campaign), 403,
        "preview_link_invalid");

    // 3. An edit based on revision 1 saves revision 2; a second edit based on 1 conflicts.
    auto edited = sample_campaign("town-library", "draft", -1, 10);
    edited["slides"][0]["title"]["ja"] = "書き直した一枚目";
    auto first_edit = put_json(*client, base, {{"Cookie", staff.cookie},
        {"X-CSRF-Token", staff.csrf_token}, {"If-Match", "1"}}, edited);
    REQUIRE(first_edit);
    REQUIRE(first_edit->status == 200);
    CHECK(json_of(first_edit)["revision"] == 2);
    check_json_error(put_json(*client, base, {{"Cookie", staff.cookie},
        {"X-CSRF-Token", staff.csrf_token}, {"If-Match", "1"}}, edited), 409,
        "revision_conflict");
    CHECK(json_of(client->Get(link["api_path"].get<std::string>()))["slides"][0]["title"]["ja"]
        == "書き直した一枚目");

    // 4. Bad edits name their problems.
    auto broken = edited;
    broken["questions"][1]["choices"][1]["id"] = "a";
    broken["title"]["ja"] = std::string(200, 'x');
    auto error = check_json_error(put_json(*client, base, staff.headers(), broken), 422,
        "validation_failed");
    CHECK(has_problem(error, "/questions/1/choices/1/id"));
    CHECK(has_problem(error, "/title/ja", "too_long"));
    auto other_id = edited;
    other_id["id"] = "another";
    error = check_json_error(put_json(*client, base, staff.headers(), other_id), 422,
        "validation_failed");
    CHECK(has_problem(error, "/id", "id_mismatch"));
    check_json_error(put_json(*client, "/api/v1/staff/campaigns/missing", staff.headers(),
                         sample_campaign("missing", "draft", -1, 10)),
        404, "not_found");

    // 5. Editors write drafts; only admins change what residents see.
    check_json_error(client->Post(base + "/publish", editor.headers(), "", "application/json"),
        403, "forbidden");
    auto as_published = edited;
    as_published["status"] = "published";
    check_json_error(put_json(*client, base, editor.headers(), as_published), 403, "forbidden");
    check_json_error(post_json(*client, "/api/v1/staff/campaigns", editor.headers(),
                         sample_campaign("sneaky", "published", -1, 10)),
        403, "forbidden");
    auto editor_edit = put_json(*client, base, editor.headers(), edited);
    REQUIRE(editor_edit);
    CHECK(editor_edit->status == 200);
    CHECK(json_of(editor_edit)["campaign"]["status"] == "draft");

    // 6. Published: residents see it and may answer. Closed: they may not.
    auto published = client->Post(base + "/publish", staff.headers(), "", "application/json");
    REQUIRE(published);
    CHECK(json_of(published)["campaign"]["status"] == "published");
    CHECK(json_of(client->Get("/api/v1/campaigns/town-library"))["accepting_opinions"] == true);
    auto answer = send_opinion(*client, "town-library", "library-key-1",
        {{"answers", {{"idea", "夜も開けてほしい"}, {"score", 5}}}});
    REQUIRE(answer);
    CHECK(answer->status == 201);

    auto closed = client->Post(base + "/close", staff.headers(), "", "application/json");
    REQUIRE(closed);
    CHECK(json_of(closed)["campaign"]["status"] == "closed");
    check_json_error(send_opinion(*client, "town-library", "library-key-2",
                         {{"answers", {{"idea", "遅すぎた"}}}}),
        409, "campaign_not_open");
    // A retry of an opinion taken before the close is still answered as taken.
    auto retry = send_opinion(*client, "town-library", "library-key-1",
        {{"answers", {{"idea", "夜も開けてほしい"}, {"score", 5}}}});
    REQUIRE(retry);
    CHECK(retry->status == 201);
    CHECK(retry->get_header_value("Idempotent-Replayed") == "true");
    CHECK(count_rows(server.database(),
              "SELECT COUNT(*) FROM opinions WHERE campaign_id = 'town-library'") == 1);
}

TEST_CASE("staff filter, hide, publish and reply to opinions", "[api][staff]")
{
    ServerProcess server;
    auto client = server.client();
    auto staff = staff_login(server);
    std::string campaign = open_campaign;
    auto sent = send_opinion(*client, campaign, "moderate-key-1",
        {{"answers", {{"satisfaction", 2}, {"frequency", "rarely"}, {"comment", "暗くて怖い"}}},
            {"district", "ebara"}, {"age_band", "20s"}});
    REQUIRE(sent);
    long long id = json_of(sent)["id"];
    std::string list = "/api/v1/staff/campaigns/" + campaign + "/opinions";

    auto pending = json_of(client->Get(list + "?status=pending", staff.headers()));
    REQUIRE(pending["opinions"].size() == 1);
    CHECK(pending["opinions"][0]["id"] == id);
    CHECK(json_of(client->Get(list + "?district=ebara&age_band=20s", staff.headers()))
              ["opinions"].size() == 1);
    CHECK(json_of(client->Get(list + "?district=oi", staff.headers()))["opinions"].empty());
    CHECK(json_of(client->Get(list + "?q=%E6%9A%97%E3%81%8F", staff.headers()))["opinions"]
              .size() == 1); // 暗く
    CHECK(json_of(client->Get(list + "?sample=true&limit=200", staff.headers()))["opinions"]
              .size() == static_cast<std::size_t>(sample_count(server, campaign)));
    auto error = check_json_error(client->Get(list + "?status=secret&district=mars",
                                      staff.headers()),
        400, "bad_parameter");
    CHECK(has_problem(error, "/query/status"));
    CHECK(has_problem(error, "/query/district"));

    std::string opinion = "/api/v1/staff/opinions/" + std::to_string(id);
    auto hidden = put_json(*client, opinion + "/status", staff.headers(), {{"status", "hidden"}});
    CHECK(json_of(hidden)["status"] == "hidden");
    error = check_json_error(put_json(*client, opinion + "/status", staff.headers(),
                                 {{"status", "deleted"}}),
        422, "validation_failed");
    CHECK(has_problem(error, "/status"));
    check_json_error(put_json(*client, "/api/v1/staff/opinions/424242/status", staff.headers(),
                         {{"status", "hidden"}}),
        404, "not_found");

    auto replied = json_of(put_json(*client, opinion + "/reply", staff.headers(),
        {{"text", "照明の増設を検討します。"}}));
    CHECK(replied["reply"]["text"] == "照明の増設を検討します。");
    CHECK(replied["reply"]["by"] == "sato");
    error = check_json_error(put_json(*client, opinion + "/reply", staff.headers(),
                                 {{"text", 42}}),
        422, "validation_failed");
    CHECK(has_problem(error, "/text", "wrong_type"));

    put_json(*client, opinion + "/status", staff.headers(), {{"status", "published"}});
    auto public_page = json_of(client->Get("/api/v1/campaigns/" + campaign + "/opinions"));
    CHECK(public_page["opinions"][0]["id"] == id);
    CHECK(public_page["opinions"][0]["reply"]["text"] == "照明の増設を検討します。");
    CHECK_FALSE(public_page["opinions"][0]["reply"].contains("by"));

    auto removed = json_of(put_json(*client, opinion + "/reply", staff.headers(), {{"text", ""}}));
    CHECK(removed["reply"].is_null());
}

TEST_CASE("the CSV export opens in Excel: BOM, CRLF, RFC 4180 quoting, no formulas",
    "[api][staff]")
{
    ServerProcess server;
    auto client = server.client();
    auto staff = staff_login(server);
    auto sent = send_opinion(*client, open_campaign, "export-key-1",
        {{"answers", {{"satisfaction", 5}, {"frequency", "daily"}, {"wishes", {"shade", "events"}},
                         {"comment", "=1+1, \"引用\"\n二行目"}}}});
    REQUIRE(sent);
    REQUIRE(sent->status == 201);

    auto result = client->Get(std::string("/api/v1/staff/campaigns/") + open_campaign +
        "/export?format=csv", staff.headers());
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(result->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(result->get_header_value("Content-Disposition").find("attachment") !=
        std::string::npos);
    std::string const& csv = result->body;
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.substr(3, csv.find("\r\n") - 3) ==
        "id,received_at,status,is_sample,age_band,district,likes,reply,satisfaction,frequency,"
        "wishes,comment");
    CHECK(csv.find("5,daily,shade;events,\"'=1+1, \"\"引用\"\"\n二行目\"\r\n") !=
        std::string::npos);
    std::size_t rows = 0;
    for (auto at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
        rows += 1;
    CHECK(rows == static_cast<std::size_t>(2 + sample_count(server, open_campaign)));

    auto exported = json_of(client->Get(std::string("/api/v1/staff/campaigns/") + open_campaign +
        "/export?format=json", staff.headers()));
    CHECK(exported["campaign"]["id"] == open_campaign);
    CHECK(exported["opinions"].size() ==
        static_cast<std::size_t>(sample_count(server, open_campaign) + 1));
    CHECK(exported["opinions"].back()["answers"]["comment"] == "=1+1, \"引用\"\n二行目");

    check_json_error(client->Get(std::string("/api/v1/staff/campaigns/") + open_campaign +
                         "/export?format=xlsx", staff.headers()),
        400, "bad_parameter");
    check_json_error(client->Get(std::string("/api/v1/staff/campaigns/") + open_campaign +
                         "/export"),
        401, "not_logged_in");
}

TEST_CASE("counts per question and per day include every opinion, samples optional",
    "[api][staff]")
{
    ServerProcess server;
    auto client = server.client();
    auto staff = staff_login(server);
    for (int i = 0; i < 3; ++i) {
        auto sent = send_opinion(*client, open_campaign, "count-key-" + std::to_string(i),
            {{"answers", {{"satisfaction", 1 + i}, {"frequency", "weekly"},
                             {"wishes", {"toilets"}}}}});
        REQUIRE(sent);
        REQUIRE(sent->status == 201);
    }
    std::string path = std::string("/api/v1/staff/campaigns/") + open_campaign + "/counts";

    auto all = json_of(client->Get(path, staff.headers()));
    CHECK(all["total"] == 3 + sample_count(server, open_campaign));
    auto real = json_of(client->Get(path + "?sample=false", staff.headers()));
    CHECK(real["total"] == 3);
    auto const& rating = real["questions"][0];
    CHECK(rating["question_id"] == "satisfaction");
    CHECK(rating["ratings"] == json::array({1, 1, 1, 0, 0}));
    CHECK(rating["mean"] == 2.0);
    auto const& frequency = real["questions"][1];
    CHECK(frequency["choices"][1] == json({{"id", "weekly"}, {"count", 3}}));
    CHECK(real["questions"][2]["choices"][3] == json({{"id", "toilets"}, {"count", 3}}));
    REQUIRE(real["per_day"].size() == 1);
    CHECK(real["per_day"][0]["count"] == 3);
    CHECK(real["per_day"][0]["date"] == iso_days_from_now(0).substr(0, 10));

    check_json_error(client->Get(std::string("/api/v1/staff/campaigns/missing/counts"),
                         staff.headers()),
        404, "not_found");
}
