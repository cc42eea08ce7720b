// Tests of Japan's national holidays computed by rule against the published lists.
#include "calendar_fixture.hpp"

#include <catch2/catch_test_macros.hpp>

#include <set>

using namespace machiba::calendar;

TEST_CASE("the holidays of 2024 to 2027 are exactly the published ones", "[holidays]")
{
    auto const expected = read_json_file("tests/unit/calendar/japan_holidays_2024_2027.json");
    for (int year = 2024; year <= 2027; ++year) {
        INFO(year);
        std::set<std::string> want;
        for (auto const& date : expected.at(std::to_string(year)))
            want.insert(date.get<std::string>());
        std::set<std::string> got;
        for (auto const& holiday : japan_holidays().holidays_in(year))
            got.insert(holiday.date.iso());
        CHECK(got == want);
    }
}

TEST_CASE("each kind of holiday is named", "[holidays]")
{
    auto const& calendar = japan_holidays();
    auto const equinox = calendar.holiday_on({2027, 3, 21});
    REQUIRE(equinox);
    CHECK(equinox->name_ja == "春分の日");

    auto const substitute = calendar.holiday_on({2027, 3, 22});
    REQUIRE(substitute);
    CHECK(substitute->kind == HolidayKind::substitute);
    CHECK(substitute->name_ja == "振替休日");

    auto const citizens = calendar.holiday_on({2026, 9, 22});
    REQUIRE(citizens);
    CHECK(citizens->kind == HolidayKind::citizens);

    // Golden Week 2025: 5/4 was a Sunday, and 5/5 is itself a holiday, so the substitute is 5/6.
    CHECK(calendar.holiday_on({2025, 5, 6})->kind == HolidayKind::substitute);
    CHECK_FALSE(calendar.is_holiday({2026, 12, 3}));
}

TEST_CASE("one-off moves replace the rule in their year only", "[holidays]")
{
    auto const& calendar = japan_holidays();
    CHECK(calendar.holiday_on({2021, 7, 22})->id == "marine_day");
    CHECK_FALSE(calendar.is_holiday({2021, 7, 19}));
    CHECK(calendar.holiday_on({2021, 8, 9})->kind == HolidayKind::substitute);
    CHECK(calendar.holiday_on({2022, 7, 18})->id == "marine_day");
    CHECK(calendar.covers(2030));
    CHECK_FALSE(calendar.covers(1999));
}

TEST_CASE("bad holiday rules are refused with a pointer to the entry", "[holidays]")
{
    auto rules = read_json_file("assets/calendar/japan_holidays.json");
    rules["named"][3].erase("day");
    auto const result = HolidayCalendar::from_json(rules);
    REQUIRE(std::holds_alternative<CalendarError>(result));
    CHECK(std::get<CalendarError>(result).pointer == "/named/3");

    rules = read_json_file("assets/calendar/japan_holidays.json");
    rules["moves"][0]["date"] = "2020-02-30";
    auto const bad_date = HolidayCalendar::from_json(rules);
    REQUIRE(std::holds_alternative<CalendarError>(bad_date));
    CHECK(std::get<CalendarError>(bad_date).pointer == "/moves/0/date");

    CHECK(std::holds_alternative<CalendarError>(HolidayCalendar::from_json(nlohmann::json(3))));
}
