// A program pack: one of the ward's programs written as data (questions, dated parameters with
// their sources, criteria with explanations, outcome rules, amounts, next steps, test cases),
// loaded and checked in full before anything is evaluated.
#pragma once

#include "shared/rules/logic_program.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace machiba::rules {

// Text in the two languages every pack carries.
struct LocalText {
    std::string ja;
    std::string en;

    std::string const& in(std::string const& language) const { return language == "ja" ? ja : en; }
};

enum class QuestionType { choice, yes_no, number, money, date };

struct ChoiceOption {
    std::string value;
    LocalText label;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::yes_no;
    LocalText label;
    LocalText help;
    bool required = false;
    std::vector<ChoiceOption> options;
    std::optional<double> minimum;
    std::optional<double> maximum;
};

struct ParameterValue {
    std::string from;
    // null: no value known from a source for this period (see the parameter's note).
    nlohmann::json value;
};

struct Parameter {
    std::string id;
    LocalText label;
    std::string unit;
    std::vector<ParameterValue> values;
    nlohmann::json source;
    LocalText note;
};

struct Criterion {
    std::string id;
    LocalText label;
    std::optional<LogicProgram> applies_when;
    LogicProgram rule;
    LocalText met;
    LocalText not_met;
    LocalText unknown;
    // An explanation the result should carry even though no outcome rule reads it (who is
    // liable for a shortfall): its questions are asked too unless the outcome is ineligible.
    bool informative = false;
};

struct OutcomeRule {
    std::string outcome;
    LogicProgram when;
};

struct Amount {
    std::string id;
    LocalText label;
    std::string unit;
    LogicProgram rule;
    LocalText formula;
};

struct OutcomeText {
    LocalText label;
    LocalText explanation;
};

struct PackTest {
    std::string name;
    std::string date;
    nlohmann::json answers;
    nlohmann::json parameters;
    nlohmann::json expect;
};

// A problem with a pack or with answers: a stable code, what is wrong, and where (JSON pointer).
struct PackError {
    std::string code;
    std::string message;
    std::string pointer;
};

class ProgramPack;

struct PackLoad;

class ProgramPack {
public:
    // Checks everything (structure, languages, dates, rules, names the rules read, tests) and
    // reports every problem found, each with its JSON pointer.
    static PackLoad load(nlohmann::json const& document);

    ProgramPack(ProgramPack&&) = default;
    ProgramPack& operator=(ProgramPack&&) = default;

    std::string const& id() const { return m_id; }
    LocalText const& title() const { return m_title; }
    LocalText const& description() const { return m_description; }
    std::string const& checked_on() const { return m_checked_on; }
    std::vector<Question> const& questions() const { return m_questions; }
    std::vector<Parameter> const& parameters() const { return m_parameters; }
    std::vector<Criterion> const& criteria() const { return m_criteria; }
    std::vector<OutcomeRule> const& outcome_rules() const { return m_outcome_rules; }
    std::vector<Amount> const& amounts() const { return m_amounts; }
    OutcomeText const& outcome_text(std::string const& outcome) const;
    nlohmann::json const& next_steps() const { return m_next_steps; }
    std::vector<PackTest> const& tests() const { return m_tests; }

    Question const* find_question(std::string const& id) const;
    Parameter const* find_parameter(std::string const& id) const;

    // Checks answers against the questions: an object of question id to a value of the
    // question's type, or null for "I don't know". Returns every problem, naming the question.
    std::vector<PackError> check_answers(nlohmann::json const& answers) const;

private:
    ProgramPack() = default;
    friend class PackLoader;

    std::string m_id;
    LocalText m_title;
    LocalText m_description;
    std::string m_checked_on;
    std::vector<Question> m_questions;
    std::vector<Parameter> m_parameters;
    std::vector<Criterion> m_criteria;
    std::vector<OutcomeRule> m_outcome_rules;
    std::vector<Amount> m_amounts;
    OutcomeText m_eligible;
    OutcomeText m_ineligible;
    OutcomeText m_needs_review;
    nlohmann::json m_next_steps;
    std::vector<PackTest> m_tests;
};

struct PackLoad {
    std::optional<ProgramPack> pack;
    std::vector<PackError> errors;
};

// A civil date written YYYY-MM-DD that exists in the calendar.
bool is_iso_date(std::string const& text);

} // namespace machiba::rules
