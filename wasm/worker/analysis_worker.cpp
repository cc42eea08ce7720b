// The analysis worker's wasm side: runs in a Web Worker (its own wasm module, built from
// shared/analysis and this file by the analysis_worker target), so that analysing 100,000
// opinions never freezes the page. analysis_worker_pre.js receives the page's messages and calls
// these functions; progress goes back to the page while the analysis runs.
//
// Not part of the app's module: wasm/CMakeLists.txt takes this folder out of the app's sources.
#include "shared/analysis/analyzer.hpp"
#include "shared/analysis/opinion_input.hpp"
#include "shared/analysis/report_export.hpp"
#include "shared/analysis/report_json.hpp"

#include <emscripten/em_js.h>
#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace machiba::analysis;

// Posts {type: "progress", stage, fraction} to the page.
EM_JS(void, machiba_worker_progress, (char const* stage, double fraction), {
    postMessage({type : 'progress', stage : UTF8ToString(stage), fraction : fraction});
});

struct Results {
    std::string screen;   // what the staff screen draws (see screen_data)
    std::string report;   // the report as `machiba analyze` writes it
    std::string csv;      // one row per opinion
    std::string markdown; // the memo
};

Results& results()
{
    static Results value;
    return value;
}

// Seconds the last analysis itself took (reading and exporting excluded).
double& analysis_seconds()
{
    static double value = 0;
    return value;
}

std::optional<Lexicon>& lexicon()
{
    static std::optional<Lexicon> value;
    return value;
}

double rounded(float value) { return std::round(value * 10000.0) / 10000.0; }

// Indices into a list of an attribute's distinct values (in order of first appearance).
nlohmann::json attribute_column(std::vector<Opinion> const& opinions,
                                std::string Opinion::*attribute)
{
    std::vector<std::string> values;
    std::vector<int> column;
    column.reserve(opinions.size());
    for (auto const& opinion : opinions) {
        std::string const& value = opinion.*attribute;
        std::size_t index = 0;
        while (index < values.size() && values[index] != value)
            ++index;
        if (index == values.size() && values.size() < 200)
            values.push_back(value);
        column.push_back(index < values.size() ? static_cast<int>(index) : -1);
    }
    return {{"values", values}, {"of", column}};
}

nlohmann::json cluster_json(ClusterSummary const& cluster, AnalysisReport const& report)
{
    nlohmann::json representatives = nlohmann::json::array();
    for (std::size_t i : cluster.representatives)
        representatives.push_back(report.masked_texts[i]);
    nlohmann::json children = nlohmann::json::array();
    for (auto const& child : cluster.children)
        children.push_back(cluster_json(child, report));
    return {{"id", cluster.id},
            {"label", cluster.label},
            {"phrases", cluster.phrases},
            {"size", cluster.members.size()},
            {"representatives", std::move(representatives)},
            {"x", rounded(cluster.x)},
            {"y", rounded(cluster.y)},
            {"children", std::move(children)}};
}

// The screen's data: clusters with children, and per opinion its clusters, map position and
// attributes (as indices), so that the screen can filter and compare without the texts.
std::string screen_data(AnalysisReport const& report, std::vector<Opinion> const& opinions)
{
    nlohmann::json clusters = nlohmann::json::array();
    for (auto const& cluster : report.clusters)
        clusters.push_back(cluster_json(cluster, report));
    std::vector<double> x;
    std::vector<double> y;
    for (auto const& point : report.map) {
        x.push_back(rounded(point.x));
        y.push_back(rounded(point.y));
    }
    nlohmann::json json = {{"opinions", opinions.size()},
                           {"clusters", std::move(clusters)},
                           {"coarse", report.coarse},
                           {"fine", report.fine},
                           {"x", std::move(x)},
                           {"y", std::move(y)},
                           {"duplicates", report.duplicates.size()},
                           {"pii", report.personal_info.size()},
                           {"age_band", attribute_column(opinions, &Opinion::age_band)},
                           {"district", attribute_column(opinions, &Opinion::district)},
                           {"campaign", attribute_column(opinions, &Opinion::campaign)}};
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_json(std::string const& code, std::string const& message, std::size_t line)
{
    return nlohmann::json{{"error", code}, {"message", message}, {"line", line}}.dump();
}

} // namespace

