// CampaignCatalog: a short-lived cache of parsed campaigns. When an entry is due for a check,
// one request checks it while the others go on with the entry they have: a busy second never
// turns into every request reading and parsing the same campaign at once.
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
    // 1. A fresh entry, or a stale one while another request is already checking it.
    std::int64_t now = m_clock.now_unix_ms();
    std::shared_ptr<Entry const> known;
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(m_mutex);
        generation = m_generation;
        auto found = m_entries.find(id);
        if (found != m_entries.end()) {
            if (now - found->second.loaded_at < cache_lifetime_ms || found->second.checking)
                return found->second.entry;
            found->second.checking = true;
            known = found->second.entry;
        }
    }

    // 2. Read it; parse it again only when it changed (every change bumps the revision).
    std::shared_ptr<Entry const> entry;
    try {
        auto stored = m_storage.find_campaign(id);
        if (stored && known && stored->revision == known->stored.revision &&
            stored->updated_at == known->stored.updated_at)
            entry = known;
        else if (stored)
            entry = load(std::move(*stored));
    } catch (...) {
        std::lock_guard lock(m_mutex);
        if (auto found = m_entries.find(id); found != m_entries.end())
            found->second.checking = false;
        throw;
    }

    std::lock_guard lock(m_mutex);
    if (generation != m_generation)
        return entry; // changed meanwhile: the next request reads it afresh
    if (entry)
        m_entries[id] = {entry, now, false};
    else
        m_entries.erase(id);
    return entry;
}

std::vector<std::shared_ptr<CampaignCatalog::Entry const>> CampaignCatalog::all()
{
    std::int64_t now = m_clock.now_unix_ms();
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(m_mutex);
        bool fresh = m_all_loaded_at >= 0 && now - m_all_loaded_at < cache_lifetime_ms;
        if (fresh || (m_all_loaded_at >= 0 && m_all_checking))
            return m_all;
        m_all_checking = true;
        generation = m_generation;
    }
    std::vector<std::shared_ptr<Entry const>> entries;
    try {
        for (auto& stored : m_storage.list_campaigns()) {
            if (auto entry = load(std::move(stored)))
                entries.push_back(std::move(entry));
        }
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_all_checking = false;
        throw;
    }
    std::lock_guard lock(m_mutex);
    m_all_checking = false;
    if (generation == m_generation) {
        m_all = entries;
        m_all_loaded_at = now;
    }
    return entries;
}

void CampaignCatalog::invalidate(std::string const& id)
{
    std::lock_guard lock(m_mutex);
    m_generation += 1;
    m_entries.erase(id);
    m_all_loaded_at = -1;
}

} // namespace machiba::server
