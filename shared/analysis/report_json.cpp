// Writing the analysis report as JSON (see report_json.hpp).
#include "shared/analysis/report_json.hpp"

#include <cmath>

namespace machiba::analysis {

namespace {

class Writer {
public:
    Writer(AnalysisReport const& report, std::vector<Opinion> const& opinions,
           std::vector<nlohmann::json> const* ids)
        : m_report(report)
        , m_opinions(opinions)
        , m_ids(ids)
    {
    }

    nlohmann::json id(std::size_t opinion) const
    {
        return m_ids ? (*m_ids)[opinion] : nlohmann::json(m_opinions[opinion].id);
    }

    // Map coordinates rounded to 4 decimals: enough for any screen, and a smaller file.
    static double rounded(float value) { return std::round(value * 10000.0) / 10000.0; }

    nlohmann::json cluster(ClusterSummary const& summary) const
    {
        nlohmann::json members = nlohmann::json::array();
        for (std::size_t i : summary.members)
            members.push_back(id(i));
        nlohmann::json representatives = nlohmann::json::array();
        for (std::size_t i : summary.representatives)
            representatives.push_back({{"id", id(i)}, {"text", m_report.masked_texts[i]}});
        nlohmann::json children = nlohmann::json::array();
        for (auto const& child : summary.children)
            children.push_back(cluster(child));
        return {{"id", summary.id},
                {"label", summary.label},
                {"phrases", summary.phrases},
                {"size", summary.members.size()},
                {"members", std::move(members)},
                {"representatives", std::move(representatives)},
                {"x", rounded(summary.x)},
                {"y", rounded(summary.y)},
                {"children", std::move(children)}};
    }

    nlohmann::json write() const
    {
        nlohmann::json clusters = nlohmann::json::array();
        for (auto const& summary : m_report.clusters)
            clusters.push_back(cluster(summary));

        nlohmann::json duplicates = nlohmann::json::array();
        for (auto const& group : m_report.duplicates) {
            nlohmann::json members = nlohmann::json::array();
            for (std::size_t i : group.members)
                members.push_back(id(i));
            duplicates.push_back(std::move(members));
        }

        nlohmann::json pii = nlohmann::json::array();
        for (auto const& finding : m_report.personal_info) {
            pii.push_back({{"id", id(finding.opinion)},
                           {"kind", text::personal_info_kind_name(finding.match.kind)},
                           {"text", finding.match.text}});
        }

        nlohmann::json map = nlohmann::json::array();
        for (std::size_t i = 0; i < m_report.map.size(); ++i) {
            nlohmann::json point = {{"id", id(i)},
                                    {"x", rounded(m_report.map[i].x)},
                                    {"y", rounded(m_report.map[i].y)}};
            if (!m_report.clusters.empty()) {
                auto const& parent = m_report.clusters[m_report.coarse[i]];
                point["cluster"] = parent.children.empty()
                    ? parent.id
                    : parent.children[m_report.fine[i]].id;
            }
            map.push_back(std::move(point));
        }

        return {{"opinions", m_opinions.size()}, {"seed", m_report.seed},
                {"clusters", std::move(clusters)}, {"duplicates", std::move(duplicates)},
                {"pii", std::move(pii)},           {"map", std::move(map)}};
    }

private:
    AnalysisReport const& m_report;
    std::vector<Opinion> const& m_opinions;
    std::vector<nlohmann::json> const* m_ids;
};

} // namespace

nlohmann::json report_to_json(AnalysisReport const& report, std::vector<Opinion> const& opinions,
                              std::vector<nlohmann::json> const* ids)
{
    return Writer(report, opinions, ids).write();
}

} // namespace machiba::analysis
