// The analysis report as CSV and as a Markdown summary (see report_export.hpp).
#include "shared/analysis/report_export.hpp"

#include <cstdio>
#include <string_view>

namespace machiba::analysis {

namespace {

void csv_field(std::string& out, std::string_view field)
{
    bool const quote = field.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

std::string replaced(std::string text, std::string_view name, std::string_view value)
{
    std::string const key = "{" + std::string(name) + "}";
    for (std::size_t at = text.find(key); at != std::string::npos;
         at = text.find(key, at + value.size()))
        text.replace(at, key.size(), value);
    return text;
}

std::string percent(std::size_t part, std::size_t whole)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f",
                  whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
    return buffer;
}

// A text on one Markdown line: line breaks become spaces.
std::string one_line(std::string_view text)
{
    std::string out;
    for (char c : text)
        out += c == '\n' || c == '\r' ? ' ' : c;
    return out;
}

} // namespace

std::string report_to_csv(AnalysisReport const& report, std::vector<Opinion> const& opinions)
{
    std::vector<std::size_t> duplicate_group(opinions.size(), 0);
    for (std::size_t g = 0; g < report.duplicates.size(); ++g) {
        for (std::size_t member : report.duplicates[g].members)
            duplicate_group[member] = g + 1;
    }
    std::string out = "id,cluster,cluster_label,subcluster,subcluster_label,duplicate_group,"
                      "age_band,district,campaign,text\r\n";
    for (std::size_t i = 0; i < opinions.size(); ++i) {
        csv_field(out, opinions[i].id);
        out += ',';
        if (!report.clusters.empty()) {
            auto const& cluster = report.clusters[report.coarse[i]];
            csv_field(out, cluster.id);
            out += ',';
            csv_field(out, cluster.label);
            out += ',';
            if (!cluster.children.empty()) {
                auto const& child = cluster.children[report.fine[i]];
                csv_field(out, child.id);
                out += ',';
                csv_field(out, child.label);
            } else {
                out += ',';
            }
        } else {
            out += ",,,";
        }
        out += ',';
        if (duplicate_group[i])
            out += std::to_string(duplicate_group[i]);
        for (std::string const* field :
             {&opinions[i].age_band, &opinions[i].district, &opinions[i].campaign}) {
            out += ',';
            csv_field(out, *field);
        }
        out += ',';
        csv_field(out, i < report.masked_texts.size() ? report.masked_texts[i] : std::string());
        out += "\r\n";
    }
    return out;
}

std::string report_to_markdown(AnalysisReport const& report, MarkdownWords const& words)
{
    std::size_t const total = report.masked_texts.size();
    std::string out = "# " + words.title + "\n\n";
    std::string summary = words.summary;
    summary = replaced(summary, "opinions", std::to_string(total));
    summary = replaced(summary, "clusters", std::to_string(report.clusters.size()));
    summary = replaced(summary, "duplicates", std::to_string(report.duplicates.size()));
    summary = replaced(summary, "pii", std::to_string(report.personal_info.size()));
    out += summary + "\n";

    auto size_line = [&](ClusterSummary const& cluster) {
        return replaced(replaced(words.cluster_size, "count",
                                 std::to_string(cluster.members.size())),
                        "share", percent(cluster.members.size(), total));
    };
    for (auto const& cluster : report.clusters) {
        out += "\n## " + cluster.id + ". " + one_line(cluster.label) + "\n\n";
        out += size_line(cluster) + "\n\n";
        if (!cluster.phrases.empty()) {
            out += "- " + words.phrases + ": ";
            for (std::size_t p = 0; p < cluster.phrases.size(); ++p)
                out += (p ? "、" : "") + cluster.phrases[p];
            out += "\n";
        }
        if (!cluster.representatives.empty()) {
            out += "- " + words.examples + ":\n";
            for (std::size_t i : cluster.representatives)
                out += "  > " + one_line(report.masked_texts[i]) + "\n";
        }
        if (!cluster.children.empty()) {
            out += "- " + words.subclusters + ":\n";
            for (auto const& child : cluster.children)
                out += "  - " + child.id + " " + one_line(child.label) + " (" + size_line(child)
                    + ")\n";
        }
    }
    return out;
}

} // namespace machiba::analysis
