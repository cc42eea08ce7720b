// The subcommands of `machiba`, the staff and operator command line. Each lives in its own
// command_<name>.cpp and is listed once in main.cpp's table.
#pragma once

#include <span>
#include <string_view>

namespace machiba::cli {

// Every command takes the arguments after its own name and returns the process exit status.
using Arguments = std::span<char const* const>;

int run_analyze(Arguments arguments);
int run_jsonlogic(Arguments arguments);
int run_rules(Arguments arguments);
int run_triage(Arguments arguments);
int run_staff(Arguments arguments);

} // namespace machiba::cli
