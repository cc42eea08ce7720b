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

// Sixteen bytes: cheap to copy, and passed and returned in registers on 64-bit targets.
struct Value {
    ValueKind kind = ValueKind::null;
    // Only the member that `kind` names holds a value: `json` for json and error.
    union {
        bool boolean;
        double number = 0;
        nlohmann::json const* json;
    };

    static Value null() { return {}; }
    static Value from_bool(bool value)
    {
        Value made;
        made.kind = ValueKind::boolean;
        made.boolean = value;
        return made;
    }
    static Value from_number(double value)
    {
        Value made;
        made.kind = ValueKind::number;
        made.number = value;
        return made;
    }
    static Value unknown()
    {
        Value made;
        made.kind = ValueKind::unknown;
        return made;
    }
    static Value error(nlohmann::json const& object) { return borrow(ValueKind::error, object); }

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
            return borrow(ValueKind::json, value);
        }
    }

    static Value borrow(ValueKind kind, nlohmann::json const& value)
    {
        Value made;
        made.kind = kind;
        made.json = &value;
        return made;
    }

    bool is_error() const { return kind == ValueKind::error; }
    bool is_unknown() const { return kind == ValueKind::unknown; }
    bool is_string() const { return kind == ValueKind::json && json->is_string(); }
    bool is_array() const { return kind == ValueKind::json && json->is_array(); }
    bool is_object() const { return kind == ValueKind::json && json->is_object(); }
};

static_assert(sizeof(Value) == 16);

} // namespace machiba::rules