// The lexicon's two files (assets/analysis); "" when they are fine, else the error as JSON.
extern "C" __attribute__((used, visibility("default"))) char const*
machiba_worker_lexicon(char const* variants, char const* stop_words)
{
    static std::string answer;
    auto parsed = Lexicon::parse(variants, stop_words);
    if (auto const* failure = std::get_if<AnalysisError>(&parsed)) {
        answer = error_json(failure->code, failure->message, 0);
        return answer.c_str();
    }
    lexicon() = std::get<Lexicon>(std::move(parsed));
    answer.clear();
    return answer.c_str();
}

// Analyses a file's bytes. request: {"name": file name, "seed": N, "words": MarkdownWords as
// an object}. Returns "" when the results are ready (machiba_worker_result), else the error as
// JSON {"error", "message", "line"}.
extern "C" __attribute__((used, visibility("default"))) char const*
machiba_worker_analyze(char const* bytes, int size, char const* request_text)
{
    static std::string answer;
    results() = {};
    auto const request = nlohmann::json::parse(request_text, nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
        answer = error_json("worker.bad_request", "the request is not a JSON object", 0);
        return answer.c_str();
    }

    // 1. Read the opinions.
    std::string_view const text(bytes, static_cast<std::size_t>(size));
    std::string const name = request.value("name", "");
    auto read = read_opinions(text, format_for_name(name));
    if (auto const* failure = std::get_if<OpinionInputError>(&read)) {
        answer = error_json("input.bad_file", failure->message, failure->line);
        return answer.c_str();
    }
    auto const& input = std::get<OpinionInput>(read);
    if (input.opinions.empty()) {
        answer = error_json("input.empty", "the file holds no opinions", 0);
        return answer.c_str();
    }

    // 2. Analyse, reporting progress now and then.
    AnalysisOptions options;
    options.seed = request.value("seed", std::uint64_t{1});
    Analyzer const analyzer(options, lexicon() ? &*lexicon() : nullptr);
    double last = -1;
    double const started = emscripten_get_now();
    auto result = analyzer.run(input.opinions, [&](AnalysisStage stage, double fraction) {
        if (fraction - last >= 0.01 || fraction >= 1.0) {
            last = fraction;
            machiba_worker_progress(std::string(analysis_stage_name(stage)).c_str(), fraction);
        }
        return true;
    });
    analysis_seconds() = (emscripten_get_now() - started) / 1000.0;
    if (auto const* failure = std::get_if<AnalysisError>(&result)) {
        answer = error_json(failure->code, failure->message, 0);
        return answer.c_str();
    }
    auto const& report = std::get<AnalysisReport>(result);

    // 3. Everything the screen draws and exports.
    MarkdownWords words;
    if (auto const found = request.find("words"); found != request.end() && found->is_object()) {
        words.title = found->value("title", words.title);
        words.summary = found->value("summary", words.summary);
        words.cluster_size = found->value("cluster_size", words.cluster_size);
        words.phrases = found->value("phrases", words.phrases);
        words.examples = found->value("examples", words.examples);
        words.subclusters = found->value("subclusters", words.subclusters);
    }
    auto& out = results();
    out.screen = screen_data(report, input.opinions);
    out.report = report_to_json(report, input.opinions, &input.ids)
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out.csv = report_to_csv(report, input.opinions);
    out.markdown = report_to_markdown(report, words);
    answer.clear();
    return answer.c_str();
}

// One part of the last results: 0 the screen's data, 1 the report as JSON, 2 CSV, 3 Markdown.
extern "C" __attribute__((used, visibility("default"))) char const* machiba_worker_result(int part)
{
    auto const& out = results();
    switch (part) {
    case 0:
        return out.screen.c_str();
    case 1:
        return out.report.c_str();
    case 2:
        return out.csv.c_str();
    default:
        return out.markdown.c_str();
    }
}

// Frees the last results once the page has them.
extern "C" __attribute__((used, visibility("default"))) void machiba_worker_release()
{
    results() = {};
}

// Seconds the last analysis took, reading the file and writing the results excluded.
extern "C" __attribute__((used, visibility("default"))) double machiba_worker_seconds()
{
    return analysis_seconds();
}

// The wasm heap's size in bytes: it only grows, so this is the run's peak.
extern "C" __attribute__((used, visibility("default"))) double machiba_worker_heap_bytes()
{
    return static_cast<double>(emscripten_get_heap_size());
}
