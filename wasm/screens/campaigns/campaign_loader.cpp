// The campaign loader: the store's copy at once, then the server's answer.
#include "wasm/screens/campaigns/campaign_loader.hpp"

#include "shared/platform/http_client.hpp"
#include "shared/platform/key_value_store.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/campaigns/campaign_client.hpp"

namespace machiba::campaigns {

namespace {

char const* const demographics_cache_key = "campaigns/cache/demographics";

std::string campaign_cache_key(std::string const& id)
{
    return "campaigns/cache/campaign/" + id;
}

} // namespace

void CampaignLoader::load(app::AppContext& app, std::string const& campaign_id,
    std::string const& path)
{
    auto state = m_state;
    state->loading = true;
    state->failed = false;
    state->not_found = false;

    // 1. The copies kept from last time.
    if (!state->campaign) {
        if (auto cached = app.store.get(campaign_cache_key(campaign_id))) {
            auto parsed = read_campaign(nlohmann::json::parse(*cached, nullptr, false));
            if (parsed.campaign) {
                state->campaign = std::move(parsed.campaign);
                state->offline_copy = true;
            }
        }
    }
    if (auto cached = app.store.get(demographics_cache_key)) {
        auto parsed = campaign::parse_demographics(nlohmann::json::parse(*cached, nullptr, false));
        if (parsed.demographics)
            state->demographics = std::move(*parsed.demographics);
    }

    // 2. The server's.
    app::AppContext* context = &app;
    platform::HttpRequest request;
    request.url = path;
    std::string key = campaign_cache_key(campaign_id);
    app.http.send(std::move(request), [state, context, key](platform::HttpResponse response) {
        state->loading = false;
        if (response.status == 404) {
            state->not_found = true;
            return;
        }
        auto body = nlohmann::json::parse(response.body, nullptr, false);
        auto parsed = read_campaign(body);
        if (!response.ok() || !parsed.campaign) {
            state->failed = true;
            return;
        }
        state->campaign = std::move(parsed.campaign);
        state->offline_copy = false;
        context->store.set(key, campaign::to_json(*state->campaign).dump());
    });

    platform::HttpRequest demographics;
    demographics.url = paths::demographics;
    app.http.send(std::move(demographics), [state, context](platform::HttpResponse response) {
        if (!response.ok())
            return;
        auto parsed = campaign::parse_demographics(
            nlohmann::json::parse(response.body, nullptr, false));
        if (!parsed.demographics)
            return;
        state->demographics = std::move(*parsed.demographics);
        context->store.set(demographics_cache_key, response.body);
    });
}

} // namespace machiba::campaigns
