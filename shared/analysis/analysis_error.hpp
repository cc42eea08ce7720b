// Errors of the opinion analysis that a user can cause: bad input, a bad lexicon file, a
// cancelled run. Each has a stable code and a message that says what and where.
#pragma once

#include <string>

namespace machiba::analysis {

struct AnalysisError {
    std::string code;    // e.g. "lexicon.bad_line", "analysis.cancelled"
    std::string message; // a sentence for people: what went wrong, and where
};

} // namespace machiba::analysis
