// The rules benchmark: `emit ROOT OUT` writes the batch (every conformance case, and every rule
// of both program packs over the data of each pack test case); `run BATCH COUNT` compiles each
// rule once and times COUNT evaluations cycling through the batch. Built natively and for node.
#include "shared/rules/logic_evaluator.hpp"
#include "shared/rules/logic_program.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using machiba::rules::LogicEvaluator;
using machiba::rules::LogicProgram;
using nlohmann::json;

namespace {

json read_json(std::string const& path)
{
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return json::parse(text.str(), nullptr, false);
}

json evaluate_once(json const& rule, json const& data)
{
    auto compiled = LogicProgram::compile(rule);
    if (!compiled.program)
        return nullptr;
    LogicEvaluator evaluator;
    return LogicEvaluator::to_json(evaluator.evaluate(*compiled.program, data));
}

// The data a pack's rules see in a test case: answers, parameters in effect on the date (with
// the test's staff-set values), the date, and each criterion's result.
void add_pack(json const& pack, json& batch)
{
    for (auto const& test : pack["tests"]) {
        json data = test["answers"];
        data["check_date"] = test["date"];
        data["param"] = json::object();
        for (auto const& parameter : pack["parameters"]) {
            json value = nullptr;
            for (auto const& dated : parameter["values"]) {
                if (dated["from"].get<std::string>() <= test["date"].get<std::string>())
                    value = dated["value"];
            }
            if (test.contains("parameters") && test["parameters"].contains(parameter["id"]))
                value = test["parameters"][parameter["id"].get<std::string>()];
            if (!value.is_null())
                data["param"][parameter["id"].get<std::string>()] = value;
        }

        data["criteria"] = json::object();
        for (auto const& criterion : pack["criteria"]) {
            bool applies = true;
            if (criterion.contains("applies_when")) {
                batch.push_back({{"rule", criterion["applies_when"]}, {"data", data}});
                auto value = evaluate_once(criterion["applies_when"], data);
                applies = value == true;
            }
            batch.push_back({{"rule", criterion["rule"]}, {"data", data}});
            auto met = evaluate_once(criterion["rule"], data) == true;
            data["criteria"][criterion["id"].get<std::string>()] = !applies || met;
        }
        for (auto const& rule : pack["outcome_rules"])
            batch.push_back({{"rule", rule["when"]}, {"data", data}});
        for (auto const& amount : pack["amounts"])
            batch.push_back({{"rule", amount["rule"]}, {"data", data}});
    }
}

int emit(std::string const& root, std::string const& out)
{
    json batch = json::array();
    auto folder = root + "/tests/conformance/jsonlogic/";
    for (auto const& name : read_json(folder + "index.json")) {
        for (auto const& test : read_json(folder + name.get<std::string>())) {
            if (test.is_object())
                batch.push_back({{"rule", test["rule"]}, {"data", test.value("data", json())}});
        }
    }
    auto conformance = batch.size();
    for (auto const* pack : {"sdgs-fund.json", "public-contract.json"})
        add_pack(read_json(root + "/assets/programs/" + pack), batch);
    std::ofstream(out) << batch.dump();
    std::printf("batch: %zu conformance cases, %zu pack rule evaluations\n", conformance,
        batch.size() - conformance);
    return 0;
}

int run(std::string const& path, long count)
{
    auto batch = read_json(path);
    if (!batch.is_array() || batch.empty()) {
        std::fprintf(stderr, "bench_rules: %s is not a batch\n", path.c_str());
        return 1;
    }

    // 1. Compile every rule once; rules that do not compile are skipped (none in the batch).
    std::vector<LogicProgram> programs;
    std::vector<json const*> data;
    for (auto const& item : batch) {
        auto compiled = LogicProgram::compile(item["rule"]);
        if (!compiled.program)
            continue;
        programs.push_back(std::move(*compiled.program));
        data.push_back(&item["data"]);
    }

    // 2. Time the evaluations; the count of truthy results keeps the work observable.
    LogicEvaluator evaluator;
    long truthy = 0;
    auto start = std::chrono::steady_clock::now();
    std::size_t index = 0;
    for (long i = 0; i < count; ++i) {
        auto value = evaluator.evaluate(programs[index], *data[index]);
        truthy += LogicEvaluator::truthy(value) ? 1 : 0;
        if (++index == programs.size())
            index = 0;
    }
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf(
        "{\"evaluations\": %ld, \"seconds\": %.6f, \"per_second\": %.0f, \"truthy\": %ld}\n", count,
        seconds, static_cast<double>(count) / seconds, truthy);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "emit" && argc == 4)
        return emit(argv[2], argv[3]);
    if (mode == "run" && argc == 4)
        return run(argv[2], std::atol(argv[3]));
    std::fputs("usage: bench_rules emit ROOT OUT.json | bench_rules run BATCH.json COUNT\n",
               stderr);
    return 2;
}
