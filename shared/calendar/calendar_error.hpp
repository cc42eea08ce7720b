// The error value of the calendar module: a stable code, a sentence, and where in the input.
#pragma once

#include <string>
#include <variant>

namespace machiba::calendar {

struct CalendarError {
    std::string code;    // stable, e.g. "calendar.bad_time"
    std::string message; // says what is wrong and what to write instead
    std::string pointer; // JSON pointer into the data, or empty for a plain string input
};

// A value or the error that stopped it.
template <typename T>
using CalendarResult = std::variant<T, CalendarError>;

} // namespace machiba::calendar
