// Runs every case of the JSON Logic compatibility suites copied into tests/conformance.
#include "shared/rules/conformance_suite.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/generators/catch_generators_range.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using machiba::rules::ConformanceSuite;
using machiba::rules::LogicEvaluator;
using nlohmann::json;

namespace {

std::string const suite_folder = MACHIBA_SOURCE_DIR "/tests/conformance/jsonlogic/";

json read_json(std::string const& path)
{
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return json::parse(text.str(), nullptr, false);
}

std::vector<std::string> suite_files()
{
    std::vector<std::string> files;
    for (auto const& name : read_json(suite_folder + "index.json"))
        files.push_back(name.get<std::string>());
    return files;
}

} // namespace

TEST_CASE("every case of every conformance suite passes", "[rules][conformance]")
{
    auto file = GENERATE(from_range(suite_files()));
    auto suite = read_json(suite_folder + file);
    REQUIRE(suite.is_array());

    LogicEvaluator evaluator;
    std::size_t cases = 0;
    for (std::size_t i = 0; i < suite.size(); ++i) {
        if (suite[i].is_string())
            continue;
        ++cases;
        INFO(file << " case " << i << ": " << suite[i].value("description", ""));
        CHECK(ConformanceSuite::check_case(suite[i], evaluator) == "");
    }
    CHECK(cases > 0);
}

TEST_CASE("the suites hold 1,029 cases and all of them pass", "[rules][conformance]")
{
    std::size_t passed = 0;
    std::size_t total = 0;
    for (auto const& file : suite_files()) {
        auto report = ConformanceSuite::run(read_json(suite_folder + file));
        passed += report.passed;
        total += report.total;
    }
    CHECK(total == 1029);
    CHECK(passed == total);
}

TEST_CASE("a wrong expectation makes a case fail", "[rules][conformance]")
{
    LogicEvaluator evaluator;
    auto wrong = json::parse(R"({"rule": {"+": [1, 2]}, "data": null, "result": 4})");
    CHECK(ConformanceSuite::check_case(wrong, evaluator) != "");
    auto wrong_error = json::parse(R"({"rule": {"/": [1, 0]}, "error": {"type": "Other"}})");
    CHECK(ConformanceSuite::check_case(wrong_error, evaluator) != "");
    auto missing_error = json::parse(R"({"rule": {"/": [1, 1]}, "error": {"type": "NaN"}})");
    CHECK(ConformanceSuite::check_case(missing_error, evaluator) != "");
    CHECK(ConformanceSuite::run(json::object()).malformed != "");
}
