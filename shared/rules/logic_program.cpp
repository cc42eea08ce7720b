// Compiles a JSON Logic rule into LogicProgram's flat node array, checking operators and arity
// once so that evaluation never has to.
#include "shared/rules/logic_program.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace machiba::rules {

namespace {

using nlohmann::json;

struct OperatorInfo {
    std::string_view name;
    Operator op;
    std::uint32_t min_arguments;
    std::uint32_t max_arguments;
    // and/or/if decide lazily which arguments to evaluate, so they need a literal array.
    bool needs_array;
};

constexpr std::uint32_t any = 0xFFFFFFFFu;

constexpr std::array operator_table = {
    OperatorInfo{"!", Operator::logical_not, 0, any, false},
    OperatorInfo{"!!", Operator::truthy, 0, any, false},
    OperatorInfo{"!=", Operator::not_equal, 2, any, false},
    OperatorInfo{"!==", Operator::strict_not_equal, 2, any, false},
    OperatorInfo{"%", Operator::modulo, 2, any, false},
    OperatorInfo{"*", Operator::multiply, 0, any, false},
    OperatorInfo{"+", Operator::add, 0, any, false},
    OperatorInfo{"-", Operator::subtract, 1, any, false},
    OperatorInfo{"/", Operator::divide, 1, any, false},
    OperatorInfo{"<", Operator::less, 2, any, false},
    OperatorInfo{"<=", Operator::less_or_equal, 2, any, false},
    OperatorInfo{"==", Operator::equal, 2, any, false},
    OperatorInfo{"===", Operator::strict_equal, 2, any, false},
    OperatorInfo{">", Operator::greater, 2, any, false},
    OperatorInfo{">=", Operator::greater_or_equal, 2, any, false},
    OperatorInfo{"??", Operator::coalesce, 0, any, false},
    OperatorInfo{"?:", Operator::if_then_else, 0, any, true},
    OperatorInfo{"all", Operator::all, 2, 2, false},
    OperatorInfo{"and", Operator::logical_and, 0, any, true},
    OperatorInfo{"cat", Operator::concatenate, 0, any, false},
    OperatorInfo{"exists", Operator::exists, 0, any, false},
    OperatorInfo{"filter", Operator::filter, 2, 2, false},
    OperatorInfo{"if", Operator::if_then_else, 0, any, true},
    OperatorInfo{"in", Operator::contains, 2, 2, false},
    OperatorInfo{"map", Operator::map, 2, 2, false},
    OperatorInfo{"max", Operator::maximum, 1, any, false},
    OperatorInfo{"merge", Operator::merge, 0, any, false},
    OperatorInfo{"min", Operator::minimum, 1, any, false},
    OperatorInfo{"missing", Operator::missing, 0, any, false},
    OperatorInfo{"missing_some", Operator::missing_some, 2, 2, false},
    OperatorInfo{"none", Operator::none, 2, 2, false},
    OperatorInfo{"or", Operator::logical_or, 0, any, true},
    OperatorInfo{"reduce", Operator::reduce, 2, 3, false},
    OperatorInfo{"some", Operator::some, 2, 2, false},
    OperatorInfo{"substr", Operator::substring, 1, 3, false},
    OperatorInfo{"throw", Operator::raise, 0, 1, false},
    OperatorInfo{"try", Operator::try_each, 1, any, false},
    OperatorInfo{"val", Operator::val, 0, any, false},
    OperatorInfo{"var", Operator::var, 0, 2, false},
};

OperatorInfo const* find_operator(std::string_view name)
{
    for (auto const& info : operator_table) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

bool is_expression(json const& value)
{
    return value.is_object() && value.size() == 1;
}

// RFC 6901: "~" becomes "~0" and "/" becomes "~1".
std::string escape_pointer_token(std::string_view token)
{
    std::string escaped;
    for (char c : token) {
        if (c == '~')
            escaped += "~0";
        else if (c == '/')
            escaped += "~1";
        else
            escaped += c;
    }
    return escaped;
}

std::int64_t parse_index(std::string_view text)
{
    if (text.empty() || text.size() > 15)
        return -1;
    std::int64_t index = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        index = index * 10 + (c - '0');
    }
    return index;
}

PathSegment make_segment(std::string key)
{
    PathSegment segment;
    segment.index = parse_index(key);
    segment.key = std::move(key);
    return segment;
}

// Measures nesting without recursion, so that hostile input cannot exhaust the stack here.
bool nested_deeper_than(json const& value, std::uint32_t limit)
{
    std::vector<std::pair<json const*, std::uint32_t>> pending{{&value, 0}};
    while (!pending.empty()) {
        auto [current, level] = pending.back();
        pending.pop_back();
        if (level > limit)
            return true;
        if (current->is_array() || current->is_object()) {
            for (auto const& child : *current)
                pending.push_back({&child, level + 1});
        }
    }
    return false;
}

} // namespace

