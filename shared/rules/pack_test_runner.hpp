// Runs the test cases a program pack carries (answers and a date in, expected outcome, amounts,
// criterion states and questions out) and says what differs.
#pragma once

#include "shared/rules/program_pack.hpp"

#include <string>
#include <vector>

namespace machiba::rules {

struct PackTestFailure {
    std::size_t index = 0;
    std::string name;
    std::vector<std::string> differences;
};

struct PackTestReport {
    std::size_t passed = 0;
    std::size_t total = 0;
    std::vector<PackTestFailure> failures;
};

class PackTestRunner {
public:
    static PackTestReport run(ProgramPack const& pack);

    // The differences between one test's expectations and the pack's answer (empty: passed).
    static std::vector<std::string> differences(ProgramPack const& pack, PackTest const& test);
};

} // namespace machiba::rules
