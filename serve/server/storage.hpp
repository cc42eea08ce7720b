// The storage interface of the server. SQLite implements it today (sqlite_storage.hpp); a
// PostgreSQL implementation can stand in its place without touching the request handlers.
// Every method is safe to call from many request threads at once. A write method returns only
// after its transaction is committed and durable.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace machiba::server {

// A campaign as stored: its JSON document (shared/campaign parses it) and bookkeeping.
struct StoredCampaign {
    std::string id;
    std::string status;
    std::int64_t starts_at = 0; // Unix milliseconds
    std::int64_t ends_at = 0;
    std::string document;       // the campaign's JSON
    std::int64_t revision = 1;  // +1 on every change; used for optimistic concurrency
    std::int64_t updated_at = 0;
};

enum class OpinionStatus { pending, published, hidden };

char const* opinion_status_name(OpinionStatus status);
std::optional<OpinionStatus> parse_opinion_status(std::string const& name);

struct NewOpinion {
    std::string campaign_id;
    std::string idempotency_key;
    std::string request_hash; // of the validated body, to tell a retry from a reused key
    std::string answers;      // JSON object
    std::optional<std::string> age_band;
    std::optional<std::string> district;
    std::int64_t received_at = 0;
    OpinionStatus status = OpinionStatus::pending;
    bool is_sample = false;
    std::optional<std::string> reply; // seed samples may come with the ward's reply
};

struct StoredOpinion {
    std::int64_t id = 0;
    std::string campaign_id;
    std::string answers;
    std::optional<std::string> age_band;
    std::optional<std::string> district;
    std::int64_t received_at = 0;
    OpinionStatus status = OpinionStatus::pending;
    bool is_sample = false;
    std::int64_t likes = 0;
    std::optional<std::string> reply;
    std::optional<std::int64_t> reply_at;
    std::optional<std::string> reply_by;
};

enum class OpinionInsertOutcome {
    created,  // stored now
    replayed, // the same key and body came before: nothing new stored
    key_reused, // the same key came before with a different body
};

struct OpinionInsert {
    OpinionInsertOutcome outcome;
    StoredOpinion opinion; // the stored one (the first, for a replay)
};

struct OpinionQuery {
    std::string campaign_id;
    std::optional<OpinionStatus> status;
    std::optional<std::string> district;
    std::optional<std::string> age_band;
    std::optional<std::string> text; // a substring of the answers
    std::optional<bool> is_sample;
    std::optional<std::int64_t> before_id; // paging: newest first, strictly older than this
    std::int64_t limit = 20;
};

struct OpinionPage {
    std::vector<StoredOpinion> items;
    std::optional<std::int64_t> next_before_id; // set when more items follow
};

enum class LikeOutcome { added, already_liked, not_found };

struct StaffAccount {
    std::int64_t id = 0;
    std::string name;
    std::string role; // "editor" or "admin"
    std::string password_hash;
    std::int64_t failed_logins = 0;
    std::int64_t locked_until = 0; // Unix milliseconds; 0 when not locked
    std::int64_t created_at = 0;
};

struct StaffSession {
    std::string token_hash;
    std::int64_t staff_id = 0;
    std::string csrf_token;
    std::int64_t expires_at = 0;
};

enum class CampaignWrite { ok, not_found, already_exists, revision_conflict };

class Storage {
public:
    virtual ~Storage() = default;

    // 1. Life cycle.
    // Creates or upgrades the schema; called once at start-up before any request.
    virtual void migrate() = 0;
    // The schema version now in place (the number of the last migration applied).
    virtual int schema_version() = 0;
    // True when the database answers a trivial query; used by GET /api/v1/health.
    virtual bool healthy() = 0;
    // True when no campaign exists yet, so that seed content may be loaded.
    virtual bool is_empty() = 0;
    // A secret kept in the database (made by make on first use): it signs preview links the
    // same way on every instance and across restarts.
    virtual std::string secret(std::string const& name, std::function<std::string()> make) = 0;

    // 2. Campaigns.
    virtual std::vector<StoredCampaign> list_campaigns() = 0;
    virtual std::optional<StoredCampaign> find_campaign(std::string const& id) = 0;
    virtual CampaignWrite create_campaign(StoredCampaign const& campaign) = 0;
    // Replaces the document when expected_revision matches (or is empty); bumps the revision.
    virtual CampaignWrite update_campaign(StoredCampaign const& campaign,
        std::optional<std::int64_t> expected_revision) = 0;

    // 3. Opinions.
    virtual OpinionInsert insert_opinion(NewOpinion const& opinion) = 0;
    virtual std::optional<StoredOpinion> find_opinion(std::int64_t id) = 0;
    // The opinion stored earlier under this idempotency key, with the hash of its body.
    virtual std::optional<std::pair<StoredOpinion, std::string>> find_opinion_by_key(
        std::string const& campaign_id, std::string const& idempotency_key) = 0;
    virtual OpinionPage list_opinions(OpinionQuery const& query) = 0;
    // Calls visit for every opinion of a campaign, oldest first (exports and counts).
    virtual void for_each_opinion(std::string const& campaign_id,
        std::function<void(StoredOpinion const&)> const& visit) = 0;
    virtual bool set_opinion_status(std::int64_t id, OpinionStatus status) = 0;
    // An empty reply removes it.
    virtual bool set_opinion_reply(std::int64_t id, std::optional<std::string> const& reply,
        std::string const& staff_name, std::int64_t now) = 0;
    // device_hash is a keyed hash of the device's id, never the id itself.
    virtual LikeOutcome add_like(std::int64_t opinion_id, std::string const& device_hash,
        std::int64_t now, std::int64_t& likes) = 0;

    // 4. Staff and their sessions.
    virtual bool add_staff(StaffAccount const& account) = 0;
    virtual bool set_staff_password(std::string const& name, std::string const& hash,
        std::string const& role) = 0;
    virtual std::optional<StaffAccount> find_staff(std::string const& name) = 0;
    virtual std::optional<StaffAccount> find_staff_by_id(std::int64_t id) = 0;
    virtual std::vector<StaffAccount> list_staff() = 0;
    virtual void record_login(std::int64_t staff_id, std::int64_t failed_logins,
        std::int64_t locked_until) = 0;
    virtual void create_session(StaffSession const& session, std::int64_t now) = 0;
    virtual std::optional<StaffSession> find_session(std::string const& token_hash,
        std::int64_t now) = 0;
    virtual void delete_session(std::string const& token_hash) = 0;
};

} // namespace machiba::server
