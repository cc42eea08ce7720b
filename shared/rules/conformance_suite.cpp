// ConformanceSuite: compares each case's expected result or error with what the engine gives.
#include "shared/rules/conformance_suite.hpp"

namespace machiba::rules {

namespace {

using nlohmann::json;

std::string show(json const& value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

std::string ConformanceSuite::check_case(json const& test, LogicEvaluator& evaluator)
{
    // 1. A case needs a rule and exactly one expectation.
    if (!test.is_object() || !test.contains("rule"))
        return "the case has no rule";
    bool expects_error = test.contains("error");
    if (!expects_error && !test.contains("result"))
        return "the case has neither result nor error";
    static json const no_data = nullptr;
    auto data_found = test.find("data");
    json const& data = data_found == test.end() ? no_data : *data_found;

    // 2. A rule that cannot compile counts as an error of that code.
    auto compiled = LogicProgram::compile(test["rule"]);
    json got;
    bool got_error = false;
    if (!compiled.program) {
        got = json{{"type", compiled.error->code}, {"message", compiled.error->message}};
        got_error = true;
    } else {
        auto value = evaluator.evaluate(*compiled.program, data);
        got = LogicEvaluator::to_json(value);
        got_error = value.is_error();
    }

    // 3. Errors match on their type; results match as JSON (1 and 1.0 are the same number).
    if (expects_error) {
        auto const& expected = test["error"];
        if (!got_error)
            return "expected error " + show(expected) + ", got " + show(got);
        if (expected.is_object() && expected.contains("type")
            && (!got.is_object() || !got.contains("type") || got["type"] != expected["type"]))
            return "expected error " + show(expected) + ", got error " + show(got);
        return {};
    }
    if (got_error)
        return "expected " + show(test["result"]) + ", got error " + show(got);
    if (got != test["result"])
        return "expected " + show(test["result"]) + ", got " + show(got);
    return {};
}

ConformanceReport ConformanceSuite::run(json const& suite)
{
    ConformanceReport report;
    if (!suite.is_array()) {
        report.malformed = "a suite is a JSON array of cases and comments";
        return report;
    }

    LogicEvaluator evaluator;
    for (std::size_t i = 0; i < suite.size(); ++i) {
        auto const& test = suite[i];
        if (test.is_string())
            continue;
        ++report.total;
        auto problem = check_case(test, evaluator);
        if (problem.empty()) {
            ++report.passed;
            continue;
        }
        std::string description;
        if (test.is_object() && test.contains("description") && test["description"].is_string())
            description = test["description"].get<std::string>();
        report.failures.push_back({i, std::move(description), std::move(problem)});
    }
    return report;
}

} // namespace machiba::rules
