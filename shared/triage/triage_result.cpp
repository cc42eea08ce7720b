// The JSON form of a triage result, shared by the command line and the app.
#include "shared/triage/triage_result.hpp"

#include "shared/calendar/japan_time.hpp"
#include "shared/triage/triage_pack.hpp"

#include <nlohmann/json.hpp>

namespace machiba::triage {

namespace {

using Json = nlohmann::json;

std::string_view open_status_name(calendar::OpenStatus status)
{
    switch (status) {
    case calendar::OpenStatus::open:
        return "open";
    case calendar::OpenStatus::closed:
        return "closed";
    case calendar::OpenStatus::unknown:
        return "unknown";
    }
    return "unknown";
}

// "open now, until 21:00" / "opens Thursday 16:00" as data; the app words it.
Json availability(Resource const& resource, TriagePack const& pack, std::int64_t now_ms)
{
    Json out = Json::object();
    if (resource.hours) {
        auto const state = resource.hours->state_at(now_ms, pack.holidays());
        out["status"] = open_status_name(state.status);
        out["always_open"] = state.always_open;
        if (state.closes_at)
            out["closes_at"] = state.closes_at->iso();
        if (state.opens_at) {
            out["opens_at"] = state.opens_at->iso();
            out["opens_weekday"] = calendar::weekday_name(state.opens_at->date.weekday());
        }
        if (state.holiday)
            out["holiday"] = state.holiday->id;
    } else if (resource.event) {
        auto const next = resource.event->next_after(now_ms);
        out["status"] = "event";
        out["next_date"] = next ? Json(next->starts.iso()) : Json(nullptr);
        out["next_ends"] = next ? Json(next->ends.iso()) : Json(nullptr);
        out["from_rule"] = next ? Json(next->from_rule) : Json(nullptr);
    } else {
        out["status"] = "unknown";
    }
    return out;
}

} // namespace

std::string_view match_status_name(MatchStatus status)
{
    switch (status) {
    case MatchStatus::firm:
        return "firm";
    case MatchStatus::negated:
        return "negated";
    case MatchStatus::framed:
        return "framed";
    }
    return "firm";
}

std::string_view model_effect_name(ModelEffect effect)
{
    switch (effect) {
    case ModelEffect::none:
        return "none";
    case ModelEffect::filled:
        return "filled";
    case ModelEffect::escalated:
        return "escalated";
    }
    return "none";
}

Json to_json(TriageResult const& result, TriagePack const& pack, std::string_view language)
{
    Json out;
    out["route"] = route_name(result.route);
    out["topic"] = topic_name(result.topic);
    out["resources"] = result.resources;
    out["crisis_card"] = result.crisis_card;
    out["crisis_resources"] = result.crisis_resources;
    out["articles"] = result.articles;

    // 1. The follow-up question with its options, in the asked language.
    if (auto const* follow_up = pack.follow_up(result.follow_up)) {
        Json options = Json::array();
        for (auto const& option : follow_up->options)
            options.push_back({{"id", option.id}, {"label", option.label.in(language)},
                {"route", route_name(option.route)}});
        out["follow_up"] = {{"id", follow_up->id}, {"question", follow_up->question.in(language)},
            {"options", options}};
    } else {
        out["follow_up"] = nullptr;
    }

    // 2. The signals that led there.
    Json signals = Json::array();
    for (auto const& signal : result.signals) {
        Json entry{{"id", signal.id}, {"status", match_status_name(signal.status)},
            {"text", signal.text}};
        entry["route"] = signal.route ? Json(route_name(*signal.route)) : Json(nullptr);
        entry["topic"] = signal.topic ? Json(topic_name(*signal.topic)) : Json(nullptr);
        signals.push_back(entry);
    }
    out["signals"] = signals;
    if (result.model != ModelEffect::none)
        out["model"] = model_effect_name(result.model);

    // 3. Whether each resource shown is open, and when a monthly event is next.
    Json open = Json::object();
    auto const add = [&](std::string const& id) {
        if (auto const* resource = pack.resource(id))
            open[id] = availability(*resource, pack, result.evaluated_at_ms);
    };
    for (auto const& id : result.resources)
        add(id);
    for (auto const& id : result.crisis_resources)
        add(id);
    out["availability"] = open;
    out["evaluated_at"] = calendar::JapanTime::from_unix_ms(result.evaluated_at_ms).iso();
    return out;
}

} // namespace machiba::triage
