// Civil time in Japan (UTC+9 all year, no daylight saving) from and to Unix milliseconds.
#pragma once

#include "shared/calendar/calendar_error.hpp"
#include "shared/calendar/civil_date.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace machiba::calendar {

struct JapanTime {
    CivilDate date;
    int minute_of_day = 0; // 0..1439
    int millisecond_of_minute = 0;

    static JapanTime from_unix_ms(std::int64_t unix_ms);
    std::int64_t to_unix_ms() const;

    int hour() const { return minute_of_day / 60; }
    int minute() const { return minute_of_day % 60; }

    // "2026-12-03T21:00:00+09:00" (seconds shown, milliseconds dropped).
    std::string iso() const;
    // "21:00"
    std::string clock() const;
};

// Minutes of the day for "HH:MM" (00:00..24:00; 24:00 means the end of the day).
CalendarResult<int> parse_clock(std::string_view text);
std::string format_clock(int minute_of_day);

// Parses an ISO 8601 date-time with a zone ("2026-12-03T16:30:00+09:00", "...Z"), or a plain
// date-time without zone, which is read as Japan time. Returns Unix milliseconds.
CalendarResult<std::int64_t> parse_iso8601(std::string_view text);

} // namespace machiba::calendar
