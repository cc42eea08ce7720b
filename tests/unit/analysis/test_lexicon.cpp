// The variant table: its own file parses, a phrase belongs to one group only, and hiragana
// variants are read as phrases (ごみ, からす) while masks keep a lookalike out (駅からすぐ).
#include "shared/analysis/analyzer.hpp"
#include "shared/analysis/lexicon.hpp"
#include "shared/text/segment.hpp"
#include "shared/text/utf8.hpp"
#include "tests/unit/analysis/analysis_fixtures.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <variant>

using namespace machiba::analysis;

namespace {

// The canonical form of the longest variant at the start of a text, or "" when none starts there.
std::string match_at_start(Lexicon const& lexicon, std::string const& text)
{
    std::u32string const normalized = machiba::text::Segmenter::normalize(text);
    auto const match = lexicon.longest_match(normalized, 0);
    return match.length ? machiba::text::from_code_points(match.canonical) : std::string();
}

} // namespace

TEST_CASE("The shipped variant table parses and each phrase is in one group", "[analysis]")
{
    Lexicon const lexicon = load_lexicon();
    CHECK(lexicon.variant_count() > 1000);
}

TEST_CASE("A phrase in two groups is an error naming the line", "[analysis]")
{
    auto const result = Lexicon::parse("ゴミ\tごみ,trash\nごみ箱\tゴミ箱,ｔｒａｓｈ\n", "");
    REQUIRE(std::holds_alternative<AnalysisError>(result));
    auto const& error = std::get<AnalysisError>(result);
    CHECK(error.code == "lexicon.duplicate_variant");
    CHECK(error.message.find("line 2") != std::string::npos);

    // Repeating a phrase inside its own group is harmless.
    CHECK(std::holds_alternative<Lexicon>(Lexicon::parse("ゴミ\tごみ,ゴミ,ｇａｒｂａｇｅ,garbage\n", "")));
}

TEST_CASE("Hiragana variants are phrases; masks keep lookalikes out", "[analysis]")
{
    Lexicon const lexicon = load_lexicon();
    CHECK(match_at_start(lexicon, "からすがごみを荒らす") == "カラス");
    CHECK(match_at_start(lexicon, "ごみの日") == "収集日");
    CHECK(match_at_start(lexicon, "特養に入れない") == "介護施設");
    CHECK(lexicon.is_stop_word(U"からすぐ"));
    CHECK(match_at_start(lexicon, "からすぐ") == "からすぐ"); // read, and given no phrase
}
