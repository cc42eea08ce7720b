// Tests of civil dates, Japan time and ISO 8601 parsing.
#include "shared/calendar/civil_date.hpp"
#include "shared/calendar/japan_time.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace machiba::calendar;

TEST_CASE("days since the epoch round-trip across centuries and leap days", "[date]")
{
    CHECK(CivilDate{1970, 1, 1}.days_since_epoch() == 0);
    CHECK(CivilDate{2000, 3, 1}.days_since_epoch() == 11017);
    CHECK(CivilDate{1969, 12, 31}.days_since_epoch() == -1);
    for (std::int64_t days = -800000; days < 800000; days += 997) {
        auto const date = CivilDate::from_days_since_epoch(days);
        REQUIRE(date.days_since_epoch() == days);
    }
    CHECK(CivilDate{2024, 2, 28}.plus_days(1) == CivilDate{2024, 2, 29});
    CHECK(CivilDate{2100, 2, 28}.plus_days(1) == CivilDate{2100, 3, 1});
}

TEST_CASE("weekdays are right for known dates", "[date]")
{
    CHECK(CivilDate{2026, 12, 3}.weekday() == Weekday::thursday);
    CHECK(CivilDate{1970, 1, 1}.weekday() == Weekday::thursday);
    CHECK(CivilDate{2027, 3, 21}.weekday() == Weekday::sunday);
    CHECK(CivilDate{1969, 12, 28}.weekday() == Weekday::sunday);
}

TEST_CASE("the nth weekday of a month, and the last one", "[date]")
{
    CivilDate date;
    REQUIRE(nth_weekday_of_month(2026, 1, Weekday::monday, 2, date));
    CHECK(date == CivilDate{2026, 1, 12});
    REQUIRE(nth_weekday_of_month(2026, 12, Weekday::thursday, -1, date));
    CHECK(date == CivilDate{2026, 12, 31});
    CHECK_FALSE(nth_weekday_of_month(2026, 2, Weekday::monday, 5, date));
}

TEST_CASE("bad dates give an error that says what to write", "[date]")
{
    for (char const* text : {"2026-02-30", "2026-13-01", "26-1-1", "2026/12/03", ""}) {
        auto const result = parse_civil_date(text);
        REQUIRE(std::holds_alternative<CalendarError>(result));
        CHECK(std::get<CalendarError>(result).code == "calendar.bad_date");
    }
    CHECK(std::get<CivilDate>(parse_civil_date("2024-02-29")) == CivilDate{2024, 2, 29});
}

TEST_CASE("Japan time is UTC+9 all year", "[time]")
{
    // 2026-12-03T12:00:00Z is 21:00 in Tokyo.
    auto const time = JapanTime::from_unix_ms(1796299200000);
    CHECK(time.date == CivilDate{2026, 12, 3});
    CHECK(time.clock() == "21:00");
    CHECK(time.iso() == "2026-12-03T21:00:00+09:00");
    CHECK(time.to_unix_ms() == 1796299200000);

    // 15:00 UTC is already the next day in Japan, in summer as in winter.
    CHECK(JapanTime::from_unix_ms(1784214000000).date == CivilDate{2026, 7, 17});
}

TEST_CASE("ISO 8601 with and without zones", "[time]")
{
    auto ms = [](char const* text) { return std::get<std::int64_t>(parse_iso8601(text)); };
    CHECK(ms("2026-12-03T21:00:00+09:00") == 1796299200000);
    CHECK(ms("2026-12-03T12:00:00Z") == 1796299200000);
    CHECK(ms("2026-12-03T21:00") == 1796299200000);
    CHECK(ms("2026-12-03T07:00:00-05:00") == 1796299200000);
    CHECK(ms("2026-12-03T21:00:00.250+09:00") == 1796299200250);
    for (char const* bad : {"2026-12-03", "2026-12-03T25:00", "2026-12-03T21:00+9", "tomorrow",
             "2026-12-03T21:00:00+09:00junk"}) {
        INFO(bad);
        auto const result = parse_iso8601(bad);
        REQUIRE(std::holds_alternative<CalendarError>(result));
        CHECK(std::get<CalendarError>(result).code == "calendar.bad_time");
    }
}

TEST_CASE("clock times from 00:00 to 24:00", "[time]")
{
    CHECK(std::get<int>(parse_clock("16:00")) == 960);
    CHECK(std::get<int>(parse_clock("24:00")) == 1440);
    CHECK(std::holds_alternative<CalendarError>(parse_clock("24:01")));
    CHECK(std::holds_alternative<CalendarError>(parse_clock("9:00")));
}
