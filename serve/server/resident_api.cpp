// Resident API handlers. Each reads as: limits, lookups, body, validation, storage, answer.
#include "serve/server/resident_api.hpp"

#include "serve/server/api_response.hpp"
#include "serve/server/opinion_view.hpp"
#include "serve/server/request_body.hpp"
#include "serve/server/security.hpp"
#include "shared/campaign/opinion.hpp"

#include <httplib.h>

#include <algorithm>

namespace machiba::server {

namespace {

using nlohmann::json;

constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;

void send_not_found_campaign(httplib::Response& response, std::string const& id)
{
    send_error(response, 404, "not_found", "There is no campaign " + id + ".");
}

json period_json(campaign::Campaign const& campaign)
{
    return {{"start", japan_iso(campaign.starts_at)}, {"end", japan_iso(campaign.ends_at)}};
}

json receipt_json(StoredOpinion const& opinion)
{
    return {{"id", opinion.id}, {"campaign_id", opinion.campaign_id},
        {"received_at", japan_iso(opinion.received_at)},
        {"status", opinion_status_name(opinion.status)}};
}

void send_replay(httplib::Response& response, StoredOpinion const& opinion)
{
    response.set_header("Idempotent-Replayed", "true");
    send_json(response, 201, receipt_json(opinion));
}

// GET /api/v1/campaigns: open ones first, then recently closed, latest end first.
void list_campaigns(ApiContext& context, httplib::Response& response)
{
    std::int64_t now = context.now();
    std::int64_t oldest_end = now - context.recently_closed_days * day_ms;
    std::vector<std::shared_ptr<CampaignCatalog::Entry const>> shown;
    for (auto const& entry : context.catalog.all()) {
        auto const& campaign = entry->campaign;
        if (!campaign.is_public() || campaign.starts_at > now)
            continue;
        if (!campaign.accepts_opinions(now) && campaign.ends_at < oldest_end)
            continue;
        shown.push_back(entry);
    }
    std::stable_sort(shown.begin(), shown.end(), [now](auto const& a, auto const& b) {
        bool a_open = a->campaign.accepts_opinions(now);
        bool b_open = b->campaign.accepts_opinions(now);
        if (a_open != b_open)
            return a_open;
        return a->campaign.ends_at > b->campaign.ends_at;
    });

    json items = json::array();
    for (auto const& entry : shown) {
        auto const& campaign = entry->campaign;
        items.push_back({{"id", campaign.id}, {"status", campaign::status_name(campaign.status)},
            {"title", to_json(campaign.title)}, {"summary", to_json(campaign.summary)},
            {"period", period_json(campaign)}, {"public_opinions", campaign.public_opinions},
            {"accepting_opinions", campaign.accepts_opinions(now)}});
    }
    response.set_header("Cache-Control", "no-cache");
    send_json(response, 200, {{"campaigns", std::move(items)}});
}

void get_campaign(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    auto const& id = request.parameter("id");
    auto entry = context.catalog.find(id);
    if (!entry || !entry->campaign.is_public())
        return send_not_found_campaign(response, id);
    response.set_header("Cache-Control", "no-cache");
    response.status = 200;
    response.set_content(entry->public_text[entry->campaign.accepts_opinions(context.now())],
        "application/json; charset=utf-8");
}

// POST /api/v1/campaigns/{id}/opinions. Nothing reaches the database before every check has
// passed; the 201 is sent only after the writer has committed.
void post_opinion(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    // 1. The client's pace.
    if (refuse_over_rate(context, context.opinion_limiter, request.http, response))
        return;

    // 2. The campaign, and the key that makes a retry harmless.
    auto const& id = request.parameter("id");
    auto entry = context.catalog.find(id);
    if (!entry || !entry->campaign.is_public())
        return send_not_found_campaign(response, id);
    std::string key = request.http.get_header_value("Idempotency-Key");
    if (!campaign::is_valid_idempotency_key(key)) {
        return send_error(response, 428, "idempotency_key_required",
            "Send an Idempotency-Key header made on the device: 8 to 128 characters from "
            "A-Z, a-z, 0-9, \"-\" and \"_\".");
    }

    // 3. The body, then the same validation the app ran before sending.
    auto body = read_json_body(request.http, response, max_opinion_body);
    if (!body)
        return;
    auto parsed = campaign::parse_opinion(*body, entry->campaign, context.demographics);
    json canonical = parsed.opinion ? campaign::to_json(*parsed.opinion) : json();
    std::string request_hash = parsed.opinion ? keyed_hash("", dump_json(canonical)) : "";

    // 4. A campaign that does not take opinions now still answers a retry of one it took.
    std::int64_t now = context.now();
    if (!entry->campaign.accepts_opinions(now)) {
        if (parsed.opinion) {
            auto earlier = context.storage.find_opinion_by_key(id, key);
            if (earlier && earlier->second == request_hash)
                return send_replay(response, earlier->first);
        }
        return send_error(response, 409, "campaign_not_open",
            "This campaign does not take opinions now; its period is " +
                japan_iso(entry->campaign.starts_at) + " to " +
                japan_iso(entry->campaign.ends_at) + ".");
    }
    if (!parsed.opinion) {
        return send_error(response, 422, "validation_failed",
            "The opinion has problems; each one names where it is.",
            campaign::to_json(parsed.problems));
    }

    // 5. Store it (or find the first one sent with this key).
    NewOpinion row;
    row.campaign_id = id;
    row.idempotency_key = key;
    row.request_hash = request_hash;
    row.answers = dump_json(canonical["answers"]);
    row.age_band = parsed.opinion->age_band;
    row.district = parsed.opinion->district;
    row.received_at = now;
    auto inserted = context.storage.insert_opinion(row);
    switch (inserted.outcome) {
    case OpinionInsertOutcome::created:
        return send_json(response, 201, receipt_json(inserted.opinion));
    case OpinionInsertOutcome::replayed:
        return send_replay(response, inserted.opinion);
    case OpinionInsertOutcome::key_reused:
        return send_error(response, 422, "idempotency_key_reused",
            "This Idempotency-Key was already used for a different opinion; make a new key "
            "for each opinion.");
    }
}

// GET /api/v1/campaigns/{id}/opinions: published ones, newest first.
void list_published(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    auto const& id = request.parameter("id");
    auto entry = context.catalog.find(id);
    if (!entry || !entry->campaign.is_public())
        return send_not_found_campaign(response, id);
    if (!entry->campaign.public_opinions) {
        return send_error(response, 403, "opinions_not_public",
            "The opinions of this campaign are not shown publicly.");
    }

    OpinionQuery query;
    query.campaign_id = id;
    query.status = OpinionStatus::published;
    campaign::ValidationProblems problems;
    if (request.http.has_param("limit")) {
        auto limit = parse_positive_integer(request.http.get_param_value("limit"));
        if (!limit || *limit > 100)
            problems.push_back({"/query/limit", "out_of_range", "limit must be 1 to 100."});
        else
            query.limit = *limit;
    }
    if (request.http.has_param("before")) {
        auto before = parse_positive_integer(request.http.get_param_value("before"));
        if (!before)
            problems.push_back({"/query/before", "wrong_type", "before must be an opinion id."});
        else
            query.before_id = *before;
    }
    if (!problems.empty()) {
        return send_error(response, 400, "bad_parameter", "A query parameter is wrong.",
            campaign::to_json(problems));
    }

    auto page = context.storage.list_opinions(query);
    json items = json::array();
    for (auto const& opinion : page.items)
        items.push_back(public_opinion_json(opinion, entry->campaign));
    response.set_header("Cache-Control", "no-cache");
    send_json(response, 200,
        {{"opinions", std::move(items)},
            {"next_before", page.next_before_id ? json(*page.next_before_id) : json(nullptr)}});
}

// POST /api/v1/opinions/{id}/likes: once per device; the device id is kept only as a keyed hash.
void like_opinion(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    // 1. Pace and body.
    if (refuse_over_rate(context, context.like_limiter, request.http, response))
        return;
    auto opinion_id = parse_positive_integer(request.parameter("id"));
    auto body = read_json_body(request.http, response, max_small_body);
    if (!body)
        return;
    campaign::ValidationProblems problems;
    if (!body->is_object()) {
        problems.push_back({"", "wrong_type", "The body must be an object with device_id."});
    } else {
        for (auto const& [name, value] : body->items()) {
            if (name != "device_id")
                problems.push_back({member_pointer(name), "unknown_field",
                    name + " is not part of a like."});
        }
        auto device = body->find("device_id");
        if (device == body->end() || device->is_null())
            problems.push_back({"/device_id", "required", "device_id is required."});
        else if (!device->is_string() ||
            !campaign::is_valid_idempotency_key(device->get<std::string>()))
            problems.push_back({"/device_id", "wrong_type",
                "device_id must be 8 to 128 characters from A-Z, a-z, 0-9, \"-\" and \"_\"."});
    }
    if (!problems.empty()) {
        return send_error(response, 422, "validation_failed", "The like has problems.",
            campaign::to_json(problems));
    }

    // 2. Only a published opinion of a public campaign can be liked.
    std::optional<StoredOpinion> opinion;
    if (opinion_id)
        opinion = context.storage.find_opinion(*opinion_id);
    std::shared_ptr<CampaignCatalog::Entry const> entry;
    if (opinion && opinion->status == OpinionStatus::published)
        entry = context.catalog.find(opinion->campaign_id);
    if (!entry || !entry->campaign.is_public() || !entry->campaign.public_opinions) {
        return send_error(response, 404, "not_found",
            "There is no published opinion " + request.parameter("id") + ".");
    }

    // 3. Count it.
    std::string device_hash =
        keyed_hash(context.device_secret, (*body)["device_id"].get<std::string>());
    std::int64_t likes = 0;
    auto outcome = context.storage.add_like(*opinion_id, device_hash, context.now(), likes);
    if (outcome == LikeOutcome::not_found)
        return send_error(response, 404, "not_found", "The opinion is gone.");
    send_json(response, outcome == LikeOutcome::added ? 201 : 200,
        {{"likes", likes}, {"liked", true}});
}

void get_preview(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    auto id = check_preview_token(context.preview_secret, request.parameter("token"),
        context.now());
    if (!id) {
        return send_error(response, 403, "preview_link_invalid",
            "This preview link is not valid or has expired; ask for a new one.");
    }
    auto entry = context.catalog.find(*id);
    if (!entry)
        return send_not_found_campaign(response, *id);
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200, public_campaign_json(*entry, context.now()));
}

} // namespace

