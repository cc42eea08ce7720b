// `machiba jsonlogic FILE...`: runs JSON Logic conformance files and reports passed/total for
// each, then "N passed, M failed"; exits 0 only when every case passes.
#include "serve/cli/commands.hpp"

#include "shared/rules/conformance_suite.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace machiba::cli {

int run_jsonlogic(Arguments arguments)
{
    if (arguments.empty()) {
        std::fputs("usage: machiba jsonlogic [--verbose] FILE...\n", stderr);
        return 2;
    }

    bool verbose = false;
    std::size_t passed = 0;
    std::size_t failed = 0;
    for (char const* argument : arguments) {
        std::string path = argument;
        if (path == "--verbose") {
            verbose = true;
            continue;
        }

        // 1. A file that cannot be read or parsed counts as one failure.
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            std::printf("%s: cannot read the file\n", path.c_str());
            ++failed;
            continue;
        }
        std::stringstream text;
        text << file.rdbuf();
        auto suite = nlohmann::json::parse(text.str(), nullptr, false);
        if (suite.is_discarded()) {
            std::printf("%s: not valid JSON\n", path.c_str());
            ++failed;
            continue;
        }

        // 2. One line per file, and the failing cases when asked.
        auto report = machiba::rules::ConformanceSuite::run(suite);
        if (!report.malformed.empty()) {
            std::printf("%s: %s\n", path.c_str(), report.malformed.c_str());
            ++failed;
            continue;
        }
        std::printf("%s: %zu/%zu\n", path.c_str(), report.passed, report.total);
        if (verbose) {
            for (auto const& failure : report.failures)
                std::printf("  case %zu (%s): %s\n", failure.index, failure.description.c_str(),
                    failure.problem.c_str());
        }
        passed += report.passed;
        failed += report.total - report.passed;
    }

    std::printf("%zu passed, %zu failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

} // namespace machiba::cli
