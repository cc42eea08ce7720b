// Campaigns as the request handlers read them: parsed once and kept for a second. Every
// opinion post needs its campaign, so this keeps the database out of the hot path; writes made
// through this server drop the cached copy at once, and another instance's writes (with a
// shared PostgreSQL) are seen within the second.
#pragma once

#include "serve/server/storage.hpp"
#include "shared/campaign/campaign.hpp"
#include "shared/platform/clock.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace machiba::server {

class CampaignCatalog {
public:
    struct Entry {
        StoredCampaign stored;
        campaign::Campaign campaign;
        nlohmann::json document; // to_json(campaign), ready to send
        // The residents' JSON text, with "accepting_opinions" false [0] and true [1]: made
        // once, so that the most read answer of the API costs no serialisation.
        std::string public_text[2];
    };

    CampaignCatalog(Storage& storage, platform::Clock const& clock);

    std::shared_ptr<Entry const> find(std::string const& id);
    std::vector<std::shared_ptr<Entry const>> all();
    void invalidate(std::string const& id);

private:
    std::shared_ptr<Entry const> load(StoredCampaign stored);

    Storage& m_storage;
    platform::Clock const& m_clock;
    std::mutex m_mutex;
    struct Cached {
        std::shared_ptr<Entry const> entry;
        std::int64_t loaded_at;
        bool checking = false; // one request is reading it again; the others use entry
    };
    std::map<std::string, Cached, std::less<>> m_entries;
    std::vector<std::shared_ptr<Entry const>> m_all;
    std::int64_t m_all_loaded_at = -1;
    bool m_all_checking = false;
    // +1 on every invalidate: a check that began before it must not store what it read.
    std::uint64_t m_generation = 0;
};

} // namespace machiba::server
