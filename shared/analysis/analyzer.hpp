// Opinion analysis, start to end: personal information, duplicates, phrases, vectors learnt from
// the corpus, clusters in two levels, key phrases, representative opinions and a map. The same
// opinions, options and seed always give the same report.
#pragma once

#include "shared/analysis/analysis_error.hpp"
#include "shared/analysis/analysis_report.hpp"
#include "shared/analysis/lexicon.hpp"
#include "shared/analysis/near_duplicates.hpp"
#include "shared/analysis/opinion.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <variant>
#include <vector>

namespace machiba::analysis {

struct AnalysisOptions {
    std::uint64_t seed = 1;
    std::size_t coarse_clusters = 0; // 0: the cube root, or one per 20 opinions up to 16
    std::size_t fine_clusters = 0;   // per coarse cluster; 0: the coarse count, scaled by size
    std::size_t phrases = 5;         // key phrases per cluster
    std::size_t representatives = 3; // opinions shown per cluster
    double sparse_share = 0.5;       // weight of exact phrases against learnt similarity
    std::size_t dimensions = 48;     // of the phrase vectors learnt from co-occurrence
    std::size_t neighbours = 10;     // nearest opinions each one is smoothed with...
    std::size_t smoothing_limit = 3000; // ...when there are at most this many distinct ones
    NearDuplicateOptions duplicates;
};

enum class AnalysisStage {
    personal_info,
    duplicates,
    phrases,
    vectors,
    coarse_clusters,
    fine_clusters,
    summaries,
};

// "personal_info", "duplicates", ...: stable names for progress messages.
std::string_view analysis_stage_name(AnalysisStage stage);

// Called now and then with the stage and how far the whole analysis is, in [0, 1]. Returning
// false cancels the run, which then ends with the error "analysis.cancelled".
using AnalysisProgress = std::function<bool(AnalysisStage stage, double fraction)>;

using AnalysisResult = std::variant<AnalysisReport, AnalysisError>;

class Analyzer {
public:
    // lexicon may be null: the analysis then learns everything from the opinions alone.
    Analyzer(AnalysisOptions options, Lexicon const* lexicon);

    AnalysisResult run(std::vector<Opinion> const& opinions,
                       AnalysisProgress const& progress = {}) const;

private:
    AnalysisOptions m_options;
    Lexicon const* m_lexicon;
};

} // namespace machiba::analysis
