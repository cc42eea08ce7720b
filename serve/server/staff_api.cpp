// Staff API handlers. Every handler but login first proves the session; every change also
// proves the CSRF token, so that another site cannot make a logged-in browser act.
#include "serve/server/staff_api.hpp"

#include "serve/server/api_response.hpp"
#include "serve/server/opinion_view.hpp"
#include "serve/server/request_body.hpp"
#include "serve/server/resident_api.hpp"
#include "serve/server/security.hpp"
#include "shared/campaign/campaign_limits.hpp"
#include "shared/campaign/opinion_tally.hpp"
#include "shared/text/utf8.hpp"

#include <httplib.h>

#include <algorithm>
#include <mutex>

namespace machiba::server {

namespace {

using nlohmann::json;

constexpr char const* session_cookie = "machiba_session";

struct StaffRequest {
    StaffAccount account;
    StaffSession session;
};

std::string cookie_value(httplib::Request const& request, std::string_view name)
{
    std::string header = request.get_header_value("Cookie");
    std::string_view rest = header;
    while (!rest.empty()) {
        auto end = rest.find(';');
        auto pair = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        while (!pair.empty() && pair.front() == ' ')
            pair.remove_prefix(1);
        auto equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == name)
            return std::string(pair.substr(equals + 1));
    }
    return {};
}

std::string session_hash(std::string const& token)
{
    return keyed_hash("machiba session", token);
}

std::string cookie_header(ApiContext const& context, httplib::Request const& request,
    std::string const& value, std::int64_t max_age_seconds)
{
    std::string cookie = std::string(session_cookie) + "=" + value +
        "; Path=/api/v1; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds);
    if (context.is_secure(request))
        cookie += "; Secure";
    return cookie;
}

// The session of the request, or nothing after answering 401 (or 403 for a change without its
// CSRF token).
std::optional<StaffRequest> require_staff(ApiContext& context, httplib::Request const& request,
    httplib::Response& response, bool is_change)
{
    std::string token = cookie_value(request, session_cookie);
    std::optional<StaffSession> session;
    if (!token.empty())
        session = context.storage.find_session(session_hash(token), context.now());
    std::optional<StaffAccount> account;
    if (session)
        account = context.storage.find_staff_by_id(session->staff_id);
    if (!account) {
        send_error(response, 401, "not_logged_in", "Log in as staff first.");
        return std::nullopt;
    }
    if (is_change &&
        !equal_in_constant_time(request.get_header_value("X-CSRF-Token"), session->csrf_token)) {
        send_error(response, 403, "csrf_token_invalid",
            "Send the session's CSRF token in the X-CSRF-Token header with every change.");
        return std::nullopt;
    }
    return StaffRequest {std::move(*account), std::move(*session)};
}

// Editors write drafts and moderate; only admins decide what residents see (publish, close, or
// any change of a campaign's status).
bool refuse_status_change(StaffRequest const& staff, std::string_view from, std::string_view to,
    httplib::Response& response)
{
    if (staff.account.role == "admin" || from == to)
        return false;
    send_error(response, 403, "forbidden",
        "Only an admin may change a campaign's status (" + std::string(from) + " to " +
            std::string(to) + "); save it as it is and ask an admin.");
    return true;
}

json session_json(StaffAccount const& account, StaffSession const& session)
{
    return {{"staff", {{"name", account.name}, {"role", account.role}}},
        {"csrf_token", session.csrf_token}, {"expires_at", japan_iso(session.expires_at)}};
}

void send_problems(httplib::Response& response, int status, std::string code,
    campaign::ValidationProblems const& problems)
{
    send_error(response, status, code, "The request has problems; each one names where it is.",
        campaign::to_json(problems));
}

// The stored hash used when a name is unknown, so that a wrong name costs the same time as a
// wrong password and cannot be told apart by timing.
std::string const& dummy_password_hash()
{
    static std::once_flag once;
    static std::string hash;
    std::call_once(once, [] { hash = hash_password(random_token(16)); });
    return hash;
}

// 1. Login, logout, session.

void login(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    if (refuse_over_rate(context, context.login_limiter, request.http, response))
        return;
    auto body = read_json_body(request.http, response, max_small_body);
    if (!body)
        return;

    // 1. Name and password, both strings.
    campaign::ValidationProblems problems;
    auto text = [&](char const* key, std::size_t max_length) -> std::string {
        auto found = body->is_object() ? body->find(key) : body->end();
        if (!body->is_object() || found == body->end() || !found->is_string() ||
            found->get_ref<std::string const&>().empty()) {
            problems.push_back({std::string("/") + key, "required",
                std::string(key) + " is required and must be a string."});
            return {};
        }
        if (found->get_ref<std::string const&>().size() > max_length) {
            problems.push_back({std::string("/") + key, "too_long",
                std::string(key) + " is too long."});
            return {};
        }
        return found->get<std::string>();
    };
    std::string name = text("name", 64);
    std::string password = text("password", 1024);
    if (!problems.empty())
        return send_problems(response, 422, "validation_failed", problems);

    // 2. A locked account answers the same whatever the password, without checking it.
    std::int64_t now = context.now();
    auto account = context.storage.find_staff(name);
    auto send_locked = [&](std::int64_t until) {
        response.set_header("Retry-After", std::to_string(std::max<std::int64_t>(1,
            (until - now + 999) / 1000)));
        send_error(response, 423, "account_locked",
            "Too many wrong passwords: this account is locked for a while. Try again later.");
    };
    if (account && account->locked_until > now)
        return send_locked(account->locked_until);

    // 3. The password, in constant time, with lockout after repeated failures.
    bool password_ok = false;
    if (account)
        password_ok = verify_password(account->password_hash, password);
    else
        verify_password(dummy_password_hash(), password); // spends the same time, then fails
    if (!password_ok) {
        if (account) {
            std::int64_t failed = account->failed_logins + 1;
            if (failed >= max_failed_logins) {
                context.storage.record_login(account->id, 0, now + lockout_ms);
                return send_locked(now + lockout_ms);
            }
            context.storage.record_login(account->id, failed, 0);
        }
        return send_error(response, 401, "invalid_credentials",
            "The name or the password is wrong.");
    }

    // 4. A new session: the cookie carries the token, the database only its hash.
    context.storage.record_login(account->id, 0, 0);
    std::string token = random_token(32);
    StaffSession session {session_hash(token), account->id, random_token(32),
        now + session_lifetime_ms};
    context.storage.create_session(session, now);
    response.set_header("Set-Cookie",
        cookie_header(context, request.http, token, session_lifetime_ms / 1000));
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200, session_json(*account, session));
}

