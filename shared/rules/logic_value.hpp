// A JSON Logic value during evaluation: scalars inline, everything else borrowed from the rule,
// the data or the evaluator's scratch space, so that evaluating a rule rarely allocates.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>

namespace machiba::rules {

enum class ValueKind : std::uint8_t {
    null,
    boolean,
    number,
    // A string, array or object held elsewhere (rule constant, data, or evaluator scratch).
    json,
    // An error raised by `throw` or by an operator; `json` points at its object ({"type": ...}).
    error,
    // Three-valued evaluation: the value depends on a question not yet answered.
    unknown,
};

struct Value {
    ValueKind kind = ValueKind::null;
    bool boolean = false;
    double number = 0;
    nlohmann::json const* json = nullptr;

    static Value null() { return {}; }
    static Value from_bool(bool value) { return {ValueKind::boolean, value, 0, nullptr}; }
    static Value from_number(double value) { return {ValueKind::number, false, value, nullptr}; }
    static Value unknown() { return {ValueKind::unknown, false, 0, nullptr}; }
    static Value error(nlohmann::json const& object) {
        return {ValueKind::error, false, 0, &object};
    }

    // Borrows a JSON value: scalars are copied inline so that operators never look behind them.
    static Value from_json(nlohmann::json const& value)
    {
        switch (value.type()) {
        case nlohmann::json::value_t::null:
        case nlohmann::json::value_t::discarded:
            return null();
        case nlohmann::json::value_t::boolean:
            return from_bool(value.get_ref<bool const&>());
        case nlohmann::json::value_t::number_integer:
            return from_number(static_cast<double>(value.get_ref<std::int64_t const&>()));
        case nlohmann::json::value_t::number_unsigned:
            return from_number(static_cast<double>(value.get_ref<std::uint64_t const&>()));
        case nlohmann::json::value_t::number_float:
            return from_number(value.get_ref<double const&>());
        default:
            return {ValueKind::json, false, 0, &value};
        }
    }

    bool is_error() const { return kind == ValueKind::error; }
    bool is_unknown() const { return kind == ValueKind::unknown; }
    bool is_string() const { return kind == ValueKind::json && json->is_string(); }
    bool is_array() const { return kind == ValueKind::json && json->is_array(); }
    bool is_object() const { return kind == ValueKind::json && json->is_object(); }
};

} // namespace machiba::rules
