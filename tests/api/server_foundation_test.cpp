// The server's foundation over real HTTP: start and stop, health, static files, headers, errors,
// the request log, the database file.
#include "tests/api/server_process.hpp"

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fstream>
#include <regex>

using machiba::tests::ServerProcess;

namespace {

void write_file(std::filesystem::path const& path, std::string const& contents)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << contents;
}

nlohmann::json body_json(httplib::Result const& result)
{
    REQUIRE(result);
    auto parsed = nlohmann::json::parse(result->body, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    return parsed;
}

void check_json_error(httplib::Result const& result, int status, std::string const& code)
{
    REQUIRE(result);
    CHECK(result->status == status);
    CHECK(result->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    auto body = body_json(result);
    REQUIRE(body.contains("error"));
    CHECK(body["error"]["code"] == code);
    CHECK(body["error"]["message"].is_string());
    CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
}

} // namespace

TEST_CASE("machiba-serve prints its address first and stops cleanly on SIGTERM", "[server]")
{
    ServerProcess server({"--no-seed"});
    CHECK(std::regex_match(server.first_line(),
        std::regex(R"(listening on http://127\.0\.0\.1:[0-9]+)")));
    CHECK(server.port() > 0);
    CHECK(server.stop() == 0);
}

TEST_CASE("GET /api/v1/health answers JSON with the version and the database state", "[server]")
{
    ServerProcess server({"--no-seed"});
    auto result = server.client()->Get("/api/v1/health");
    REQUIRE(result);
    CHECK(result->status == 200);
    auto body = body_json(result);
    CHECK(body["status"] == "ok");
    CHECK(body["database"] == "ok");
    CHECK(body["version"] == MACHIBA_VERSION);
}

TEST_CASE("every response carries the security headers", "[server]")
{
    ServerProcess server({"--no-seed"});
    auto client = server.client();
    for (std::string path : {"/api/v1/health", "/", "/missing.js", "/api/v1/nothing"}) {
        INFO(path);
        auto result = client->Get(path);
        REQUIRE(result);
        auto policy = result->get_header_value("Content-Security-Policy");
        CHECK(policy.find("default-src 'self'") != std::string::npos);
        CHECK(policy.find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
        CHECK(policy.find("frame-ancestors 'none'") != std::string::npos);
        CHECK(policy.find("object-src 'none'") != std::string::npos);
        CHECK(policy.find("http") == std::string::npos); // no other origin anywhere
        CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(result->get_header_value("Referrer-Policy") == "no-referrer");
        CHECK(result->get_header_value("X-Frame-Options") == "DENY");
        CHECK(result->get_header_value("Permissions-Policy").find("camera=()") !=
            std::string::npos);
    }
}

TEST_CASE("static files go out with their media types and cache lifetimes", "[server]")
{
    ServerProcess server({"--no-seed"});
    struct Case {
        std::string name;
        std::string type;
        bool immutable;
    };
    std::vector<Case> cases = {
        {"machiba.1a2b3c4d.wasm", "application/wasm", true},
        {"machiba.1a2b3c4d.js", "text/javascript", true},
        {"app.js", "text/javascript", false},
        {"fonts/ipaexg.0123456789abcdef.ttf", "font/ttf", true},
        {"data/pack.json", "application/json", false},
        {"icon.png", "image/png", false},
        {"logo.svg", "image/svg+xml", false},
        {"manifest.webmanifest", "application/manifest+json", false},
        {"index.html", "text/html", false},
    };
    auto client = server.client();
    for (auto const& test : cases) {
        INFO(test.name);
        write_file(server.site() / test.name, "contents of " + test.name);
        auto result = client->Get("/" + test.name);
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(result->body == "contents of " + test.name);
        CHECK(result->get_header_value("Content-Type").rfind(test.type, 0) == 0);
        if (test.immutable)
            CHECK(result->get_header_value("Cache-Control") ==
                "public, max-age=31536000, immutable");
        else
            CHECK(result->get_header_value("Cache-Control") == "no-cache");
    }

    auto root = client->Get("/");
    REQUIRE(root);
    CHECK(root->status == 200);
    CHECK(root->body == "contents of index.html");
}

TEST_CASE("a precompressed .gz is sent only to clients that accept gzip", "[server]")
{
    ServerProcess server({"--no-seed"});
    write_file(server.site() / "app.deadbeef00.js", "plain");
    write_file(server.site() / "app.deadbeef00.js.gz", "pretend-gzip-bytes");
    auto client = server.client();
    client->set_decompress(false); // look at the bytes as sent

    auto gzip = client->Get("/app.deadbeef00.js", {{"Accept-Encoding", "gzip, deflate, br"}});
    REQUIRE(gzip);
    CHECK(gzip->status == 200);
    CHECK(gzip->get_header_value("Content-Encoding") == "gzip");
    CHECK(gzip->get_header_value("Vary") == "Accept-Encoding");
    CHECK(gzip->get_header_value("Content-Type").rfind("text/javascript", 0) == 0);
    CHECK(gzip->body == "pretend-gzip-bytes"); // sent as stored, not compressed again

    auto plain = client->Get("/app.deadbeef00.js", {{"Accept-Encoding", "gzip;q=0"}});
    REQUIRE(plain);
    CHECK(plain->get_header_value("Content-Encoding").empty());
    CHECK(plain->body == "plain");

    auto none = client->Get("/app.deadbeef00.js");
    REQUIRE(none);
    CHECK(none->body == "plain");
}

TEST_CASE("paths that try to leave the site are refused", "[server]")
{
    ServerProcess server({"--no-seed"});
    write_file(server.folder() / "secret.txt", "secret");
    write_file(server.site() / ".hidden", "hidden");
    std::filesystem::create_symlink(server.folder() / "secret.txt", server.site() / "link.txt");
    auto client = server.client();
    for (std::string path : {"/../secret.txt", "/%2e%2e/secret.txt", "/sub/..%2f..%2fsecret.txt",
             "/..%5csecret.txt", "/.hidden", "/link.txt", "/%00index.html"}) {
        INFO(path);
        auto result = client->Get(path);
        REQUIRE(result);
        CHECK(result->status >= 400);
        CHECK(result->body.find("secret") == std::string::npos);
        CHECK(result->body.find("hidden") == std::string::npos);
    }
}

TEST_CASE("API failures are JSON errors: unknown route, wrong method, body too large",
    "[server]")
{
    ServerProcess server({"--no-seed"});
    auto client = server.client();

    check_json_error(client->Get("/api/v1/no-such-thing"), 404, "not_found");
    check_json_error(client->Get("/api/v2/health"), 404, "not_found");

    auto wrong_method = client->Delete("/api/v1/health");
    check_json_error(wrong_method, 405, "method_not_allowed");
    CHECK(wrong_method->get_header_value("Allow") == "GET");

    std::string huge(5 * 1024 * 1024, 'x');
    check_json_error(client->Post("/api/v1/health", huge, "application/json"), 413,
        "payload_too_large");
}

TEST_CASE("the request log has one line per request without query, body or address",
    "[server]")
{
    ServerProcess server({"--no-seed"});
    auto client = server.client();
    REQUIRE(client->Get("/api/v1/health?token=private-query"));
    REQUIRE(client->Post("/api/v1/health", R"({"text":"private-body"})", "application/json"));
    server.stop();

    auto log = server.log();
    CHECK(std::regex_search(log, std::regex(R"(GET /api/v1/health 200 [0-9]+\.[0-9]+ms)")));
    CHECK(std::regex_search(log, std::regex(R"(POST /api/v1/health 405 [0-9]+\.[0-9]+ms)")));
    CHECK(log.find("private-query") == std::string::npos);
    CHECK(log.find("private-body") == std::string::npos);
    CHECK(log.find("127.0.0.1") == std::string::npos);
}

TEST_CASE("the database is created in WAL mode with its schema version recorded", "[server]")
{
    ServerProcess server({"--no-seed"});
    sqlite3* database = nullptr;
    REQUIRE(sqlite3_open_v2(server.database().c_str(), &database, SQLITE_OPEN_READONLY,
                nullptr) == SQLITE_OK);
    auto single_text = [&](char const* sql) {
        sqlite3_stmt* statement = nullptr;
        REQUIRE(sqlite3_prepare_v2(database, sql, -1, &statement, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
        std::string text = reinterpret_cast<char const*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
        return text;
    };
    CHECK(single_text("PRAGMA journal_mode") == "wal");
    CHECK(std::stoi(single_text("SELECT MAX(version) FROM schema_version")) >= 1);
    sqlite3_close(database);
}