// Walks the rule depth-first with an explicit depth bound; the pointer stack is only joined when
// a diagnostic needs it.
class LogicCompiler {
public:
    LogicCompiler(LogicProgram& program, CompileLimits limits)
        : m_program(program)
        , m_limits(limits)
    {
    }

    std::optional<std::uint32_t> compile(json const& rule, std::uint32_t depth)
    {
        if (depth > m_limits.max_depth)
            return fail("too_deep", "the rule is nested more than "
                                        + std::to_string(m_limits.max_depth) + " levels deep");
        if (m_program.m_nodes.size() >= m_limits.max_nodes)
            return fail("too_large", "the rule has more than "
                                         + std::to_string(m_limits.max_nodes) + " nodes");
        m_program.m_depth = std::max(m_program.m_depth, depth);

        if (is_expression(rule))
            return compile_operation(rule, depth);
        if (rule.is_array())
            return compile_array(rule, depth);
        return add_literal(rule, depth);
    }

    std::optional<LogicDiagnostic> const& error() const { return m_error; }

private:
    std::optional<std::uint32_t> fail(std::string code, std::string message)
    {
        if (!m_error)
            m_error = LogicDiagnostic{std::move(code), std::move(message), pointer()};
        return std::nullopt;
    }

    // The pointer of the node being compiled; inside an operation, the pointer of the whole
    // {"op": ...} object rather than of its arguments.
    std::string pointer(bool node_only = false) const
    {
        std::string text;
        auto count = m_pointer.size() - (node_only && !m_pointer.empty() ? 1 : 0);
        for (std::size_t i = 0; i < count; ++i)
            text += "/" + escape_pointer_token(m_pointer[i]);
        return text;
    }

    std::uint32_t add_node(LogicNode node)
    {
        m_program.m_nodes.push_back(node);
        return static_cast<std::uint32_t>(m_program.m_nodes.size() - 1);
    }

    std::optional<std::uint32_t> add_literal(json const& value, std::uint32_t depth)
    {
        // Copying JSON recurses, so a literal nested deeper than the limit is refused first.
        if (nested_deeper_than(value, m_limits.max_depth - std::min(depth, m_limits.max_depth)))
            return fail("too_deep", "the rule is nested more than "
                                        + std::to_string(m_limits.max_depth) + " levels deep");
        return add_constant(value);
    }

    std::uint32_t add_constant(json const& value)
    {
        LogicNode node;
        node.op = Operator::constant;
        if (value.is_string() || value.is_array() || value.is_object()) {
            m_program.m_constants.push_back(value);
            node.constant = Value::from_json(m_program.m_constants.back());
        } else {
            node.constant = Value::from_json(value);
        }
        return add_node(node);
    }

    std::uint32_t add_children(std::vector<std::uint32_t> const& children)
    {
        auto first = static_cast<std::uint32_t>(m_program.m_children.size());
        m_program.m_children.insert(m_program.m_children.end(), children.begin(), children.end());
        return first;
    }

