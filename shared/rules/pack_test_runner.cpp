// PackTestRunner: compares each expectation of a pack's test case with a real ProgramCheck.
#include "shared/rules/pack_test_runner.hpp"

#include "shared/rules/program_check.hpp"

#include <cmath>

namespace machiba::rules {

namespace {

using nlohmann::json;

std::string show(json const& value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool same_amount(json const& expected, json const& got)
{
    if (expected.is_number() && got.is_number())
        return std::fabs(expected.get<double>() - got.get<double>()) < 0.005;
    return expected == got;
}

} // namespace

std::vector<std::string> PackTestRunner::differences(ProgramPack const& pack, PackTest const& test)
{
    std::vector<std::string> found;
    auto overrides = test.parameters.is_object() ? test.parameters : json::object();
    auto check = ProgramCheck::run(pack, test.answers, test.date, overrides);
    for (auto const& error : check.errors())
        found.push_back("input refused: " + error.message + " at " + error.pointer);
    if (!found.empty())
        return found;

    auto const& expect = test.expect;
    if (expect.contains("outcome") && expect["outcome"] != check.outcome())
        found.push_back("outcome: expected " + show(expect["outcome"]) + ", got " +
                        check.outcome());
    if (expect.contains("complete") && expect["complete"] != check.complete())
        found.push_back("complete: expected " + show(expect["complete"]));

    if (expect.contains("amounts") && expect["amounts"].is_object()) {
        for (auto const& [id, value] : expect["amounts"].items()) {
            bool seen = false;
            for (auto const& result : check.amounts()) {
                if (result.amount->id != id)
                    continue;
                seen = true;
                if (!same_amount(value, result.value))
                    found.push_back("amount " + id + ": expected " + show(value) + ", got "
                        + show(result.value));
            }
            if (!seen)
                found.push_back("amount " + id + " is not in the pack");
        }
    }

    if (expect.contains("criteria") && expect["criteria"].is_object()) {
        for (auto const& [id, state] : expect["criteria"].items()) {
            bool seen = false;
            for (auto const& result : check.criteria()) {
                if (result.criterion->id != id)
                    continue;
                seen = true;
                if (state != ProgramCheck::state_name(result.state))
                    found.push_back("criterion " + id + ": expected " + show(state) + ", got "
                        + ProgramCheck::state_name(result.state));
            }
            if (!seen)
                found.push_back("criterion " + id + " is not in the pack");
        }
    }

    if (expect.contains("asks") && expect["asks"] != json(check.questions_to_ask()))
        found.push_back("questions to ask: expected " + show(expect["asks"]) + ", got "
            + show(json(check.questions_to_ask())));

    if (expect.contains("unresolved")) {
        json ids = json::array();
        for (auto const& item : check.unresolved())
            ids.push_back(item.id);
        if (expect["unresolved"] != ids)
            found.push_back("unresolved: expected " + show(expect["unresolved"]) + ", got "
                + show(ids));
    }
    return found;
}

PackTestReport PackTestRunner::run(ProgramPack const& pack)
{
    PackTestReport report;
    for (std::size_t i = 0; i < pack.tests().size(); ++i) {
        auto const& test = pack.tests()[i];
        ++report.total;
        auto found = differences(pack, test);
        if (found.empty())
            ++report.passed;
        else
            report.failures.push_back({i, test.name, std::move(found)});
    }
    return report;
}

} // namespace machiba::rules
