// StaticFiles: media types, hashed names, Accept-Encoding and path safety.
#include "serve/server/static_files.hpp"

#include <catch2/catch_test_macros.hpp>

#include <fstream>
#include <random>

using namespace machiba::server;

TEST_CASE("media types follow the extension, case-insensitively", "[static]")
{
    CHECK(content_type_for("machiba.wasm") == "application/wasm");
    CHECK(content_type_for("a.JS").rfind("text/javascript", 0) == 0);
    CHECK(content_type_for("f.ttf") == "font/ttf");
    CHECK(content_type_for("m.webmanifest") == "application/manifest+json");
    CHECK(content_type_for("p.json") == "application/json");
    CHECK(content_type_for("i.png") == "image/png");
    CHECK(content_type_for("i.svg") == "image/svg+xml");
    CHECK(content_type_for("README") == "application/octet-stream");
    CHECK(content_type_for("x.unknown") == "application/octet-stream");
}

TEST_CASE("content-hashed names need 8 or more hex digits before the extension", "[static]")
{
    CHECK(is_content_hashed("machiba.1a2b3c4d.wasm"));
    CHECK(is_content_hashed("machiba-0123456789abcdef.js"));
    CHECK(is_content_hashed("font.ABCDEF12.ttf"));
    CHECK_FALSE(is_content_hashed("machiba.1a2b3c4.wasm")); // 7 digits
    CHECK_FALSE(is_content_hashed("machiba.wasm"));
    CHECK_FALSE(is_content_hashed("index.html"));
    CHECK_FALSE(is_content_hashed("machiba.1a2b3c4g.js")); // g is not hex
    CHECK_FALSE(is_content_hashed("1a2b3c4d.js"));         // nothing but the hash
}

TEST_CASE("Accept-Encoding is read as a list with weights", "[static]")
{
    CHECK(accepts_gzip("gzip"));
    CHECK(accepts_gzip("deflate, gzip;q=0.5, br"));
    CHECK(accepts_gzip("GZIP"));
    CHECK(accepts_gzip("*"));
    CHECK_FALSE(accepts_gzip(""));
    CHECK_FALSE(accepts_gzip("br, deflate"));
    CHECK_FALSE(accepts_gzip("gzip;q=0"));
    CHECK_FALSE(accepts_gzip("gzip; q=0.000"));
    CHECK_FALSE(accepts_gzip("x-gzip-not"));
}

TEST_CASE("resolve stays inside the root and maps folders to index.html", "[static]")
{
    auto root = std::filesystem::temp_directory_path() /
        ("machiba-static-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(root / "sub");
    std::ofstream(root / "index.html") << "home";
    std::ofstream(root / "sub" / "index.html") << "sub";
    std::ofstream(root / "app.js") << "js";
    std::ofstream(root / "app.js.gz") << "gz";
    std::ofstream(root / ".env") << "secret";

    StaticFiles files(root);
    auto home = files.resolve("/", false);
    REQUIRE(home);
    CHECK(home->path.filename() == "index.html");
    CHECK(home->cache_control == "no-cache");
    auto sub = files.resolve("/sub/", false);
    REQUIRE(sub);
    CHECK(sub->path == root / "sub" / "index.html");

    auto plain = files.resolve("/app.js", false);
    REQUIRE(plain);
    CHECK_FALSE(plain->gzip);
    CHECK(plain->has_gzip);
    auto gzip = files.resolve("/app.js", true);
    REQUIRE(gzip);
    CHECK(gzip->gzip);
    CHECK(gzip->path.filename() == "app.js.gz");
    CHECK(gzip->content_type.rfind("text/javascript", 0) == 0);

    CHECK_FALSE(files.resolve("/../etc/passwd", false));
    CHECK_FALSE(files.resolve("/sub/../../etc/passwd", false));
    CHECK_FALSE(files.resolve("/.env", false));
    CHECK_FALSE(files.resolve("/sub//index.html", false));
    CHECK_FALSE(files.resolve("/a\\b", false));
    CHECK_FALSE(files.resolve("relative", false));
    CHECK_FALSE(files.resolve("/missing.js", false));
    std::filesystem::remove_all(root);
}