void logout(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    auto staff = require_staff(context, request.http, response, true);
    if (!staff)
        return;
    context.storage.delete_session(staff->session.token_hash);
    response.set_header("Set-Cookie", cookie_header(context, request.http, "", 0));
    response.status = 204;
}

void get_session(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    auto staff = require_staff(context, request.http, response, false);
    if (!staff)
        return;
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200, session_json(staff->account, staff->session));
}

// 2. Campaigns.

json staff_campaign_json(ApiContext& context, std::string const& id)
{
    auto entry = context.catalog.find(id);
    if (!entry)
        return nullptr;
    return {{"campaign", entry->document}, {"revision", entry->stored.revision},
        {"updated_at", japan_iso(entry->stored.updated_at)},
        {"accepting_opinions", entry->campaign.accepts_opinions(context.now())}};
}

StoredCampaign stored_from(campaign::Campaign const& campaign)
{
    return {campaign.id, std::string(campaign::status_name(campaign.status)), campaign.starts_at,
        campaign.ends_at, dump_json(campaign::to_json(campaign)), 1, 0};
}

void send_campaign(ApiContext& context, httplib::Response& response, int status,
    std::string const& id)
{
    context.catalog.invalidate(id);
    json body = staff_campaign_json(context, id);
    if (body.is_null())
        return send_error(response, 404, "not_found", "There is no campaign " + id + ".");
    response.set_header("Cache-Control", "no-store");
    send_json(response, status, body);
}