    std::optional<std::uint32_t> compile_array(json const& rule, std::uint32_t depth)
    {
        // 1. An array of plain data stays one constant: nothing to evaluate, nothing to copy.
        bool all_constant = true;
        std::vector<std::uint32_t> children;
        children.reserve(rule.size());
        std::size_t mark = m_program.m_nodes.size();
        for (std::size_t i = 0; i < rule.size(); ++i) {
            m_pointer.push_back(std::to_string(i));
            auto child = compile(rule[i], depth + 1);
            m_pointer.pop_back();
            if (!child)
                return std::nullopt;
            children.push_back(*child);
            if (m_program.m_nodes[*child].op != Operator::constant || is_expression(rule[i]))
                all_constant = false;
        }
        if (all_constant) {
            m_program.m_nodes.resize(mark);
            return add_constant(rule);
        }

        // 2. Otherwise each element is evaluated into a new array.
        LogicNode node;
        node.op = Operator::array;
        node.first_child = add_children(children);
        node.child_count = static_cast<std::uint32_t>(children.size());
        return add_node(node);
    }

    std::optional<std::uint32_t> compile_operation(json const& rule, std::uint32_t depth)
    {
        // The key and value are taken from a live iterator: items() proxies are temporaries.
        auto first = rule.begin();
        std::string const name = first.key();
        json const& arguments = first.value();
        m_pointer.push_back(name);
        auto result = compile_operation_body(name, arguments, depth);
        m_pointer.pop_back();
        return result;
    }

    std::optional<std::uint32_t> compile_operation_body(
        std::string const& name, json const& arguments, std::uint32_t depth)
    {
        // 1. `preserve` hands its argument back untouched.
        if (name == "preserve")
            return add_literal(arguments, depth);

        auto const* info = find_operator(name);
        if (!info) {
            if (!m_error)
                m_error = LogicDiagnostic{
                    "unknown_operator", "unknown operator '" + name + "'", pointer(true)};
            return std::nullopt;
        }

        // 2. Compile the arguments: a literal array gives one child each, an expression whose
        //    result supplies the arguments gives one spread child, anything else is one argument.
        LogicNode node;
        node.op = info->op;
        std::vector<std::uint32_t> children;
        if (arguments.is_array()) {
            children.reserve(arguments.size());
            for (std::size_t i = 0; i < arguments.size(); ++i) {
                m_pointer.push_back(std::to_string(i));
                auto child = compile(arguments[i], depth + 1);
                m_pointer.pop_back();
                if (!child)
                    return std::nullopt;
                children.push_back(*child);
            }
        } else {
            auto child = compile(arguments, depth + 1);
            if (!child)
                return std::nullopt;
            children.push_back(*child);
            node.spread = is_expression(arguments);
        }

        // 3. Arguments the operator can never accept become an error node and a diagnostic.
        std::string problem;
        auto count = static_cast<std::uint32_t>(children.size());
        if (info->needs_array && !arguments.is_array())
            problem = "'" + name + "' needs an array of arguments";
        else if (!node.spread && (count < info->min_arguments || count > info->max_arguments))
            problem = "'" + name + "' takes " + arity_text(*info) + ", not "
                + std::to_string(count);
        else if (!node.spread && takes_callback(info->op) && is_null_constant(children[0]))
            problem = "'" + name + "' needs an array to iterate over, not null";
        else if (!node.spread && (info->op == Operator::map || info->op == Operator::filter)
            && is_null_constant(children[1]))
            problem = "'" + name + "' needs a rule to apply, not null";
        if (!problem.empty()) {
            m_program.m_diagnostics.push_back({"bad_arguments", problem, pointer(true)});
            LogicNode invalid;
            invalid.op = Operator::invalid_arguments;
            return add_node(invalid);
        }

        node.first_child = add_children(children);
        node.child_count = count;

        // 4. Paths written as constants are split once here instead of at every evaluation.
        if (!node.spread)
            compile_static_path(node);
        return add_node(node);
    }

    static bool takes_callback(Operator op)
    {
        return op == Operator::map || op == Operator::filter || op == Operator::reduce;
    }

    bool is_null_constant(std::uint32_t index) const
    {
        auto const& node = m_program.m_nodes[index];
        return node.op == Operator::constant && node.constant.kind() == ValueKind::null;
    }

