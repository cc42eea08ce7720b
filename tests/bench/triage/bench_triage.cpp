// The triage benchmark: `run ROOT COUNT` loads the health room's pack from ROOT/assets, then
// routes the labelled questions of the evaluation set (cycled to COUNT routings) and prints one
// JSON line: the pack's load time (and within it the route model's training time), microseconds
// per question (mean, median, 99th percentile,
// slowest) and how many questions went to emergency or crisis. Built natively and for node.
#include "shared/calendar/japan_time.hpp"
#include "shared/triage/router.hpp"
#include "shared/triage/triage_pack.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using nlohmann::json;
namespace triage = machiba::triage;

namespace {

using Clock = std::chrono::steady_clock;

std::string read_file(std::string const& path)
{
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

double microseconds_since(Clock::time_point start)
{
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

int run(std::string const& root, long count)
{
    // 1. The pack, as the app loads it (parse and prepare, timed together).
    auto const load_start = Clock::now();
    triage::PackDocuments documents{json::parse(read_file(root + "/assets/triage/lexicon.json"),
                                        nullptr, false),
        json::parse(read_file(root + "/assets/triage/resources.json"), nullptr, false),
        json::parse(read_file(root + "/assets/triage/content.json"), nullptr, false),
        json::parse(read_file(root + "/assets/calendar/japan_holidays.json"), nullptr, false),
        json::parse(read_file(root + "/assets/triage/route_model.json"), nullptr, false),
        read_file(root + "/assets/triage/examples.jsonl")};
    auto loaded = triage::TriagePack::from_json(documents);
    double const load_us = microseconds_since(load_start);
    if (auto const* error = std::get_if<triage::TriageError>(&loaded)) {
        std::fprintf(stderr, "bench_triage: %s\n", error->message.c_str());
        return 1;
    }

    // 2. The route model's training alone, on the same examples (part of the load above).
    auto const examples = std::get<std::vector<triage::LabelledExample>>(
        triage::parse_examples(documents.examples));
    auto const train_start = Clock::now();
    auto const model = triage::RouteModel::train(examples,
        std::get<triage::TriagePack>(loaded).route_model_settings());
    double const train_us = microseconds_since(train_start);
    auto const& pack = std::get<triage::TriagePack>(loaded);
    triage::Router const router(pack);

    // 3. The questions of the labelled set.
    std::vector<std::string> questions;
    for (auto const& example : examples)
        questions.push_back(example.question);
    if (questions.empty() || count <= 0 || model.feature_count() == 0) {
        std::fprintf(stderr, "bench_triage: no questions in %s/assets/triage/examples.jsonl\n",
            root.c_str());
        return 1;
    }

    // 4. Each routing timed on its own (a question is what a teen waits for), on a Thursday
    //    evening when the chat is open; the safety routes are counted so that the work cannot
    //    be optimised away.
    auto const now_ms =
        std::get<std::int64_t>(machiba::calendar::parse_iso8601("2026-12-03T18:00:00+09:00"));
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(count));
    long safety = 0;
    auto const total_start = Clock::now();
    for (long i = 0; i < count; ++i) {
        auto const& question = questions[static_cast<std::size_t>(i) % questions.size()];
        auto const start = Clock::now();
        auto const result = router.route(question, now_ms);
        times.push_back(microseconds_since(start));
        if (result.route == triage::Route::emergency || result.route == triage::Route::crisis)
            ++safety;
    }
    double const total_us = microseconds_since(total_start);

    // 5. The figures.
    std::sort(times.begin(), times.end());
    auto at = [&](double fraction) {
        return times[std::min(times.size() - 1, static_cast<std::size_t>(fraction * times.size()))];
    };
    std::printf("{\"questions\": %zu, \"routings\": %ld, \"load_ms\": %.2f, \"train_ms\": %.2f, "
                "\"mean_us\": %.2f, \"p50_us\": %.2f, \"p99_us\": %.2f, \"max_us\": %.2f, "
                "\"safety_routes\": %ld}\n",
        questions.size(), count, load_us / 1000, train_us / 1000,
        total_us / static_cast<double>(count), at(0.5), at(0.99), times.back(), safety);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::string const mode = argc > 1 ? argv[1] : "";
    if (mode == "run" && argc == 4)
        return run(argv[2], std::atol(argv[3]));
    std::fputs("usage: bench_triage run ROOT COUNT\n", stderr);
    return 2;
}