std::optional<std::int64_t> parse_positive_integer(std::string_view text)
{
    if (text.empty() || text.size() > 15)
        return std::nullopt;
    std::int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value < 1)
        return std::nullopt;
    return value;
}

json public_campaign_json(CampaignCatalog::Entry const& entry, std::int64_t now)
{
    json document = entry.document;
    document["accepting_opinions"] = entry.campaign.accepts_opinions(now);
    return document;
}

std::string make_preview_token(std::string_view secret, std::string const& campaign_id,
    std::int64_t expires_at)
{
    std::string message = campaign_id + "." + std::to_string(expires_at);
    return message + "." + sign(secret, message);
}

std::optional<std::string> check_preview_token(std::string_view secret, std::string_view token,
    std::int64_t now)
{
    auto last_dot = token.rfind('.');
    if (last_dot == std::string_view::npos)
        return std::nullopt;
    auto message = token.substr(0, last_dot);
    auto signature = token.substr(last_dot + 1);
    if (!equal_in_constant_time(sign(secret, message), signature))
        return std::nullopt;
    auto middle_dot = message.rfind('.');
    if (middle_dot == std::string_view::npos)
        return std::nullopt;
    auto expires_at = parse_positive_integer(message.substr(middle_dot + 1));
    if (!expires_at || *expires_at <= now)
        return std::nullopt;
    return std::string(message.substr(0, middle_dot));
}

