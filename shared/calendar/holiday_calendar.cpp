// National holidays from the rules in data; see holiday_calendar.hpp for the kinds of rule.
#include "shared/calendar/holiday_calendar.hpp"

#include "shared/calendar/json_fields.hpp"

#include <algorithm>
#include <cmath>

namespace machiba::calendar {

using json_fields::read;
using json_fields::read_optional;

CalendarResult<HolidayCalendar> HolidayCalendar::from_json(nlohmann::json const& rules)
{
    HolidayCalendar calendar;
    if (!rules.is_object())
        return CalendarError{"calendar.bad_data", "the holiday rules must be a JSON object", ""};

    // 1. The years the rules are right for, and the constants of the equinox formula.
    auto const& years = rules.value("years", nlohmann::json());
    if (auto e = read(years, "from", "/years", calendar.m_first_year))
        return *e;
    if (auto e = read(years, "to", "/years", calendar.m_last_year))
        return *e;
    auto const& equinox = rules.value("equinox", nlohmann::json());
    if (auto e = read(equinox, "rate", "/equinox", calendar.m_equinox_rate))
        return *e;
    if (auto e = read(equinox, "epoch_year", "/equinox", calendar.m_equinox_epoch))
        return *e;

    // 2. The named holidays: each has exactly one of day, nth_monday and equinox_base.
    auto const& named = rules.value("named", nlohmann::json());
    if (!named.is_array() || named.empty())
        return json_fields::missing("/named", "must be a non-empty array");
    for (std::size_t i = 0; i < named.size(); ++i) {
        std::string const pointer = "/named/" + std::to_string(i);
        Named entry;
        auto const& item = named[i];
        if (auto e = read(item, "id", pointer, entry.id))
            return *e;
        if (auto e = read(item, "ja", pointer, entry.name_ja))
            return *e;
        if (auto e = read(item, "en", pointer, entry.name_en))
            return *e;
        if (auto e = read(item, "month", pointer, entry.month))
            return *e;
        if (auto e = read_optional(item, "day", pointer, entry.day))
            return *e;
        if (auto e = read_optional(item, "nth_monday", pointer, entry.nth_monday))
            return *e;
        if (auto e = read_optional(item, "equinox_base", pointer, entry.equinox_base))
            return *e;
        if (auto e = read_optional(item, "from", pointer, entry.from_year))
            return *e;
        if (auto e = read_optional(item, "to", pointer, entry.to_year))
            return *e;
        int const kinds = (entry.day != 0) + (entry.nth_monday != 0) + (entry.equinox_base != 0);
        if (kinds != 1)
            return json_fields::missing(pointer,
                "needs exactly one of day, nth_monday and equinox_base");
        if (entry.month < 1 || entry.month > 12 || (entry.day && !is_valid_date(2000, entry.month,
                entry.day)) || entry.nth_monday < 0 || entry.nth_monday > 5)
            return json_fields::missing(pointer, "month, day or nth_monday out of range");
        calendar.m_named.push_back(std::move(entry));
    }

    // 3. One-off moves of a named holiday, and one-off holidays.
    auto const& moves = rules.value("moves", nlohmann::json::array());
    for (std::size_t i = 0; i < moves.size(); ++i) {
        std::string const pointer = "/moves/" + std::to_string(i);
        Move move;
        std::string date;
        if (auto e = read(moves[i], "id", pointer, move.id))
            return *e;
        if (auto e = read(moves[i], "date", pointer, date))
            return *e;
        auto parsed = parse_civil_date(date);
        if (auto* error = std::get_if<CalendarError>(&parsed))
            return json_fields::missing(pointer + "/date", error->message);
        move.date = std::get<CivilDate>(parsed);
        move.year = move.date.year;
        calendar.m_moves.push_back(std::move(move));
    }
    auto const& one_off = rules.value("one_off", nlohmann::json::array());
    for (std::size_t i = 0; i < one_off.size(); ++i) {
        std::string const pointer = "/one_off/" + std::to_string(i);
        Holiday holiday;
        std::string date;
        if (auto e = read(one_off[i], "date", pointer, date))
            return *e;
        if (auto e = read(one_off[i], "id", pointer, holiday.id))
            return *e;
        if (auto e = read(one_off[i], "ja", pointer, holiday.name_ja))
            return *e;
        if (auto e = read(one_off[i], "en", pointer, holiday.name_en))
            return *e;
        auto parsed = parse_civil_date(date);
        if (auto* error = std::get_if<CalendarError>(&parsed))
            return json_fields::missing(pointer + "/date", error->message);
        holiday.date = std::get<CivilDate>(parsed);
        calendar.m_one_off.push_back(std::move(holiday));
    }

    // 4. The two derived kinds.
    auto const& substitute = rules.value("substitute", nlohmann::json());
    if (auto e = read(substitute, "from", "/substitute", calendar.m_substitute_from))
        return *e;
    if (auto e = read(substitute, "ja", "/substitute", calendar.m_substitute_ja))
        return *e;
    if (auto e = read(substitute, "en", "/substitute", calendar.m_substitute_en))
        return *e;
    auto const& citizens = rules.value("citizens", nlohmann::json());
    if (auto e = read(citizens, "from", "/citizens", calendar.m_citizens_from))
        return *e;
    if (auto e = read(citizens, "ja", "/citizens", calendar.m_citizens_ja))
        return *e;
    if (auto e = read(citizens, "en", "/citizens", calendar.m_citizens_en))
        return *e;
    return calendar;
}

std::vector<CivilDate> HolidayCalendar::named_dates(int year, std::vector<Holiday>& out) const
{
    std::vector<CivilDate> dates;
    for (auto const& entry : m_named) {
        if (year < entry.from_year || year > entry.to_year)
            continue;

        // 1. The date by the entry's rule.
        CivilDate date{year, entry.month, 1};
        if (entry.day) {
            date.day = entry.day;
        } else if (entry.nth_monday) {
            nth_weekday_of_month(year, entry.month, Weekday::monday, entry.nth_monday, date);
        } else {
            // The standard approximation of the equinox day for 1980-2099:
            // floor(base + rate * (year - epoch) - floor((year - epoch) / 4)).
            int const since = year - m_equinox_epoch;
            date.day = static_cast<int>(std::floor(entry.equinox_base + m_equinox_rate * since
                - std::floor(since / 4.0)));
        }

        // 2. A one-off move for this year replaces it.
        for (auto const& move : m_moves) {
            if (move.year == year && move.id == entry.id)
                date = move.date;
        }
        out.push_back({date, entry.id, entry.name_ja, entry.name_en, HolidayKind::national});
        dates.push_back(date);
    }
    for (auto const& holiday : m_one_off) {
        if (holiday.date.year == year) {
            out.push_back(holiday);
            dates.push_back(holiday.date);
        }
    }
    std::sort(dates.begin(), dates.end());
    return dates;
}

std::vector<Holiday> HolidayCalendar::holidays_in(int year) const
{
    std::vector<Holiday> holidays;
    auto const named = named_dates(year, holidays);
    auto const is_named = [&](CivilDate date) {
        return std::binary_search(named.begin(), named.end(), date);
    };

    // 1. Citizens' holidays: an ordinary day with a national holiday on each side.
    if (year >= m_citizens_from) {
        for (auto const& date : named) {
            CivilDate const between = date.plus_days(1);
            if (!is_named(between) && is_named(between.plus_days(1))
                && between.weekday() != Weekday::sunday)
                holidays.push_back(
                    {between, "citizens_holiday", m_citizens_ja, m_citizens_en,
                        HolidayKind::citizens});
        }
    }

    // 2. Substitute holidays: a national holiday on a Sunday moves the rest to the first
    //    following day that is not itself a holiday.
    if (year >= m_substitute_from) {
        for (auto const& date : named) {
            if (date.weekday() != Weekday::sunday)
                continue;
            CivilDate next = date.plus_days(1);
            auto const taken = [&](CivilDate day) {
                return std::any_of(holidays.begin(), holidays.end(),
                    [&](Holiday const& h) { return h.date == day; });
            };
            while (taken(next))
                next = next.plus_days(1);
            if (next.year == year)
                holidays.push_back({next, "substitute_holiday", m_substitute_ja,
                    m_substitute_en, HolidayKind::substitute});
        }
    }

    std::sort(holidays.begin(), holidays.end(),
        [](Holiday const& a, Holiday const& b) { return a.date < b.date; });
    return holidays;
}

std::optional<Holiday> HolidayCalendar::holiday_on(CivilDate date) const
{
    for (auto& holiday : holidays_in(date.year)) {
        if (holiday.date == date)
            return holiday;
    }
    return std::nullopt;
}

} // namespace machiba::calendar
