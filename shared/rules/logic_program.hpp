// A JSON Logic rule compiled once into a flat array of nodes (operator code, child indices,
// constants already built), ready to be evaluated many times by LogicEvaluator.
#pragma once

#include "shared/rules/logic_value.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace machiba::rules {

enum class Operator : std::uint8_t {
    constant,
    array,
    var,
    val,
    exists,
    missing,
    missing_some,
    if_then_else,
    equal,
    strict_equal,
    not_equal,
    strict_not_equal,
    less,
    less_or_equal,
    greater,
    greater_or_equal,
    logical_not,
    truthy,
    logical_and,
    logical_or,
    coalesce,
    add,
    subtract,
    multiply,
    divide,
    modulo,
    minimum,
    maximum,
    concatenate,
    substring,
    contains,
    merge,
    map,
    filter,
    reduce,
    all,
    some,
    none,
    try_each,
    raise,
    // Compiled from a call with arguments the operator can never accept: evaluates to the
    // error {"type": "Invalid Arguments"}, and the program lists it among its diagnostics.
    invalid_arguments,
};

// One step of a variable path: an object key, or an array index when the text is a number.
struct PathSegment {
    std::string key;
    std::int64_t index = -1;
};

struct VariablePath {
    std::vector<PathSegment> segments;
    // `val` only: how many scopes to climb before looking ([[-1], ...] climbs one).
    std::uint32_t climb = 0;
};

struct LogicNode {
    Operator op = Operator::constant;
    // The arguments are one expression whose array result supplies them ({"+": {"val": "x"}}).
    bool spread = false;
    // var/val/exists with a path known at compile time (aux is then its index in paths()).
    bool static_path = false;
    std::uint32_t first_child = 0;
    std::uint32_t child_count = 0;
    std::uint32_t aux = 0;
    Value constant;
};

// Where and why a rule cannot be compiled or can never work: a stable code, a message, and the
// JSON pointer of the offending node within the rule.
struct LogicDiagnostic {
    std::string code;
    std::string message;
    std::string pointer;
};

struct CompileLimits {
    std::uint32_t max_depth = 256;
    std::uint32_t max_nodes = 4'000'000;
};

class LogicProgram;

struct CompileResult;

class LogicProgram {
public:
    static CompileResult compile(nlohmann::json const& rule, CompileLimits limits = {});

    LogicProgram(LogicProgram&&) = default;
    LogicProgram& operator=(LogicProgram&&) = default;
    LogicProgram(LogicProgram const&) = delete;
    LogicProgram& operator=(LogicProgram const&) = delete;

    std::vector<LogicNode> const& nodes() const { return m_nodes; }
    std::vector<std::uint32_t> const& children() const { return m_children; }
    std::vector<VariablePath> const& paths() const { return m_paths; }
    std::uint32_t root() const { return m_root; }
    std::uint32_t depth() const { return m_depth; }

    // Arity mistakes that compile into an error value (the rule still runs, and the
    // conformance suites expect the error value); a pack loader treats any of them as fatal.
    std::vector<LogicDiagnostic> const& diagnostics() const { return m_diagnostics; }

    // The top-level names the rule reads through var/val/exists/missing with static paths
    // (the first segment of each path): used to check that a pack's rules name real questions.
    std::vector<std::string> variables_read() const;

private:
    LogicProgram() = default;
    friend class LogicCompiler;

    std::vector<LogicNode> m_nodes;
    std::vector<std::uint32_t> m_children;
    std::vector<VariablePath> m_paths;
    // Constants live in a deque so that nodes can point at them and the program stays movable.
    std::deque<nlohmann::json> m_constants;
    std::vector<LogicDiagnostic> m_diagnostics;
    std::uint32_t m_root = 0;
    std::uint32_t m_depth = 0;
};

struct CompileResult {
    // Empty when the rule cannot be compiled at all (unknown operator, too deep, too large).
    std::optional<LogicProgram> program;
    std::optional<LogicDiagnostic> error;
};

} // namespace machiba::rules