void register_resident_api(ApiRouter& router, ApiContext& context)
{
    router.add("GET", "/api/v1/openapi.json", [&context](ApiRequest const&, auto& response) {
        response.set_header("Cache-Control", "no-cache");
        response.set_content(context.openapi_document, "application/json");
    });
    router.add("GET", "/api/v1/demographics", [&context](ApiRequest const&, auto& response) {
        response.set_header("Cache-Control", "no-cache");
        send_json(response, 200, campaign::to_json(context.demographics));
    });
    router.add("GET", "/api/v1/campaigns",
        [&context](ApiRequest const&, auto& response) { list_campaigns(context, response); });
    router.add("GET", "/api/v1/campaigns/{id}", [&context](ApiRequest const& request,
        auto& response) { get_campaign(context, request, response); });
    router.add("POST", "/api/v1/campaigns/{id}/opinions", [&context](ApiRequest const& request,
        auto& response) { post_opinion(context, request, response); });
    router.add("GET", "/api/v1/campaigns/{id}/opinions", [&context](ApiRequest const& request,
        auto& response) { list_published(context, request, response); });
    router.add("POST", "/api/v1/opinions/{id}/likes", [&context](ApiRequest const& request,
        auto& response) { like_opinion(context, request, response); });
    router.add("GET", "/api/v1/previews/{token}", [&context](ApiRequest const& request,
        auto& response) { get_preview(context, request, response); });
}

} // namespace machiba::server
