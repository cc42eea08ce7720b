// Japan time arithmetic: one fixed offset, so no zone database is needed.
#include "shared/calendar/japan_time.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace machiba::calendar {

namespace {

// Japan has kept UTC+9 without daylight saving since 1952; this is a fact of the calendar, not a
// setting, which is why it is the one constant here.
constexpr std::int64_t japan_offset_ms = 9LL * 60 * 60 * 1000;
constexpr std::int64_t ms_per_day = 24LL * 60 * 60 * 1000;

std::int64_t floor_div(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

bool digits(std::string_view text, int& out)
{
    if (text.empty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc();
}

CalendarError bad_time(std::string_view text, std::string_view why)
{
    return {"calendar.bad_time",
        "'" + std::string(text) + "' is not a date and time (" + std::string(why)
            + "): write e.g. 2026-12-03T16:30:00+09:00",
        ""};
}

} // namespace

JapanTime JapanTime::from_unix_ms(std::int64_t unix_ms)
{
    std::int64_t const local = unix_ms + japan_offset_ms;
    std::int64_t const days = floor_div(local, ms_per_day);
    std::int64_t const in_day = local - days * ms_per_day;
    JapanTime time;
    time.date = CivilDate::from_days_since_epoch(days);
    time.minute_of_day = static_cast<int>(in_day / 60000);
    time.millisecond_of_minute = static_cast<int>(in_day % 60000);
    return time;
}

std::int64_t JapanTime::to_unix_ms() const
{
    return date.days_since_epoch() * ms_per_day + minute_of_day * 60000LL
        + millisecond_of_minute - japan_offset_ms;
}

std::string JapanTime::iso() const
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d+09:00", date.iso().c_str(), hour(),
        minute(), millisecond_of_minute / 1000);
    return buffer;
}

std::string JapanTime::clock() const { return format_clock(minute_of_day); }

std::string format_clock(int minute_of_day)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return buffer;
}

CalendarResult<int> parse_clock(std::string_view text)
{
    int hours = 0, minutes = 0;
    if (text.size() != 5 || text[2] != ':' || !digits(text.substr(0, 2), hours)
        || !digits(text.substr(3, 2), minutes) || minutes > 59 || hours > 24
        || (hours == 24 && minutes != 0))
        return CalendarError{"calendar.bad_clock",
            "'" + std::string(text) + "' is not a time of day: write HH:MM from 00:00 to 24:00",
            ""};
    return hours * 60 + minutes;
}

CalendarResult<std::int64_t> parse_iso8601(std::string_view text)
{
    // 1. The date.
    if (text.size() < 16 || (text[10] != 'T' && text[10] != ' '))
        return bad_time(text, "expected YYYY-MM-DDTHH:MM");
    auto const date = parse_civil_date(text.substr(0, 10));
    if (auto const* error = std::get_if<CalendarError>(&date))
        return bad_time(text, error->message);

    // 2. Hours, minutes, optional seconds and fraction.
    int hours = 0, minutes = 0, seconds = 0, milliseconds = 0;
    if (text[13] != ':' || !digits(text.substr(11, 2), hours) ||
        !digits(text.substr(14, 2), minutes) || hours > 23 || minutes > 59)
        return bad_time(text, "hours 00-23 and minutes 00-59");
    std::size_t position = 16;
    if (position < text.size() && text[position] == ':') {
        if (position + 3 > text.size() || !digits(text.substr(position + 1, 2), seconds)
            || seconds > 60)
            return bad_time(text, "seconds 00-59");
        position += 3;
        if (position < text.size() && text[position] == '.') {
            std::size_t end = position + 1;
            int scale = 100;
            while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
                milliseconds += (text[end] - '0') * scale;
                scale /= 10;
                ++end;
            }
            if (end == position + 1)
                return bad_time(text, "a fraction of a second needs digits");
            position = end;
        }
    }
    seconds = std::min(seconds, 59);

    // 3. The zone: Z, +HH:MM, -HH:MM, +HHMM, or none (Japan time).
    std::int64_t offset_ms = japan_offset_ms;
    std::string_view const zone = text.substr(position);
    if (zone == "Z") {
        offset_ms = 0;
    } else if (!zone.empty()) {
        int zone_hours = 0, zone_minutes = 0;
        bool const colon = zone.size() == 6 && zone[3] == ':';
        if ((zone[0] != '+' && zone[0] != '-') || (zone.size() != 6 && zone.size() != 5)
            || (zone.size() == 6 && !colon) || !digits(zone.substr(1, 2), zone_hours)
            || !digits(zone.substr(colon ? 4 : 3, 2), zone_minutes) || zone_hours > 23
            || zone_minutes > 59)
            return bad_time(text, "zone must be Z or +HH:MM");
        offset_ms = (zone_hours * 60LL + zone_minutes) * 60000 * (zone[0] == '-' ? -1 : 1);
    }

    auto const& day = std::get<CivilDate>(date);
    return day.days_since_epoch() * ms_per_day
        + ((hours * 60LL + minutes) * 60 + seconds) * 1000 + milliseconds - offset_ms;
}

} // namespace machiba::calendar
