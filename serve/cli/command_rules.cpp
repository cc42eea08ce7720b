// `machiba rules test PACK...` runs a program pack's own test cases; `machiba rules eval PACK
// ANSWERS.json [--date YYYY-MM-DD] [--parameters FILE] [--text ja|en]` checks answers and prints
// the result as JSON (or as the plain text a resident would paste into an e-mail).
#include "serve/cli/commands.hpp"

#include "shared/rules/pack_test_runner.hpp"
#include "shared/rules/program_check.hpp"
#include "shared/rules/program_pack.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace machiba::cli {

namespace {

using nlohmann::json;
using machiba::rules::ProgramPack;

std::optional<json> read_json_file(std::string const& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "%s: cannot read the file\n", path.c_str());
        return std::nullopt;
    }
    std::stringstream text;
    text << file.rdbuf();
    auto document = json::parse(text.str(), nullptr, false);
    if (document.is_discarded()) {
        std::fprintf(stderr, "%s: not valid JSON\n", path.c_str());
        return std::nullopt;
    }
    return document;
}

std::optional<ProgramPack> load_pack(std::string const& path)
{
    auto document = read_json_file(path);
    if (!document)
        return std::nullopt;
    auto loaded = ProgramPack::load(*document);
    for (auto const& error : loaded.errors)
        std::fprintf(stderr, "%s#%s: %s (%s)\n", path.c_str(), error.pointer.c_str(),
            error.message.c_str(), error.code.c_str());
    return std::move(loaded.pack);
}

// Today in Japan, where the ward's dates are.
std::string today_in_japan()
{
    std::time_t now = std::time(nullptr) + 9 * 3600;
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &parts);
    return buffer;
}

int run_tests(Arguments arguments)
{
    std::size_t passed = 0;
    std::size_t failed = 0;
    for (char const* argument : arguments) {
        auto pack = load_pack(argument);
        if (!pack) {
            std::printf("%s: the pack does not load\n", argument);
            ++failed;
            continue;
        }
        auto report = machiba::rules::PackTestRunner::run(*pack);
        std::printf("%s: %zu/%zu\n", argument, report.passed, report.total);
        for (auto const& failure : report.failures) {
            std::printf("  FAILED %s\n", failure.name.c_str());
            for (auto const& difference : failure.differences)
                std::printf("    %s\n", difference.c_str());
        }
        passed += report.passed;
        failed += report.total - report.passed;
    }
    std::printf("%zu passed, %zu failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

int run_eval(Arguments arguments)
{
    // 1. PACK ANSWERS and options.
    std::string date = today_in_japan();
    std::string text_language;
    json overrides = json::object();
    std::vector<std::string> files;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string argument = arguments[i];
        bool has_value = i + 1 < arguments.size();
        if (argument == "--date" && has_value) {
            date = arguments[++i];
        } else if (argument == "--text" && has_value) {
            text_language = arguments[++i];
        } else if (argument == "--parameters" && has_value) {
            auto document = read_json_file(arguments[++i]);
            if (!document)
                return 2;
            overrides = *document;
        } else if (argument.rfind("--", 0) == 0) {
            std::fprintf(stderr, "machiba rules eval: unknown option %s\n", argument.c_str());
            return 2;
        } else {
            files.push_back(argument);
        }
    }
    if (files.size() != 2) {
        std::fputs("usage: machiba rules eval PACK ANSWERS.json [--date YYYY-MM-DD] "
                   "[--parameters FILE] [--text ja|en]\n",
            stderr);
        return 2;
    }

    // 2. Load, check, print.
    auto pack = load_pack(files[0]);
    if (!pack)
        return 1;
    auto answers = read_json_file(files[1]);
    if (!answers)
        return 1;
    auto check = machiba::rules::ProgramCheck::run(*pack, *answers, date, overrides);
    if (!text_language.empty())
        std::fputs(check.to_text(text_language).c_str(), stdout);
    else
        std::puts(check.to_json().dump(2, ' ', false, json::error_handler_t::replace).c_str());
    return check.errors().empty() ? 0 : 1;
}

} // namespace

int run_rules(Arguments arguments)
{
    if (arguments.size() >= 2 && std::string(arguments[0]) == "test")
        return run_tests(arguments.subspan(1));
    if (arguments.size() >= 1 && std::string(arguments[0]) == "eval")
        return run_eval(arguments.subspan(1));
    std::fputs("usage: machiba rules test PACK...\n"
               "       machiba rules eval PACK ANSWERS.json [--date YYYY-MM-DD] "
               "[--parameters FILE] [--text ja|en]\n",
        stderr);
    return 2;
}

} // namespace machiba::cli