    static std::string arity_text(OperatorInfo const& info)
    {
        if (info.max_arguments == any)
            return "at least " + std::to_string(info.min_arguments) + " arguments";
        if (info.min_arguments == info.max_arguments)
            return std::to_string(info.min_arguments) + " arguments";
        return std::to_string(info.min_arguments) + " to " + std::to_string(info.max_arguments)
            + " arguments";
    }

    json const* constant_of(std::uint32_t child) const
    {
        auto const& node = m_program.m_nodes[child];
        if (node.op != Operator::constant)
            return nullptr;
        return node.constant.json();
    }

    void compile_static_path(LogicNode& node)
    {
        auto const* children = m_program.m_children.data() + node.first_child;
        VariablePath path;

        if (node.op == Operator::var) {
            // var: one dotted string or a number; a missing, null or empty name is the data.
            if (node.child_count == 0) {
                node.static_path = true;
            } else {
                auto const& first = m_program.m_nodes[children[0]];
                if (first.op != Operator::constant)
                    return;
                if (first.constant.kind() == ValueKind::null) {
                    node.static_path = true;
                } else if (first.constant.kind() == ValueKind::number) {
                    auto number = first.constant.number();
                    if (number < 0 ||
                        number != static_cast<double>(static_cast<std::int64_t>(number)))
                        return;
                    path.segments.push_back(
                        make_segment(std::to_string(static_cast<std::int64_t>(number))));
                    node.static_path = true;
                } else if (first.constant.is_string()) {
                    auto const& text = first.constant.json()->get_ref<std::string const&>();
                    std::size_t start = 0;
                    while (!text.empty()) {
                        auto dot = text.find('.', start);
                        path.segments.push_back(make_segment(text.substr(start, dot - start)));
                        if (dot == std::string::npos)
                            break;
                        start = dot + 1;
                    }
                    node.static_path = true;
                }
            }
        } else if (node.op == Operator::val || node.op == Operator::exists) {
            // val/exists: each argument is one key or index; a leading [n] climbs n scopes.
            for (std::uint32_t i = 0; i < node.child_count; ++i) {
                auto const& child = m_program.m_nodes[children[i]];
                if (child.op != Operator::constant)
                    return;
                if (i == 0 && child.constant.is_array() && node.op == Operator::val) {
                    auto const& climb = *child.constant.json();
                    if (climb.size() != 1 || !climb[0].is_number())
                        return;
                    auto levels = climb[0].get<double>();
                    path.climb = static_cast<std::uint32_t>(levels < 0 ? -levels : levels);
                } else if (child.constant.is_string()) {
                    path.segments.push_back(
                        make_segment(child.constant.json()->get_ref<std::string const&>()));
                } else if (child.constant.is_number() && child.constant.number() >= 0) {
                    path.segments.push_back(make_segment(
                        std::to_string(static_cast<std::int64_t>(child.constant.number()))));
                } else {
                    return;
                }
            }
            node.static_path = true;
        } else {
            return;
        }

        node.aux = static_cast<std::uint32_t>(m_program.m_paths.size());
        m_program.m_paths.push_back(std::move(path));
    }

    LogicProgram& m_program;
    CompileLimits m_limits;
    std::vector<std::string> m_pointer;
    std::optional<LogicDiagnostic> m_error;
};

CompileResult LogicProgram::compile(json const& rule, CompileLimits limits)
{
    LogicProgram program;
    LogicCompiler compiler(program, limits);
    auto root = compiler.compile(rule, 0);
    if (!root)
        return {std::nullopt, compiler.error()};
    program.m_root = *root;
    return {std::move(program), std::nullopt};
}

std::vector<std::string> LogicProgram::variables_read() const
{
    std::vector<std::string> names;
    for (auto const& node : m_nodes) {
        bool reads = node.op == Operator::var || node.op == Operator::val
            || node.op == Operator::exists;
        if (!reads || !node.static_path)
            continue;
        auto const& path = m_paths[node.aux];
        if (path.climb == 0 && !path.segments.empty())
            names.push_back(path.segments.front().key);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

} // namespace machiba::rules
