// `machiba analyze FILE`: reads opinions from JSONL or CSV and prints the analysis report as
// JSON (clusters with children, duplicates, personal information, map).
#include "serve/cli/commands.hpp"

#include "shared/analysis/analyzer.hpp"
#include "shared/analysis/report_json.hpp"
#include "shared/text/utf8.hpp"

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
using analysis::Opinion;

struct InputError {
    std::size_t line; // 1-based; 0 when the error is about the file as a whole
    std::string message;
};

struct Input {
    std::vector<Opinion> opinions;
    std::vector<nlohmann::json> ids; // as written in the file: a JSON string or number
};

struct Fields {
    std::string text = "text";
    std::string id = "id";
    bool id_given = false;
};

// Attribute columns staff files tend to use, first match wins.
constexpr char const* age_band_names[] = {"age_band", "age", "年代"};
constexpr char const* district_names[] = {"district", "area", "地区"};
constexpr char const* campaign_names[] = {"campaign", "campaign_id", "テーマ"};

std::optional<std::string> read_file(fs::path const& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// A JSON value as an id: strings as they are, numbers as written; anything else is refused.
std::optional<nlohmann::json> id_value(nlohmann::json const& value)
{
    if (value.is_string() || value.is_number_integer() || value.is_number_unsigned())
        return value;
    return std::nullopt;
}

// --- JSONL -------------------------------------------------------------------------------------

std::optional<InputError> read_jsonl(std::string_view text, Fields const& fields, Input& input)
{
    std::size_t line_number = 0;
    while (!text.empty()) {
        ++line_number;
        std::size_t const end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;

        // 1. One JSON object a line.
        auto const json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded() || !json.is_object())
            return InputError{line_number, "not a JSON object"};

        // 2. The text is required; the id too when its field was named.
        auto const text_field = json.find(fields.text);
        if (text_field == json.end() || !text_field->is_string())
            return InputError{line_number, "missing text field \"" + fields.text + "\""};
        Opinion opinion;
        opinion.text = text_field->get<std::string>();
        nlohmann::json id = std::to_string(input.opinions.size() + 1);
        auto const id_field = json.find(fields.id);
        if (id_field != json.end()) {
            auto value = id_value(*id_field);
            if (!value)
                return InputError{line_number, "id field \"" + fields.id
                                                   + "\" must be a string or an integer"};
            id = *value;
        } else if (fields.id_given) {
            return InputError{line_number, "missing id field \"" + fields.id + "\""};
        }
        opinion.id = id.is_string() ? id.get<std::string>() : id.dump();

        // 3. Optional attributes, when they are strings.
        auto attribute = [&](auto const& names) {
            for (char const* name : names) {
                auto const found = json.find(name);
                if (found != json.end() && found->is_string())
                    return found->template get<std::string>();
            }
            return std::string();
        };
        opinion.age_band = attribute(age_band_names);
        opinion.district = attribute(district_names);
        opinion.campaign = attribute(campaign_names);
        input.opinions.push_back(std::move(opinion));
        input.ids.push_back(std::move(id));
    }
    return std::nullopt;
}

// --- CSV (RFC 4180) ----------------------------------------------------------------------------

// Reads one record starting at `position`; fields may be quoted, with "" for a quote and line
// breaks inside. Counts the lines it crosses.
std::optional<InputError> read_record(std::string_view text, std::size_t& position,
                                      std::size_t& line, std::vector<std::string>& fields)
{
    fields.assign(1, std::string());
    std::size_t const start_line = line;
    bool quoted = false;
    bool after_quote = false;
    bool field_start = true;
    while (position < text.size()) {
        char const c = text[position++];
        if (quoted) {
            if (c == '"') {
                if (position < text.size() && text[position] == '"') {
                    fields.back().push_back('"');
                    ++position;
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                if (c == '\n')
                    ++line;
                fields.back().push_back(c);
            }
            continue;
        }
        if (c == ',') {
            fields.emplace_back();
            field_start = true;
            after_quote = false;
            continue;
        }
        if (c == '\r' && position < text.size() && text[position] == '\n')
            continue;
        if (c == '\n') {
            ++line;
            return std::nullopt;
        }
        if (c == '"' && field_start) {
            quoted = true;
            field_start = false;
            continue;
        }
        if (after_quote)
            return InputError{line, "text after a closing quote"};
        field_start = false;
        fields.back().push_back(c);
    }
    if (quoted)
        return InputError{start_line, "a quoted field is never closed"};
    return std::nullopt;
}

std::optional<InputError> read_csv(std::string_view text, Fields const& fields, Input& input)
{
    // 1. The header names the columns.
    std::size_t position = 0;
    std::size_t line = 1;
    std::vector<std::string> header;
    if (auto error = read_record(text, position, line, header))
        return error;
    auto column = [&](std::string const& name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name)
                return i;
        }
        return std::nullopt;
    };
    auto const text_column = column(fields.text);
    if (!text_column)
        return InputError{1, "missing text column \"" + fields.text + "\" in the header"};
    auto const id_column = column(fields.id);
    if (!id_column && fields.id_given)
        return InputError{1, "missing id column \"" + fields.id + "\" in the header"};
    auto first_column = [&](auto const& names) -> std::optional<std::size_t> {
        for (char const* name : names) {
            if (auto found = column(name))
                return found;
        }
        return std::nullopt;
    };
    auto const age_column = first_column(age_band_names);
    auto const district_column = first_column(district_names);
    auto const campaign_column = first_column(campaign_names);

    // 2. One opinion a record; blank lines are skipped.
    std::vector<std::string> record;
    while (position < text.size()) {
        std::size_t const record_line = line;
        if (auto error = read_record(text, position, line, record))
            return error;
        if (record.size() == 1 && record[0].empty())
            continue;
        if (record.size() != header.size())
            return InputError{record_line, "expected " + std::to_string(header.size())
                                               + " fields, found " + std::to_string(record.size())};
        Opinion opinion;
        opinion.text = record[*text_column];
        opinion.id = id_column ? record[*id_column] : std::to_string(input.opinions.size() + 1);
        if (age_column)
            opinion.age_band = record[*age_column];
        if (district_column)
            opinion.district = record[*district_column];
        if (campaign_column)
            opinion.campaign = record[*campaign_column];
        input.ids.push_back(opinion.id);
        input.opinions.push_back(std::move(opinion));
    }
    return std::nullopt;
}

// The line of a byte offset, 1-based.
std::size_t line_of(std::string_view text, std::size_t offset)
{
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        line += text[i] == '\n';
    return line;
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
    Fields fields;
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
    std::string_view text = *content;
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    if (auto const invalid = text::validate_utf8(text)) {
        std::fprintf(stderr, "machiba analyze: %s:%zu: %s\n", file->c_str(),
                     line_of(text, invalid->offset), invalid->message().c_str());
        return 1;
    }
    Input input;
    auto const extension = fs::path(*file).extension();
    std::size_t const first = text.find_first_not_of(" \t\r\n");
    bool const csv = extension == ".csv"
        || (extension != ".jsonl" && extension != ".ndjson" && extension != ".json"
            && first != std::string_view::npos && text[first] != '{');
    auto const error = csv ? read_csv(text, fields, input) : read_jsonl(text, fields, input);
    if (error) {
        std::fprintf(stderr, "machiba analyze: %s:%zu: %s\n", file->c_str(), error->line,
                     error->message.c_str());
        return 1;
    }

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
