// Slide markup: paragraphs, bullets, numbered items and emphasis, as the slide view draws them.
#include "shared/campaign/slide_markup.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace machiba::campaign;

TEST_CASE("emphasis pairs become emphasised spans; an unclosed marker stays text", "[markup]")
{
    CHECK(parse_markup_spans("a **b** c") ==
        std::vector<MarkupSpan> {{"a ", false}, {"b", true}, {" c", false}});
    CHECK(parse_markup_spans("**全部**") == std::vector<MarkupSpan> {{"全部", true}});
    CHECK(parse_markup_spans("5 ** 2") == std::vector<MarkupSpan> {{"5 ** 2", false}});
    CHECK(parse_markup_spans("").empty());
}

TEST_CASE("blocks: paragraphs joined by line breaks, bullets and numbered items", "[markup]")
{
    auto blocks = parse_slide_markup("一行目\n二行目\n\n- 避難\n・消火\n2. 応急手当\n最後");
    REQUIRE(blocks.size() == 5);
    CHECK(blocks[0].kind == MarkupBlockKind::paragraph);
    CHECK(blocks[0].spans == std::vector<MarkupSpan> {{"一行目\n二行目", false}});
    CHECK(blocks[1].kind == MarkupBlockKind::bullet);
    CHECK(blocks[1].spans[0].text == "避難");
    CHECK(blocks[2].kind == MarkupBlockKind::bullet);
    CHECK(blocks[2].spans[0].text == "消火");
    CHECK(blocks[3].kind == MarkupBlockKind::numbered);
    CHECK(blocks[3].number == 2);
    CHECK(blocks[3].spans[0].text == "応急手当");
    CHECK(blocks[4].kind == MarkupBlockKind::paragraph);
}

TEST_CASE("plain text drops the markers but keeps the words", "[markup]")
{
    CHECK(markup_plain_text("**大切**です\n- 一つ") == "大切です\n・一つ");
    CHECK(markup_plain_text("") == "");
}
