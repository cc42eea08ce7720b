// Tests of opening hours: open now and until when, opens next, holidays and exceptions.
#include "calendar_fixture.hpp"
#include "shared/calendar/monthly_event.hpp"
#include "shared/calendar/opening_hours.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace machiba::calendar;

namespace {

// The chat's weekly hours with a holiday policy chosen by the test.
OpeningHours chat_hours(char const* holiday_policy)
{
    auto const json = nlohmann::json::parse(R"({
        "weekly": {
            "monday": [["16:00", "21:00"]], "tuesday": [["16:00", "21:00"]],
            "thursday": [["16:00", "21:00"]], "friday": [["16:00", "21:00"]],
            "sunday": [["10:00", "15:00"]]
        },
        "closed_dates": ["2026-12-29"],
        "special_dates": [{"date": "2026-12-30", "hours": [["12:00", "13:00"]]}]
    })");
    auto copy = json;
    copy["national_holidays"] = holiday_policy;
    return std::get<OpeningHours>(OpeningHours::from_json(copy));
}

std::int64_t at(char const* iso) { return std::get<std::int64_t>(parse_iso8601(iso)); }

} // namespace

TEST_CASE("open now, until 21:00", "[hours]")
{
    auto const state = chat_hours("closed").state_at(at("2026-12-03T18:30"), japan_holidays());
    CHECK(state.status == OpenStatus::open);
    REQUIRE(state.closes_at);
    CHECK(state.closes_at->clock() == "21:00");
    CHECK(state.closes_at->date == CivilDate{2026, 12, 3});
}

TEST_CASE("closed on Wednesday, opens Thursday 16:00", "[hours]")
{
    auto const state = chat_hours("closed").state_at(at("2026-12-02T17:00"), japan_holidays());
    CHECK(state.status == OpenStatus::closed);
    REQUIRE(state.opens_at);
    CHECK(state.opens_at->date.weekday() == Weekday::thursday);
    CHECK(state.opens_at->clock() == "16:00");
}

TEST_CASE("the closing minute is already closed, the opening minute already open", "[hours]")
{
    auto const& holidays = japan_holidays();
    CHECK(chat_hours("closed").state_at(at("2026-12-03T21:00"), holidays).status
        == OpenStatus::closed);
    CHECK(chat_hours("closed").state_at(at("2026-12-03T16:00"), holidays).status
        == OpenStatus::open);
    auto const morning = chat_hours("closed").state_at(at("2026-12-03T09:00"), holidays);
    CHECK(morning.opens_at->date == CivilDate{2026, 12, 3});
    CHECK(morning.opens_at->clock() == "16:00");
}

TEST_CASE("a national holiday follows the pack's policy", "[hours]")
{
    auto const& holidays = japan_holidays();
    // 2027-01-11 (Monday) is Coming of Age Day.
    auto const closed = chat_hours("closed").state_at(at("2027-01-11T17:00"), holidays);
    CHECK(closed.status == OpenStatus::closed);
    REQUIRE(closed.holiday);
    CHECK(closed.holiday->id == "coming_of_age_day");
    CHECK(closed.opens_at->date == CivilDate{2027, 1, 12});

    CHECK(chat_hours("as_weekday").state_at(at("2027-01-11T17:00"), holidays).status
        == OpenStatus::open);
    CHECK(chat_hours("as_sunday").state_at(at("2027-01-11T11:00"), holidays).status
        == OpenStatus::open);

    auto const unknown = chat_hours("unknown").state_at(at("2027-01-11T17:00"), holidays);
    CHECK(unknown.status == OpenStatus::unknown);
    CHECK(unknown.opens_at->date == CivilDate{2027, 1, 12});
}

