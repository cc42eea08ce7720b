// The residents' side of /api/v1: campaigns, sending opinions, reading published ones, likes,
// previews through signed links, the demographics and the OpenAPI document.
#pragma once

#include "serve/server/api_context.hpp"
#include "serve/server/api_router.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace machiba::server {

void register_resident_api(ApiRouter& router, ApiContext& context);

// The campaign as residents read it: its document and whether it takes opinions now.
nlohmann::json public_campaign_json(CampaignCatalog::Entry const& entry, std::int64_t now);

// Preview links: "<campaign id>.<expiry in Unix ms>.<HMAC of both>". make_preview_token signs;
// check_preview_token returns the campaign id when the signature holds and the time has not
// passed.
std::string make_preview_token(std::string_view secret, std::string const& campaign_id,
    std::int64_t expires_at);
std::optional<std::string> check_preview_token(std::string_view secret, std::string_view token,
    std::int64_t now);

// A positive integer in decimal, as paths and queries carry ids; nothing for anything else.
std::optional<std::int64_t> parse_positive_integer(std::string_view text);

} // namespace machiba::server
