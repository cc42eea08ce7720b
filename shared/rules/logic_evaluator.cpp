// LogicEvaluator: the semantics of every JSON Logic operator over compiled programs, with the
// coercions of the compatibility suites (numbers from strings, truthiness, errors as values).
#include "shared/rules/logic_evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace machiba::rules {

namespace {

using nlohmann::json;

json const& nan_error()
{
    static json const error = {{"type", "NaN"}};
    return error;
}

json const& invalid_arguments_error()
{
    static json const error = {{"type", "Invalid Arguments"}};
    return error;
}

json const& too_deep_error()
{
    static json const error = {{"type", "Too Deep"}};
    return error;
}

Value nan() { return Value::error(nan_error()); }
Value invalid_arguments() { return Value::error(invalid_arguments_error()); }

// Errors and unknowns end most operations. Where an operation has several operands, an unknown
// one does not stop the others from being read (so that three-valued evaluation learns every
// unanswered question the result depends on); only an error does.
bool stops(Value value) { return value.is_error() || value.is_unknown(); }

// Number(text) in JavaScript: blanks around are ignored, "" is 0, anything else must be a
// whole decimal literal.
bool parse_number(std::string_view text, double& out)
{
    auto begin = text.find_first_not_of(" \t\n\r");
    if (begin == std::string::npos) {
        out = 0;
        return true;
    }
    auto end = text.find_last_not_of(" \t\n\r");
    std::string_view trimmed(text.data() + begin, end - begin + 1);

    // Whole numbers of up to 15 digits (dates cut into years, counts) are exact as doubles, so
    // they are read here without strtod, which is slow in Emscripten's libc.
    bool negative = trimmed[0] == '-';
    auto digits = trimmed.substr(negative || trimmed[0] == '+' ? 1 : 0);
    if (!digits.empty() && digits.size() <= 15) {
        std::int64_t whole = 0;
        bool plain = true;
        for (char c : digits) {
            plain = plain && c >= '0' && c <= '9';
            whole = whole * 10 + (c - '0');
        }
        if (plain) {
            out = negative ? -static_cast<double>(whole) : static_cast<double>(whole);
            return true;
        }
    }

    for (char c : trimmed) {
        bool allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e'
            || c == 'E';
        if (!allowed)
            return false;
    }
    // strtod reads the text in place: it stops at the blanks after the number, if any, and
    // the characters allowed above give it no hexadecimal, infinity or NaN to accept.
    char* stop = nullptr;
    out = std::strtod(trimmed.data(), &stop);
    return stop == trimmed.data() + trimmed.size() && std::isfinite(out);
}

bool to_number(Value value, double& out)
{
    switch (value.kind()) {
    case ValueKind::null:
        out = 0;
        return true;
    case ValueKind::boolean:
        out = value.boolean() ? 1 : 0;
        return true;
    case ValueKind::number:
        out = value.number();
        return true;
    case ValueKind::json:
        return value.json()->is_string()
            && parse_number(value.json()->get_ref<std::string const&>(), out);
    default:
        return false;
    }
}

// Numbers print as JavaScript prints them: integers without a fraction, others in the shortest
// form that reads back the same.
std::string format_number(double number)
{
    if (number == std::floor(number) && std::fabs(number) < 1e15) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(number));
        return buffer;
    }
    char buffer[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, number);
        if (std::strtod(buffer, nullptr) == number)
            break;
    }
    return buffer;
}

void append_text(std::string& out, Value value);

void append_json_text(std::string& out, json const& value)
{
    if (value.is_string()) {
        out += value.get_ref<std::string const&>();
    } else if (value.is_array()) {
        bool first = true;
        for (auto const& element : value) {
            if (!first)
                out += ',';
            first = false;
            if (!element.is_null())
                append_text(out, Value::from_json(element));
        }
    } else if (value.is_object()) {
        out += "[object Object]";
    } else {
        append_text(out, Value::from_json(value));
    }
}

void append_text(std::string& out, Value value)
{
    switch (value.kind()) {
    case ValueKind::boolean:
        out += value.boolean() ? "true" : "false";
        break;
    case ValueKind::number:
        out += format_number(value.number());
        break;
    case ValueKind::json:
        append_json_text(out, *value.json());
        break;
    default:
        break;
    }
}

std::string text_of(Value value)
{
    if (value.is_string())
        return value.json()->get_ref<std::string const&>();
    std::string out;
    append_text(out, value);
    return out;
}

// A UTF-8 byte that starts a code point (anything but a continuation byte 10xxxxxx).
bool starts_code_point(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

std::size_t code_point_count(std::string_view text)
{
    std::size_t count = 0;
    for (char byte : text)
        count += starts_code_point(byte) ? 1 : 0;
    return count;
}

// The byte offset where code point `target` starts, or the size when there are fewer.
std::size_t code_point_offset(std::string_view text, std::size_t target)
{
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!starts_code_point(text[i]))
            continue;
        if (seen == target)
            return i;
        ++seen;
    }
    return text.size();
}

