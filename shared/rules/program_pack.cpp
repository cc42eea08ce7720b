// ProgramPack loading: every field of a pack is checked, and every problem is reported with the
// JSON pointer of the place, so that a bad pack never reaches a resident.
#include "shared/rules/program_pack.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace machiba::rules {

namespace {

using nlohmann::json;

constexpr char const* pack_format = "machiba.program/1";

// Names the rules may read besides question ids.
constexpr char const* parameters_name = "param";
constexpr char const* criteria_name = "criteria";
constexpr char const* check_date_name = "check_date";

bool is_identifier(std::string const& text)
{
    if (text.empty() || text.size() > 64)
        return false;
    return std::all_of(text.begin(), text.end(),
        [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string escape(std::string const& token)
{
    std::string out;
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string question_type_name(QuestionType type)
{
    switch (type) {
    case QuestionType::choice: return "choice";
    case QuestionType::yes_no: return "yes_no";
    case QuestionType::number: return "number";
    case QuestionType::money: return "money";
    case QuestionType::date: return "date";
    }
    return "";
}

} // namespace

bool is_iso_date(std::string const& text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    int year = std::stoi(text.substr(0, 4));
    int month = std::stoi(text.substr(5, 2));
    int day = std::stoi(text.substr(8, 2));
    if (month < 1 || month > 12 || day < 1)
        return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int last = days[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= last;
}

// Reads a pack field by field; each reader notes problems and carries on, so that one run
// reports everything that is wrong.
class PackLoader {
public:
    PackLoader(ProgramPack& pack, std::vector<PackError>& errors)
        : m_pack(pack)
        , m_errors(errors)
    {
    }

    void error(std::string code, std::string message, std::string const& pointer)
    {
        m_errors.push_back({std::move(code), std::move(message), pointer});
    }

    json const* member(json const& object, char const* name, std::string const& pointer,
        bool required = true)
    {
        auto found = object.find(name);
        if (found == object.end()) {
            if (required)
                error("missing_field", std::string("'") + name + "' is missing",
                    pointer + "/" + name);
            return nullptr;
        }
        return &*found;
    }

    std::string text(json const& object, char const* name, std::string const& pointer,
        bool required = true)
    {
        auto const* value = member(object, name, pointer, required);
        if (!value)
            return {};
        if (!value->is_string() || value->get_ref<std::string const&>().empty()) {
            error("bad_type", std::string("'") + name + "' must be a non-empty string",
                pointer + "/" + name);
            return {};
        }
        return value->get<std::string>();
    }

    std::string date(json const& object, char const* name, std::string const& pointer)
    {
        auto value = text(object, name, pointer);
        if (!value.empty() && !is_iso_date(value))
            error("bad_date", "'" + value + "' is not a date written YYYY-MM-DD",
                pointer + "/" + name);
        return value;
    }

    LocalText local_text(json const& object, char const* name, std::string const& pointer,
        bool required = true)
    {
        auto const* value = member(object, name, pointer, required);
        if (!value)
            return {};
        auto here = pointer + "/" + name;
        if (!value->is_object()) {
            error("bad_type", std::string("'") + name + "' must be an object with ja and en",
                here);
            return {};
        }
        return {text(*value, "ja", here), text(*value, "en", here)};
    }

    std::optional<LogicProgram> rule(json const& object, char const* name,
        std::string const& pointer, bool required = true)
    {
        auto const* value = member(object, name, pointer, required);
        if (!value)
            return std::nullopt;
        auto here = pointer + "/" + name;
        auto compiled = LogicProgram::compile(*value);
        if (!compiled.program) {
            error(compiled.error->code, compiled.error->message, here + compiled.error->pointer);
            return std::nullopt;
        }
        for (auto const& diagnostic : compiled.program->diagnostics())
            error(diagnostic.code, diagnostic.message, here + diagnostic.pointer);
        check_names(*compiled.program, here);
        return std::move(compiled.program);
    }

    json const& array(json const& object, char const* name, std::string const& pointer)
    {
        static json const empty = json::array();
        auto const* value = member(object, name, pointer);
        if (!value)
            return empty;
        if (!value->is_array()) {
            error("bad_type", std::string("'") + name + "' must be an array",
                pointer + "/" + name);
            return empty;
        }
        return *value;
    }

    void load_questions(ProgramPack& pack, json const& document)
    {
        auto const& list = array(document, "questions", "");
        if (list.empty())
            error("missing_field", "a pack needs at least one question", "/questions");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto here = "/questions/" + std::to_string(i);
            auto const& item = list[i];
            if (!item.is_object()) {
                error("bad_type", "a question must be an object", here);
                continue;
            }
            Question question;
            question.id = text(item, "id", here);
            if (!question.id.empty() && !is_identifier(question.id))
                error("bad_id", "'" + question.id + "' must use a-z, 0-9 and _", here + "/id");
            if (question.id == parameters_name || question.id == criteria_name
                || question.id == check_date_name)
                error("bad_id", "'" + question.id + "' is a reserved name", here + "/id");
            if (!question.id.empty() && !seen.insert(question.id).second)
                error("duplicate_id", "question '" + question.id + "' appears twice", here + "/id");

            auto type = text(item, "type", here);
            static std::pair<char const*, QuestionType> const types[] = {
                {"choice", QuestionType::choice}, {"yes_no", QuestionType::yes_no},
                {"number", QuestionType::number}, {"money", QuestionType::money},
                {"date", QuestionType::date}};
            bool known = false;
            for (auto const& [name, value] : types) {
                if (type == name) {
                    question.type = value;
                    known = true;
                }
            }
            if (!known && !type.empty())
                error("bad_type", "question type '" + type
                        + "' is not one of choice, yes_no, number, money, date",
                    here + "/type");

            question.label = local_text(item, "label", here);
            question.help = local_text(item, "help", here);
            auto const* required = member(item, "required", here);
            if (required && !required->is_boolean())
                error("bad_type", "'required' must be true or false", here + "/required");
            question.required = required && required->is_boolean() && required->get<bool>();

            for (char const* bound : {"minimum", "maximum"}) {
                auto const* value = member(item, bound, here, false);
                if (!value)
                    continue;
                if (!value->is_number())
                    error("bad_type", std::string("'") + bound + "' must be a number",
                        here + "/" + bound);
                else if (bound[1] == 'i')
                    question.minimum = value->get<double>();
                else
                    question.maximum = value->get<double>();
            }

            if (question.type == QuestionType::choice && known) {
                auto const& options = array(item, "options", here);
                if (options.empty())
                    error("missing_field", "a choice question needs options", here + "/options");
                std::set<std::string> values;
                for (std::size_t o = 0; o < options.size(); ++o) {
                    auto option_here = here + "/options/" + std::to_string(o);
                    if (!options[o].is_object()) {
                        error("bad_type", "an option must be an object", option_here);
                        continue;
                    }
                    ChoiceOption option;
                    option.value = text(options[o], "value", option_here);
                    option.label = local_text(options[o], "label", option_here);
                    if (!option.value.empty() && !values.insert(option.value).second)
                        error("duplicate_id", "option '" + option.value + "' appears twice",
                            option_here + "/value");
                    question.options.push_back(std::move(option));
                }
            }
            pack.m_questions.push_back(std::move(question));
        }
    }

    void load_parameters(ProgramPack& pack, json const& document)
    {
        auto const& list = array(document, "parameters", "");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto here = "/parameters/" + std::to_string(i);
            auto const& item = list[i];
            if (!item.is_object()) {
                error("bad_type", "a parameter must be an object", here);
                continue;
            }
            Parameter parameter;
            parameter.id = text(item, "id", here);
            if (!parameter.id.empty() && !is_identifier(parameter.id))
                error("bad_id", "'" + parameter.id + "' must use a-z, 0-9 and _", here + "/id");
            if (!parameter.id.empty() && !seen.insert(parameter.id).second)
                error("duplicate_id", "parameter '" + parameter.id + "' appears twice",
                    here + "/id");
            parameter.label = local_text(item, "label", here);
            parameter.unit = text(item, "unit", here);

            // Values by the date they take effect, oldest first; null means "not known".
            bool has_unknown = false;
            auto const& values = array(item, "values", here);
            if (values.empty())
                error("missing_field", "a parameter needs at least one dated value",
                    here + "/values");
            for (std::size_t v = 0; v < values.size(); ++v) {
                auto value_here = here + "/values/" + std::to_string(v);
                if (!values[v].is_object()) {
                    error("bad_type", "a dated value must be an object", value_here);
                    continue;
                }
                ParameterValue dated;
                dated.from = date(values[v], "from", value_here);
                auto const* value = member(values[v], "value", value_here);
                if (value)
                    dated.value = *value;
                if (value && value->is_null())
                    has_unknown = true;
                if (!parameter.values.empty() && !dated.from.empty()
                    && dated.from <= parameter.values.back().from)
                    error("bad_order", "dated values must be in increasing date order",
                        value_here + "/from");
                parameter.values.push_back(std::move(dated));
            }

            // Every figure says where it comes from and when that was checked.
            auto const* source = member(item, "source", here);
            if (source && !source->is_object()) {
                error("bad_type", "'source' must be an object", here + "/source");
            } else if (source) {
                text(*source, "document", here + "/source");
                date(*source, "checked_on", here + "/source");
                parameter.source = *source;
            }
            parameter.note = local_text(item, "note", here, has_unknown);
            pack.m_parameters.push_back(std::move(parameter));
        }
    }

    void load_criteria(ProgramPack& pack, json const& document)
    {
        auto const& list = array(document, "criteria", "");
        if (list.empty())
            error("missing_field", "a pack needs at least one criterion", "/criteria");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto here = "/criteria/" + std::to_string(i);
            auto const& item = list[i];
            if (!item.is_object()) {
                error("bad_type", "a criterion must be an object", here);
                continue;
            }
            auto id = text(item, "id", here);
            if (!id.empty() && !is_identifier(id))
                error("bad_id", "'" + id + "' must use a-z, 0-9 and _", here + "/id");
            if (!id.empty() && !seen.insert(id).second)
                error("duplicate_id", "criterion '" + id + "' appears twice", here + "/id");
            auto label = local_text(item, "label", here);
            auto applies = rule(item, "applies_when", here, false);
            auto compiled = rule(item, "rule", here);
            auto met = local_text(item, "met", here);
            auto not_met = local_text(item, "not_met", here);
            auto unknown = local_text(item, "unknown", here);
            auto const* informative = member(item, "informative", here, false);
            if (informative && !informative->is_boolean())
                error("bad_type", "'informative' must be true or false", here + "/informative");
            if (!compiled)
                continue;
            pack.m_criteria.push_back(Criterion{std::move(id), std::move(label),
                std::move(applies), std::move(*compiled), std::move(met), std::move(not_met),
                std::move(unknown), informative && informative->is_boolean() && *informative});
        }
        m_criteria_loaded = true;
    }

    void load_outcomes(ProgramPack& pack, json const& document)
    {
        auto const* outcomes = member(document, "outcomes", "");
        if (outcomes && !outcomes->is_object()) {
            error("bad_type", "'outcomes' must be an object", "/outcomes");
        } else if (outcomes) {
            auto load = [&](char const* name, OutcomeText& target) {
                auto const* value = member(*outcomes, name, "/outcomes");
                if (!value)
                    return;
                auto here = std::string("/outcomes/") + name;
                if (!value->is_object()) {
                    error("bad_type", "an outcome's text must be an object", here);
                    return;
                }
                target.label = local_text(*value, "label", here);
                target.explanation = local_text(*value, "explanation", here);
            };
            load("eligible", pack.m_eligible);
            load("ineligible", pack.m_ineligible);
            load("needs_review", pack.m_needs_review);
        }

        auto const& list = array(document, "outcome_rules", "");
        if (list.empty())
            error("missing_field", "a pack needs outcome rules", "/outcome_rules");
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto here = "/outcome_rules/" + std::to_string(i);
            if (!list[i].is_object()) {
                error("bad_type", "an outcome rule must be an object", here);
                continue;
            }
            auto outcome = text(list[i], "outcome", here);
            if (!outcome.empty() && outcome != "eligible" && outcome != "ineligible"
                && outcome != "needs_review")
                error("bad_outcome", "'" + outcome
                        + "' is not one of eligible, ineligible, needs_review",
                    here + "/outcome");
            bool last = i + 1 == list.size();
            if (last && list[i].contains("when") && list[i]["when"] != json(true))
                error("bad_outcome", "the last outcome rule must apply always (when: true)",
                    here + "/when");
            auto when = rule(list[i], "when", here);
            if (when)
                pack.m_outcome_rules.push_back({outcome, std::move(*when)});
        }
    }

    void load_amounts(ProgramPack& pack, json const& document)
    {
        auto const& list = array(document, "amounts", "");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto here = "/amounts/" + std::to_string(i);
            if (!list[i].is_object()) {
                error("bad_type", "an amount must be an object", here);
                continue;
            }
            auto id = text(list[i], "id", here);
            if (!id.empty() && !seen.insert(id).second)
                error("duplicate_id", "amount '" + id + "' appears twice", here + "/id");
            auto label = local_text(list[i], "label", here);
            auto unit = text(list[i], "unit", here);
            auto formula = local_text(list[i], "formula", here);
            auto compiled = rule(list[i], "rule", here);
            if (!compiled)
                continue;
            pack.m_amounts.push_back(Amount{std::move(id), std::move(label), std::move(unit),
                std::move(*compiled), std::move(formula)});
        }
    }

