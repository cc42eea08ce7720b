// One clustering, many views: the clusters as seen by one group of residents (an age band, a
// district, a campaign), and how each cluster's share differs between the groups of an
// attribute, all without clustering again.
#pragma once

#include "shared/analysis/analysis_report.hpp"
#include "shared/analysis/opinion.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::analysis {

enum class OpinionAttribute { age_band, district, campaign };

// "age_band", "district", "campaign".
std::string_view opinion_attribute_name(OpinionAttribute attribute);
std::string const& attribute_value(Opinion const& opinion, OpinionAttribute attribute);

// Which opinions a view shows; an empty field matches every opinion.
struct ViewFilter {
    std::string age_band;
    std::string district;
    std::string campaign;

    bool matches(Opinion const& opinion) const;
};

struct ClusterShare {
    std::size_t count = 0; // opinions of the cluster in the view
    double share = 0;      // count / opinions in the view
};

struct ClusterView {
    std::size_t total = 0;                          // opinions in the view
    std::vector<ClusterShare> clusters;             // per coarse cluster, in report order
    std::vector<std::vector<ClusterShare>> children; // per coarse cluster, per child
    std::vector<std::size_t> opinions;              // the opinions in the view, ascending
};

ClusterView filter_view(AnalysisReport const& report, std::vector<Opinion> const& opinions,
                        ViewFilter const& filter);

// Each distinct value of the attribute (in order of first appearance; opinions without one
// make the group ""), with each coarse cluster's share of that group's opinions.
struct GroupShares {
    std::string value;
    ClusterView view;
};

std::vector<GroupShares> compare_groups(AnalysisReport const& report,
                                        std::vector<Opinion> const& opinions,
                                        OpinionAttribute attribute);

} // namespace machiba::analysis
