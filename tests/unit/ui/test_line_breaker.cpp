// The kit's line breaking: kinsoku, whole Latin words, where a space in Japanese may break.
#include "wasm/ui/line_breaker.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

using machiba::ui::break_lines;

namespace {

// A Japanese character is one unit wide, anything else half a unit.
float advance(char32_t code)
{
    return code >= 0x2E80 ? 1.0f : 0.5f;
}

std::vector<std::string> lines_of(std::string_view text, float width)
{
    std::vector<std::string> out;
    for (auto const& line : break_lines(text, width, advance))
        out.emplace_back(line.text);
    return out;
}

} // namespace

TEST_CASE("a line never starts with closing punctuation nor ends with an opening bracket",
    "[ui][line_breaker]")
{
    auto const lines = lines_of("ああああ。いいいい「ううう」ええ、おおおお。", 5);
    REQUIRE(lines.size() >= 3);
    for (auto const& line : lines) {
        CHECK(line.rfind("。", 0) != 0);
        CHECK(line.rfind("、", 0) != 0);
        CHECK(line.rfind("」", 0) != 0);
        CHECK((line.size() < 3 || line.substr(line.size() - 3) != "「"));
    }
}

TEST_CASE("a space between Japanese words is where a title breaks", "[ui][line_breaker]")
{
    CHECK(lines_of("ユースヘルスケア しながわほけんしつ", 12) ==
        std::vector<std::string>{"ユースヘルスケア", "しながわほけんしつ"});
}

TEST_CASE("a space beside a number in Japanese text does not end a line early",
    "[ui][line_breaker]")
{
    // Before the fix the line broke after 194 (at 13 of 16 units) instead of after 件は.
    auto const broken =
        break_lines("重複 3717 組、個人情報 194 件は伏せ字にしています。", 16, advance);
    REQUIRE(broken.size() >= 2);
    CHECK(broken[0].width > 15);
    CHECK(std::string(broken[1].text).rfind("件は", 0) != 0);
}

TEST_CASE("Latin words stay whole and newlines start lines", "[ui][line_breaker]")
{
    CHECK(lines_of("hello world again", 4) ==
        std::vector<std::string>{"hello", "world", "again"});
    CHECK(lines_of("あい\nう", 10) == std::vector<std::string>{"あい", "う"});
}
