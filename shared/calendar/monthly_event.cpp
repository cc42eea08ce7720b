// Next occurrence of a monthly event from its rule and its listed dates.
#include "shared/calendar/monthly_event.hpp"

#include "shared/calendar/json_fields.hpp"

#include <algorithm>

namespace machiba::calendar {

namespace {

// A monthly rule is searched this many months ahead; enough to step over cancellations.
constexpr int look_ahead_months = 13;

std::optional<CalendarError> read_span(nlohmann::json const& object, std::string const& pointer,
    int& start, int& end)
{
    std::string start_text, end_text;
    if (auto e = json_fields::read(object, "start", pointer, start_text))
        return e;
    if (auto e = json_fields::read(object, "end", pointer, end_text))
        return e;
    auto const a = parse_clock(start_text);
    auto const b = parse_clock(end_text);
    if (auto const* error = std::get_if<CalendarError>(&a))
        return json_fields::missing(pointer + "/start", error->message);
    if (auto const* error = std::get_if<CalendarError>(&b))
        return json_fields::missing(pointer + "/end", error->message);
    start = std::get<int>(a);
    end = std::get<int>(b);
    if (end <= start)
        return json_fields::missing(pointer + "/end", "must be after start");
    return std::nullopt;
}

} // namespace

CalendarResult<MonthlyEvent> MonthlyEvent::from_json(nlohmann::json const& schedule,
    std::string const& pointer)
{
    MonthlyEvent event;
    if (!schedule.is_object())
        return json_fields::missing(pointer.empty() ? "/" : pointer, "must be an object");

    // 1. The rule, if the pack knows one.
    auto const& rule = schedule.value("rule", nlohmann::json());
    if (!rule.is_null()) {
        std::string const where = pointer + "/rule";
        std::string weekday;
        if (auto e = json_fields::read(rule, "nth", where, event.m_nth))
            return *e;
        if (event.m_nth == 0 || event.m_nth < -1 || event.m_nth > 5)
            return json_fields::missing(where + "/nth", "must be 1..5, or -1 for the last");
        if (auto e = json_fields::read(rule, "weekday", where, weekday))
            return *e;
        if (!parse_weekday(weekday, event.m_weekday))
            return json_fields::missing(where + "/weekday", "not a weekday name");
        if (auto e = read_span(rule, where, event.m_start, event.m_end))
            return *e;
        event.m_has_rule = true;
    }

    // 2. The dates it knows, and the dates a rule would give that are cancelled.
    auto const& dates = schedule.value("dates", nlohmann::json::array());
    for (std::size_t i = 0; i < dates.size(); ++i) {
        std::string const where = pointer + "/dates/" + std::to_string(i);
        std::string text;
        if (auto e = json_fields::read(dates[i], "date", where, text))
            return *e;
        auto const date = parse_civil_date(text);
        if (auto const* error = std::get_if<CalendarError>(&date))
            return json_fields::missing(where + "/date", error->message);
        Dated dated{std::get<CivilDate>(date)};
        if (auto e = read_span(dates[i], where, dated.start, dated.end))
            return *e;
        event.m_dates.push_back(dated);
    }
    auto const& cancelled = schedule.value("cancelled", nlohmann::json::array());
    for (std::size_t i = 0; i < cancelled.size(); ++i) {
        auto const date = parse_civil_date(
            cancelled[i].is_string() ? cancelled[i].get<std::string>() : std::string());
        if (auto const* error = std::get_if<CalendarError>(&date))
            return json_fields::missing(pointer + "/cancelled/" + std::to_string(i),
                error->message);
        event.m_cancelled.push_back(std::get<CivilDate>(date));
    }
    return event;
}

std::optional<EventOccurrence> MonthlyEvent::next_after(std::int64_t unix_ms) const
{
    auto const now = JapanTime::from_unix_ms(unix_ms);
    std::optional<EventOccurrence> best;
    auto const consider = [&](CivilDate date, int start, int end, bool from_rule) {
        if (std::find(m_cancelled.begin(), m_cancelled.end(), date) != m_cancelled.end())
            return;
        EventOccurrence occurrence{{date, start, 0}, {date, end % (24 * 60), 0}, from_rule};
        if (occurrence.ends.to_unix_ms() <= unix_ms && !(end == 24 * 60 && date > now.date))
            return;
        if (!best || occurrence.starts.to_unix_ms() < best->starts.to_unix_ms())
            best = occurrence;
    };

    // 1. Listed dates.
    for (auto const& dated : m_dates)
        consider(dated.date, dated.start, dated.end, false);

    // 2. The rule, month by month from this one.
    if (m_has_rule) {
        int year = now.date.year;
        int month = now.date.month;
        for (int step = 0; step < look_ahead_months; ++step) {
            CivilDate date;
            if (nth_weekday_of_month(year, month, m_weekday, m_nth, date)) {
                consider(date, m_start, m_end, true);
                if (best && best->from_rule && best->starts.date == date)
                    break;
            }
            if (++month > 12) {
                month = 1;
                ++year;
            }
        }
    }
    return best;
}

} // namespace machiba::calendar
