// Evaluates compiled JSON Logic programs against data: two-valued for the conformance semantics,
// or three-valued for forms where some answers are still unknown.
#pragma once

#include "shared/rules/logic_program.hpp"
#include "shared/rules/logic_value.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::rules {

// A place in the data that is not known yet (an unanswered question, a parameter with no value):
// reading it, or anything below it, gives an unknown value.
using UnknownPath = std::vector<std::string>;

// FIXME: built for wasm this evaluates about 0.75 times as fast as the npm json-logic-engine in
// node (tests/bench/rules, December 2026: wasm 5.5 M/s, json-logic-engine 7.1 to 7.7 M/s; native
// 10.1 to 10.5 M/s); the aim is to beat it. Value is one NaN-boxed word now and common
// operands skip eval, so a wasm profile is led by key lookups: about 30% of the time goes down
// nlohmann's std::map trees (chasing pointers from node to node; the key comparisons themselves
// are already cheap). Next to try: an entry point taking data prepared once per form (objects
// as flat arrays of keys the program interned at compile time), since a pack evaluates many
// rules over the same data; and dispatching on a node shape fixed at compile time instead of
// testing op, spread and static_path at every node.
class LogicEvaluator {
public:
    LogicEvaluator();

    // Evaluates the program; the value stays valid until the next call on this evaluator.
    // Never throws for any rule or data: failures come back as error values.
    Value evaluate(LogicProgram const& program, nlohmann::json const& data);

    // Three-valued evaluation. Unknown values spread through operators the way Kleene's logic
    // says (false `and` unknown is false, true `or` unknown is true, an `if` on an unknown
    // condition is known only when every branch agrees). `touched` gets one flag per unknown
    // path: set when that unknown was read on the way to the result. When the result is known,
    // no unknown can change it; when it is unknown, only the touched ones can.
    Value evaluate_partial(LogicProgram const& program, nlohmann::json const& data,
        std::span<UnknownPath const> unknowns, std::vector<bool>& touched);

    // A copy of a value as JSON (errors become their error object, unknown becomes null).
    static nlohmann::json to_json(Value value);

    // JSON Logic truthiness: 0, "", [], null and false are false; objects are true. Inline,
    // since callers test nearly every result with it.
    static bool truthy(Value value);

    // Strict equality (===) between two values.
    static bool strict_equal(Value left, Value right);

private:
    enum class ScopeKind : std::uint8_t { value, iteration, reduce };

    struct Scope {
        ScopeKind kind = ScopeKind::value;
        Value value;
        Value accumulator;
        std::int64_t index = 0;
    };

    struct Lookup {
        Value value;
        bool found = false;
    };

    class Arguments;

    // Path segments pushed onto the scratch segments since the mark was made, popped when it
    // goes: a dynamic path is built there without allocating once the strings have grown.
    class SegmentMark {
    public:
        explicit SegmentMark(LogicEvaluator& evaluator)
            : m_evaluator(evaluator)
            , m_start(evaluator.m_segments_used)
        {
        }
        SegmentMark(SegmentMark const&) = delete;
        SegmentMark& operator=(SegmentMark const&) = delete;
        ~SegmentMark() { m_evaluator.m_segments_used = m_start; }

        // Valid until the next push: the storage may move.
        std::span<PathSegment const> segments() const
        {
            return {m_evaluator.m_segments.data() + m_start, m_evaluator.m_segments_used - m_start};
        }

    private:
        LogicEvaluator& m_evaluator;
        std::size_t m_start;
    };

    Value run(LogicProgram const& program, nlohmann::json const& data);
    Value eval(std::uint32_t index);
    Value operand(std::uint32_t index);
    Value eval_operation(LogicNode const& node);
    Value eval_static_var(LogicNode const& node);
    Value eval_pair(LogicNode const& node);
    Value eval_not(LogicNode const& node);
    Value eval_and_or(LogicNode const& node);
    Value eval_comparison(LogicNode const& node, Arguments& arguments);
    Value eval_if(LogicNode const& node, std::uint32_t const* children, std::uint32_t start);
    Value eval_iteration(LogicNode const& node);
    Value eval_reduce(LogicNode const& node);
    Value eval_try(LogicNode const& node, Arguments& arguments);
    Value eval_path(LogicNode const& node, Arguments& arguments);
    Value eval_missing(LogicNode const& node, Arguments& arguments);

    Lookup lookup(std::size_t scope_index, std::span<PathSegment const> segments);
    Lookup walk(Value start, std::span<PathSegment const> segments);
    bool is_unknown_path(std::span<PathSegment const> segments);

    // A scratch slot set to null, or as the last evaluation left it.
    nlohmann::json& scratch();
    nlohmann::json& scratch_slot_kept();
    // Scratch slots that hold an empty array or string and keep the memory they had in an
    // earlier evaluation, so that evaluating the same rules again stops allocating.
    nlohmann::json& scratch_array();
    nlohmann::json& scratch_text();
    Value scratch_string(std::string_view text);
    void push_segment(std::string_view key, std::int64_t index);
    void push_key(std::string_view key);
    void push_dotted(std::string_view path);

    LogicProgram const* m_program = nullptr;
    // The program's arrays, read on every node.
    LogicNode const* m_nodes = nullptr;
    std::uint32_t const* m_children = nullptr;
    std::vector<Scope> m_scopes;
    std::deque<nlohmann::json> m_scratch;
    std::size_t m_scratch_used = 0;
    std::vector<PathSegment> m_segments;
    std::size_t m_segments_used = 0;
    std::uint32_t m_depth = 0;
    std::uint32_t m_max_depth = 0;
    std::span<UnknownPath const> m_unknowns;
    std::vector<bool>* m_touched = nullptr;
};

inline bool LogicEvaluator::truthy(Value value)
{
    switch (value.kind()) {
    case ValueKind::boolean:
        return value.boolean();
    case ValueKind::number:
        // NaN is false, and is the one number unequal to itself.
        return value.number() != 0 && value.number() == value.number();
    case ValueKind::json:
        // nlohmann's empty() calls every string non-empty, so strings are asked directly.
        if (value.json()->is_string())
            return !value.json()->get_ref<std::string const&>().empty();
        if (value.json()->is_array())
            return !value.json()->empty();
        return true;
    default:
        return false;
    }
}

} // namespace machiba::rules
