// Filtered views and group comparisons over one analysis report (see cluster_views.hpp).
#include "shared/analysis/cluster_views.hpp"

#include <algorithm>
#include <unordered_map>

namespace machiba::analysis {

std::string_view opinion_attribute_name(OpinionAttribute attribute)
{
    switch (attribute) {
    case OpinionAttribute::age_band:
        return "age_band";
    case OpinionAttribute::district:
        return "district";
    case OpinionAttribute::campaign:
        return "campaign";
    }
    return "unknown";
}

std::string const& attribute_value(Opinion const& opinion, OpinionAttribute attribute)
{
    switch (attribute) {
    case OpinionAttribute::age_band:
        return opinion.age_band;
    case OpinionAttribute::district:
        return opinion.district;
    case OpinionAttribute::campaign:
        break;
    }
    return opinion.campaign;
}

bool ViewFilter::matches(Opinion const& opinion) const
{
    return (age_band.empty() || opinion.age_band == age_band)
        && (district.empty() || opinion.district == district)
        && (campaign.empty() || opinion.campaign == campaign);
}

namespace {

template <typename Include>
ClusterView make_view(AnalysisReport const& report, std::size_t count, Include include)
{
    ClusterView view;
    view.clusters.resize(report.clusters.size());
    view.children.resize(report.clusters.size());
    for (std::size_t c = 0; c < report.clusters.size(); ++c)
        view.children[c].resize(report.clusters[c].children.size());

    // 1. Count the opinions of the view in each cluster and child.
    for (std::size_t i = 0; i < count && i < report.coarse.size(); ++i) {
        if (!include(i))
            continue;
        ++view.total;
        view.opinions.push_back(i);
        std::size_t const c = report.coarse[i];
        if (c >= view.clusters.size())
            continue;
        ++view.clusters[c].count;
        if (!view.children[c].empty())
            ++view.children[c][report.fine[i]].count;
    }

    // 2. Shares of the view's own total, so groups of different sizes compare.
    double const total = std::max<std::size_t>(view.total, 1);
    for (std::size_t c = 0; c < view.clusters.size(); ++c) {
        view.clusters[c].share = view.clusters[c].count / total;
        for (auto& child : view.children[c])
            child.share = child.count / total;
    }
    return view;
}

} // namespace

ClusterView filter_view(AnalysisReport const& report, std::vector<Opinion> const& opinions,
                        ViewFilter const& filter)
{
    return make_view(report, opinions.size(),
                     [&](std::size_t i) { return filter.matches(opinions[i]); });
}

std::vector<GroupShares> compare_groups(AnalysisReport const& report,
                                        std::vector<Opinion> const& opinions,
                                        OpinionAttribute attribute)
{
    // 1. The groups in order of first appearance, and each opinion's group.
    std::vector<GroupShares> groups;
    std::unordered_map<std::string, std::size_t> index;
    std::vector<std::size_t> group_of(opinions.size());
    for (std::size_t i = 0; i < opinions.size(); ++i) {
        auto const [found, inserted] =
            index.emplace(attribute_value(opinions[i], attribute), groups.size());
        if (inserted)
            groups.push_back({found->first, {}});
        group_of[i] = found->second;
    }

    // 2. One view per group.
    for (std::size_t g = 0; g < groups.size(); ++g) {
        groups[g].view = make_view(report, opinions.size(),
                                   [&](std::size_t i) { return group_of[i] == g; });
    }
    return groups;
}

} // namespace machiba::analysis