    void load_next_steps(ProgramPack& pack, json const& document)
    {
        auto const* steps = member(document, "next_steps", "");
        if (!steps)
            return;
        if (!steps->is_object()) {
            error("bad_type", "'next_steps' must be an object", "/next_steps");
            return;
        }
        auto const& documents = array(*steps, "documents", "/next_steps");
        for (std::size_t i = 0; i < documents.size(); ++i) {
            auto here = "/next_steps/documents/" + std::to_string(i);
            if (!documents[i].is_object())
                error("bad_type", "a document must be an object with ja and en", here);
            else {
                text(documents[i], "ja", here);
                text(documents[i], "en", here);
            }
        }
        auto const* contact = member(*steps, "contact", "/next_steps");
        if (contact && !contact->is_object())
            error("bad_type", "'contact' must be an object", "/next_steps/contact");
        else if (contact)
            local_text(*contact, "name", "/next_steps/contact");
        pack.m_next_steps = *steps;
    }

    void load_tests(ProgramPack& pack, json const& document)
    {
        auto const& list = array(document, "tests", "");
        if (list.empty())
            error("missing_field", "a pack needs test cases", "/tests");
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto here = "/tests/" + std::to_string(i);
            if (!list[i].is_object()) {
                error("bad_type", "a test must be an object", here);
                continue;
            }
            PackTest test;
            test.name = text(list[i], "name", here);
            test.date = date(list[i], "date", here);
            auto const* answers = member(list[i], "answers", here);
            if (answers && !answers->is_object())
                error("bad_type", "'answers' must be an object", here + "/answers");
            else if (answers)
                test.answers = *answers;
            auto const* parameters = member(list[i], "parameters", here, false);
            if (parameters && !parameters->is_object())
                error("bad_type", "'parameters' must be an object", here + "/parameters");
            else if (parameters)
                test.parameters = *parameters;
            auto const* expect = member(list[i], "expect", here);
            if (expect && !expect->is_object())
                error("bad_type", "'expect' must be an object", here + "/expect");
            else if (expect)
                test.expect = *expect;
            pack.m_tests.push_back(std::move(test));
        }
    }

    // Every name a rule reads must exist: a question, a parameter ("param.<id>"), the check
    // date, or (in rules after the criteria) a criterion ("criteria.<id>").
    void check_names(LogicProgram const& program, std::string const& pointer)
    {
        for (auto const& node : program.nodes()) {
            bool reads = node.op == Operator::var || node.op == Operator::val;
            if (!reads || !node.static_path)
                continue;
            auto const& path = program.paths()[node.aux];
            if (path.climb != 0 || path.segments.empty())
                continue;
            auto const& first = path.segments[0].key;
            auto second = path.segments.size() > 1 ? path.segments[1].key : std::string();
            bool ok = false;
            if (first == check_date_name)
                ok = true;
            else if (first == parameters_name)
                ok = m_pack.find_parameter(second) != nullptr;
            else if (first == criteria_name)
                ok = m_criteria_loaded
                    && std::any_of(m_pack.m_criteria.begin(), m_pack.m_criteria.end(),
                        [&](Criterion const& c) { return c.id == second; });
            else
                ok = m_pack.find_question(first) != nullptr;
            if (!ok)
                error("unknown_name", "the rule reads '" + first
                        + (second.empty() ? "" : "." + second)
                        + "', which is not a question, parameter or criterion of this pack",
                    pointer);
        }
    }

