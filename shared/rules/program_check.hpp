// One check of answers against a program pack on a date: each criterion met, not met, unknown or
// not applicable; the outcome when it is settled; the amounts; and the questions still worth
// asking, so that a wizard asks only those and stops when nothing else can change the result.
#pragma once

#include "shared/rules/program_pack.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace machiba::rules {

enum class CriterionState { met, not_met, unknown, not_applicable };

struct CriterionResult {
    Criterion const* criterion = nullptr;
    CriterionState state = CriterionState::unknown;
};

struct AmountResult {
    Amount const* amount = nullptr;
    // A number when known; null when it depends on something not known, or when the outcome
    // is ineligible.
    nlohmann::json value;
};

struct ParameterInEffect {
    Parameter const* parameter = nullptr;
    nlohmann::json value;
    std::string from;
    bool staff_set = false;
};

// Something the result depends on that nobody can answer in the wizard any more: a question
// answered "I don't know", or a parameter with no known value on the date.
struct Unresolved {
    std::string kind;
    std::string id;
};

// A number with its unit as a person reads it ("5,000,000 yen", "時給1,200円"); a value that is
// not a number reads "not known" ("不明").
std::string format_quantity(
    nlohmann::json const& value, std::string const& unit, std::string const& language);

class ProgramCheck {
public:
    // `overrides` are staff-set parameter values ({"id": value}) that replace the pack's value
    // on every date, for figures the pack cannot know (the yearly wage floor).
    static ProgramCheck run(ProgramPack const& pack, nlohmann::json const& answers,
        std::string const& date, nlohmann::json const& overrides = nlohmann::json::object());

    // Problems with the answers, the date or the overrides; when any, nothing was evaluated.
    std::vector<PackError> const& errors() const { return m_errors; }

    // eligible, ineligible or needs_review once settled; "undecided" while questions remain.
    std::string const& outcome() const { return m_outcome; }
    // True when no question is left worth asking.
    bool complete() const { return m_complete; }

    std::vector<CriterionResult> const& criteria() const { return m_criteria; }
    std::vector<AmountResult> const& amounts() const { return m_amounts; }
    std::vector<std::string> const& questions_to_ask() const { return m_questions_to_ask; }
    std::vector<Unresolved> const& unresolved() const { return m_unresolved; }
    std::vector<ParameterInEffect> const& parameters() const { return m_parameters; }

    // The whole result as JSON, texts in both languages.
    nlohmann::json to_json() const;

    // The result as plain text in one language, to paste into an e-mail.
    std::string to_text(std::string const& language) const;

    static char const* state_name(CriterionState state);

private:
    ProgramPack const* m_pack = nullptr;
    std::string m_date;
    std::vector<PackError> m_errors;
    std::string m_outcome = "undecided";
    bool m_complete = false;
    std::vector<CriterionResult> m_criteria;
    std::vector<AmountResult> m_amounts;
    std::vector<std::string> m_questions_to_ask;
    std::vector<Unresolved> m_unresolved;
    std::vector<ParameterInEffect> m_parameters;
};

} // namespace machiba::rules
