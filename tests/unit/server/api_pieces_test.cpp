// Small pieces of the API: CSV fields and files, preview tokens, rate limits, password hashes.
#include "serve/server/opinion_view.hpp"
#include "serve/server/rate_limiter.hpp"
#include "serve/server/resident_api.hpp"
#include "serve/server/security.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace machiba::server;

TEST_CASE("CSV fields are quoted as RFC 4180 says, and never start a formula", "[csv]")
{
    struct Case {
        char const* text;
        char const* field;
    };
    Case const cases[] = {
        {"plain", "plain"},
        {"公園", "公園"},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\r\nlf", "\"cr\r\nlf\""},
        {"=SUM(A1:A9)", "'=SUM(A1:A9)"},
        {"+81 3", "'+81 3"},
        {"-1", "'-1"},
        {"@cmd", "'@cmd"},
        {"=1,2", "\"'=1,2\""},
        {"", ""},
    };
    for (auto const& c : cases) {
        INFO(c.text);
        CHECK(csv_field(c.text) == c.field);
    }
}

TEST_CASE("the CSV file starts with a BOM and ends its lines with CRLF", "[csv]")
{
    machiba::campaign::Campaign campaign;
    campaign.id = "parks";
    campaign.questions.push_back({.id = "comment"});
    StoredOpinion opinion;
    opinion.id = 7;
    opinion.answers = R"({"comment":"木陰, ほしい"})";
    opinion.district = "oi";
    auto csv = opinions_csv(campaign, {opinion});
    CHECK(csv.rfind("\xEF\xBB\xBFid,received_at,status,is_sample,age_band,district,likes,reply,"
                    "comment\r\n",
              0) == 0);
    CHECK(csv.find("\r\n7,1970-01-01T09:00:00+09:00,pending,false,,oi,0,,\"木陰, ほしい\"\r\n") !=
        std::string::npos);
}

TEST_CASE("a preview token holds for its campaign until it expires, and not when altered",
    "[preview]")
{
    std::string token = make_preview_token("secret", "parks", 5000);
    CHECK(check_preview_token("secret", token, 4999) == "parks");
    CHECK_FALSE(check_preview_token("secret", token, 5000));
    CHECK_FALSE(check_preview_token("another secret", token, 1000));
    std::string other = "drill" + token.substr(token.find('.'));
    CHECK_FALSE(check_preview_token("secret", other, 1000));
    std::string later = make_preview_token("secret", "parks", 5000);
    later.replace(later.find("5000"), 4, "9000");
    CHECK_FALSE(check_preview_token("secret", later, 1000));
    CHECK_FALSE(check_preview_token("secret", "", 0));
    CHECK_FALSE(check_preview_token("secret", "no dots at all", 0));
}

TEST_CASE("a rate limit allows a burst, then refills with time, per client", "[rate]")
{
    RateLimiter limiter(60, 3); // one a second, three at once
    CHECK(limiter.allow("a", 0));
    CHECK(limiter.allow("a", 0));
    CHECK(limiter.allow("a", 0));
    CHECK_FALSE(limiter.allow("a", 0));
    CHECK(limiter.retry_after_seconds("a", 0) == 1);
    CHECK(limiter.allow("b", 0));
    CHECK_FALSE(limiter.allow("a", 500));
    CHECK(limiter.allow("a", 1000));

    RateLimiter off(0, 1);
    for (int i = 0; i < 100; ++i)
        CHECK(off.allow("a", 0));
}

TEST_CASE("passwords are argon2id hashes that verify only the right password", "[security]")
{
    initialise_security();
    auto hash = hash_password("correct horse battery");
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(verify_password(hash, "correct horse battery"));
    CHECK_FALSE(verify_password(hash, "correct horse batterY"));
    CHECK(hash != hash_password("correct horse battery")); // salted
    CHECK(keyed_hash("k", "127.0.0.1") == keyed_hash("k", "127.0.0.1"));
    CHECK(keyed_hash("k", "127.0.0.1") != keyed_hash("other", "127.0.0.1"));
    CHECK(keyed_hash("k", "127.0.0.1").find("127") == std::string::npos);
}