private:
    ProgramPack& m_pack;
    std::vector<PackError>& m_errors;
    bool m_criteria_loaded = false;
};

PackLoad ProgramPack::load(json const& document)
{
    PackLoad result;
    if (!document.is_object()) {
        result.errors.push_back({"bad_type", "a pack must be a JSON object", ""});
        return result;
    }

    // 1. Identity and texts.
    ProgramPack pack;
    PackLoader loader(pack, result.errors);
    auto format = loader.text(document, "format", "");
    if (!format.empty() && format != pack_format)
        loader.error("bad_format", "'format' must be '" + std::string(pack_format) + "'",
            "/format");
    pack.m_id = loader.text(document, "id", "");
    pack.m_title = loader.local_text(document, "title", "");
    pack.m_description = loader.local_text(document, "description", "");
    pack.m_checked_on = loader.date(document, "checked_on", "");

    // 2. The parts, each checked in turn (questions and parameters first: rules name them).
    loader.load_questions(pack, document);
    loader.load_parameters(pack, document);
    loader.load_criteria(pack, document);
    loader.load_outcomes(pack, document);
    loader.load_amounts(pack, document);
    loader.load_next_steps(pack, document);
    loader.load_tests(pack, document);

    // 3. The tests' answers must fit the questions too.
    for (std::size_t i = 0; i < pack.m_tests.size(); ++i) {
        for (auto& problem : pack.check_answers(pack.m_tests[i].answers)) {
            problem.pointer = "/tests/" + std::to_string(i) + "/answers" + problem.pointer;
            result.errors.push_back(std::move(problem));
        }
    }

    if (result.errors.empty())
        result.pack = std::move(pack);
    return result;
}

