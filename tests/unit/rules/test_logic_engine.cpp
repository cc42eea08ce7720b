// The JSON Logic engine against hostile rules and data, and its three-valued evaluation.
#include "shared/rules/logic_evaluator.hpp"
#include "shared/rules/logic_program.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

using machiba::rules::LogicEvaluator;
using machiba::rules::LogicProgram;
using machiba::rules::UnknownPath;
using machiba::rules::ValueKind;
using nlohmann::json;

namespace {

json evaluate(json const& rule, json const& data = nullptr)
{
    auto compiled = LogicProgram::compile(rule);
    REQUIRE(compiled.program);
    LogicEvaluator evaluator;
    return LogicEvaluator::to_json(evaluator.evaluate(*compiled.program, data));
}

std::string nested(std::string const& open, std::string const& middle, std::string const& close,
    int levels)
{
    std::string text;
    text.reserve((open.size() + close.size()) * levels + middle.size());
    for (int i = 0; i < levels; ++i)
        text += open;
    text += middle;
    for (int i = 0; i < levels; ++i)
        text += close;
    return text;
}

} // namespace

TEST_CASE("a rule nested 100,000 levels deep is refused with its place", "[rules][hostile]")
{
    auto rule = json::parse(nested(R"({"!":)", "true", "}", 100000), nullptr, false);
    REQUIRE(!rule.is_discarded());
    auto compiled = LogicProgram::compile(rule);
    CHECK(!compiled.program);
    REQUIRE(compiled.error);
    CHECK(compiled.error->code == "too_deep");
    CHECK(compiled.error->pointer.rfind("/!/!/!", 0) == 0);

    auto arrays = json::parse(nested("[", "1", "]", 100000), nullptr, false);
    CHECK(LogicProgram::compile(arrays).error->code == "too_deep");

    auto preserved = json::parse(
        R"({"preserve":)" + nested(R"({"a":1,"b":)", "1", "}", 100000) + "}", nullptr, false);
    CHECK(LogicProgram::compile(preserved).error->code == "too_deep");
}

TEST_CASE("a rule at the depth limit still compiles and evaluates", "[rules][hostile]")
{
    auto rule = json::parse(nested(R"({"!":)", "true", "}", 200));
    CHECK(evaluate(rule) == true);
}

TEST_CASE("huge arrays in rules and data are evaluated", "[rules][hostile]")
{
    json numbers = json::array();
    for (int i = 0; i < 1000000; ++i)
        numbers.push_back(i);

    CHECK(evaluate({{"in", {999999, numbers}}}) == true);
    auto sum = evaluate(json::parse(R"({"reduce": [{"var": "xs"},
        {"+": [{"var": "current"}, {"var": "accumulator"}]}, 0]})"),
        {{"xs", numbers}});
    CHECK(sum == 499999500000LL);
    auto evens = evaluate(json::parse(R"({"filter": [{"var": "xs"},
        {"==": [{"%": [{"var": ""}, 2]}, 0]}]})"), {{"xs", numbers}});
    CHECK(evens.size() == 500000);
}

TEST_CASE("an unknown operator is refused with the pointer of its node", "[rules][hostile]")
{
    auto compiled = LogicProgram::compile(json::parse(R"({"and": [true, {"frobnicate": [1]}]})"));
    CHECK(!compiled.program);
    REQUIRE(compiled.error);
    CHECK(compiled.error->code == "unknown_operator");
    CHECK(compiled.error->pointer == "/and/1");
    CHECK(compiled.error->message.find("frobnicate") != std::string::npos);
}

