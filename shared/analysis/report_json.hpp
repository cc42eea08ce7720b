// The analysis report as JSON, the shape `machiba analyze` prints and the staff screen exports:
// clusters (id, label, phrases, size, members, representatives, x, y, children), duplicates
// (groups of ids), pii (id, kind, text) and map (id, x, y, cluster).
#pragma once

#include "shared/analysis/analysis_report.hpp"
#include "shared/analysis/opinion.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace machiba::analysis {

// ids: how each opinion's id is written; when null, each opinion's id as a string.
nlohmann::json report_to_json(AnalysisReport const& report, std::vector<Opinion> const& opinions,
                              std::vector<nlohmann::json> const* ids = nullptr);

} // namespace machiba::analysis