enum class Comparison { less, less_or_equal, greater, greater_or_equal, equal, not_equal };

// Two strings compare as text; anything else compares as numbers, and what is not a number
// is the error NaN.
Value compare(Comparison comparison, Value left, Value right)
{
    if (left.is_string() && right.is_string()) {
        auto order = left.json()->get_ref<std::string const&>().compare(
            right.json()->get_ref<std::string const&>());
        switch (comparison) {
        case Comparison::less: return Value::from_bool(order < 0);
        case Comparison::less_or_equal: return Value::from_bool(order <= 0);
        case Comparison::greater: return Value::from_bool(order > 0);
        case Comparison::greater_or_equal: return Value::from_bool(order >= 0);
        case Comparison::equal: return Value::from_bool(order == 0);
        case Comparison::not_equal: return Value::from_bool(order != 0);
        }
    }

    double a = 0;
    double b = 0;
    if (!to_number(left, a) || !to_number(right, b))
        return nan();
    switch (comparison) {
    case Comparison::less: return Value::from_bool(a < b);
    case Comparison::less_or_equal: return Value::from_bool(a <= b);
    case Comparison::greater: return Value::from_bool(a > b);
    case Comparison::greater_or_equal: return Value::from_bool(a >= b);
    case Comparison::equal: return Value::from_bool(a == b);
    case Comparison::not_equal: return Value::from_bool(a != b);
    }
    return nan();
}

// One comparison operator applied to one pair of known values.
Value compare_pair(Operator op, Value left, Value right)
{
    // Numbers on both sides are the common case in rules and need no coercion.
    if (left.kind() == ValueKind::number && right.kind() == ValueKind::number) {
        switch (op) {
        case Operator::equal:
        case Operator::strict_equal: return Value::from_bool(left.number() == right.number());
        case Operator::not_equal:
        case Operator::strict_not_equal: return Value::from_bool(left.number() != right.number());
        case Operator::less: return Value::from_bool(left.number() < right.number());
        case Operator::less_or_equal: return Value::from_bool(left.number() <= right.number());
        case Operator::greater: return Value::from_bool(left.number() > right.number());
        case Operator::greater_or_equal: return Value::from_bool(left.number() >= right.number());
        default: return invalid_arguments();
        }
    }

    switch (op) {
    case Operator::equal: return compare(Comparison::equal, left, right);
    case Operator::not_equal: return compare(Comparison::not_equal, left, right);
    case Operator::less: return compare(Comparison::less, left, right);
    case Operator::less_or_equal: return compare(Comparison::less_or_equal, left, right);
    case Operator::greater: return compare(Comparison::greater, left, right);
    case Operator::greater_or_equal: return compare(Comparison::greater_or_equal, left, right);
    case Operator::strict_equal: return Value::from_bool(LogicEvaluator::strict_equal(left, right));
    case Operator::strict_not_equal:
        return Value::from_bool(!LogicEvaluator::strict_equal(left, right));
    default: return invalid_arguments();
    }
}

Value finite(double number)
{
    return std::isfinite(number) ? Value::from_number(number) : nan();
}

// A key to find in a JSON object. The object's std::map compares its std::string keys through a
// call to memcmp at every level of the tree; keys in rules are short, so comparing them here (in
// the same order) costs less than the call.
struct ObjectKey {
    std::string_view text;
};

// Whether the eight bytes at `offset` are the same in both keys.
bool same_word(std::string_view left, std::string_view right, std::size_t offset)
{
    std::uint64_t left_word = 0;
    std::uint64_t right_word = 0;
    std::memcpy(&left_word, left.data() + offset, sizeof left_word);
    std::memcpy(&right_word, right.data() + offset, sizeof right_word);
    return left_word == right_word;
}

bool key_less(std::string_view left, std::string_view right)
{
    auto size = std::min(left.size(), right.size());

    // 1. The key that is found is compared whole at least twice, so the common prefix is
    //    skipped a word at a time.
    std::size_t i = 0;
    while (i + 8 <= size && same_word(left, right, i))
        i += 8;

    // 2. The first byte that differs decides, as in memcmp; a prefix comes first.
    for (; i < size; ++i) {
        if (left[i] != right[i])
            return static_cast<unsigned char>(left[i]) < static_cast<unsigned char>(right[i]);
    }
    return left.size() < right.size();
}

bool operator<(std::string const& left, ObjectKey right) { return key_less(left, right.text); }
bool operator<(ObjectKey left, std::string const& right) { return key_less(left.text, right); }

// find(ObjectKey) needs the object's comparator to accept other key types.
static_assert(std::is_same_v<json::object_comparator_t, std::less<>>);

json const* find_key(json const& object, std::string_view key)
{
    auto const& members = object.get_ref<json::object_t const&>();
    auto found = members.find(ObjectKey{key});
    return found == members.end() ? nullptr : &found->second;
}

} // namespace