TEST_CASE("wrong arity compiles to an error value and a diagnostic", "[rules][hostile]")
{
    auto compiled = LogicProgram::compile(json::parse(R"({"if": [true, {"%": [1]}]})"));
    REQUIRE(compiled.program);
    REQUIRE(compiled.program->diagnostics().size() == 1);
    CHECK(compiled.program->diagnostics()[0].code == "bad_arguments");
    CHECK(compiled.program->diagnostics()[0].pointer == "/if/1");

    LogicEvaluator evaluator;
    auto value = evaluator.evaluate(*compiled.program, nullptr);
    REQUIRE(value.kind() == ValueKind::error);
    CHECK((*value.json())["type"] == "Invalid Arguments");

    CHECK(!LogicProgram::compile(json::parse(R"({"in": [1]})")).program->diagnostics().empty());
    CHECK(!LogicProgram::compile(json::parse(R"({"and": true})")).program->diagnostics().empty());
    CHECK(!LogicProgram::compile(json::parse(R"({"map": [[1], null]})"))
               .program->diagnostics()
               .empty());
}

TEST_CASE("rules that are not objects are their own value", "[rules][hostile]")
{
    CHECK(evaluate(42) == 42);
    CHECK(evaluate("text") == "text");
    CHECK(evaluate(nullptr) == nullptr);
    CHECK(evaluate(json::array({1, "a", nullptr})) == json::array({1, "a", nullptr}));
    CHECK(evaluate(json::object()) == json::object());
    CHECK(evaluate({{"a", 1}, {"b", 2}}) == json({{"a", 1}, {"b", 2}}));
    CHECK(evaluate(json::array({json{{"preserve", {1}}}})) == json::array({json::array({1})}));
}

TEST_CASE("text is cut and joined by characters, and bad UTF-8 does not crash",
    "[rules][hostile]")
{
    CHECK(evaluate(json::parse(R"({"substr": ["品川区役所", 0, 3]})")) == "品川区");
    CHECK(evaluate(json::parse(R"({"substr": ["品川区役所", -2]})")) == "役所");
    CHECK(evaluate(json::parse(R"({"cat": ["区", 1.5, true]})")) == "区1.5true");
    std::string bad = "\xff\xfe";
    auto value = evaluate({{"cat", {bad, "x"}}});
    CHECK(value.get<std::string>().size() == 3);
}

TEST_CASE("variables read and dynamic paths", "[rules]")
{
    auto compiled = LogicProgram::compile(
        json::parse(R"({"and": [{"var": "a.b"}, {"val": ["c", "d"]}, {"exists": "e"}]})"));
    REQUIRE(compiled.program);
    CHECK(compiled.program->variables_read() == std::vector<std::string>{"a", "c", "e"});
    CHECK(evaluate(json::parse(R"({"var": {"cat": ["a", ".b"]}})"), {{"a", {{"b", 7}}}}) == 7);

    // Dynamic paths nested in dynamic paths each keep their own segments.
    json data = {{"x", {{"key", "y.1"}}}, {"y", {10, 20}}, {"z", {{"20", "deep"}}}};
    CHECK(evaluate(json::parse(R"({"var": {"var": "x.key"}})"), data) == 20);
    CHECK(evaluate(json::parse(R"({"val": ["z", {"var": {"var": "x.key"}}]})"), data) == "deep");
    CHECK(evaluate(json::parse(R"({"missing": [{"var": "x.key"}, "y.0", "y.2"]})"), data)
        == json::array({"y.2"}));
}

TEST_CASE("text that reads as a number is that number, as in JavaScript", "[rules]")
{
    // Whole numbers take a shorter way than the rest; both must agree with Number(text).
    CHECK(evaluate(json::parse(R"({"-": ["2024", "1"]})")) == 2023);
    CHECK(evaluate(json::parse(R"({"+": [" -7 ", "+5", "007"]})")) == 5);
    CHECK(evaluate(json::parse(R"({"*": ["999999999999999", 1]})")) == 999999999999999);
    CHECK(evaluate(json::parse(R"({"+": ["1.5", "1e2", "", "  "]})")) == 101.5);
    CHECK(evaluate(json::parse(R"({"===": [{"-": ["-0"]}, 0]})")) == true);
    CHECK(evaluate(json::parse(R"({"+": ["12a"]})")) == json{{"type", "NaN"}});
    CHECK(evaluate(json::parse(R"({"+": ["-"]})")) == json{{"type", "NaN"}});
    CHECK(evaluate(json::parse(R"({"+": ["+-1"]})")) == json{{"type", "NaN"}});
}

