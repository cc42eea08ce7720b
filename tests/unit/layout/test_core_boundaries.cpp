// The core's boundary: shared/ builds for both trees, so it must not reach for the UI, the
// browser, sockets or the file system.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> offending_lines(std::regex const& forbidden)
{
    std::vector<std::string> found;
    for (auto const& entry : fs::recursive_directory_iterator(MACHIBA_SOURCE_DIR "/shared")) {
        auto extension = entry.path().extension();
        if (extension != ".cpp" && extension != ".hpp" && extension != ".h")
            continue;
        std::ifstream in(entry.path());
        std::string line;
        for (int number = 1; std::getline(in, line); ++number) {
            if (std::regex_search(line, forbidden))
                found.push_back(entry.path().string() + ":" + std::to_string(number) + ": " + line);
        }
    }
    return found;
}

} // namespace

TEST_CASE("No file of the core includes imgui or emscripten headers", "[layout]")
{
    std::regex forbidden(R"(^\s*#\s*include\s*[<"](imgui|emscripten|GLFW|backends/))");
    auto found = offending_lines(forbidden);
    INFO(found.size() << " offending lines, first: " << (found.empty() ? "" : found.front()));
    CHECK(found.empty());
}

TEST_CASE("No file of the core includes socket, file or process headers", "[layout]")
{
    std::regex forbidden(R"(^\s*#\s*include\s*[<"])"
                         R"((fstream|filesystem|sys/socket\.h|unistd\.h|httplib\.h)"
                         R"(|sqlite3\.h)[>"])");
    auto found = offending_lines(forbidden);
    INFO(found.size() << " offending lines, first: " << (found.empty() ? "" : found.front()));
    CHECK(found.empty());
}

// <cstdio> is allowed for snprintf (number formatting); what it must not do is open or write
// files or streams.
TEST_CASE("No file of the core opens, reads or writes files or standard streams", "[layout]")
{
    std::regex forbidden(R"(\b(fopen|freopen|fread|fwrite|fgets|fputs|fprintf|popen|tmpfile)\s*\()"
                         R"(|\bstd::(FILE|cout|cerr|cin)\b|\bstd(out|err|in)\b)");
    auto found = offending_lines(forbidden);
    INFO(found.size() << " offending lines, first: " << (found.empty() ? "" : found.front()));
    CHECK(found.empty());
}

TEST_CASE("The boundary check itself sees a forbidden include", "[layout]")
{
    std::regex forbidden(R"(^\s*#\s*include\s*[<"](imgui|emscripten))");
    CHECK(std::regex_search("#include <emscripten/fetch.h>", forbidden));
    CHECK(std::regex_search("  #include \"imgui.h\"", forbidden));
    CHECK_FALSE(std::regex_search("#include \"shared/text/utf8.hpp\"", forbidden));
    std::regex file_calls(R"(\b(fopen|fwrite)\s*\()");
    CHECK(std::regex_search("auto* f = std::fopen(path, \"r\");", file_calls));
    CHECK_FALSE(std::regex_search("std::snprintf(buffer, size, \"%d\", n);", file_calls));
}