// The arguments of one operation: either its compiled children, evaluated on demand (so that
// lazy operators stay lazy), or the elements of the array that a spread expression produced.
class LogicEvaluator::Arguments {
public:
    Arguments(LogicEvaluator& evaluator, LogicNode const& node)
        : m_evaluator(evaluator)
        , m_children(evaluator.m_children + node.first_child)
        , m_count(node.child_count)
    {
        if (!node.spread)
            return;
        m_spread = true;
        m_single = evaluator.operand(m_children[0]);
        if (m_single.is_array()) {
            m_array = m_single.json();
            m_count = static_cast<std::uint32_t>(m_array->size());
        }
    }

    // Set when the spread expression itself failed or is unknown.
    bool failed() const { return m_spread && stops(m_single); }
    Value failure() const { return m_single; }
    bool spread() const { return m_spread; }

    std::uint32_t size() const { return m_count; }

    Value operator[](std::uint32_t i)
    {
        if (m_array)
            return Value::from_json((*m_array)[i]);
        if (m_spread)
            return m_single;
        return m_evaluator.operand(m_children[i]);
    }

private:
    LogicEvaluator& m_evaluator;
    std::uint32_t const* m_children;
    std::uint32_t m_count;
    bool m_spread = false;
    Value m_single;
    json const* m_array = nullptr;
};

LogicEvaluator::LogicEvaluator()
{
    m_scopes.reserve(64);
}

Value LogicEvaluator::evaluate(LogicProgram const& program, json const& data)
{
    m_unknowns = {};
    m_touched = nullptr;
    return run(program, data);
}

Value LogicEvaluator::evaluate_partial(LogicProgram const& program, json const& data,
    std::span<UnknownPath const> unknowns, std::vector<bool>& touched)
{
    touched.assign(unknowns.size(), false);
    m_unknowns = unknowns;
    m_touched = &touched;
    auto result = run(program, data);
    m_unknowns = {};
    m_touched = nullptr;
    return result;
}

Value LogicEvaluator::run(LogicProgram const& program, json const& data)
{
    m_program = &program;
    m_nodes = program.nodes().data();
    m_children = program.children().data();
    m_scratch_used = 0;
    m_segments_used = 0;
    m_depth = 0;
    // Evaluation nests no deeper than the compiled rule; the margin covers iterator frames.
    m_max_depth = program.depth() + 8;
    m_scopes.clear();
    m_scopes.push_back(Scope{ScopeKind::value, Value::from_json(data), {}, 0});
    return eval(program.root());
}

json& LogicEvaluator::scratch()
{
    auto& slot = scratch_slot_kept();
    slot = nullptr;
    return slot;
}

json& LogicEvaluator::scratch_slot_kept()
{
    if (m_scratch_used < m_scratch.size())
        return m_scratch[m_scratch_used++];
    m_scratch.emplace_back();
    ++m_scratch_used;
    return m_scratch.back();
}

json& LogicEvaluator::scratch_array()
{
    auto& slot = scratch_slot_kept();
    if (slot.is_array())
        slot.get_ref<json::array_t&>().clear();
    else
        slot = json::array();
    return slot;
}

json& LogicEvaluator::scratch_text()
{
    auto& slot = scratch_slot_kept();
    if (slot.is_string())
        slot.get_ref<std::string&>().clear();
    else
        slot = "";
    return slot;
}

Value LogicEvaluator::scratch_string(std::string_view text)
{
    auto& slot = scratch_text();
    slot.get_ref<std::string&>().assign(text);
    return Value::from_json(slot);
}

void LogicEvaluator::push_segment(std::string_view key, std::int64_t index)
{
    if (m_segments_used == m_segments.size())
        m_segments.emplace_back();
    auto& segment = m_segments[m_segments_used++];
    segment.key.assign(key);
    segment.index = index;
}

void LogicEvaluator::push_key(std::string_view key)
{
    // A key that reads as a whole number also indexes arrays ("0", " 1", "1e1").
    double number = 0;
    bool index = !key.empty() && parse_number(key, number) && number >= 0;
    push_segment(key, index ? static_cast<std::int64_t>(number) : -1);
}

