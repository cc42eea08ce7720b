// An event that recurs about once a month (しなわかカフェ): a rule such as "second Saturday,
// 14:00-16:00", or the dates the pack knows, or neither, in which case the next date is unknown.
#pragma once

#include "shared/calendar/calendar_error.hpp"
#include "shared/calendar/japan_time.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace machiba::calendar {

struct EventOccurrence {
    JapanTime starts;
    JapanTime ends;
    bool from_rule = false; // true: computed from the rule; false: a date the pack lists
};

class MonthlyEvent {
public:
    // {"rule": {"nth": 2, "weekday": "saturday", "start": "14:00", "end": "16:00"} or null,
    //  "dates": [{"date": "2026-12-12", "start": "14:00", "end": "16:00"}],
    //  "cancelled": ["2027-01-09"]}
    static CalendarResult<MonthlyEvent> from_json(nlohmann::json const& schedule,
        std::string const& pointer = "");

    // The first occurrence that has not ended at unix_ms, or nothing when the pack knows none
    // (then the app says the date is not known and where to look).
    std::optional<EventOccurrence> next_after(std::int64_t unix_ms) const;

    bool has_rule() const { return m_has_rule; }

private:
    struct Dated {
        CivilDate date;
        int start = 0;
        int end = 0;
    };

    bool m_has_rule = false;
    int m_nth = 0;
    Weekday m_weekday = Weekday::sunday;
    int m_start = 0;
    int m_end = 0;
    std::vector<Dated> m_dates;
    std::vector<CivilDate> m_cancelled;
};

} // namespace machiba::calendar