void list_campaigns(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    if (!require_staff(context, request.http, response, false))
        return;
    auto entries = context.catalog.all();
    std::stable_sort(entries.begin(), entries.end(), [](auto const& a, auto const& b) {
        return a->stored.updated_at > b->stored.updated_at;
    });
    std::int64_t now = context.now();
    json items = json::array();
    for (auto const& entry : entries) {
        auto const& campaign = entry->campaign;
        items.push_back({{"id", campaign.id}, {"status", campaign::status_name(campaign.status)},
            {"title", to_json(campaign.title)}, {"summary", to_json(campaign.summary)},
            {"period", entry->document["period"]}, {"revision", entry->stored.revision},
            {"updated_at", japan_iso(entry->stored.updated_at)},
            {"accepting_opinions", campaign.accepts_opinions(now)}});
    }
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200, {{"campaigns", std::move(items)}});
}

void create_campaign(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    auto staff = require_staff(context, request.http, response, true);
    if (!staff)
        return;
    auto body = read_json_body(request.http, response, max_campaign_body);
    if (!body)
        return;
    auto parsed = campaign::parse_campaign(*body);
    if (!parsed.campaign)
        return send_problems(response, 422, "validation_failed", parsed.problems);
    if (refuse_status_change(*staff, "draft", campaign::status_name(parsed.campaign->status),
            response))
        return;
    if (context.storage.create_campaign(stored_from(*parsed.campaign)) ==
        CampaignWrite::already_exists) {
        return send_error(response, 409, "already_exists",
            "A campaign with the id " + parsed.campaign->id + " exists; choose another id.");
    }
    send_campaign(context, response, 201, parsed.campaign->id);
}

void get_campaign(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    if (!require_staff(context, request.http, response, false))
        return;
    send_campaign(context, response, 200, request.parameter("id"));
}

void update_campaign(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    auto staff = require_staff(context, request.http, response, true);
    if (!staff)
        return;
    auto const& id = request.parameter("id");
    auto body = read_json_body(request.http, response, max_campaign_body);
    if (!body)
        return;

    // 1. The id belongs to the path; the body may leave it out but not change it.
    if (body->is_object()) {
        auto found = body->find("id");
        if (found == body->end() || found->is_null())
            (*body)["id"] = id;
        else if (!found->is_string() || found->get<std::string>() != id)
            return send_problems(response, 422, "validation_failed",
                {{"/id", "id_mismatch", "The id in the body must be " + id + "."}});
    }
    auto parsed = campaign::parse_campaign(*body);
    if (!parsed.campaign)
        return send_problems(response, 422, "validation_failed", parsed.problems);

    context.catalog.invalidate(id);
    auto current = context.catalog.find(id);
    if (!current)
        return send_error(response, 404, "not_found", "There is no campaign " + id + ".");
    if (refuse_status_change(*staff, current->stored.status,
            campaign::status_name(parsed.campaign->status), response))
        return;

    // 2. If-Match: the revision the edit started from.
    std::optional<std::int64_t> expected;
    std::string if_match = request.http.get_header_value("If-Match");
    if (!if_match.empty()) {
        std::string_view revision = if_match;
        if (revision.starts_with("W/"))
            revision.remove_prefix(2);
        if (revision.size() >= 2 && revision.front() == '"' && revision.back() == '"')
            revision = revision.substr(1, revision.size() - 2);
        expected = parse_positive_integer(revision);
        if (!expected) {
            return send_error(response, 400, "bad_parameter",
                "If-Match must be the campaign's revision number.",
                campaign::to_json(campaign::ValidationProblems {{"/header/If-Match",
                    "wrong_type", "If-Match must be a revision number."}}));
        }
    }

    // 3. Save.
    switch (context.storage.update_campaign(stored_from(*parsed.campaign), expected)) {
    case CampaignWrite::not_found:
        return send_error(response, 404, "not_found", "There is no campaign " + id + ".");
    case CampaignWrite::revision_conflict:
        return send_error(response, 409, "revision_conflict",
            "Someone saved this campaign after you opened it; reload it and edit again.");
    default:
        break;
    }
    send_campaign(context, response, 200, id);
}

