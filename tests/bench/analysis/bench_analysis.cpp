// The analysis benchmark program: reads a JSONL corpus and the lexicon, runs the analysis once
// and prints one JSON line with the seconds it took (reading excluded), peak memory and counts.
// Built natively and, in the wasm tree, as one file for node.
//
//   bench_analysis CORPUS.jsonl LEXICON_FOLDER
#include "shared/analysis/analyzer.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

namespace {

std::string read_file(std::string const& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Peak memory in MiB: the process's resident peak natively, the wasm heap's size in wasm (it
// only grows, so its size is its peak).
double peak_mib()
{
#ifdef __EMSCRIPTEN__
    return static_cast<double>(emscripten_get_heap_size()) / (1024.0 * 1024.0);
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
#endif
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fputs("usage: bench_analysis CORPUS.jsonl LEXICON_FOLDER\n", stderr);
        return 2;
    }

    // 1. Read the corpus and the lexicon (not timed).
    std::vector<machiba::analysis::Opinion> opinions;
    std::istringstream lines(read_file(argv[1]));
    std::size_t characters = 0;
    for (std::string line; std::getline(lines, line);) {
        auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded())
            continue;
        machiba::analysis::Opinion opinion;
        opinion.id = json.value("id", "");
        opinion.text = json.value("text", "");
        opinion.campaign = json.value("campaign", "");
        opinion.age_band = json.value("age_band", "");
        opinion.district = json.value("district", "");
        for (unsigned char c : opinion.text)
            characters += (c & 0xC0) != 0x80;
        opinions.push_back(std::move(opinion));
    }
    std::string const folder = argv[2];
    auto parsed = machiba::analysis::Lexicon::parse(read_file(folder + "/variants.tsv"),
                                                    read_file(folder + "/stop_words.txt"));
    if (!std::holds_alternative<machiba::analysis::Lexicon>(parsed)) {
        std::fputs("bench_analysis: bad lexicon\n", stderr);
        return 1;
    }
    auto const& lexicon = std::get<machiba::analysis::Lexicon>(parsed);

    // 2. One timed analysis, with the stage times from the progress callback.
    nlohmann::json stages = nlohmann::json::object();
    auto const start = std::chrono::steady_clock::now();
    auto seconds_since = [&start] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    std::string last_stage;
    machiba::analysis::Analyzer const analyzer({}, &lexicon);
    auto result = analyzer.run(opinions, [&](machiba::analysis::AnalysisStage stage, double) {
        std::string const name(machiba::analysis::analysis_stage_name(stage));
        if (name != last_stage) {
            stages[name] = seconds_since();
            last_stage = name;
        }
        return true;
    });
    double const seconds = seconds_since();
    if (!std::holds_alternative<machiba::analysis::AnalysisReport>(result)) {
        std::fputs("bench_analysis: the analysis failed\n", stderr);
        return 1;
    }
    auto const& report = std::get<machiba::analysis::AnalysisReport>(result);

    // 3. One line of figures.
    std::size_t children = 0;
    for (auto const& cluster : report.clusters)
        children += cluster.children.size();
    nlohmann::json line = {{"opinions", opinions.size()},
                           {"characters", characters},
                           {"seconds", seconds},
                           {"peak_mib", peak_mib()},
                           {"clusters", report.clusters.size()},
                           {"children", children},
                           {"duplicate_groups", report.duplicates.size()},
                           {"personal_info", report.personal_info.size()},
                           {"stage_starts", stages}};
    std::puts(line.dump().c_str());
    return 0;
}
