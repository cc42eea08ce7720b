// Personal-information detection: recall over a table of varied phone numbers, e-mail and street
// addresses, no matches on dates, prices and counts, and masking that keeps the rest intact.
#include "shared/text/personal_info.hpp"

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace machiba::text;

namespace {

struct Case {
    std::string kind;
    std::string text;
    std::string expect;
};

std::vector<Case> load_cases()
{
    std::ifstream in(MACHIBA_SOURCE_DIR "/tests/analysis/personal_info_cases.jsonl");
    std::vector<Case> cases;
    std::string line;
    while (std::getline(in, line)) {
        auto json = nlohmann::json::parse(line, nullptr, false);
        REQUIRE_FALSE(json.is_discarded());
        cases.push_back({json["kind"], json["text"], json["expect"]});
    }
    return cases;
}

// The expected text lies inside one match of the expected kind.
bool found(Case const& c, std::vector<PersonalInfoMatch> const& matches)
{
    auto const where = c.text.find(c.expect);
    for (auto const& match : matches) {
        if (personal_info_kind_name(match.kind) == c.kind && match.begin <= where
            && where + c.expect.size() <= match.end)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("Personal information is found in at least 95% of varied examples", "[pii]")
{
    auto const cases = load_cases();
    int positives = 0;
    int hits = 0;
    for (auto const& c : cases) {
        if (c.kind == "none")
            continue;
        ++positives;
        auto const matches = find_personal_info(c.text);
        if (found(c, matches))
            ++hits;
        else
            UNSCOPED_INFO("missed " << c.kind << ": " << c.text);
    }
    REQUIRE(positives >= 60);
    double const recall = static_cast<double>(hits) / positives;
    std::cout << "personal information recall: " << hits << "/" << positives << " = " << recall
              << "\n";
    CHECK(recall >= 0.95);
}

TEST_CASE("Dates, prices, counts and times are not personal information", "[pii]")
{
    auto const cases = load_cases();
    int negatives = 0;
    for (auto const& c : cases) {
        if (c.kind != "none")
            continue;
        ++negatives;
        auto const matches = find_personal_info(c.text);
        INFO(c.text << " -> " << (matches.empty() ? "" : matches.front().text));
        CHECK(matches.empty());
    }
    CHECK(negatives >= 25);
}

TEST_CASE("Masking replaces each match with its kind and keeps everything else", "[pii]")
{
    std::string const text = "電話は03-1234-5678、メールはa@example.jp、住所は西品川3-16-28です";
    CHECK(mask_personal_info(text) == "電話は[電話番号]、メールは[メール]、住所は[住所]です");
    CHECK(mask_personal_info("ペットと避難訓練") == "ペットと避難訓練");
}

TEST_CASE("Matches report byte offsets into the original text", "[pii]")
{
    std::string const text = "携帯０９０‐１２３４‐５６７８まで";
    auto const matches = find_personal_info(text);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].kind == PersonalInfoKind::phone);
    CHECK(text.substr(matches[0].begin, matches[0].end - matches[0].begin) == matches[0].text);
    CHECK(matches[0].text == "０９０‐１２３４‐５６７８");
}

TEST_CASE("Invalid UTF-8 and empty text are stepped over without a crash", "[pii]")
{
    CHECK(find_personal_info("").empty());
    std::string const broken = "\xff\xfe 03-1234-5678 \xe3\x81";
    auto const matches = find_personal_info(broken);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].text == "03-1234-5678");
}

TEST_CASE("A phone number is not taken for a block number", "[pii]")
{
    auto const matches = find_personal_info("電話03-1234-5678");
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].kind == PersonalInfoKind::phone);
}
