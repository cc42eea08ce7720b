// Loads the real holiday rules from assets/ for the calendar tests.
#pragma once

#include "shared/calendar/holiday_calendar.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

inline nlohmann::json read_json_file(std::string const& relative)
{
    std::ifstream in(std::string(MACHIBA_SOURCE_DIR) + "/" + relative);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto json = nlohmann::json::parse(buffer.str(), nullptr, false);
    if (json.is_discarded())
        throw std::runtime_error("cannot parse " + relative);
    return json;
}

inline machiba::calendar::HolidayCalendar const& japan_holidays()
{
    static auto const calendar = [] {
        auto result = machiba::calendar::HolidayCalendar::from_json(
            read_json_file("assets/calendar/japan_holidays.json"));
        if (auto* error = std::get_if<machiba::calendar::CalendarError>(&result))
            throw std::runtime_error(error->message);
        return std::get<machiba::calendar::HolidayCalendar>(result);
    }();
    return calendar;
}
