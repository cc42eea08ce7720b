// Japan's national holidays, computed by the rules of the holiday law, which come as data
// (assets/calendar/japan_holidays.json): fixed days, Happy Mondays, the equinoxes by the standard
// formula, one-off moves, substitute holidays and citizens' holidays.
#pragma once

#include "shared/calendar/calendar_error.hpp"
#include "shared/calendar/civil_date.hpp"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace machiba::calendar {

enum class HolidayKind {
    national,   // a day named by the law (元日, 春分の日, ...)
    substitute, // 振替休日: the day after a national holiday that fell on a Sunday
    citizens,   // 国民の休日: a day between two national holidays
};

struct Holiday {
    CivilDate date;
    std::string id; // "new_years_day", "substitute_holiday", "citizens_holiday", ...
    std::string name_ja;
    std::string name_en;
    HolidayKind kind = HolidayKind::national;
};

class HolidayCalendar {
public:
    // Reads the rules; an error names the JSON pointer of the first bad entry.
    static CalendarResult<HolidayCalendar> from_json(nlohmann::json const& rules);

    // Every holiday of a year, in date order. Years outside the rules' range give what the rules
    // say for them, which may be wrong: check covers() first where it matters.
    std::vector<Holiday> holidays_in(int year) const;
    std::optional<Holiday> holiday_on(CivilDate date) const;
    bool is_holiday(CivilDate date) const { return holiday_on(date).has_value(); }

    // Whether the rules claim to be right for this year.
    bool covers(int year) const { return year >= m_first_year && year <= m_last_year; }

private:
    struct Named {
        std::string id, name_ja, name_en;
        int month = 0;
        int day = 0;        // fixed day, or 0
        int nth_monday = 0; // Happy Monday week, or 0
        double equinox_base = 0; // equinox formula constant, or 0
        int from_year = 0;
        int to_year = 9999;
    };
    struct Move {
        int year = 0;
        std::string id;
        CivilDate date;
    };

    std::vector<CivilDate> named_dates(int year, std::vector<Holiday>& out) const;

    std::vector<Named> m_named;
    std::vector<Move> m_moves;
    std::vector<Holiday> m_one_off;
    double m_equinox_rate = 0;
    int m_equinox_epoch = 0;
    int m_substitute_from = 0;
    int m_citizens_from = 0;
    int m_first_year = 0;
    int m_last_year = 0;
    std::string m_substitute_ja, m_substitute_en, m_citizens_ja, m_citizens_en;
};

} // namespace machiba::calendar
