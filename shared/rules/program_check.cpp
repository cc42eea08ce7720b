// ProgramCheck: evaluates a pack's criteria, outcome rules and amounts three-valued, and works
// out which unanswered questions can still change the outcome or the amount.
//
// Why three-valued evaluation and not trying candidate answers: each unanswered question is an
// unknown value that operators carry along by Kleene's rules (see LogicEvaluator). A known
// result can then not change whatever the remaining answers are, and a question the evaluation
// never read on the way to an unknown result cannot change it either; so the questions worth
// asking are exactly the unknowns read. Trying candidate values instead would need every number
// question's interesting values (the thresholds), which the rules hold and a guess would miss.
// The cost of Kleene's logic is a rare extra question: it cannot see that `a or not a` is true.
#include "shared/rules/program_check.hpp"

#include "shared/rules/logic_evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace machiba::rules {

namespace {

using nlohmann::json;

// What each unknown path stands for.
struct UnknownSource {
    enum class Kind { question, parameter, criterion } kind;
    std::size_t index;
};

json local(LocalText const& text)
{
    return {{"ja", text.ja}, {"en", text.en}};
}

} // namespace

std::string format_quantity(
    json const& value, std::string const& unit, std::string const& language)
{
    if (!value.is_number())
        return language == "ja" ? "不明" : "not known";
    auto number = value.get<double>();
    std::string digits;
    auto whole = static_cast<long long>(std::floor(std::fabs(number)));
    auto text = std::to_string(whole);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && (text.size() - i) % 3 == 0)
            digits += ',';
        digits += text[i];
    }
    if (number < 0)
        digits = "-" + digits;
    auto fraction = std::fabs(number) - static_cast<double>(whole);
    if (fraction > 0.005) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "%.2f", fraction);
        digits += buffer + 1;
    }
    if (unit == "yen")
        return language == "ja" ? digits + "円" : digits + " yen";
    if (unit == "yen_per_hour")
        return language == "ja" ? "時給" + digits + "円" : digits + " yen an hour";
    return digits + " " + unit;
}

char const* ProgramCheck::state_name(CriterionState state)
{
    switch (state) {
    case CriterionState::met: return "met";
    case CriterionState::not_met: return "not_met";
    case CriterionState::unknown: return "unknown";
    case CriterionState::not_applicable: return "not_applicable";
    }
    return "unknown";
}

