// `machiba rules test PACK` and `machiba rules eval PACK ANSWERS.json [--date YYYY-MM-DD]`.
#include "serve/cli/commands.hpp"

#include <cstdio>

namespace machiba::cli {

int run_rules(Arguments arguments)
{
    // FIXME: program packs are not wired to the command line yet.
    std::fputs("machiba rules: not available yet\n", stderr);
    return 2;
}

} // namespace machiba::cli