void set_campaign_status(ApiContext& context, ApiRequest const& request,
    httplib::Response& response, campaign::CampaignStatus status)
{
    auto staff = require_staff(context, request.http, response, true);
    if (!staff)
        return;
    auto const& id = request.parameter("id");
    context.catalog.invalidate(id);
    auto entry = context.catalog.find(id);
    if (!entry)
        return send_error(response, 404, "not_found", "There is no campaign " + id + ".");
    if (refuse_status_change(*staff, entry->stored.status, campaign::status_name(status),
            response))
        return;
    campaign::Campaign changed = entry->campaign;
    changed.status = status;
    if (context.storage.update_campaign(stored_from(changed), std::nullopt) ==
        CampaignWrite::not_found)
        return send_error(response, 404, "not_found", "There is no campaign " + id + ".");
    send_campaign(context, response, 200, id);
}

void create_preview_link(ApiContext& context, ApiRequest const& request,
    httplib::Response& response)
{
    if (!require_staff(context, request.http, response, true))
        return;
    auto const& id = request.parameter("id");
    if (!context.catalog.find(id))
        return send_error(response, 404, "not_found", "There is no campaign " + id + ".");
    std::int64_t expires_at = context.now() + preview_lifetime_ms;
    std::string token = make_preview_token(context.preview_secret, id, expires_at);
    response.set_header("Cache-Control", "no-store");
    send_json(response, 201,
        {{"token", token}, {"api_path", "/api/v1/previews/" + token},
            {"app_path", "/#/campaigns/preview/" + token},
            {"expires_at", japan_iso(expires_at)}});
}

// 3. Opinions.

std::shared_ptr<CampaignCatalog::Entry const> staff_campaign(ApiContext& context,
    ApiRequest const& request, httplib::Response& response)
{
    if (!require_staff(context, request.http, response, false))
        return nullptr;
    auto const& id = request.parameter("id");
    auto entry = context.catalog.find(id);
    if (!entry)
        send_error(response, 404, "not_found", "There is no campaign " + id + ".");
    return entry;
}

void list_opinions(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    auto entry = staff_campaign(context, request, response);
    if (!entry)
        return;

    // 1. Filters, each checked.
    auto const& http = request.http;
    OpinionQuery query;
    query.campaign_id = entry->campaign.id;
    query.limit = 50;
    campaign::ValidationProblems problems;
    auto problem = [&](std::string name, std::string message) {
        problems.push_back({"/query/" + name, "bad_parameter", std::move(message)});
    };
    if (http.has_param("status")) {
        query.status = parse_opinion_status(http.get_param_value("status"));
        if (!query.status)
            problem("status", "status must be pending, published or hidden.");
    }
    if (http.has_param("district")) {
        query.district = http.get_param_value("district");
        if (!context.demographics.has_district(*query.district))
            problem("district", "There is no district " + *query.district + ".");
    }
    if (http.has_param("age_band")) {
        query.age_band = http.get_param_value("age_band");
        if (!context.demographics.has_age_band(*query.age_band))
            problem("age_band", "There is no age band " + *query.age_band + ".");
    }
    if (http.has_param("q")) {
        query.text = http.get_param_value("q");
        if (!text::is_valid_utf8(*query.text) || text::count_code_points(*query.text) > 200)
            problem("q", "q must be UTF-8 text of at most 200 characters.");
        else if (query.text->empty())
            query.text.reset();
    }
    if (http.has_param("sample")) {
        auto sample = http.get_param_value("sample");
        if (sample == "true" || sample == "false")
            query.is_sample = sample == "true";
        else
            problem("sample", "sample must be true or false.");
    }
    if (http.has_param("limit")) {
        auto limit = parse_positive_integer(http.get_param_value("limit"));
        if (!limit || *limit > 200)
            problem("limit", "limit must be 1 to 200.");
        else
            query.limit = *limit;
    }
    if (http.has_param("before")) {
        query.before_id = parse_positive_integer(http.get_param_value("before"));
        if (!query.before_id)
            problem("before", "before must be an opinion id.");
    }
    if (!problems.empty())
        return send_problems(response, 400, "bad_parameter", problems);

    // 2. The page.
    auto page = context.storage.list_opinions(query);
    json items = json::array();
    for (auto const& opinion : page.items)
        items.push_back(staff_opinion_json(opinion, &entry->campaign));
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200,
        {{"opinions", std::move(items)},
            {"next_before", page.next_before_id ? json(*page.next_before_id) : json(nullptr)}});
}