ProgramCheck ProgramCheck::run(
    ProgramPack const& pack, json const& answers, std::string const& date, json const& overrides)
{
    ProgramCheck check;
    check.m_pack = &pack;
    check.m_date = date;

    // 1. Refuse bad input before anything is evaluated.
    check.m_errors = pack.check_answers(answers);
    if (!is_iso_date(date))
        check.m_errors.push_back({"bad_date", "the check date '" + date
                + "' is not a date written YYYY-MM-DD", ""});
    if (!overrides.is_object()) {
        check.m_errors.push_back({"bad_parameters", "staff-set parameters must be an object", ""});
    } else {
        for (auto const& [id, value] : overrides.items()) {
            if (!pack.find_parameter(id))
                check.m_errors.push_back({"unknown_parameter", "'" + id
                        + "' is not a parameter of this pack", "/" + id});
            else if (!value.is_number() && !value.is_string())
                check.m_errors.push_back({"bad_parameter", "parameter '" + id
                        + "' needs a number or a string", "/" + id});
        }
    }
    if (!check.m_errors.empty()) {
        check.m_outcome = "invalid";
        return check;
    }

    // 2. The data the rules read: answers by question id, parameters in effect on the date
    //    under "param", and the date itself. What is not known becomes an unknown path.
    json data = json::object();
    std::vector<UnknownPath> unknowns;
    std::vector<UnknownSource> sources;
    auto const& questions = pack.questions();
    for (std::size_t q = 0; q < questions.size(); ++q) {
        auto found = answers.find(questions[q].id);
        if (found != answers.end() && !found->is_null()) {
            data[questions[q].id] = *found;
            continue;
        }
        unknowns.push_back({questions[q].id});
        sources.push_back({UnknownSource::Kind::question, q});
    }
    data["check_date"] = date;
    data["param"] = json::object();
    auto const& parameters = pack.parameters();
    for (std::size_t p = 0; p < parameters.size(); ++p) {
        ParameterInEffect in_effect{&parameters[p], nullptr, {}, false};
        for (auto const& dated : parameters[p].values) {
            if (dated.from <= date) {
                in_effect.value = dated.value;
                in_effect.from = dated.from;
            }
        }
        if (overrides.contains(parameters[p].id)) {
            in_effect.value = overrides[parameters[p].id];
            in_effect.staff_set = true;
        }
        if (in_effect.value.is_null()) {
            unknowns.push_back({"param", parameters[p].id});
            sources.push_back({UnknownSource::Kind::parameter, p});
        } else {
            data["param"][parameters[p].id] = in_effect.value;
        }
        check.m_parameters.push_back(std::move(in_effect));
    }

    // 3. Criteria, each with the unknowns it read while its state is not known.
    LogicEvaluator evaluator;
    std::vector<bool> touched;
    std::vector<std::set<std::size_t>> criterion_reads(pack.criteria().size());
    data["criteria"] = json::object();
    auto const base_unknowns = unknowns.size();
    for (std::size_t c = 0; c < pack.criteria().size(); ++c) {
        auto const& criterion = pack.criteria()[c];
        CriterionResult result{&criterion, CriterionState::unknown};
        auto collect = [&] {
            for (std::size_t u = 0; u < touched.size(); ++u) {
                if (touched[u])
                    criterion_reads[c].insert(u);
            }
        };

        bool applies = true;
        bool applies_unknown = false;
        if (criterion.applies_when) {
            auto value =
                evaluator.evaluate_partial(*criterion.applies_when, data, unknowns, touched);
            collect();
            if (value.is_unknown() || value.is_error())
                applies_unknown = true;
            else
                applies = LogicEvaluator::truthy(value);
        }
        if (!applies) {
            result.state = CriterionState::not_applicable;
            criterion_reads[c].clear();
        } else {
            auto value = evaluator.evaluate_partial(criterion.rule, data, unknowns, touched);
            collect();
            if (!applies_unknown && !value.is_unknown() && !value.is_error())
                result.state = LogicEvaluator::truthy(value) ? CriterionState::met
                                                             : CriterionState::not_met;
        }

        // Later rules see a criterion that does not apply as met: it stands in nobody's way.
        if (result.state == CriterionState::unknown) {
            unknowns.push_back({"criteria", criterion.id});
            sources.push_back({UnknownSource::Kind::criterion, c});
        } else {
            data["criteria"][criterion.id] = result.state != CriterionState::not_met;
            criterion_reads[c].clear();
        }
        check.m_criteria.push_back(result);
    }

    // Turns what a rule read into the questions and parameters behind it.
    std::set<std::size_t> relevant;
    auto add_reads = [&](std::vector<bool> const& flags) {
        for (std::size_t u = 0; u < flags.size(); ++u) {
            if (!flags[u])
                continue;
            if (sources[u].kind == UnknownSource::Kind::criterion)
                relevant.insert(criterion_reads[sources[u].index].begin(),
                    criterion_reads[sources[u].index].end());
            else
                relevant.insert(u);
        }
    };

    // 4. Outcome rules in order: the first that holds decides; one that may hold adds its
    //    outcome to the possible ones. One possible outcome means the outcome is settled.
    std::set<std::string> possible;
    for (auto const& rule : pack.outcome_rules()) {
        auto value = evaluator.evaluate_partial(rule.when, data, unknowns, touched);
        if (value.is_unknown() || value.is_error()) {
            possible.insert(rule.outcome);
            add_reads(touched);
            continue;
        }
        if (LogicEvaluator::truthy(value)) {
            possible.insert(rule.outcome);
            break;
        }
    }
    bool settled = possible.size() == 1;

    // 5. Amounts and informative criteria matter unless the outcome is settled as ineligible.
    bool ineligible = settled && *possible.begin() == "ineligible";
    for (std::size_t c = 0; c < check.m_criteria.size() && !ineligible; ++c) {
        if (!pack.criteria()[c].informative || check.m_criteria[c].state != CriterionState::unknown)
            continue;
        relevant.insert(criterion_reads[c].begin(), criterion_reads[c].end());
    }
    for (auto const& amount : pack.amounts()) {
        AmountResult result{&amount, nullptr};
        if (!ineligible) {
            auto value = evaluator.evaluate_partial(amount.rule, data, unknowns, touched);
            if (value.kind() == ValueKind::number)
                result.value = LogicEvaluator::to_json(value);
            else if (value.is_unknown())
                add_reads(touched);
        }
        check.m_amounts.push_back(std::move(result));
    }

    // 6. Questions worth asking: not answered at all (an "I don't know" is not asked again),
    //    and read on the way to something still unknown. Everything else unknown that mattered
    //    is unresolved.
    for (auto u : relevant) {
        if (u >= base_unknowns)
            continue;
        auto const& source = sources[u];
        if (source.kind == UnknownSource::Kind::parameter) {
            check.m_unresolved.push_back({"parameter", parameters[source.index].id});
            continue;
        }
        auto const& id = questions[source.index].id;
        if (answers.contains(id))
            check.m_unresolved.push_back({"question", id});
        else
            check.m_questions_to_ask.push_back(id);
    }
    // `relevant` is ordered by unknown index, which follows the pack's question order.

    // 7. When nothing left to ask can settle it, the outcome is for staff to review.
    check.m_complete = check.m_questions_to_ask.empty();
    if (settled)
        check.m_outcome = *possible.begin();
    else if (check.m_complete)
        check.m_outcome = "needs_review";
    return check;
}

