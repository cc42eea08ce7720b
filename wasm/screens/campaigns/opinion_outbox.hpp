// The outbox of opinions: an opinion is written to the store (IndexedDB) before it is sent, with
// the idempotency key made on the device, and leaves the outbox only when the server has
// acknowledged it. A failed network leaves it waiting; it is sent again later, with the same key,
// so that the server stores it exactly once however many times it arrives.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::app {
struct AppContext;
}

namespace machiba::campaigns {

enum class OutboxState {
    waiting,  // not acknowledged yet: never sent, or the network failed
    sending,  // a request is on its way
    rejected, // the server refused it (a validation problem, a closed campaign): kept to show
};

struct OutboxEntry {
    std::string key; // the idempotency key
    std::string campaign_id;
    nlohmann::json body;
    std::int64_t created_at = 0;
    int attempts = 0;
    OutboxState state = OutboxState::waiting;
    std::string error; // the server's message for a rejected one
};

// What became of an acknowledged opinion: kept so that the resident sees "sent" after a reload.
struct SentRecord {
    std::string key;
    std::string campaign_id;
    std::int64_t opinion_id = 0;
    std::int64_t sent_at = 0;
};

class OpinionOutbox {
public:
    static OpinionOutbox& instance();

    // Stores the opinion (store first, then the network) and tries to send it at once. Returns
    // its idempotency key.
    std::string add(app::AppContext& app, std::string const& campaign_id, nlohmann::json body);

    // Sends every waiting opinion that is not already on its way. Call it whenever a campaign
    // screen draws: it does nothing until the retry time has come.
    void flush(app::AppContext& app, bool now = false);

    std::vector<OutboxEntry> entries(app::AppContext& app) const;
    std::optional<OutboxEntry> entry(app::AppContext& app, std::string_view key) const;
    std::optional<SentRecord> sent(app::AppContext& app, std::string_view key) const;
    std::vector<SentRecord> sent_for(app::AppContext& app, std::string_view campaign_id) const;

    // Drops a rejected opinion the resident no longer wants to keep.
    void discard(app::AppContext& app, std::string_view key);

    int waiting(app::AppContext& app) const;
    // Milliseconds until the next retry (0 when none is planned).
    std::int64_t retry_in(app::AppContext& app) const;

private:
    void send(app::AppContext& app, OutboxEntry entry);
    void save(app::AppContext& app, OutboxEntry const& entry);

    std::set<std::string> m_in_flight;
    std::int64_t m_retry_at = 0;
    int m_failures = 0;
};

} // namespace machiba::campaigns