void export_opinions(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    auto entry = staff_campaign(context, request, response);
    if (!entry)
        return;
    std::string format = request.http.has_param("format")
        ? request.http.get_param_value("format") : "csv";
    if (format != "csv" && format != "json") {
        return send_problems(response, 400, "bad_parameter",
            {{"/query/format", "bad_parameter", "format must be csv or json."}});
    }

    std::vector<StoredOpinion> opinions;
    context.storage.for_each_opinion(entry->campaign.id,
        [&](StoredOpinion const& opinion) { opinions.push_back(opinion); });
    std::string file_name = entry->campaign.id + "-opinions." + format;
    response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
    response.set_header("Cache-Control", "no-store");
    if (format == "csv") {
        response.status = 200;
        response.set_content(opinions_csv(entry->campaign, opinions), "text/csv; charset=utf-8");
        return;
    }
    json items = json::array();
    for (auto const& opinion : opinions)
        items.push_back(staff_opinion_json(opinion, &entry->campaign));
    send_json(response, 200,
        {{"campaign", entry->document}, {"exported_at", japan_iso(context.now())},
            {"opinions", std::move(items)}});
}

void count_opinions(ApiContext& context, ApiRequest const& request, httplib::Response& response)
{
    auto entry = staff_campaign(context, request, response);
    if (!entry)
        return;
    bool with_samples = true;
    if (request.http.has_param("sample")) {
        auto sample = request.http.get_param_value("sample");
        if (sample != "true" && sample != "false") {
            return send_problems(response, 400, "bad_parameter",
                {{"/query/sample", "bad_parameter", "sample must be true or false."}});
        }
        with_samples = sample == "true";
    }
    campaign::OpinionTallyBuilder builder(entry->campaign);
    context.storage.for_each_opinion(entry->campaign.id, [&](StoredOpinion const& opinion) {
        if (opinion.is_sample && !with_samples)
            return;
        builder.add(json::parse(opinion.answers, nullptr, false), opinion.received_at);
    });
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200, campaign::to_json(builder.tally()));
}

// The opinion of /staff/opinions/{id}/..., after the session, the CSRF token and the body.
struct OpinionChange {
    StaffRequest staff;
    StoredOpinion opinion;
    json body;
};

std::optional<OpinionChange> opinion_change(ApiContext& context, ApiRequest const& request,
    httplib::Response& response)
{
    auto staff = require_staff(context, request.http, response, true);
    if (!staff)
        return std::nullopt;
    auto body = read_json_body(request.http, response, max_small_body);
    if (!body)
        return std::nullopt;
    auto id = parse_positive_integer(request.parameter("id"));
    std::optional<StoredOpinion> opinion;
    if (id)
        opinion = context.storage.find_opinion(*id);
    if (!opinion) {
        send_error(response, 404, "not_found",
            "There is no opinion " + request.parameter("id") + ".");
        return std::nullopt;
    }
    return OpinionChange {std::move(*staff), std::move(*opinion), std::move(*body)};
}

// Problems of a body that must be {"<member>": <string>} and nothing else.
campaign::ValidationProblems single_string_member(json const& body, std::string const& member)
{
    campaign::ValidationProblems problems;
    if (!body.is_object()) {
        problems.push_back({"", "wrong_type", "The body must be an object with " + member + "."});
        return problems;
    }
    for (auto const& [name, value] : body.items()) {
        if (name != member)
            problems.push_back({member_pointer(name), "unknown_field",
                name + " is not expected here."});
    }
    auto found = body.find(member);
    if (found == body.end() || found->is_null())
        problems.push_back({member_pointer(member), "required", member + " is required."});
    else if (!found->is_string())
        problems.push_back({member_pointer(member), "wrong_type", member + " must be a string."});
    return problems;
}

