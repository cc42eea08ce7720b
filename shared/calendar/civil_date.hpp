// Dates of the proleptic Gregorian calendar, without time or zone: the unit of holidays,
// opening-hour exceptions and monthly events.
#pragma once

#include "shared/calendar/calendar_error.hpp"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace machiba::calendar {

// Sunday = 0 ... Saturday = 6, as people in Japan write a week (日月火水木金土).
enum class Weekday { sunday, monday, tuesday, wednesday, thursday, friday, saturday };

struct CivilDate {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31

    // Days since 1970-01-01 (negative before it).
    std::int64_t days_since_epoch() const;
    static CivilDate from_days_since_epoch(std::int64_t days);

    Weekday weekday() const;
    CivilDate plus_days(std::int64_t days) const;

    // "2026-12-03"
    std::string iso() const;

    auto operator<=>(CivilDate const&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid_date(int year, int month, int day);

// Parses "YYYY-MM-DD"; the error says which part is wrong.
CalendarResult<CivilDate> parse_civil_date(std::string_view text);

// The date of the nth (1..5) given weekday of a month, or of the last one when nth is -1;
// nothing when the month has no such day (a fifth Monday, say).
bool nth_weekday_of_month(int year, int month, Weekday weekday, int nth, CivilDate& out);

// "sunday".."saturday" <-> Weekday.
std::string_view weekday_name(Weekday weekday);
bool parse_weekday(std::string_view name, Weekday& out);

} // namespace machiba::calendar
