// The entry point of `machiba`: finds the subcommand in the table and runs it.
#include "serve/cli/commands.hpp"

#include <cstdio>
#include <cstring>

namespace {

using machiba::cli::Arguments;

struct Command {
    char const* name;
    char const* summary;
    int (*run)(Arguments);
};

// One line per subcommand; keep them in alphabetical order.
constexpr Command commands[] = {
    {"analyze", "cluster opinions from a JSONL or CSV file", machiba::cli::run_analyze},
    {"jsonlogic", "run JSON Logic conformance files", machiba::cli::run_jsonlogic},
    {"rules", "test or evaluate a program pack", machiba::cli::run_rules},
    {"triage", "route health questions, one per line", machiba::cli::run_triage},
    {"staff", "add staff accounts or change their passwords", machiba::cli::run_staff},
    {"version", "print the version", [](Arguments) {
         std::puts("machiba 0.1.0");
         return 0;
     }},
};

int usage(std::FILE* out)
{
    std::fputs("usage: machiba COMMAND [ARGUMENTS...]\n\ncommands:\n", out);
    for (auto const& command : commands)
        std::fprintf(out, "  %-12s %s\n", command.name, command.summary);
    return out == stdout ? 0 : 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
        return usage(stderr);
    if (!std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help"))
        return usage(stdout);

    for (auto const& command : commands) {
        if (!std::strcmp(argv[1], command.name))
            return command.run(Arguments(argv + 2, static_cast<std::size_t>(argc - 2)));
    }
    std::fprintf(stderr, "machiba: unknown command '%s'\n\n", argv[1]);
    return usage(stderr);
}