TEST_CASE("dated exceptions close a day or change its hours", "[hours]")
{
    auto const& holidays = japan_holidays();
    auto const closed = chat_hours("closed").state_at(at("2026-12-29T17:00"), holidays);
    CHECK(closed.status == OpenStatus::closed);
    CHECK(closed.opens_at->date == CivilDate{2026, 12, 30});
    CHECK(closed.opens_at->clock() == "12:00");
}

TEST_CASE("always open services are open at any minute", "[hours]")
{
    auto const hours = std::get<OpeningHours>(
        OpeningHours::from_json(nlohmann::json::parse(R"({"always_open": true})")));
    CHECK(hours.state_at(at("2027-01-01T03:00"), japan_holidays()).always_open);
}

TEST_CASE("bad hours data are refused with a JSON pointer", "[hours]")
{
    struct Case {
        char const* json;
        char const* pointer;
    };
    Case const cases[] = {
        {R"({"weekly": {"funday": []}, "national_holidays": "closed"})", "/weekly/funday"},
        {R"({"weekly": {"monday": [["21:00", "16:00"]]}, "national_holidays": "closed"})",
            "/weekly/monday/0"},
        {R"({"weekly": {"monday": [["16:00", "25:00"]]}, "national_holidays": "closed"})",
            "/weekly/monday/0/1"},
        {R"({"weekly": {}, "national_holidays": "maybe"})", "/national_holidays"},
        {R"({"weekly": {}})", "/national_holidays"},
        {R"({"weekly": {}, "national_holidays": "closed", "closed_dates": ["soon"]})",
            "/closed_dates/0"},
    };
    for (auto const& c : cases) {
        INFO(c.json);
        auto const result = OpeningHours::from_json(nlohmann::json::parse(c.json));
        REQUIRE(std::holds_alternative<CalendarError>(result));
        CHECK(std::get<CalendarError>(result).pointer == c.pointer);
        CHECK(std::get<CalendarError>(result).code == "calendar.bad_data");
    }
}

TEST_CASE("a monthly event's next date comes from its rule or its listed dates", "[event]")
{
    auto const rule = std::get<MonthlyEvent>(MonthlyEvent::from_json(nlohmann::json::parse(R"({
        "rule": {"nth": 2, "weekday": "saturday", "start": "14:00", "end": "16:00"},
        "cancelled": ["2027-01-09"]
    })")));
    auto const next = rule.next_after(at("2026-12-03T12:00"));
    REQUIRE(next);
    CHECK(next->starts.date == CivilDate{2026, 12, 12});
    CHECK(next->starts.clock() == "14:00");
    CHECK(next->from_rule);

    // During the event it is still the next one; after it, the month after; a cancelled date is
    // stepped over.
    CHECK(rule.next_after(at("2026-12-12T15:00"))->starts.date == CivilDate{2026, 12, 12});
    CHECK(rule.next_after(at("2026-12-12T16:00"))->starts.date == CivilDate{2027, 2, 13});

    auto const listed = std::get<MonthlyEvent>(MonthlyEvent::from_json(nlohmann::json::parse(R"({
        "rule": null,
        "dates": [{"date": "2026-12-20", "start": "13:00", "end": "15:00"}]
    })")));
    CHECK(listed.next_after(at("2026-12-03T12:00"))->starts.date == CivilDate{2026, 12, 20});
    CHECK_FALSE(listed.next_after(at("2026-12-21T12:00")));

    auto const unknown = std::get<MonthlyEvent>(
        MonthlyEvent::from_json(nlohmann::json::parse(R"({"rule": null})")));
    CHECK_FALSE(unknown.next_after(at("2026-12-03T12:00")));
}

TEST_CASE("bad event data are refused with a JSON pointer", "[event]")
{
    auto const result = MonthlyEvent::from_json(nlohmann::json::parse(
        R"({"rule": {"nth": 7, "weekday": "saturday", "start": "14:00", "end": "16:00"}})"));
    REQUIRE(std::holds_alternative<CalendarError>(result));
    CHECK(std::get<CalendarError>(result).pointer == "/rule/nth");
}
