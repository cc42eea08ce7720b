// Small helpers that read fields of pack JSON and say exactly where something is wrong.
#pragma once

#include "shared/calendar/calendar_error.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace machiba::calendar::json_fields {

inline CalendarError missing(std::string const& pointer, std::string const& what)
{
    return {"calendar.bad_data", pointer + ": " + what, pointer};
}

// The field as T, or an error value when it is absent or of another type.
template <typename T>
std::optional<CalendarError> read(nlohmann::json const& object, char const* key,
    std::string const& pointer, T& out)
{
    std::string const where = pointer + "/" + key;
    if (!object.is_object() || !object.contains(key))
        return missing(where, "missing");
    auto const& value = object.at(key);
    if constexpr (std::is_same_v<T, std::string>) {
        if (!value.is_string())
            return missing(where, "must be a string");
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!value.is_boolean())
            return missing(where, "must be true or false");
    } else if constexpr (std::is_integral_v<T>) {
        if (!value.is_number_integer())
            return missing(where, "must be a whole number");
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!value.is_number())
            return missing(where, "must be a number");
    }
    out = value.get<T>();
    return std::nullopt;
}

// Like read, but leaves out alone when the field is absent.
template <typename T>
std::optional<CalendarError> read_optional(nlohmann::json const& object, char const* key,
    std::string const& pointer, T& out)
{
    if (!object.is_object() || !object.contains(key))
        return std::nullopt;
    return read(object, key, pointer, out);
}

} // namespace machiba::calendar::json_fields
