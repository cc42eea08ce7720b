// `machiba analyze FILE`: reads opinions from JSONL or CSV and prints the analysis report as
// JSON (clusters with children, duplicates, personal information, map).
#include "serve/cli/commands.hpp"

#include "shared/analysis/analyzer.hpp"
#include "shared/analysis/opinion_input.hpp"
#include "shared/analysis/report_json.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace machiba::cli {

namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_file(fs::path const& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// The lexicon files: --lexicon DIR, else assets/analysis under the working directory, else
// next to the repository the binary was built in.
std::optional<fs::path> find_lexicon(std::optional<std::string> const& given)
{
    std::vector<fs::path> candidates;
    if (given)
        candidates.push_back(*given);
    else {
        candidates.push_back(fs::path("assets/analysis"));
        std::error_code error;
        fs::path const executable = fs::read_symlink("/proc/self/exe", error);
        if (!error) {
            for (fs::path folder = executable.parent_path(); !folder.empty();
                 folder = folder.parent_path()) {
                candidates.push_back(folder / "assets/analysis");
                if (folder == folder.root_path())
                    break;
            }
        }
    }
    for (auto const& candidate : candidates) {
        if (fs::exists(candidate / "variants.tsv") && fs::exists(candidate / "stop_words.txt"))
            return candidate;
    }
    return std::nullopt;
}

int usage()
{
    std::fputs("usage: machiba analyze FILE [--text-field NAME] [--id-field NAME] [--seed N]\n"
               "                       [--clusters N] [--children N] [--lexicon DIR] [--pretty]\n"
               "FILE is JSONL (one object a line) or CSV with a header (by extension .csv).\n",
               stderr);
    return 2;
}

bool parse_number(char const* text, std::uint64_t& value)
{
    auto const end = text + std::strlen(text);
    auto const [rest, error] = std::from_chars(text, end, value);
    return error == std::errc() && rest == end;
}

} // namespace

int run_analyze(Arguments arguments)
{
    // 1. Arguments.
    std::optional<std::string> file;
    std::optional<std::string> lexicon_folder;
    analysis::OpinionFields fields;
    analysis::AnalysisOptions options;
    bool pretty = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string_view const argument = arguments[i];
        bool const has_value = i + 1 < arguments.size();
        std::uint64_t number = 0;
        if (argument == "--text-field" && has_value) {
            fields.text = arguments[++i];
        } else if (argument == "--id-field" && has_value) {
            fields.id = arguments[++i];
            fields.id_given = true;
        } else if (argument == "--seed" && has_value && parse_number(arguments[i + 1], number)) {
            options.seed = number;
            ++i;
        } else if (argument == "--clusters" && has_value
                   && parse_number(arguments[i + 1], number)) {
            options.coarse_clusters = number;
            ++i;
        } else if (argument == "--children" && has_value
                   && parse_number(arguments[i + 1], number)) {
            options.fine_clusters = number;
            ++i;
        } else if (argument == "--lexicon" && has_value) {
            lexicon_folder = arguments[++i];
        } else if (argument == "--pretty") {
            pretty = true;
        } else if (!argument.starts_with("--") && !file) {
            file = std::string(argument);
        } else {
            std::fprintf(stderr, "machiba analyze: unexpected argument '%s'\n", arguments[i]);
            return usage();
        }
    }
    if (!file)
        return usage();

    // 2. The file: UTF-8 (a BOM is dropped), then JSONL or CSV.
    auto content = read_file(*file);
    if (!content) {
        std::fprintf(stderr, "machiba analyze: cannot read %s\n", file->c_str());
        return 1;
    }
    auto read = analysis::read_opinions(*content, analysis::format_for_name(*file), fields);
    if (auto const* failure = std::get_if<analysis::OpinionInputError>(&read)) {
        std::fprintf(stderr, "machiba analyze: %s:%zu: %s\n", file->c_str(), failure->line,
                     failure->message.c_str());
        return 1;
    }
    auto const& input = std::get<analysis::OpinionInput>(read);

    // 3. The lexicon, when it can be found.
    std::optional<analysis::Lexicon> lexicon;
    if (auto const folder = find_lexicon(lexicon_folder)) {
        auto parsed = analysis::Lexicon::parse(*read_file(*folder / "variants.tsv"),
                                               *read_file(*folder / "stop_words.txt"));
        if (auto const* failure = std::get_if<analysis::AnalysisError>(&parsed)) {
            std::fprintf(stderr, "machiba analyze: %s\n", failure->message.c_str());
            return 1;
        }
        lexicon = std::get<analysis::Lexicon>(std::move(parsed));
    } else if (lexicon_folder) {
        std::fprintf(stderr, "machiba analyze: no variants.tsv and stop_words.txt in %s\n",
                     lexicon_folder->c_str());
        return 1;
    } else {
        std::fputs("machiba analyze: assets/analysis not found; analysing without a lexicon\n",
                   stderr);
    }

    // 4. Analyse and print.
    analysis::Analyzer const analyzer(options, lexicon ? &*lexicon : nullptr);
    auto result = analyzer.run(input.opinions);
    if (auto const* failure = std::get_if<analysis::AnalysisError>(&result)) {
        std::fprintf(stderr, "machiba analyze: %s\n", failure->message.c_str());
        return 1;
    }
    auto const json = analysis::report_to_json(std::get<analysis::AnalysisReport>(result),
                                               input.opinions, &input.ids);
    std::cout << json.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return 0;
}

} // namespace machiba::cli
