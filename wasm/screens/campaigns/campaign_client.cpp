// Readers of the campaign API's answers; tolerant of what is optional, strict about ids.
#include "wasm/screens/campaigns/campaign_client.hpp"

#include "shared/calendar/japan_time.hpp"
#include "shared/platform/key_value_store.hpp"

#include <array>
#include <random>
#include <variant>

namespace machiba::campaigns {

namespace {

using nlohmann::json;

char const* const device_key = "campaigns/device";

std::string string_member(json const& object, char const* key)
{
    auto found = object.find(key);
    if (found == object.end() || !found->is_string())
        return {};
    return found->get<std::string>();
}

std::int64_t integer_member(json const& object, char const* key)
{
    auto found = object.find(key);
    if (found == object.end() || !found->is_number())
        return 0;
    return found->get<std::int64_t>();
}

campaign::LocalizedText localized_member(json const& object, char const* key)
{
    campaign::LocalizedText text;
    auto found = object.find(key);
    if (found == object.end())
        return text;
    if (found->is_string()) {
        text.ja = found->get<std::string>();
        return text;
    }
    if (found->is_object()) {
        text.ja = string_member(*found, "ja");
        text.en = string_member(*found, "en");
    }
    return text;
}

// A time given as Unix milliseconds or as an ISO 8601 string.
std::int64_t time_member(json const& object, char const* key)
{
    auto found = object.find(key);
    if (found == object.end())
        return 0;
    if (found->is_number())
        return found->get<std::int64_t>();
    if (found->is_string()) {
        auto parsed = calendar::parse_iso8601(found->get<std::string>());
        if (auto const* value = std::get_if<std::int64_t>(&parsed))
            return *value;
    }
    return 0;
}

// The list in a body that is a bare array or wraps one as items, campaigns or opinions.
json const* list_in(json const& body)
{
    if (body.is_array())
        return &body;
    if (!body.is_object())
        return nullptr;
    for (char const* key : {"items", "campaigns", "opinions"}) {
        auto found = body.find(key);
        if (found != body.end() && found->is_array())
            return &*found;
    }
    return nullptr;
}

std::string hex(std::uint64_t value, int digits)
{
    static char const* const alphabet = "0123456789abcdef";
    std::string text(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i) {
        text[static_cast<std::size_t>(i)] = alphabet[value & 0xF];
        value >>= 4;
    }
    return text;
}

// 128 random bits as a UUID-shaped string; std::random_device reads the browser's
// crypto.getRandomValues under Emscripten.
std::string random_token()
{
    std::random_device device;
    std::uint64_t high = (static_cast<std::uint64_t>(device()) << 32) | device();
    std::uint64_t low = (static_cast<std::uint64_t>(device()) << 32) | device();
    std::string text = hex(high, 16) + hex(low, 16);
    return text.substr(0, 8) + "-" + text.substr(8, 4) + "-" + text.substr(12, 4) + "-" +
        text.substr(16, 4) + "-" + text.substr(20);
}

} // namespace

// ---- Paths ------------------------------------------------------------------------------------

std::string paths::campaign(std::string_view id)
{
    return std::string(campaigns) + "/" + std::string(id);
}

std::string paths::opinions(std::string_view campaign_id)
{
    return campaign(campaign_id) + "/opinions";
}

std::string paths::likes(std::int64_t opinion_id)
{
    return "/api/v1/opinions/" + std::to_string(opinion_id) + "/likes";
}

// ---- Campaigns --------------------------------------------------------------------------------

bool CampaignSummary::accepts_opinions(std::int64_t now_unix_ms) const
{
    if (accepting)
        return *accepting;
    return status == "published" && now_unix_ms >= starts_at && now_unix_ms < ends_at;
}

std::vector<CampaignSummary> read_campaign_list(json const& body)
{
    std::vector<CampaignSummary> result;
    json const* list = list_in(body);
    if (!list)
        return result;
    for (auto const& item : *list) {
        if (!item.is_object() || !campaign::is_valid_id(string_member(item, "id")))
            continue;
        CampaignSummary summary;
        summary.id = string_member(item, "id");
        summary.title = localized_member(item, "title");
        summary.summary = localized_member(item, "summary");
        summary.status = string_member(item, "status");
        auto period = item.find("period");
        if (period != item.end() && period->is_object()) {
            summary.starts_at = time_member(*period, "start");
            summary.ends_at = time_member(*period, "end");
        } else {
            summary.starts_at = time_member(item, "starts_at");
            summary.ends_at = time_member(item, "ends_at");
        }
        auto accepting = item.find("accepting_opinions");
        if (accepting != item.end() && accepting->is_boolean())
            summary.accepting = accepting->get<bool>();
        result.push_back(std::move(summary));
    }
    return result;
}

campaign::CampaignParse read_campaign(json const& body)
{
    // The API adds members of its own (accepting_opinions, revision) around the document.
    json const* document = &body;
    if (body.is_object()) {
        auto wrapped = body.find("campaign");
        if (wrapped != body.end() && wrapped->is_object())
            document = &*wrapped;
    }
    if (!document->is_object())
        return campaign::parse_campaign(*document);
    static char const* const members[] = {"id", "status", "title", "summary", "background",
        "outcome", "period", "public_opinions", "slides", "questions"};
    json only = json::object();
    for (char const* member : members) {
        auto found = document->find(member);
        if (found != document->end())
            only[member] = *found;
    }
    return campaign::parse_campaign(only);
}

// ---- Opinions ---------------------------------------------------------------------------------

PublishedOpinion read_opinion(json const& item)
{
    PublishedOpinion opinion;
    opinion.id = integer_member(item, "id");
    auto answers = item.find("answers");
    opinion.answers = answers != item.end() && answers->is_object() ? *answers : json::object();
    opinion.age_band = string_member(item, "age_band");
    opinion.district = string_member(item, "district");
    opinion.received_at = time_member(item, "received_at");
    opinion.likes = integer_member(item, "likes");
    auto reply = item.find("reply");
    if (reply != item.end()) {
        if (reply->is_string())
            opinion.reply = reply->get<std::string>();
        else if (reply->is_object())
            opinion.reply = string_member(*reply, "text");
    }
    auto sample = item.find("is_sample");
    opinion.is_sample = sample != item.end() && sample->is_boolean() && sample->get<bool>();
    return opinion;
}

OpinionList read_opinion_list(json const& body)
{
    OpinionList result;
    if (json const* list = list_in(body)) {
        for (auto const& item : *list) {
            if (item.is_object())
                result.items.push_back(read_opinion(item));
        }
    }
    if (body.is_object()) {
        for (char const* key : {"next", "next_before_id", "next_before"}) {
            auto found = body.find(key);
            if (found == body.end())
                continue;
            if (found->is_string())
                result.next = found->get<std::string>();
            else if (found->is_number())
                result.next = std::to_string(found->get<std::int64_t>());
        }
    }
    return result;
}

campaign::ValidationProblems read_problems(std::string const& body)
{
    campaign::ValidationProblems problems;
    auto parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return problems;
    json const* list = nullptr;
    auto error = parsed.find("error");
    if (error != parsed.end() && error->is_object()) {
        for (char const* key : {"problems", "details"}) {
            auto found = error->find(key);
            if (found != error->end() && found->is_array())
                list = &*found;
        }
    }
    if (!list) {
        auto found = parsed.find("problems");
        if (found != parsed.end() && found->is_array())
            list = &*found;
    }
    if (!list)
        return problems;
    for (auto const& item : *list) {
        if (item.is_object())
            problems.push_back({string_member(item, "pointer"), string_member(item, "code"),
                string_member(item, "message")});
    }
    return problems;
}

// ---- The device -------------------------------------------------------------------------------

std::string device_id(platform::KeyValueStore& store)
{
    if (auto known = store.get(device_key); known && !known->empty())
        return *known;
    std::string made = random_token();
    store.set(device_key, made);
    return made;
}

std::string make_idempotency_key()
{
    return random_token();
}

// ---- Display ----------------------------------------------------------------------------------

std::string format_date(std::int64_t unix_ms, std::string_view language)
{
    static std::array<char const*, 12> const months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static std::array<char const*, 7> const days_ja{"日", "月", "火", "水", "木", "金", "土"};
    auto date = calendar::JapanTime::from_unix_ms(unix_ms).date;
    auto weekday = static_cast<std::size_t>(date.weekday());
    if (language == "en")
        return std::to_string(date.day) + " " + months[static_cast<std::size_t>(date.month - 1)] +
            " " + std::to_string(date.year);
    return std::to_string(date.year) + "年" + std::to_string(date.month) + "月" +
        std::to_string(date.day) + "日（" + days_ja[weekday] + "）";
}

std::string format_period(std::int64_t starts_at, std::int64_t ends_at, std::string_view language)
{
    // The end is exclusive (midnight after the last day): show the last day itself.
    std::int64_t last = ends_at > starts_at ? ends_at - 1 : ends_at;
    return format_date(starts_at, language) + (language == "en" ? " – " : "〜") +
        format_date(last, language);
}

std::string answer_text(campaign::Question const& question, json const& answer,
    std::string_view language)
{
    switch (question.type) {
    case campaign::QuestionType::text:
        return answer.is_string() ? answer.get<std::string>() : std::string();
    case campaign::QuestionType::rating:
        return answer.is_number() ? std::to_string(answer.get<std::int64_t>()) + " / 5"
                                  : std::string();
    case campaign::QuestionType::single:
        if (answer.is_string()) {
            auto const* choice = question.find_choice(answer.get<std::string>());
            return choice ? choice->label.in(language) : answer.get<std::string>();
        }
        return {};
    case campaign::QuestionType::multiple: {
        std::string text;
        if (!answer.is_array())
            return text;
        for (auto const& item : answer) {
            if (!item.is_string())
                continue;
            auto const* choice = question.find_choice(item.get<std::string>());
            if (!text.empty())
                text += language == "en" ? ", " : "、";
            text += choice ? choice->label.in(language) : item.get<std::string>();
        }
        return text;
    }
    }
    return {};
}

std::string demographic_label(std::vector<campaign::DemographicOption> const& options,
    std::string_view id, std::string_view language)
{
    for (auto const& option : options) {
        if (option.id == id)
            return option.label.in(language);
    }
    return {};
}

} // namespace machiba::campaigns