OutcomeText const& ProgramPack::outcome_text(std::string const& outcome) const
{
    if (outcome == "eligible")
        return m_eligible;
    if (outcome == "ineligible")
        return m_ineligible;
    return m_needs_review;
}

Question const* ProgramPack::find_question(std::string const& id) const
{
    for (auto const& question : m_questions) {
        if (question.id == id)
            return &question;
    }
    return nullptr;
}

Parameter const* ProgramPack::find_parameter(std::string const& id) const
{
    for (auto const& parameter : m_parameters) {
        if (parameter.id == id)
            return &parameter;
    }
    return nullptr;
}

std::vector<PackError> ProgramPack::check_answers(json const& answers) const
{
    std::vector<PackError> problems;
    if (!answers.is_object()) {
        problems.push_back({"bad_answers", "answers must be a JSON object of question ids", ""});
        return problems;
    }
    // Plain names rather than structured bindings: clang 14 (Emscripten) cannot capture those.
    for (auto const& item : answers.items()) {
        std::string const id = item.key();
        json const& value = item.value();
        auto pointer = "/" + escape(id);
        auto const* question = find_question(id);
        if (!question) {
            problems.push_back({"unknown_question", "'" + id + "' is not a question of this pack",
                pointer});
            continue;
        }
        // null is "I don't know", allowed for every question that is not required.
        if (value.is_null()) {
            if (question->required)
                problems.push_back({"required_answer", "question '" + id
                        + "' is required and cannot be left as unknown", pointer});
            continue;
        }

        auto wrong = [&](std::string const& expected) {
            problems.push_back({"bad_answer", "question '" + id + "' (" +
                    question_type_name(question->type) + ") needs " + expected, pointer});
        };
        switch (question->type) {
        case QuestionType::choice: {
            bool found = value.is_string()
                && std::any_of(question->options.begin(), question->options.end(),
                    [&](ChoiceOption const& o) { return o.value == value.get<std::string>(); });
            if (!found) {
                std::string list;
                for (auto const& option : question->options)
                    list += (list.empty() ? "" : ", ") + option.value;
                wrong("one of: " + list);
            }
            break;
        }
        case QuestionType::yes_no:
            if (!value.is_boolean())
                wrong("true or false");
            break;
        case QuestionType::number:
        case QuestionType::money: {
            bool money = question->type == QuestionType::money;
            if (!value.is_number() || !std::isfinite(value.get<double>())) {
                wrong(money ? "a whole number of yen" : "a number");
                break;
            }
            auto number = value.get<double>();
            if (money && (number < 0 || number != std::floor(number)))
                wrong("a whole number of yen, zero or more");
            else if (question->minimum && number < *question->minimum)
                wrong("a number of at least " + json(*question->minimum).dump());
            else if (question->maximum && number > *question->maximum)
                wrong("a number of at most " + json(*question->maximum).dump());
            break;
        }
        case QuestionType::date:
            if (!value.is_string() || !is_iso_date(value.get<std::string>()))
                wrong("a date written YYYY-MM-DD");
            break;
        }
    }
    return problems;
}

} // namespace machiba::rules
