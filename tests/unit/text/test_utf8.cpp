// Tests of UTF-8 checking, decoding, encoding and iteration.
#include "shared/text/utf8.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

using namespace machiba::text;

TEST_CASE("valid UTF-8 passes, including 1 to 4 byte characters", "[utf8]")
{
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("hello"));
    CHECK(is_valid_utf8("é死にたい😭"));
    CHECK_FALSE(validate_utf8("\xF0\x9F\x98\xAD").has_value());
}

TEST_CASE("each kind of bad sequence is reported with the offset of its first byte", "[utf8]")
{
    struct Case {
        std::string text;
        Utf8ErrorKind kind;
        std::size_t offset;
    };
    std::vector<Case> const cases = {
        {"ab\x80", Utf8ErrorKind::unexpected_continuation, 2},
        {"\xC0\xAF", Utf8ErrorKind::invalid_lead_byte, 0},
        {"x\xFF", Utf8ErrorKind::invalid_lead_byte, 1},
        {"死\xE3\x81", Utf8ErrorKind::truncated_sequence, 3},
        {"\xE3\x81" "a", Utf8ErrorKind::truncated_sequence, 0},
        {"ok\xE0\x80\xAF", Utf8ErrorKind::overlong_encoding, 2},
        {"\xED\xA0\x80", Utf8ErrorKind::surrogate, 0},
        {"\xF4\x90\x80\x80", Utf8ErrorKind::out_of_range, 0},
    };
    for (auto const& c : cases) {
        INFO(c.text);
        auto const error = validate_utf8(c.text);
        REQUIRE(error.has_value());
        CHECK(error->kind == c.kind);
        CHECK(error->offset == c.offset);
    }
}

TEST_CASE("an error has a stable code and a message that says where", "[utf8]")
{
    auto const error = validate_utf8("abc\xFF");
    REQUIRE(error);
    CHECK(error->code() == "invalid_utf8.invalid_lead_byte");
    CHECK(error->message().find("byte 3") != std::string::npos);
}

TEST_CASE("decoding gives code points and lengths, and steps over bad bytes", "[utf8]")
{
    auto const a = decode_utf8("死", 0);
    CHECK(a.code_point == U'死');
    CHECK(a.length == 3);
    CHECK(a.valid);

    auto const bad = decode_utf8("\xE3\x81" "a", 0);
    CHECK(bad.code_point == replacement_character);
    CHECK(bad.length == 2);
    CHECK_FALSE(bad.valid);
}

TEST_CASE("encoding round-trips every length and refuses surrogates", "[utf8]")
{
    for (char32_t c : {U'a', U'é', U'死', U'😭', char32_t(0x10FFFF)})
        CHECK(to_code_points(encode_utf8(c)) == std::u32string(1, c));
    CHECK(encode_utf8(0xD800) == "\xEF\xBF\xBD");
    CHECK(encode_utf8(0x110000) == "\xEF\xBF\xBD");
    CHECK(from_code_points(U"しにたい") == "しにたい");
}

TEST_CASE("sanitizing replaces only the bad sequences", "[utf8]")
{
    CHECK(sanitize_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(sanitize_utf8("死にたい") == "死にたい");
    CHECK(is_valid_utf8(sanitize_utf8("\xC0\xE3\x81\xF4\x90\x80\x80")));
}

TEST_CASE("iterating gives each code point with its byte offset", "[utf8]")
{
    std::vector<std::pair<char32_t, std::size_t>> seen;
    for (auto [code_point, offset] : CodePoints("aé死😭"))
        seen.emplace_back(code_point, offset);
    std::vector<std::pair<char32_t, std::size_t>> const expected = {
        {U'a', 0}, {U'é', 1}, {U'死', 3}, {U'😭', 6}};
    CHECK(seen == expected);
    CHECK(count_code_points("aé死😭") == 4);
    CHECK(count_code_points("a\xFF\xFF") == 3);
}
