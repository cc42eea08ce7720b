// What an analysis of opinions produces: clusters in two levels with key phrases and
// representative opinions, duplicate groups, personal information found, and a 2-D map.
#pragma once

#include "shared/analysis/near_duplicates.hpp"
#include "shared/text/personal_info.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace machiba::analysis {

struct ClusterSummary {
    std::string id;                          // "3" for a coarse cluster, "3.2" for a child
    std::string label;                       // the first key phrases, joined by ・
    std::vector<std::string> phrases;        // key phrases, most distinctive first
    std::vector<std::size_t> members;        // opinion indices, duplicates included, ascending
    std::vector<std::size_t> representatives; // opinion indices, most typical first
    float x = 0;                              // centre on the map
    float y = 0;
    std::vector<ClusterSummary> children; // empty for a child
};

struct PersonalInfoFinding {
    std::size_t opinion; // index into the input
    text::PersonalInfoMatch match;
};

struct MapPoint {
    float x = 0; // both in [-1, 1]
    float y = 0;
};

struct AnalysisReport {
    std::vector<ClusterSummary> clusters; // largest first
    std::vector<DuplicateGroup> duplicates;
    std::vector<PersonalInfoFinding> personal_info;
    std::vector<std::string> masked_texts; // per opinion, personal information replaced
    std::vector<MapPoint> map;             // per opinion
    std::vector<std::uint32_t> coarse;     // per opinion: index into clusters
    std::vector<std::uint32_t> fine;       // per opinion: index into its cluster's children
    std::uint64_t seed = 0;
};

} // namespace machiba::analysis