void LogicEvaluator::push_dotted(std::string_view path)
{
    std::size_t start = 0;
    while (!path.empty()) {
        auto dot = path.find('.', start);
        push_key(path.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
}

json LogicEvaluator::to_json(Value value)
{
    switch (value.kind()) {
    case ValueKind::boolean:
        return value.boolean();
    case ValueKind::number:
        if (value.number() == std::floor(value.number()) && std::fabs(value.number()) < 9e15)
            return static_cast<std::int64_t>(value.number());
        return value.number();
    case ValueKind::json:
    case ValueKind::error:
        return *value.json();
    default:
        return nullptr;
    }
}

bool LogicEvaluator::strict_equal(Value left, Value right)
{
    if (left.kind() != right.kind())
        return false;
    switch (left.kind()) {
    case ValueKind::null:
        return true;
    case ValueKind::boolean:
        return left.boolean() == right.boolean();
    case ValueKind::number:
        return left.number() == right.number();
    case ValueKind::json:
        return left.json() == right.json() || *left.json() == *right.json();
    default:
        return false;
    }
}

// Constants are a third of the nodes that rules evaluate and variables with constant paths most
// of the rest; reading them here saves a call to eval, whose frame is larger.
inline Value LogicEvaluator::operand(std::uint32_t index)
{
    auto const& node = m_nodes[index];
    if (node.op == Operator::constant)
        return node.constant;
    if (node.op == Operator::var && node.static_path && node.child_count < 2)
        return eval_static_var(node);
    return eval(index);
}

Value LogicEvaluator::eval(std::uint32_t index)
{
    auto const& node = m_nodes[index];

    // 1. Constants and constant paths read no other node, so they need no depth check.
    if (node.op == Operator::constant)
        return node.constant;
    if (node.op == Operator::var && node.static_path && node.child_count < 2)
        return eval_static_var(node);

    if (m_depth >= m_max_depth)
        return Value::error(too_deep_error());
    ++m_depth;

    // 2. The operators that rules use most have small functions of their own; the rest share
    //    eval_operation, whose size makes every call to it dearer.
    Value result;
    switch (node.op) {
    case Operator::equal:
    case Operator::not_equal:
    case Operator::less:
    case Operator::less_or_equal:
    case Operator::greater:
    case Operator::greater_or_equal:
    case Operator::strict_equal:
    case Operator::strict_not_equal:
        result = node.spread || node.child_count != 2 ? eval_operation(node) : eval_pair(node);
        break;
    case Operator::logical_not:
    case Operator::truthy:
        result = eval_not(node);
        break;
    case Operator::logical_and:
    case Operator::logical_or:
        result = eval_and_or(node);
        break;
    case Operator::if_then_else:
        result = eval_if(node, m_children + node.first_child, 0);
        break;
    default:
        result = eval_operation(node);
        break;
    }
    --m_depth;
    return result;
}

Value LogicEvaluator::eval_pair(LogicNode const& node)
{
    // What eval_comparison does for a comparison of two operands.
    auto const* children = m_children + node.first_child;
    Value left = operand(children[0]);
    if (left.is_error())
        return left;
    Value right = operand(children[1]);
    if (right.is_error())
        return right;
    if (left.is_unknown() || right.is_unknown())
        return Value::unknown();
    return compare_pair(node.op, left, right);
}

Value LogicEvaluator::eval_not(LogicNode const& node)
{
    // A spread argument gives the first element of its array (none: null).
    Value value = node.child_count > 0 ? operand(m_children[node.first_child]) : Value::null();
    if (stops(value))
        return value;
    if (node.spread && value.is_array())
        value = value.json()->empty() ? Value::null() : Value::from_json(value.json()->front());
    return Value::from_bool(truthy(value) == (node.op == Operator::truthy));
}

Value LogicEvaluator::eval_and_or(LogicNode const& node)
{
    auto const* children = m_children + node.first_child;
    bool is_and = node.op == Operator::logical_and;
    Value last = Value::from_bool(false);
    bool unknown = false;
    for (std::uint32_t i = 0; i < node.child_count; ++i) {
        last = operand(children[i]);
        if (last.is_error())
            return last;
        if (last.is_unknown()) {
            unknown = true;
            continue;
        }
        if (truthy(last) != is_and)
            return last;
    }
    return unknown ? Value::unknown() : last;
}

LogicEvaluator::Lookup LogicEvaluator::walk(Value start, std::span<PathSegment const> segments)
{
    Value current = start;
    for (auto const& segment : segments) {
        if (current.kind() != ValueKind::json)
            return {};
        auto const& container = *current.json();
        if (container.is_object()) {
            auto const* found = find_key(container, segment.key);
            if (!found)
                return {};
            current = Value::from_json(*found);
        } else if (container.is_array()) {
            if (segment.index < 0 || static_cast<std::size_t>(segment.index) >= container.size())
                return {};
            current = Value::from_json(container[static_cast<std::size_t>(segment.index)]);
        } else {
            return {};
        }
    }
    return {current, true};
}

bool LogicEvaluator::is_unknown_path(std::span<PathSegment const> segments)
{
    bool unknown = false;
    for (std::size_t u = 0; u < m_unknowns.size(); ++u) {
        auto const& path = m_unknowns[u];
        if (path.size() > segments.size())
            continue;
        bool prefix = true;
        for (std::size_t i = 0; i < path.size() && prefix; ++i)
            prefix = path[i] == segments[i].key;
        if (prefix) {
            (*m_touched)[u] = true;
            unknown = true;
        }
    }
    return unknown;
}

LogicEvaluator::Lookup LogicEvaluator::lookup(
    std::size_t scope_index, std::span<PathSegment const> segments)
{
    auto const& scope = m_scopes[scope_index];

    // 1. The data itself may hold places that are not known yet.
    if (scope_index == 0 && m_touched && is_unknown_path(segments))
        return {Value::unknown(), true};

    // 2. Iterator frames answer "index"; reduce frames answer "current" and "accumulator".
    if (scope.kind == ScopeKind::iteration) {
        if (segments.empty()) {
            auto& frame = scratch();
            frame = json::object({{"index", scope.index}});
            return {Value::from_json(frame), true};
        }
        if (segments[0].key != "index")
            return {};
        return walk(Value::from_number(static_cast<double>(scope.index)), segments.subspan(1));
    }
    if (scope.kind == ScopeKind::reduce) {
        if (segments.empty()) {
            auto& frame = scratch();
            frame = json::object(
                {{"current", to_json(scope.value)}, {"accumulator", to_json(scope.accumulator)}});
            return {Value::from_json(frame), true};
        }
        if (segments[0].key == "current")
            return walk(scope.value, segments.subspan(1));
        if (segments[0].key == "accumulator")
            return walk(scope.accumulator, segments.subspan(1));
        return {};
    }
    return walk(scope.value, segments);
}

Value LogicEvaluator::eval_path(LogicNode const& node, Arguments& arguments)
{
    // 1. Paths written as constants were split at compile time.
    SegmentMark mark(*this);
    std::span<PathSegment const> segments;
    std::uint32_t climb = 0;
    Value fallback;
    bool has_fallback = false;
    if (node.static_path) {
        auto const& path = m_program->paths()[node.aux];
        segments = path.segments;
        climb = path.climb;
    } else {
        // 2. Otherwise the arguments are evaluated and turned into a path now, in the scratch
        //    segments (arguments evaluated meanwhile use those above and give them back).
        if (arguments.failed())
            return arguments.failure();
        auto count = arguments.size();
        if (node.op == Operator::var) {
            Value name = count > 0 ? arguments[0] : Value::null();
            if (stops(name))
                return name;
            if (name.is_number()) {
                auto number = name.number();
                push_segment(format_number(number),
                    number >= 0 ? static_cast<std::int64_t>(number) : -1);
            } else if (name.is_string()) {
                push_dotted(name.json()->get_ref<std::string const&>());
            } else if (!name.is_null()) {
                return invalid_arguments();
            }
        } else {
            for (std::uint32_t i = 0; i < count; ++i) {
                Value part = arguments[i];
                if (stops(part))
                    return part;
                if (i == 0 && part.is_array() && node.op == Operator::val) {
                    if (part.json()->size() != 1 || !(*part.json())[0].is_number())
                        return invalid_arguments();
                    auto levels = (*part.json())[0].get<double>();
                    climb = static_cast<std::uint32_t>(std::fabs(levels));
                } else if (part.is_number() && part.number() >= 0) {
                    push_segment(
                        format_number(part.number()), static_cast<std::int64_t>(part.number()));
                } else if (part.is_string()) {
                    push_key(part.json()->get_ref<std::string const&>());
                } else {
                    return invalid_arguments();
                }
            }
        }
    }
    if (node.op == Operator::var && node.child_count > 1 && !node.spread) {
        has_fallback = true;
        fallback = arguments[1];
    } else if (node.op == Operator::var && node.spread && arguments.size() > 1) {
        has_fallback = true;
        fallback = arguments[1];
    }
    if (!node.static_path)
        segments = mark.segments();

    // 3. val climbs scopes from the innermost; var always reads the innermost.
    auto top = m_scopes.size() - 1;
    auto scope_index = climb > top ? 0 : top - climb;
    auto found = lookup(scope_index, segments);

    if (node.op == Operator::exists)
        return found.value.is_unknown() ? found.value : Value::from_bool(found.found);
    if (node.op == Operator::var && (!found.found || found.value.is_null()))
        return has_fallback ? fallback : Value::null();
    return found.found ? found.value : Value::null();
}

Value LogicEvaluator::eval_static_var(LogicNode const& node)
{
    // What eval_path does for {"var": "a.b"}: read the innermost scope, null when absent.
    auto const& segments = m_program->paths()[node.aux].segments;
    auto const& scope = m_scopes.back();

    // 1. Iterator frames, and data that may hold unknown places, take the general way.
    if (scope.kind != ScopeKind::value || (m_touched && m_scopes.size() == 1)) {
        auto found = lookup(m_scopes.size() - 1, segments);
        return found.found ? found.value : Value::null();
    }

    // 2. Otherwise the path is walked here, without building a Lookup.
    Value current = scope.value;
    for (auto const& segment : segments) {
        if (current.kind() != ValueKind::json)
            return Value::null();
        auto const& container = *current.json();
        json const* next = nullptr;
        if (container.is_object())
            next = find_key(container, segment.key);
        else if (container.is_array() && segment.index >= 0
            && static_cast<std::size_t>(segment.index) < container.size())
            next = &container[static_cast<std::size_t>(segment.index)];
        if (!next)
            return Value::null();
        current = Value::from_json(*next);
    }
    return current;
}

Value LogicEvaluator::eval_missing(LogicNode const& node, Arguments& arguments)
{
    if (arguments.failed())
        return arguments.failure();

    // 1. missing_some: [minimum, [names]]; missing: names, or arrays of names.
    std::uint32_t first = 0;
    double minimum = 0;
    Value names_holder;
    std::vector<Value> names;
    if (node.op == Operator::missing_some) {
        Value needed = arguments[0];
        if (stops(needed))
            return needed;
        if (!to_number(needed, minimum))
            return invalid_arguments();
        names_holder = arguments[1];
        if (stops(names_holder))
            return names_holder;
        if (!names_holder.is_array())
            return invalid_arguments();
        for (auto const& name : *names_holder.json())
            names.push_back(Value::from_json(name));
        first = arguments.size();
    }
    for (std::uint32_t i = first; i < arguments.size(); ++i) {
        Value name = arguments[i];
        if (stops(name))
            return name;
        if (name.is_array()) {
            for (auto const& element : *name.json())
                names.push_back(Value::from_json(element));
        } else {
            names.push_back(name);
        }
    }

    // 2. A name is missing when its dotted path finds nothing, null or "".
    auto& result = scratch_array();
    std::size_t present = 0;
    for (auto name : names) {
        SegmentMark mark(*this);
        if (name.is_string())
            push_dotted(name.json()->get_ref<std::string const&>());
        else
            push_dotted(text_of(name));
        auto segments = mark.segments();
        auto found = lookup(m_scopes.size() - 1, segments);
        bool empty = !found.found || found.value.is_null() || found.value.is_unknown()
            || (found.value.is_string()
                && found.value.json()->get_ref<std::string const&>().empty());
        if (empty)
            result.push_back(to_json(name));
        else
            ++present;
    }
    if (node.op == Operator::missing_some && static_cast<double>(present) >= minimum)
        result = json::array();
    return Value::from_json(result);
}

Value LogicEvaluator::eval_if(LogicNode const& node, std::uint32_t const* children,
    std::uint32_t start)
{
    auto count = node.child_count;
    for (auto i = start; i < count; i += 2) {
        // 1. A last odd argument is the "else".
        if (i + 1 >= count)
            return operand(children[i]);

        // 2. A known condition picks its branch; an unknown one is known only when both ways
        //    give the same known value.
        Value condition = operand(children[i]);
        if (condition.is_error())
            return condition;
        if (condition.is_unknown()) {
            Value then = operand(children[i + 1]);
            Value otherwise = eval_if(node, children, i + 2);
            if (!stops(then) && !stops(otherwise) && strict_equal(then, otherwise))
                return then;
            return Value::unknown();
        }
        if (truthy(condition))
            return operand(children[i + 1]);
    }
    return Value::null();
}

Value LogicEvaluator::eval_iteration(LogicNode const& node)
{
    auto const* children = m_program->children().data() + node.first_child;

    // 1. map, filter and reduce read a missing list as empty; all, some and none refuse it.
    Value items = eval(children[0]);
    if (stops(items))
        return items;
    bool strict = node.op == Operator::all || node.op == Operator::some
        || node.op == Operator::none;
    if (!items.is_array()) {
        if (strict)
            return invalid_arguments();
        auto& empty = scratch_array();
        return Value::from_json(empty);
    }
    auto const& list = *items.json();

    json* output = nullptr;
    if (node.op == Operator::map || node.op == Operator::filter) {
        output = &scratch_array();
        if (node.op == Operator::map)
            output->get_ref<json::array_t&>().reserve(list.size());
    }

    // 2. Each element is evaluated in its own scope, under a frame that knows its index.
    bool unknown = false;
    Value verdict = Value::from_bool(node.op != Operator::some);
    if (node.op == Operator::all && list.empty())
        verdict = Value::from_bool(false);
    for (std::size_t i = 0; i < list.size(); ++i) {
        Value item = Value::from_json(list[i]);
        m_scopes.push_back(Scope{ScopeKind::iteration, {}, {}, static_cast<std::int64_t>(i)});
        m_scopes.push_back(Scope{ScopeKind::value, item, {}, 0});
        Value result = eval(children[1]);
        m_scopes.pop_back();
        m_scopes.pop_back();

        if (result.is_error())
            return result;
        if (result.is_unknown()) {
            unknown = true;
            continue;
        }
        bool holds = truthy(result);
        switch (node.op) {
        case Operator::map:
            output->push_back(to_json(result));
            break;
        case Operator::filter:
            if (holds)
                output->push_back(list[i]);
            break;
        case Operator::all:
            if (!holds)
                return Value::from_bool(false);
            break;
        case Operator::some:
            if (holds)
                return Value::from_bool(true);
            break;
        case Operator::none:
            if (holds)
                return Value::from_bool(false);
            break;
        default:
            break;
        }
    }
    if (unknown)
        return Value::unknown();
    return output ? Value::from_json(*output) : verdict;
}

Value LogicEvaluator::eval_reduce(LogicNode const& node)
{
    auto const* children = m_program->children().data() + node.first_child;
    Value items = eval(children[0]);
    if (stops(items))
        return items;
    Value accumulator = node.child_count > 2 ? eval(children[2]) : Value::null();
    if (stops(accumulator) || !items.is_array())
        return accumulator;

    for (std::size_t i = 0; i < items.json()->size(); ++i) {
        Value item = Value::from_json((*items.json())[i]);
        m_scopes.push_back(Scope{ScopeKind::iteration, {}, {}, static_cast<std::int64_t>(i)});
        m_scopes.push_back(Scope{ScopeKind::reduce, item, accumulator, 0});
        accumulator = eval(children[1]);
        m_scopes.pop_back();
        m_scopes.pop_back();
        if (stops(accumulator))
            return accumulator;
    }
    return accumulator;
}

Value LogicEvaluator::eval_try(LogicNode const& node, Arguments& arguments)
{
    // Each argument after the first runs with the previous error as its data, so that a
    // fallback can read {"val": "type"}.
    if (arguments.failed())
        return arguments.failure();
    Value last = invalid_arguments();
    for (std::uint32_t i = 0; i < arguments.size(); ++i) {
        if (i > 0)
            m_scopes.push_back(Scope{ScopeKind::value, Value::from_json(*last.json()), {}, 0});
        Value result = arguments[i];
        if (i > 0)
            m_scopes.pop_back();
        if (!result.is_error())
            return result;
        last = result;
    }
    return last;
}

Value LogicEvaluator::eval_comparison(LogicNode const& node, Arguments& arguments)
{
    // Chains compare each neighbour pair and stop at the first that fails.
    auto count = arguments.size();
    if (count < 2)
        return invalid_arguments();
    Value left = arguments[0];
    if (left.is_error())
        return left;
    bool unknown = left.is_unknown();
    for (std::uint32_t i = 1; i < count; ++i) {
        Value right = arguments[i];
        if (right.is_error())
            return right;
        if (left.is_unknown() || right.is_unknown()) {
            unknown = true;
            left = right;
            continue;
        }
        Value holds = compare_pair(node.op, left, right);
        if (holds.is_error() || !holds.boolean())
            return holds;
        left = right;
    }
    return unknown ? Value::unknown() : Value::from_bool(true);
}

Value LogicEvaluator::eval_operation(LogicNode const& node)
{
    auto const* children = m_children + node.first_child;

    // 1. Operators that read their arguments themselves.
    switch (node.op) {
    case Operator::invalid_arguments:
        return invalid_arguments();

    case Operator::array: {
        auto& output = scratch_array();
        output.get_ref<json::array_t&>().reserve(node.child_count);
        for (std::uint32_t i = 0; i < node.child_count; ++i) {
            Value element = operand(children[i]);
            if (stops(element))
                return element;
            output.push_back(to_json(element));
        }
        return Value::from_json(output);
    }

    case Operator::map:
    case Operator::filter:
    case Operator::all:
    case Operator::some:
    case Operator::none:
        if (node.spread)
            return invalid_arguments();
        return eval_iteration(node);

    case Operator::reduce:
        if (node.spread)
            return invalid_arguments();
        return eval_reduce(node);

    default:
        break;
    }

    Arguments arguments(*this, node);
    if (arguments.failed())
        return arguments.failure();
    auto count = arguments.size();

    switch (node.op) {
    case Operator::var:
    case Operator::val:
    case Operator::exists:
        return eval_path(node, arguments);

    case Operator::missing:
    case Operator::missing_some:
        if (node.op == Operator::missing_some && count < 2)
            return invalid_arguments();
        return eval_missing(node, arguments);

    case Operator::equal:
    case Operator::not_equal:
    case Operator::less:
    case Operator::less_or_equal:
    case Operator::greater:
    case Operator::greater_or_equal:
    case Operator::strict_equal:
    case Operator::strict_not_equal:
        return eval_comparison(node, arguments);

    case Operator::coalesce:
        for (std::uint32_t i = 0; i < count; ++i) {
            Value value = arguments[i];
            if (value.kind() != ValueKind::null)
                return value;
        }
        return Value::null();

    case Operator::add:
    case Operator::multiply:
    case Operator::minimum:
    case Operator::maximum: {
        if (count == 0) {
            if (node.op == Operator::add)
                return Value::from_number(0);
            if (node.op == Operator::multiply)
                return Value::from_number(1);
            return invalid_arguments();
        }
        double total = node.op == Operator::multiply ? 1 : 0;
        bool unknown = false;
        for (std::uint32_t i = 0; i < count; ++i) {
            Value value = arguments[i];
            if (value.is_error())
                return value;
            if (value.is_unknown()) {
                unknown = true;
                continue;
            }
            double number = 0;
            if (!to_number(value, number))
                return nan();
            if (node.op == Operator::add)
                total += number;
            else if (node.op == Operator::multiply)
                total *= number;
            else if (i == 0)
                total = number;
            else if (node.op == Operator::minimum)
                total = std::min(total, number);
            else
                total = std::max(total, number);
        }
        return unknown ? Value::unknown() : finite(total);
    }

    case Operator::subtract:
    case Operator::divide:
    case Operator::modulo: {
        auto needed = node.op == Operator::modulo ? 2u : 1u;
        if (count < needed)
            return invalid_arguments();
        Value first = arguments[0];
        if (first.is_error())
            return first;
        bool unknown = first.is_unknown();
        double result = 0;
        if (!unknown && !to_number(first, result))
            return nan();
        if (count == 1 && !unknown)
            return node.op == Operator::subtract ? finite(-result) : finite(1 / result);
        for (std::uint32_t i = 1; i < count; ++i) {
            Value value = arguments[i];
            if (value.is_error())
                return value;
            if (value.is_unknown() || unknown) {
                unknown = true;
                continue;
            }
            double number = 0;
            if (!to_number(value, number))
                return nan();
            if (node.op == Operator::subtract) {
                result -= number;
            } else {
                if (number == 0)
                    return nan();
                result = node.op == Operator::divide ? result / number : std::fmod(result, number);
            }
        }
        return unknown ? Value::unknown() : finite(result);
    }

    case Operator::concatenate: {
        auto& slot = scratch_text();
        auto& text = slot.get_ref<std::string&>();
        bool unknown = false;
        for (std::uint32_t i = 0; i < count; ++i) {
            Value value = arguments[i];
            if (value.is_error())
                return value;
            unknown = unknown || value.is_unknown();
            append_text(text, value);
        }
        return unknown ? Value::unknown() : Value::from_json(slot);
    }

    case Operator::substring: {
        Value source = arguments[0];
        if (stops(source))
            return source;
        double start = 0;
        double length = 0;
        bool has_length = count > 2;
        if (count > 1) {
            Value value = arguments[1];
            if (stops(value))
                return value;
            if (!to_number(value, start))
                return nan();
        }
        if (has_length) {
            Value value = arguments[2];
            if (stops(value))
                return value;
            if (!to_number(value, length))
                return nan();
        }

        // Counted in characters (code points), like JavaScript's substr for Japanese text.
        std::string built;
        std::string_view text;
        if (source.is_string()) {
            text = source.json()->get_ref<std::string const&>();
        } else {
            built = text_of(source);
            text = built;
        }
        auto size = static_cast<double>(code_point_count(text));
        double from = start < 0 ? std::max(size + start, 0.0) : std::min(start, size);
        double to = size;
        if (has_length)
            to = length < 0 ? std::max(size + length, from) : std::min(from + length, size);
        if (to <= from)
            return scratch_string({});
        auto begin = code_point_offset(text, static_cast<std::size_t>(from));
        auto end = code_point_offset(text, static_cast<std::size_t>(to));
        return scratch_string(text.substr(begin, end - begin));
    }

    case Operator::contains: {
        Value needle = arguments[0];
        if (needle.is_error())
            return needle;
        Value haystack = arguments[1];
        if (haystack.is_error())
            return haystack;
        if (needle.is_unknown() || haystack.is_unknown())
            return Value::unknown();
        if (haystack.is_array()) {
            for (auto const& element : *haystack.json()) {
                if (strict_equal(needle, Value::from_json(element)))
                    return Value::from_bool(true);
            }
            return Value::from_bool(false);
        }
        if (haystack.is_string()) {
            auto const& text = haystack.json()->get_ref<std::string const&>();
            return Value::from_bool(text.find(text_of(needle)) != std::string::npos);
        }
        return Value::from_bool(false);
    }

    case Operator::merge: {
        auto& output = scratch_array();
        for (std::uint32_t i = 0; i < count; ++i) {
            Value value = arguments[i];
            if (stops(value))
                return value;
            if (value.is_array()) {
                for (auto const& element : *value.json())
                    output.push_back(element);
            } else {
                output.push_back(to_json(value));
            }
        }
        return Value::from_json(output);
    }

    case Operator::try_each:
        return eval_try(node, arguments);

    case Operator::raise: {
        Value reason = count > 0 ? arguments[0] : Value::null();
        if (stops(reason))
            return reason;
        if (reason.is_object())
            return Value::error(*reason.json());
        auto& error = scratch();
        error = json::object({{"type", to_json(reason)}});
        return Value::error(error);
    }

    default:
        return invalid_arguments();
    }
}

} // namespace machiba::rules
