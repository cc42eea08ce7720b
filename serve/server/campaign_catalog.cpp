// CampaignCatalog: a short-lived cache of parsed campaigns.
#include "serve/server/campaign_catalog.hpp"

#include "serve/server/api_response.hpp"

namespace machiba::server {

namespace {

constexpr std::int64_t cache_lifetime_ms = 1000;

} // namespace

CampaignCatalog::CampaignCatalog(Storage& storage, platform::Clock const& clock)
    : m_storage(storage)
    , m_clock(clock)
{
}

std::shared_ptr<CampaignCatalog::Entry const> CampaignCatalog::load(StoredCampaign stored)
{
    auto document = nlohmann::json::parse(stored.document, nullptr, false);
    auto parsed = campaign::parse_campaign(document);
    if (!parsed.campaign)
        return nullptr; // only valid documents are ever stored; a broken one is not served
    auto entry = std::make_shared<Entry>();
    entry->stored = std::move(stored);
    entry->campaign = std::move(*parsed.campaign);
    entry->document = campaign::to_json(entry->campaign);
    for (bool accepting : {false, true}) {
        nlohmann::json body = entry->document;
        body["accepting_opinions"] = accepting;
        entry->public_text[accepting] = dump_json(body);
    }
    return entry;
}

std::shared_ptr<CampaignCatalog::Entry const> CampaignCatalog::find(std::string const& id)
{
    std::int64_t now = m_clock.now_unix_ms();
    {
        std::lock_guard lock(m_mutex);
        auto found = m_entries.find(id);
        if (found != m_entries.end() && now - found->second.loaded_at < cache_lifetime_ms)
            return found->second.entry;
    }

    auto stored = m_storage.find_campaign(id);
    std::shared_ptr<Entry const> entry = stored ? load(std::move(*stored)) : nullptr;
    std::lock_guard lock(m_mutex);
    if (entry)
        m_entries[id] = {entry, now};
    else
        m_entries.erase(id);
    return entry;
}

std::vector<std::shared_ptr<CampaignCatalog::Entry const>> CampaignCatalog::all()
{
    std::int64_t now = m_clock.now_unix_ms();
    {
        std::lock_guard lock(m_mutex);
        if (m_all_loaded_at >= 0 && now - m_all_loaded_at < cache_lifetime_ms)
            return m_all;
    }
    std::vector<std::shared_ptr<Entry const>> entries;
    for (auto& stored : m_storage.list_campaigns()) {
        if (auto entry = load(std::move(stored)))
            entries.push_back(std::move(entry));
    }
    std::lock_guard lock(m_mutex);
    m_all = entries;
    m_all_loaded_at = now;
    return entries;
}

void CampaignCatalog::invalidate(std::string const& id)
{
    std::lock_guard lock(m_mutex);
    m_entries.erase(id);
    m_all_loaded_at = -1;
}

} // namespace machiba::server
