// Loading what the analysis tests share: the lexicon from assets/analysis and labelled sets of
// opinions from tests/analysis.
#pragma once

#include "shared/analysis/lexicon.hpp"
#include "shared/analysis/opinion.hpp"

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

inline std::string read_text_file(std::string const& path)
{
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline machiba::analysis::Lexicon load_lexicon()
{
    auto result = machiba::analysis::Lexicon::parse(
        read_text_file(MACHIBA_SOURCE_DIR "/assets/analysis/variants.tsv"),
        read_text_file(MACHIBA_SOURCE_DIR "/assets/analysis/stop_words.txt"));
    REQUIRE(std::holds_alternative<machiba::analysis::Lexicon>(result));
    return std::get<machiba::analysis::Lexicon>(std::move(result));
}

struct LabelledSet {
    std::vector<machiba::analysis::Opinion> opinions;
    std::vector<std::string> topics;
    std::vector<std::string> duplicate_groups; // empty when the opinion is in none
    std::vector<std::vector<std::pair<std::string, std::string>>> personal_info; // kind, text
};

inline LabelledSet load_labelled_set(std::string const& path)
{
    LabelledSet set;
    std::istringstream in(read_text_file(path));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        auto json = nlohmann::json::parse(line, nullptr, false);
        REQUIRE_FALSE(json.is_discarded());
        set.opinions.push_back({json.value("id", std::to_string(set.opinions.size() + 1)),
                                json.at("text").get<std::string>(), json.value("age_band", ""),
                                json.value("district", ""), json.value("campaign", "")});
        set.topics.push_back(json.at("topic").get<std::string>());
        set.duplicate_groups.push_back(json.value("duplicate_group", ""));
        std::vector<std::pair<std::string, std::string>> items;
        if (json.contains("pii")) {
            for (auto const& item : json["pii"])
                items.push_back(
                    {item.at("kind").get<std::string>(), item.at("text").get<std::string>()});
        }
        set.personal_info.push_back(std::move(items));
    }
    return set;
}