json ProgramCheck::to_json() const
{
    json out = json::object();
    out["outcome"] = m_outcome;
    if (!m_errors.empty()) {
        out["errors"] = json::array();
        for (auto const& error : m_errors)
            out["errors"].push_back(
                {{"code", error.code}, {"message", error.message}, {"pointer", error.pointer}});
        return out;
    }
    auto const& pack = *m_pack;
    out["pack"] = pack.id();
    out["date"] = m_date;
    out["complete"] = m_complete;
    if (m_outcome != "undecided") {
        auto const& text = pack.outcome_text(m_outcome);
        out["outcome_text"] = {{"label", local(text.label)},
                               {"explanation", local(text.explanation)}};
    }

    out["criteria"] = json::array();
    for (auto const& result : m_criteria) {
        json sentence = nullptr;
        if (result.state == CriterionState::met)
            sentence = local(result.criterion->met);
        else if (result.state == CriterionState::not_met)
            sentence = local(result.criterion->not_met);
        else if (result.state == CriterionState::unknown)
            sentence = local(result.criterion->unknown);
        out["criteria"].push_back({{"id", result.criterion->id},
            {"label", local(result.criterion->label)}, {"state", state_name(result.state)},
            {"sentence", sentence}});
    }

    out["amounts"] = json::array();
    for (auto const& result : m_amounts)
        out["amounts"].push_back({{"id", result.amount->id}, {"label", local(result.amount->label)},
            {"unit", result.amount->unit}, {"value", result.value},
            {"formula", local(result.amount->formula)}});

    out["questions_to_ask"] = m_questions_to_ask;

    out["unresolved"] = json::array();
    for (auto const& item : m_unresolved) {
        json entry = {{"kind", item.kind}, {"id", item.id}};
        if (item.kind == "parameter") {
            auto const* parameter = pack.find_parameter(item.id);
            entry["label"] = local(parameter->label);
            entry["note"] = local(parameter->note);
        } else {
            entry["label"] = local(pack.find_question(item.id)->label);
        }
        out["unresolved"].push_back(std::move(entry));
    }

    out["parameters"] = json::array();
    for (auto const& in_effect : m_parameters) {
        json entry = {{"id", in_effect.parameter->id}, {"label", local(in_effect.parameter->label)},
            {"unit", in_effect.parameter->unit}, {"value", in_effect.value},
            {"from", in_effect.from.empty() ? json(nullptr) : json(in_effect.from)},
            {"staff_set", in_effect.staff_set}, {"source", in_effect.parameter->source}};
        if (!in_effect.parameter->note.en.empty())
            entry["note"] = local(in_effect.parameter->note);
        out["parameters"].push_back(std::move(entry));
    }
    out["next_steps"] = pack.next_steps();
    return out;
}