void send_opinion(ApiContext& context, httplib::Response& response, std::int64_t id)
{
    auto opinion = context.storage.find_opinion(id);
    if (!opinion)
        return send_error(response, 404, "not_found", "The opinion is gone.");
    auto entry = context.catalog.find(opinion->campaign_id);
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200, staff_opinion_json(*opinion, entry ? &entry->campaign : nullptr));
}

void set_opinion_status(ApiContext& context, ApiRequest const& request,
    httplib::Response& response)
{
    auto change = opinion_change(context, request, response);
    if (!change)
        return;
    auto problems = single_string_member(change->body, "status");
    std::optional<OpinionStatus> status;
    if (problems.empty()) {
        status = parse_opinion_status(change->body["status"].get<std::string>());
        if (!status)
            problems.push_back({"/status", "unknown_status",
                "status must be pending, published or hidden."});
    }
    if (!problems.empty())
        return send_problems(response, 422, "validation_failed", problems);
    context.storage.set_opinion_status(change->opinion.id, *status);
    send_opinion(context, response, change->opinion.id);
}

void set_opinion_reply(ApiContext& context, ApiRequest const& request,
    httplib::Response& response)
{
    auto change = opinion_change(context, request, response);
    if (!change)
        return;
    auto problems = single_string_member(change->body, "text");
    std::optional<std::string> reply;
    if (problems.empty()) {
        reply = change->body["text"].get<std::string>();
        if (text::count_code_points(*reply) > campaign::max_long_text_length) {
            problems.push_back({"/text", "too_long",
                "The reply is longer than " + std::to_string(campaign::max_long_text_length) +
                    " characters."});
        }
        if (reply->find_first_not_of(" \t\r\n") == std::string::npos)
            reply.reset(); // an empty reply removes the one there was
    }
    if (!problems.empty())
        return send_problems(response, 422, "validation_failed", problems);
    context.storage.set_opinion_reply(change->opinion.id, reply, change->staff.account.name,
        context.now());
    send_opinion(context, response, change->opinion.id);
}

} // namespace

void register_staff_api(ApiRouter& router, ApiContext& context)
{
    auto add = [&](char const* method, char const* pattern,
                   void (*handler)(ApiContext&, ApiRequest const&, httplib::Response&)) {
        router.add(method, pattern, [&context, handler](ApiRequest const& request,
            httplib::Response& response) { handler(context, request, response); });
    };
    add("POST", "/api/v1/staff/login", login);
    add("POST", "/api/v1/staff/logout", logout);
    add("GET", "/api/v1/staff/session", get_session);
    add("GET", "/api/v1/staff/campaigns", list_campaigns);
    add("POST", "/api/v1/staff/campaigns", create_campaign);
    add("GET", "/api/v1/staff/campaigns/{id}", get_campaign);
    add("PUT", "/api/v1/staff/campaigns/{id}", update_campaign);
    add("POST", "/api/v1/staff/campaigns/{id}/publish",
        [](ApiContext& context, ApiRequest const& request, httplib::Response& response) {
            set_campaign_status(context, request, response, campaign::CampaignStatus::published);
        });
    add("POST", "/api/v1/staff/campaigns/{id}/close",
        [](ApiContext& context, ApiRequest const& request, httplib::Response& response) {
            set_campaign_status(context, request, response, campaign::CampaignStatus::closed);
        });
    add("POST", "/api/v1/staff/campaigns/{id}/preview-link", create_preview_link);
    add("GET", "/api/v1/staff/campaigns/{id}/opinions", list_opinions);
    add("GET", "/api/v1/staff/campaigns/{id}/export", export_opinions);
    add("GET", "/api/v1/staff/campaigns/{id}/counts", count_opinions);
    add("PUT", "/api/v1/staff/opinions/{id}/status", set_opinion_status);
    add("PUT", "/api/v1/staff/opinions/{id}/reply", set_opinion_reply);
}

} // namespace machiba::server
