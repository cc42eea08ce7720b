// Runs JSON Logic compatibility suites (an array of comments and cases with rule, data, and
// result or error) through Machiba's compiler and evaluator.
#pragma once

#include "shared/rules/logic_evaluator.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace machiba::rules {

struct ConformanceFailure {
    std::size_t index = 0;
    std::string description;
    std::string problem;
};

struct ConformanceReport {
    std::size_t passed = 0;
    std::size_t total = 0;
    std::vector<ConformanceFailure> failures;
    // Set when the suite itself is not an array of cases.
    std::string malformed;
};

class ConformanceSuite {
public:
    // Checks one case object; returns an empty string when it passes, else what went wrong.
    static std::string check_case(nlohmann::json const& test, LogicEvaluator& evaluator);

    static ConformanceReport run(nlohmann::json const& suite);
};

} // namespace machiba::rules
