// The outbox: entries under "campaigns/outbox/<key>", acknowledgements under
// "campaigns/sent/<key>", both in the app's store.
#include "wasm/screens/campaigns/opinion_outbox.hpp"

#include "shared/platform/clock.hpp"
#include "shared/platform/http_client.hpp"
#include "shared/platform/key_value_store.hpp"
#include "shared/platform/log_sink.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/campaigns/campaign_client.hpp"

#include <algorithm>

namespace machiba::campaigns {

namespace {

using nlohmann::json;

char const* const outbox_prefix = "campaigns/outbox/";
char const* const sent_prefix = "campaigns/sent/";

// Retries wait longer after each failure, from 2 s up to 30 s: a phone on a train comes back
// within a minute or so, and the server is not hammered by many phones at once.
std::int64_t backoff_ms(int failures)
{
    std::int64_t wait = 2000;
    for (int i = 1; i < failures && wait < 30000; ++i)
        wait *= 2;
    return std::min<std::int64_t>(wait, 30000);
}

std::optional<OutboxEntry> read_entry(std::string const& text)
{
    auto parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    OutboxEntry entry;
    entry.key = parsed.value("key", "");
    entry.campaign_id = parsed.value("campaign_id", "");
    entry.body = parsed.value("body", json::object());
    entry.created_at = parsed.value("created_at", std::int64_t{0});
    entry.attempts = parsed.value("attempts", 0);
    entry.state = parsed.value("state", "") == "rejected" ? OutboxState::rejected
                                                          : OutboxState::waiting;
    entry.error = parsed.value("error", "");
    if (entry.key.empty() || entry.campaign_id.empty())
        return std::nullopt;
    return entry;
}

std::optional<SentRecord> read_sent(std::string const& text)
{
    auto parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    SentRecord record;
    record.key = parsed.value("key", "");
    record.campaign_id = parsed.value("campaign_id", "");
    record.opinion_id = parsed.value("opinion_id", std::int64_t{0});
    record.sent_at = parsed.value("sent_at", std::int64_t{0});
    return record;
}

} // namespace

OpinionOutbox& OpinionOutbox::instance()
{
    static OpinionOutbox outbox;
    return outbox;
}

void OpinionOutbox::save(app::AppContext& app, OutboxEntry const& entry)
{
    // A "sending" entry is stored as waiting: after a reload nothing is on its way any more.
    json record = {{"key", entry.key}, {"campaign_id", entry.campaign_id}, {"body", entry.body},
        {"created_at", entry.created_at}, {"attempts", entry.attempts},
        {"state", entry.state == OutboxState::rejected ? "rejected" : "waiting"},
        {"error", entry.error}};
    app.store.set(outbox_prefix + entry.key, record.dump());
}

std::string OpinionOutbox::add(app::AppContext& app, std::string const& campaign_id, json body)
{
    OutboxEntry entry;
    entry.key = make_idempotency_key();
    entry.campaign_id = campaign_id;
    entry.body = std::move(body);
    entry.created_at = app.clock.now_unix_ms();
    save(app, entry);
    app.log.write(platform::LogLevel::Info, "campaigns",
        "opinion " + entry.key + " for " + campaign_id + " is in the outbox");
    m_retry_at = 0;
    send(app, entry);
    return entry.key;
}

void OpinionOutbox::flush(app::AppContext& app, bool now)
{
    std::int64_t time = app.clock.now_unix_ms();
    if (!now && time < m_retry_at)
        return;
    for (auto const& entry : entries(app)) {
        if (entry.state == OutboxState::waiting)
            send(app, entry);
    }
}

void OpinionOutbox::send(app::AppContext& app, OutboxEntry entry)
{
    // 1. One request per opinion at a time: the key makes a second one harmless, but useless.
    if (m_in_flight.count(entry.key))
        return;
    m_in_flight.insert(entry.key);
    ++entry.attempts;
    save(app, entry);

    // 2. Send; the answer decides whether it leaves the outbox, waits, or is refused.
    platform::HttpRequest request;
    request.method = "POST";
    request.url = paths::opinions(entry.campaign_id);
    request.headers = {{"Content-Type", "application/json"}, {"Idempotency-Key", entry.key}};
    request.body = entry.body.dump();
    app::AppContext* context = &app;
    app.http.send(std::move(request), [this, context, entry](platform::HttpResponse response) {
        auto& app = *context;
        m_in_flight.erase(entry.key);
        if (response.ok()) {
            // 3a. Acknowledged (201 the first time, 200 for a replay): it is stored, durably.
            auto parsed = json::parse(response.body, nullptr, false);
            std::int64_t opinion_id = 0;
            if (parsed.is_object()) {
                auto const& item = parsed.contains("opinion") ? parsed["opinion"] : parsed;
                if (item.is_object() && item.contains("id") && item["id"].is_number())
                    opinion_id = item["id"].get<std::int64_t>();
            }
            json record = {{"key", entry.key}, {"campaign_id", entry.campaign_id},
                {"opinion_id", opinion_id}, {"sent_at", app.clock.now_unix_ms()}};
            app.store.set(sent_prefix + entry.key, record.dump());
            app.store.erase(outbox_prefix + entry.key);
            m_failures = 0;
            app.log.write(platform::LogLevel::Info, "campaigns",
                "opinion " + entry.key + " acknowledged (" + std::to_string(response.status) +
                    ")");
        } else if (response.error != platform::HttpError::None || response.status == 429 ||
            response.status == 408 || response.status >= 500) {
            // 3b. No answer, or the server asks to come back later: wait and try again.
            ++m_failures;
            std::int64_t wait = backoff_ms(m_failures);
            m_retry_at = app.clock.now_unix_ms() + wait;
            app.frames.request_after(static_cast<double>(wait) + 50);
            app.log.write(platform::LogLevel::Info, "campaigns",
                "opinion " + entry.key + " waits: " +
                    (response.error_message.empty() ? std::to_string(response.status)
                                                    : response.error_message));
        } else {
            // 3c. Refused for good (a problem in the opinion, a campaign no longer open).
            OutboxEntry refused = entry;
            refused.state = OutboxState::rejected;
            auto problems = read_problems(response.body);
            refused.error = problems.empty() ? std::to_string(response.status)
                                             : problems.front().pointer + " " +
                    problems.front().message;
            save(app, refused);
            app.log.write(platform::LogLevel::Warning, "campaigns",
                "opinion " + entry.key + " refused: " + std::to_string(response.status));
        }
        app.frames.request();
    });
}

std::vector<OutboxEntry> OpinionOutbox::entries(app::AppContext& app) const
{
    std::vector<OutboxEntry> result;
    for (auto const& key : app.store.keys(outbox_prefix)) {
        auto text = app.store.get(key);
        if (!text)
            continue;
        if (auto entry = read_entry(*text)) {
            if (m_in_flight.count(entry->key))
                entry->state = OutboxState::sending;
            result.push_back(std::move(*entry));
        }
    }
    std::sort(result.begin(), result.end(),
        [](auto const& a, auto const& b) { return a.created_at < b.created_at; });
    return result;
}

std::optional<OutboxEntry> OpinionOutbox::entry(app::AppContext& app, std::string_view key) const
{
    auto text = app.store.get(outbox_prefix + std::string(key));
    if (!text)
        return std::nullopt;
    auto entry = read_entry(*text);
    if (entry && m_in_flight.count(entry->key))
        entry->state = OutboxState::sending;
    return entry;
}

std::optional<SentRecord> OpinionOutbox::sent(app::AppContext& app, std::string_view key) const
{
    auto text = app.store.get(sent_prefix + std::string(key));
    if (!text)
        return std::nullopt;
    return read_sent(*text);
}

std::vector<SentRecord> OpinionOutbox::sent_for(app::AppContext& app,
    std::string_view campaign_id) const
{
    std::vector<SentRecord> result;
    for (auto const& key : app.store.keys(sent_prefix)) {
        auto text = app.store.get(key);
        if (!text)
            continue;
        auto record = read_sent(*text);
        if (record && record->campaign_id == campaign_id)
            result.push_back(*record);
    }
    return result;
}

void OpinionOutbox::discard(app::AppContext& app, std::string_view key)
{
    app.store.erase(outbox_prefix + std::string(key));
}

int OpinionOutbox::waiting(app::AppContext& app) const
{
    int count = 0;
    for (auto const& entry : entries(app)) {
        if (entry.state != OutboxState::rejected)
            ++count;
    }
    return count;
}

std::int64_t OpinionOutbox::retry_in(app::AppContext& app) const
{
    std::int64_t left = m_retry_at - app.clock.now_unix_ms();
    return left > 0 ? left : 0;
}

} // namespace machiba::campaigns
