// The analysis report for people outside the app: a CSV with one row per opinion (its clusters,
// duplicate group, attributes and its text with personal information masked), and a Markdown
// summary that staff can paste into a memo. The words of the summary come from the caller, in
// the reader's language.
#pragma once

#include "shared/analysis/analysis_report.hpp"
#include "shared/analysis/opinion.hpp"

#include <string>
#include <vector>

namespace machiba::analysis {

// Header: id, cluster, cluster_label, subcluster, subcluster_label, duplicate_group, age_band,
// district, campaign, text. Fields are quoted as RFC 4180 says when they need it.
std::string report_to_csv(AnalysisReport const& report, std::vector<Opinion> const& opinions);

// Templates with placeholders in braces: {opinions}, {clusters}, {duplicates}, {pii},
// {count}, {share}.
struct MarkdownWords {
    std::string title = "Opinion analysis";
    std::string summary = "{opinions} opinions, {clusters} clusters, {duplicates} groups of "
                          "near-duplicates, {pii} items of personal information masked.";
    std::string cluster_size = "{count} opinions, {share}%";
    std::string phrases = "Key phrases";
    std::string examples = "Typical opinions";
    std::string subclusters = "Within it";
};

std::string report_to_markdown(AnalysisReport const& report, MarkdownWords const& words);

} // namespace machiba::analysis