TEST_CASE("keys that share long prefixes, or hold bytes above 0x7f, are each found",
    "[rules]")
{
    // The evaluator compares object keys itself, a word at a time, in std::map's own order.
    json data = json::object();
    std::vector<std::string> keys = {"financial_statement_years", "financial_statement_year",
        "financial_statement_yearz", "financial_", "f", "", "品川区", "品川", "\x7f", "\x80",
        "eligible_costs_year_1", "eligible_costs_year_2"};
    for (std::size_t i = 0; i < keys.size(); ++i)
        data[keys[i]] = static_cast<int>(i);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        CHECK(evaluate({{"val", keys[i]}}, data) == static_cast<int>(i));
        if (!keys[i].empty() && keys[i].find('.') == std::string::npos)
            CHECK(evaluate({{"var", keys[i]}}, data) == static_cast<int>(i));
    }
    CHECK(evaluate({{"var", "financial_statement_yea"}}, data) == nullptr);
    CHECK(evaluate({{"var", "financial_statement_yearsx"}}, data) == nullptr);
}

TEST_CASE("three-valued evaluation settles what it can and names what matters",
    "[rules][partial]")
{
    auto rule = json::parse(R"({"or": [
        {"and": [{"==": [{"var": "kind"}, "works"]}, {">=": [{"var": "price"}, 180000000]}]},
        {"==": [{"var": "kind"}, "designated_manager"]}
    ]})");
    auto compiled = LogicProgram::compile(rule);
    REQUIRE(compiled.program);
    LogicEvaluator evaluator;
    std::vector<UnknownPath> unknowns = {{"kind"}, {"price"}, {"unrelated"}};
    std::vector<bool> touched;

    SECTION("nothing answered: unknown, and only the questions read matter")
    {
        auto value =
            evaluator.evaluate_partial(*compiled.program, json::object(), unknowns, touched);
        CHECK(value.is_unknown());
        CHECK(touched == std::vector<bool>{true, true, false});
    }
    SECTION("a designated-manager agreement settles it without the price")
    {
        std::vector<UnknownPath> price_only = {{"price"}};
        auto value = evaluator.evaluate_partial(
            *compiled.program, {{"kind", "designated_manager"}}, price_only, touched);
        CHECK(value.kind() == ValueKind::boolean);
        CHECK(value.boolean());
    }
    SECTION("cleaning is settled false whatever the price")
    {
        std::vector<UnknownPath> price_only = {{"price"}};
        auto value = evaluator.evaluate_partial(
            *compiled.program, {{"kind", "cleaning"}}, price_only, touched);
        CHECK(value.kind() == ValueKind::boolean);
        CHECK(!value.boolean());
        CHECK(touched == std::vector<bool>{false});
    }
    SECTION("works still depends on the price")
    {
        std::vector<UnknownPath> price_only = {{"price"}};
        auto value = evaluator.evaluate_partial(
            *compiled.program, {{"kind", "works"}}, price_only, touched);
        CHECK(value.is_unknown());
        CHECK(touched == std::vector<bool>{true});
    }
}

TEST_CASE("an if on an unknown condition is known when every branch agrees", "[rules][partial]")
{
    auto compiled = LogicProgram::compile(json::parse(R"({"if": [{"var": "a"}, 5, 5]})"));
    LogicEvaluator evaluator;
    std::vector<UnknownPath> unknowns = {{"a"}};
    std::vector<bool> touched;
    auto value = evaluator.evaluate_partial(*compiled.program, json::object(), unknowns, touched);
    REQUIRE(value.kind() == ValueKind::number);
    CHECK(value.number() == 5);

    auto differing = LogicProgram::compile(json::parse(R"({"if": [{"var": "a"}, 5, 6]})"));
    CHECK(evaluator.evaluate_partial(*differing.program, json::object(), unknowns, touched)
              .is_unknown());
}
