// What the campaign screens ask of the server, in one place: the paths of the REST API, the
// readers of its answers, and what the device makes for itself (its id, idempotency keys).
#pragma once

#include "shared/campaign/campaign.hpp"
#include "shared/campaign/demographics.hpp"
#include "shared/campaign/validation_problem.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::platform {
class KeyValueStore;
struct HttpResponse;
} // namespace machiba::platform

namespace machiba::campaigns {

// 1. Paths of the residents' API (under /api/v1, described by GET /api/v1/openapi.json).
namespace paths {
inline constexpr char const* campaigns = "/api/v1/campaigns";
inline constexpr char const* demographics = "/api/v1/demographics";
std::string campaign(std::string_view id);
std::string opinions(std::string_view campaign_id);
std::string likes(std::int64_t opinion_id);
} // namespace paths

// 2. A campaign as the residents' list shows it.
struct CampaignSummary {
    std::string id;
    campaign::LocalizedText title;
    campaign::LocalizedText summary;
    std::string status;
    std::int64_t starts_at = 0;
    std::int64_t ends_at = 0;
    std::optional<bool> accepting; // the server's word (its clock), when it says

    bool accepts_opinions(std::int64_t now_unix_ms) const;
};

std::vector<CampaignSummary> read_campaign_list(nlohmann::json const& body);

// A campaign document, bare or wrapped as {"campaign": {...}}.
campaign::CampaignParse read_campaign(nlohmann::json const& body);

// 3. Published opinions with their likes and the ward's reply.
struct PublishedOpinion {
    std::int64_t id = 0;
    nlohmann::json answers;
    std::string age_band;
    std::string district;
    std::int64_t received_at = 0;
    std::int64_t likes = 0;
    std::string reply;
    bool is_sample = false;
};

struct OpinionList {
    std::vector<PublishedOpinion> items;
    std::string next; // an opaque cursor ("before" id) when more follow
};

OpinionList read_opinion_list(nlohmann::json const& body);
PublishedOpinion read_opinion(nlohmann::json const& item);

// 4. Errors: the server's problems ({"error": {"problems": [{pointer, code, message}]}}).
campaign::ValidationProblems read_problems(std::string const& body);

// 5. What the device makes: a random id kept in the store (for likes, never sent with an
//    opinion), and a fresh idempotency key for each opinion.
std::string device_id(platform::KeyValueStore& store);
std::string make_idempotency_key();

// 6. Display helpers: "2026年12月3日" or "3 Dec 2026" from Unix milliseconds, in Japan time.
std::string format_date(std::int64_t unix_ms, std::string_view language);
std::string format_period(std::int64_t starts_at, std::int64_t ends_at, std::string_view language);

// The text of one answer as people read it (choice labels, "4 / 5", the text itself).
std::string answer_text(campaign::Question const& question, nlohmann::json const& answer,
    std::string_view language);

std::string demographic_label(std::vector<campaign::DemographicOption> const& options,
    std::string_view id, std::string_view language);

} // namespace machiba::campaigns
