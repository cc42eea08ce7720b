// A JSON Logic value during evaluation: scalars inline, everything else borrowed from the rule,
// the data or the evaluator's scratch space, so that evaluating a rule rarely allocates.
#pragma once

#include <nlohmann/json.hpp>

#include <cassert>
#include <cstdint>
#include <cstring>

namespace machiba::rules {

enum class ValueKind : std::uint8_t {
    number,
    null,
    boolean,
    // A string, array or object held elsewhere (rule constant, data, or evaluator scratch).
    json,
    // An error raised by `throw` or by an operator; json() points at its object ({"type": ...}).
    error,
    // Three-valued evaluation: the value depends on a question not yet answered.
    unknown,
};

// One 64-bit word, so that it is passed and returned in a register on wasm32 as on x86_64 (a
// 16-byte struct goes through memory on wasm32, and that cost a large part of each evaluation).
//
// A number is its own IEEE 754 bits, with every NaN made the one positive quiet NaN. The other
// kinds sit in negative quiet NaNs that no number then uses: the top 16 bits are 0xFFF8 plus the
// kind, the low 48 bits the payload (0 or 1 for a boolean, the address for json and error;
// addresses fit, being 32 bits on wasm32 and at most 47 bits in user space on x86_64).
class Value {
public:
    Value() = default;

    static Value null() { return {}; }
    static Value from_bool(bool value) { return tagged(ValueKind::boolean, value ? 1 : 0); }
    static Value from_number(double value)
    {
        // NaN != NaN: a NaN with a sign or payload of its own would read as another kind.
        if (value != value)
            return Value(canonical_nan);
        std::uint64_t bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        return Value(bits);
    }
    static Value unknown() { return tagged(ValueKind::unknown, 0); }
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
        auto address = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&value));
        assert((address & ~payload_mask) == 0);
        return tagged(kind, address);
    }

    ValueKind kind() const
    {
        auto top = static_cast<std::uint32_t>(m_bits >> 48);
        return top > first_tag ? static_cast<ValueKind>(top - first_tag) : ValueKind::number;
    }

    // Each accessor is valid only for the kind it names.
    double number() const
    {
        // memcpy, not std::bit_cast: Emscripten 3.1.6's libc++ has no bit_cast.
        double value = 0;
        std::memcpy(&value, &m_bits, sizeof value);
        return value;
    }
    bool boolean() const { return (m_bits & 1) != 0; }
    nlohmann::json const* json() const
    {
        return reinterpret_cast<nlohmann::json const*>(
            static_cast<std::uintptr_t>(m_bits & payload_mask));
    }

    bool is_number() const { return m_bits < (std::uint64_t{first_tag + 1} << 48); }
    bool is_null() const { return is(ValueKind::null); }
    bool is_error() const { return is(ValueKind::error); }
    bool is_unknown() const { return is(ValueKind::unknown); }
    bool is_json() const { return is(ValueKind::json); }
    bool is_string() const { return is_json() && json()->is_string(); }
    bool is_array() const { return is_json() && json()->is_array(); }
    bool is_object() const { return is_json() && json()->is_object(); }

private:
    static constexpr std::uint32_t first_tag = 0xFFF8;
    static constexpr std::uint64_t payload_mask = (std::uint64_t{1} << 48) - 1;
    static constexpr std::uint64_t canonical_nan = 0x7FF8'0000'0000'0000;

    explicit Value(std::uint64_t bits)
        : m_bits(bits)
    {
    }

    static constexpr std::uint64_t tag_of(ValueKind kind)
    {
        return first_tag + static_cast<std::uint64_t>(kind);
    }

    // Not for numbers, which have no one tag.
    bool is(ValueKind kind) const { return (m_bits >> 48) == tag_of(kind); }

    static Value tagged(ValueKind kind, std::uint64_t payload)
    {
        return Value((tag_of(kind) << 48) | payload);
    }

    std::uint64_t m_bits = tag_of(ValueKind::null) << 48;
};

static_assert(sizeof(Value) == 8);
static_assert(sizeof(void*) <= 8);

} // namespace machiba::rules
