// Tests of NFKC and of the matching fold: the spellings a teenager might type meet one entry.
#include "shared/text/normalize.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace machiba::text;

TEST_CASE("nfkc turns width variants into their usual forms", "[normalize]")
{
    CHECK(nfkc("ｼﾆﾀｲ") == "シニタイ");
    CHECK(nfkc("ﾊﾟﾊﾟ活") == "パパ活");
    CHECK(nfkc("ＯＤ１２３") == "OD123");
    CHECK(nfkc("①") == "1");
    CHECK(nfkc("e\xCC\x81") == "é");
}

TEST_CASE("nfkc never returns invalid UTF-8", "[normalize]")
{
    CHECK(nfkc("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("kana spellings of one word fold to the same text", "[normalize]")
{
    auto const expected = fold_for_matching("しにたい");
    CHECK(expected == "しにたい");
    for (char const* spelling : {"ｼﾆﾀｲ", "シニタイ", "しにたーい", "シ ニ タ イ", "しにたい！！",
             "しにたい😭😭", "しにたぁい", "しにたいいいい", "ｼﾆﾀｰｲ"})
        CHECK(fold_for_matching(spelling) == expected);
}

TEST_CASE("kanji stay kanji, so the lexicon carries both readings", "[normalize]")
{
    CHECK(fold_for_matching("死にたい") == "死にたい");
    CHECK(fold_for_matching("死にたい") != fold_for_matching("しにたい"));
}

TEST_CASE("case and width fold for latin letters and digits", "[normalize]")
{
    CHECK(fold_for_matching("ＯＤした") == "odした");
    CHECK(fold_for_matching("I Want To DIE") == "iwanttodie");
    CHECK(fold_for_matching("＃７１１９") == "7119");
    CHECK(fold_for_matching("1111") == "1111");
    CHECK(fold_for_matching("helllp") == "hellp");
}

TEST_CASE("small kana grow unless they only stretch a vowel", "[normalize]")
{
    CHECK(fold_for_matching("むりぃ") == "むり");
    CHECK(fold_for_matching("リストカット") == fold_for_matching("りすとかつと"));
    CHECK(fold_for_matching("ファ") == "ふあ");
    CHECK(fold_for_matching("ちゃん") == "ちやん");
}

TEST_CASE("boundaries can be kept as single spaces", "[normalize]")
{
    FoldOptions const options{.keep_boundaries = true};
    CHECK(fold_for_matching("  I want   to die...  ", options) == "i want to die");
    CHECK(fold_for_matching("死にたい。でも、大丈夫", options) == "死にたい でも 大丈夫");
    CHECK(fold_for_matching("ok😭😭 fine", options) == "ok fine");
}

TEST_CASE("joiners and variation selectors in emoji vanish", "[normalize]")
{
    CHECK(fold_for_matching("つらい\U0001F469\u200D\U0001F467\uFE0F") == "つらい");
}

TEST_CASE("every folded byte points back to where it came from", "[normalize]")
{
    std::string const text = "ａ ｼﾞ死";
    auto const folded = fold_with_offsets(text);
    REQUIRE(folded.text == "a" "じ" "死");
    REQUIRE(folded.source_offsets.size() == folded.text.size());
    CHECK(folded.source_offsets[0] == 0);  // ａ: 3 bytes at 0
    CHECK(folded.source_offsets[1] == 4);  // ｼﾞ: after ａ and the space
    CHECK(folded.source_offsets[4] == 10); // 死 after ｼ (3 bytes) and ﾞ (3 bytes)
}

TEST_CASE("bad UTF-8 folds without crashing and keeps offsets in the input", "[normalize]")
{
    std::string const text = "a\xE3\x81" "b";
    auto const folded = fold_with_offsets(text);
    CHECK(folded.text == "ab");
    REQUIRE(folded.source_offsets.size() == 2);
    CHECK(folded.source_offsets[1] == 3);
}