std::string ProgramCheck::to_text(std::string const& language) const
{
    bool ja = language == "ja";
    std::string text;
    if (!m_errors.empty()) {
        for (auto const& error : m_errors)
            text +=
                error.message + (error.pointer.empty() ? "" : " (" + error.pointer + ")") + "\n";
        return text;
    }
    auto const& pack = *m_pack;

    // 1. What was checked, when, and the outcome.
    text += pack.title().in(language) + "\n";
    text += (ja ? "確認日: " : "Checked on: ") + m_date + "\n\n";
    if (m_outcome == "undecided") {
        text += ja ? "結果: まだ決まっていません（未回答の質問があります）\n"
                   : "Result: not settled yet (questions remain)\n";
    } else {
        auto const& outcome = pack.outcome_text(m_outcome);
        text += (ja ? "結果: " : "Result: ") + outcome.label.in(language) + "\n";
        text += outcome.explanation.in(language) + "\n";
    }

    // 2. Every criterion with its reason.
    text += ja ? "\n条件:\n" : "\nCriteria:\n";
    for (auto const& result : m_criteria) {
        if (result.state == CriterionState::not_applicable)
            continue;
        char const* mark = result.state == CriterionState::met ? "[OK] "
            : result.state == CriterionState::not_met          ? "[NG] "
                                                               : "[?] ";
        auto const& sentence = result.state == CriterionState::met ? result.criterion->met
            : result.state == CriterionState::not_met              ? result.criterion->not_met
                                                                   : result.criterion->unknown;
        text += std::string("- ") + mark + result.criterion->label.in(language) + ": "
            + sentence.in(language) + "\n";
    }

    // 3. Amounts with their formula, and the figures with their source.
    if (m_outcome != "ineligible" && !m_amounts.empty()) {
        text += ja ? "\n金額:\n" : "\nAmounts:\n";
        for (auto const& result : m_amounts)
            text += "- " + result.amount->label.in(language) + ": "
                + format_quantity(result.value, result.amount->unit, language) + " ("
                + result.amount->formula.in(language) + ")\n";
    }
    text += ja ? "\n根拠:\n" : "\nSources:\n";
    for (auto const& in_effect : m_parameters) {
        auto const& source = in_effect.parameter->source;
        std::string document = source.is_object() && source.contains("document")
            ? source["document"].get<std::string>()
            : std::string();
        std::string value = in_effect.value.is_null()
            ? (ja ? "不明" : "not known")
            : format_quantity(in_effect.value, "", language);
        if (in_effect.value.is_string())
            value = in_effect.value.get<std::string>();
        else if (in_effect.value.is_number())
            value = format_quantity(in_effect.value, in_effect.parameter->unit, language);
        text += "- " + in_effect.parameter->label.in(language) + ": " + value
            + (in_effect.staff_set ? (ja ? "（職員設定）" : " (set by staff)") : "") + " — "
            + document + "\n";
        if (in_effect.value.is_null() && !in_effect.parameter->note.en.empty())
            text += "  " + in_effect.parameter->note.in(language) + "\n";
    }

    // 4. What to do next.
    auto const& steps = pack.next_steps();
    if (steps.is_object() && steps.contains("documents")) {
        text += ja ? "\n必要な書類:\n" : "\nDocuments:\n";
        for (auto const& document : steps["documents"]) {
            if (document.is_object())
                text += "- " + document.value(language, std::string()) + "\n";
        }
    }
    if (steps.is_object() && steps.contains("contact")) {
        auto const& contact = steps["contact"];
        text += (ja ? "\n問い合わせ先: " : "\nContact: ")
            + contact["name"].value(language, std::string());
        if (contact.contains("phone") && contact["phone"].is_string())
            text += " " + contact["phone"].get<std::string>();
        text += "\n";
    }
    return text;
}

} // namespace machiba::rules
