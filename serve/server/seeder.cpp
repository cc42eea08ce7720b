// seed_campaigns: every seed passes the same validation as anything staff or residents send.
#include "serve/server/seeder.hpp"

#include "serve/server/api_response.hpp"
#include "shared/calendar/japan_time.hpp"
#include "shared/campaign/opinion.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace machiba::server {

SeedReport seed_campaigns(Storage& storage, std::filesystem::path const& campaigns_folder,
    campaign::Demographics const& demographics)
{
    SeedReport report;
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (auto const& entry : std::filesystem::directory_iterator(campaigns_folder, error)) {
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());

    for (auto const& path : files) {
        std::string name = path.filename().string();
        std::ifstream input(path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(input)), std::istreambuf_iterator<char>());
        auto file = nlohmann::json::parse(text, nullptr, false);
        if (file.is_discarded()) {
            report.errors.push_back(name + ": not valid JSON");
            continue;
        }
        if (!file.is_object() || !file.contains("campaign"))
            continue; // another kind of asset (districts, listing rules)

        // 1. The campaign itself.
        auto parsed = campaign::parse_campaign(file["campaign"]);
        if (!parsed.campaign) {
            for (auto const& problem : parsed.problems)
                report.errors.push_back(name + ": /campaign" + problem.pointer + ": " +
                    problem.message);
            continue;
        }
        auto const& campaign = *parsed.campaign;
        StoredCampaign stored {campaign.id, std::string(campaign::status_name(campaign.status)),
            campaign.starts_at, campaign.ends_at, dump_json(campaign::to_json(campaign)), 1, 0};
        if (storage.create_campaign(stored) != CampaignWrite::ok)
            continue;
        report.campaigns += 1;

        // 2. Its sample opinions, published and marked as samples.
        auto samples = file.value("sample_opinions", nlohmann::json::array());
        for (std::size_t i = 0; i < samples.size(); ++i) {
            std::string where = name + ": /sample_opinions/" + std::to_string(i);
            auto const& sample = samples[i];
            if (!sample.is_object()) {
                report.errors.push_back(where + ": not an object");
                continue;
            }
            nlohmann::json body = {{"answers", sample.value("answers", nlohmann::json())},
                {"age_band", sample.value("age_band", nlohmann::json())},
                {"district", sample.value("district", nlohmann::json())}};
            auto opinion = campaign::parse_opinion(body, campaign, demographics);
            auto received = calendar::parse_iso8601(sample.value("received_at", ""));
            if (!opinion.opinion || !std::holds_alternative<std::int64_t>(received)) {
                for (auto const& problem : opinion.problems)
                    report.errors.push_back(where + problem.pointer + ": " + problem.message);
                if (!std::holds_alternative<std::int64_t>(received))
                    report.errors.push_back(where + "/received_at: not a date-time");
                continue;
            }
            NewOpinion row;
            row.campaign_id = campaign.id;
            row.idempotency_key = "seed-" + campaign.id + "-" + std::to_string(i);
            row.request_hash = "seed";
            row.answers = dump_json(campaign::to_json(*opinion.opinion)["answers"]);
            row.age_band = opinion.opinion->age_band;
            row.district = opinion.opinion->district;
            row.received_at = std::get<std::int64_t>(received);
            row.status = OpinionStatus::published;
            row.is_sample = true;
            if (sample.contains("reply") && sample["reply"].is_string())
                row.reply = sample["reply"].get<std::string>();
            storage.insert_opinion(row);
            report.opinions += 1;
        }
    }
    return report;
}

} // namespace machiba::server
