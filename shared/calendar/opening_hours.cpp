// Opening hours from data and the open-now answer, evaluated in Japan time.
#include "shared/calendar/opening_hours.hpp"

#include "shared/calendar/json_fields.hpp"

#include <algorithm>

namespace machiba::calendar {

namespace {

// How far ahead to look for the next opening: a service closed for longer than a few weeks is
// shown as having no known next opening rather than searched for ever.
constexpr int look_ahead_days = 31;
constexpr int minutes_per_day = 24 * 60;

std::optional<CalendarError> read_intervals(nlohmann::json const& list, std::string const& pointer,
    std::vector<Interval>& out)
{
    if (!list.is_array())
        return json_fields::missing(pointer, "must be a list of [\"HH:MM\", \"HH:MM\"] pairs");
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string const where = pointer + "/" + std::to_string(i);
        auto const& pair = list[i];
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
            return json_fields::missing(where, "must be a pair [\"HH:MM\", \"HH:MM\"]");
        auto const open = parse_clock(pair[0].get<std::string>());
        auto const close = parse_clock(pair[1].get<std::string>());
        if (auto const* error = std::get_if<CalendarError>(&open))
            return json_fields::missing(where + "/0", error->message);
        if (auto const* error = std::get_if<CalendarError>(&close))
            return json_fields::missing(where + "/1", error->message);
        Interval interval{std::get<int>(open), std::get<int>(close)};
        if (interval.close_minute <= interval.open_minute)
            return json_fields::missing(where, "closes before it opens; split a night across two "
                                               "days instead");
        out.push_back(interval);
    }
    std::sort(out.begin(), out.end(),
        [](Interval const& a, Interval const& b) { return a.open_minute < b.open_minute; });
    return std::nullopt;
}

} // namespace

CalendarResult<OpeningHours> OpeningHours::from_json(nlohmann::json const& hours,
    std::string const& pointer)
{
    OpeningHours result;
    if (!hours.is_object())
        return json_fields::missing(pointer.empty() ? "/" : pointer, "must be an object");
    if (auto e = json_fields::read_optional(hours, "always_open", pointer, result.m_always_open))
        return *e;
    if (result.m_always_open)
        return result;

    // 1. The week.
    auto const& weekly = hours.value("weekly", nlohmann::json());
    if (!weekly.is_object())
        return json_fields::missing(pointer + "/weekly", "missing (or set always_open)");
    for (auto const& [name, list] : weekly.items()) {
        Weekday weekday{};
        if (!parse_weekday(name, weekday))
            return json_fields::missing(pointer + "/weekly/" + name,
                "not a weekday name (sunday ... saturday)");
        if (auto e = read_intervals(list, pointer + "/weekly/" + name,
                result.m_weekly[static_cast<std::size_t>(weekday)]))
            return *e;
    }

    // 2. National holidays.
    std::string policy;
    if (auto e = json_fields::read(hours, "national_holidays", pointer, policy))
        return *e;
    if (policy == "closed")
        result.m_holiday_policy = HolidayPolicy::closed;
    else if (policy == "as_weekday")
        result.m_holiday_policy = HolidayPolicy::as_weekday;
    else if (policy == "as_sunday")
        result.m_holiday_policy = HolidayPolicy::as_sunday;
    else if (policy == "unknown")
        result.m_holiday_policy = HolidayPolicy::unknown;
    else
        return json_fields::missing(pointer + "/national_holidays",
            "must be closed, as_weekday, as_sunday or unknown");

    // 3. Dated exceptions: closed days and days with their own hours.
    auto const& closed = hours.value("closed_dates", nlohmann::json::array());
    for (std::size_t i = 0; i < closed.size(); ++i) {
        std::string const where = pointer + "/closed_dates/" + std::to_string(i);
        auto const date = parse_civil_date(closed[i].is_string() ? closed[i].get<std::string>()
                                                                 : std::string());
        if (auto const* error = std::get_if<CalendarError>(&date))
            return json_fields::missing(where, error->message);
        result.m_special.push_back({std::get<CivilDate>(date), {}});
    }
    auto const& special = hours.value("special_dates", nlohmann::json::array());
    for (std::size_t i = 0; i < special.size(); ++i) {
        std::string const where = pointer + "/special_dates/" + std::to_string(i);
        std::string text;
        if (auto e = json_fields::read(special[i], "date", where, text))
            return *e;
        auto const date = parse_civil_date(text);
        if (auto const* error = std::get_if<CalendarError>(&date))
            return json_fields::missing(where + "/date", error->message);
        SpecialDate day{std::get<CivilDate>(date), {}};
        if (auto e = read_intervals(special[i].value("hours", nlohmann::json()), where + "/hours",
                day.intervals))
            return *e;
        result.m_special.push_back(std::move(day));
    }
    return result;
}

std::optional<std::vector<Interval>> OpeningHours::intervals_on(CivilDate date,
    HolidayCalendar const& holidays) const
{
    if (m_always_open)
        return std::vector<Interval>{{0, minutes_per_day}};

    // 1. A dated exception wins over everything.
    for (auto const& special : m_special) {
        if (special.date == date)
            return special.intervals;
    }

    // 2. Then the holiday policy.
    if (holidays.is_holiday(date)) {
        switch (m_holiday_policy) {
        case HolidayPolicy::closed:
            return std::vector<Interval>{};
        case HolidayPolicy::as_sunday:
            return m_weekly[static_cast<std::size_t>(Weekday::sunday)];
        case HolidayPolicy::unknown:
            // A closed weekday stays closed whatever the holiday does.
            if (m_weekly[static_cast<std::size_t>(date.weekday())].empty())
                return std::vector<Interval>{};
            return std::nullopt;
        case HolidayPolicy::as_weekday:
            break;
        }
    }

    // 3. Then the week.
    return m_weekly[static_cast<std::size_t>(date.weekday())];
}

OpenState OpeningHours::state_at(std::int64_t unix_ms, HolidayCalendar const& holidays) const
{
    OpenState state;
    auto const now = JapanTime::from_unix_ms(unix_ms);
    if (m_always_open) {
        state.status = OpenStatus::open;
        state.always_open = true;
        return state;
    }

    // 1. Today: open, closed or unknown.
    auto const today = intervals_on(now.date, holidays);
    auto const holiday = holidays.holiday_on(now.date);
    if (holiday && m_holiday_policy != HolidayPolicy::as_weekday)
        state.holiday = holiday;
    if (!today) {
        state.status = OpenStatus::unknown;
    } else {
        for (auto const& interval : *today) {
            if (now.minute_of_day >= interval.open_minute
                && now.minute_of_day < interval.close_minute) {
                state.status = OpenStatus::open;
                JapanTime closes{now.date, interval.close_minute % minutes_per_day, 0};
                if (interval.close_minute == minutes_per_day)
                    closes.date = now.date.plus_days(1);
                state.closes_at = closes;
                return state;
            }
        }
    }

    // 2. Not open: the next certain opening, today later or on a following day.
    for (int ahead = 0; ahead <= look_ahead_days; ++ahead) {
        CivilDate const date = now.date.plus_days(ahead);
        auto const intervals = ahead == 0 ? today : intervals_on(date, holidays);
        if (!intervals)
            continue;
        for (auto const& interval : *intervals) {
            if (ahead == 0 && interval.open_minute <= now.minute_of_day)
                continue;
            state.opens_at = JapanTime{date, interval.open_minute, 0};
            return state;
        }
    }
    return state;
}

} // namespace machiba::calendar
