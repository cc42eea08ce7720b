// Opening hours as data (a week of intervals, what happens on national holidays, dated
// exceptions), and the answer to "is it open now, and until when / from when".
#pragma once

#include "shared/calendar/calendar_error.hpp"
#include "shared/calendar/holiday_calendar.hpp"
#include "shared/calendar/japan_time.hpp"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace machiba::calendar {

// What a service does on a national holiday; the pack says which, since sources often do not.
enum class HolidayPolicy {
    closed,     // closed all day
    as_weekday, // the usual hours of that weekday
    as_sunday,  // the hours of a Sunday
    unknown,    // the source does not say: the answer for that day is "unknown"
};

enum class OpenStatus { open, closed, unknown };

// A structured answer that the app renders in either language:
//   open, closes_at 21:00 today         -> "open now, until 21:00" / "いま開いています（21:00まで）"
//   closed, opens_at Thursday 16:00     -> "opens Thursday 16:00" / "木曜 16:00 から"
//   unknown (a holiday with an unknown policy), opens_at the next certain opening.
struct OpenState {
    OpenStatus status = OpenStatus::closed;
    bool always_open = false;
    std::optional<JapanTime> closes_at; // when open and it closes within the look-ahead
    std::optional<JapanTime> opens_at;  // when not open: the next certain opening
    std::optional<Holiday> holiday;     // today's holiday when it changed today's hours
};

struct Interval {
    int open_minute = 0;  // minutes after midnight, Japan time
    int close_minute = 0; // exclusive; 1440 for midnight
};

class OpeningHours {
public:
    // {"always_open": true} or
    // {"weekly": {"monday": [["16:00", "21:00"]], ...}, "national_holidays": "closed",
    //  "closed_dates": ["2026-12-29"], "special_dates": [{"date": "...", "hours": [[..]]}]}
    static CalendarResult<OpeningHours> from_json(nlohmann::json const& hours,
        std::string const& pointer = "");

    OpenState state_at(std::int64_t unix_ms, HolidayCalendar const& holidays) const;

    // The intervals of one day, or nothing when the day's hours are unknown.
    std::optional<std::vector<Interval>> intervals_on(CivilDate date,
        HolidayCalendar const& holidays) const;

    bool always_open() const { return m_always_open; }
    HolidayPolicy holiday_policy() const { return m_holiday_policy; }

private:
    struct SpecialDate {
        CivilDate date;
        std::vector<Interval> intervals; // empty: closed
    };

    bool m_always_open = false;
    std::array<std::vector<Interval>, 7> m_weekly;
    HolidayPolicy m_holiday_policy = HolidayPolicy::unknown;
    std::vector<SpecialDate> m_special;
};

} // namespace machiba::calendar
