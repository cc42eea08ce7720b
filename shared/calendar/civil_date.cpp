// Civil date arithmetic by the days-from-civil method (counting eras of 400 years).
#include "shared/calendar/civil_date.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace machiba::calendar {

namespace {

constexpr std::array<std::string_view, 7> weekday_names = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

bool parse_int(std::string_view text, int& out)
{
    if (text.empty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

} // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month)
{
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

bool is_valid_date(int year, int month, int day)
{
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::int64_t CivilDate::days_since_epoch() const
{
    // Years start in March, so the leap day falls at the end of the counted year.
    std::int64_t const y = year - (month <= 2 ? 1 : 0);
    std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
    std::int64_t const year_of_era = y - era * 400;
    std::int64_t const shifted_month = month > 2 ? month - 3 : month + 9;
    std::int64_t const day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    std::int64_t const day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CivilDate CivilDate::from_days_since_epoch(std::int64_t days)
{
    days += 719468;
    std::int64_t const era = (days >= 0 ? days : days - 146096) / 146097;
    std::int64_t const day_of_era = days - era * 146097;
    std::int64_t const year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    std::int64_t const day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    std::int64_t const shifted_month = (5 * day_of_year + 2) / 153;
    int const day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
    int const month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
    int const year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

Weekday CivilDate::weekday() const
{
    // 1970-01-01 was a Thursday.
    std::int64_t const days = days_since_epoch();
    auto const index = ((days % 7) + 7 + 4) % 7;
    return static_cast<Weekday>(index);
}

CivilDate CivilDate::plus_days(std::int64_t days) const
{
    return from_days_since_epoch(days_since_epoch() + days);
}

std::string CivilDate::iso() const
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

CalendarResult<CivilDate> parse_civil_date(std::string_view text)
{
    int year = 0, month = 0, day = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !parse_int(text.substr(0, 4), year)
        || !parse_int(text.substr(5, 2), month) || !parse_int(text.substr(8, 2), day))
        return CalendarError{"calendar.bad_date",
            "'" + std::string(text) + "' is not a date: write YYYY-MM-DD, e.g. 2026-12-03", ""};
    if (!is_valid_date(year, month, day))
        return CalendarError{"calendar.bad_date",
            "'" + std::string(text) + "' is not a day of the calendar (month 1-12, day within the "
                "month)", ""};
    return CivilDate{year, month, day};
}

bool nth_weekday_of_month(int year, int month, Weekday weekday, int nth, CivilDate& out)
{
    if (!is_valid_date(year, month, 1) || nth == 0 || nth < -1 || nth > 5)
        return false;

    if (nth == -1) {
        CivilDate last{year, month, days_in_month(year, month)};
        int const back = (static_cast<int>(last.weekday()) - static_cast<int>(weekday) + 7) % 7;
        out = last.plus_days(-back);
        return true;
    }

    CivilDate const first{year, month, 1};
    int const ahead = (static_cast<int>(weekday) - static_cast<int>(first.weekday()) + 7) % 7;
    int const day = 1 + ahead + 7 * (nth - 1);
    if (day > days_in_month(year, month))
        return false;
    out = {year, month, day};
    return true;
}

std::string_view weekday_name(Weekday weekday)
{
    return weekday_names[static_cast<std::size_t>(weekday)];
}

bool parse_weekday(std::string_view name, Weekday& out)
{
    for (std::size_t i = 0; i < weekday_names.size(); ++i) {
        if (weekday_names[i] == name) {
            out = static_cast<Weekday>(i);
            return true;
        }
    }
    return false;
}

} // namespace machiba::calendar
