// Tests of the character classes.
#include "shared/text/char_class.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace machiba::text;

TEST_CASE("each script of Japanese text gets its class", "[char_class]")
{
    CHECK(char_class(U'死') == CharClass::kanji);
    CHECK(char_class(U'々') == CharClass::kanji);
    CHECK(char_class(U'し') == CharClass::hiragana);
    CHECK(char_class(U'シ') == CharClass::katakana);
    CHECK(char_class(U'ｼ') == CharClass::katakana);
    CHECK(char_class(U'ー') == CharClass::katakana);
    CHECK(char_class(U'a') == CharClass::latin);
    CHECK(char_class(U'Ａ') == CharClass::latin);
    CHECK(char_class(U'é') == CharClass::latin);
    CHECK(char_class(U'7') == CharClass::digit);
    CHECK(char_class(U'７') == CharClass::digit);
    CHECK(char_class(U'　') == CharClass::space);
    CHECK(char_class(U'\n') == CharClass::space);
    CHECK(char_class(U'。') == CharClass::symbol);
    CHECK(char_class(U'😭') == CharClass::symbol);
    CHECK(char_class(U'한') == CharClass::other);
    CHECK(char_class_name(CharClass::katakana) == "katakana");
}
