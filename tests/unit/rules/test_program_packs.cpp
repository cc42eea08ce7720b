// The program packs in assets/programs: they load, their own test cases pass, bad packs and bad
// answers are refused with the place named, and unknown figures stay unknown.
#include "shared/rules/pack_test_runner.hpp"
#include "shared/rules/program_check.hpp"
#include "shared/rules/program_pack.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <fstream>
#include <sstream>
#include <string>

using machiba::rules::PackError;
using machiba::rules::PackTestRunner;
using machiba::rules::ProgramCheck;
using machiba::rules::ProgramPack;
using nlohmann::json;

namespace {

json read_pack(std::string const& name)
{
    std::ifstream file(std::string(MACHIBA_SOURCE_DIR "/assets/programs/") + name,
        std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return json::parse(text.str(), nullptr, false);
}

ProgramPack load(std::string const& name)
{
    auto loaded = ProgramPack::load(read_pack(name));
    for (auto const& error : loaded.errors)
        UNSCOPED_INFO(error.pointer << ": " << error.message);
    REQUIRE(loaded.pack);
    return std::move(*loaded.pack);
}

bool has_error(std::vector<PackError> const& errors, std::string const& code,
    std::string const& pointer)
{
    for (auto const& error : errors) {
        if (error.code == code && error.pointer == pointer)
            return true;
    }
    return false;
}

std::string list(std::vector<PackError> const& errors)
{
    std::string text;
    for (auto const& error : errors)
        text += error.code + " " + error.pointer + ": " + error.message + "\n";
    return text;
}

} // namespace

TEST_CASE("each pack loads and passes every one of its test cases", "[rules][packs]")
{
    auto name = GENERATE(std::string("sdgs-fund.json"), std::string("public-contract.json"));
    auto pack = load(name);
    REQUIRE(pack.tests().size() >= 15);
    for (auto const& test : pack.tests()) {
        auto differences = PackTestRunner::differences(pack, test);
        std::string text;
        for (auto const& difference : differences)
            text += difference + "\n";
        INFO(name << ": " << test.name << "\n" << text);
        CHECK(differences.empty());
    }
}

TEST_CASE("a wrong expectation in a pack test is reported", "[rules][packs]")
{
    auto document = read_pack("sdgs-fund.json");
    document["tests"][0]["expect"]["amounts"]["grant_maximum"] = 2400001;
    document["tests"][0]["expect"]["outcome"] = "ineligible";
    auto pack = ProgramPack::load(document);
    REQUIRE(pack.pack);
    auto report = PackTestRunner::run(*pack.pack);
    REQUIRE(report.failures.size() == 1);
    CHECK(report.failures[0].differences.size() == 2);
}

TEST_CASE("every parameter names its source and the date it was checked", "[rules][packs]")
{
    for (auto const* name : {"sdgs-fund.json", "public-contract.json"}) {
        auto pack = load(name);
        for (auto const& parameter : pack.parameters()) {
            INFO(name << " " << parameter.id);
            CHECK(parameter.source["checked_on"] == "2026-12-03");
            CHECK(!parameter.source["document"].get<std::string>().empty());
        }
    }
}

TEST_CASE("the wage floor is unknown unless staff set it, and is never invented",
    "[rules][packs]")
{
    auto pack = load("public-contract.json");
    json answers = {{"contract_kind", "cleaning"}, {"estimated_price", 30000000},
        {"signed_on", "2026-06-01"}, {"worker_role", "employed"},
        {"exclusively_on_contract", true}, {"employer", "prime_contractor"},
        {"pay_basis", "monthly"}, {"pay_amount", 200000}, {"hours_per_month", 160}};

    auto unknown = ProgramCheck::run(pack, answers, "2026-12-03");
    CHECK(unknown.outcome() == "needs_review");
    REQUIRE(unknown.unresolved().size() == 1);
    CHECK(unknown.unresolved()[0].id == "hourly_wage_floor");
    auto text = unknown.to_text("en");
    CHECK(text.find("not known") != std::string::npos);
    CHECK(text.find("left unknown rather than invented") != std::string::npos);

    auto set = ProgramCheck::run(pack, answers, "2026-12-03", {{"hourly_wage_floor", 1300}});
    CHECK(set.outcome() == "needs_review");
    CHECK(set.amounts()[0].value == 1250);
    CHECK(set.amounts()[1].value == 50);
    CHECK(set.to_text("ja").find("職員設定") != std::string::npos);

    auto bad = ProgramCheck::run(pack, answers, "2026-12-03", {{"wage_floor", 1300}});
    CHECK(has_error(bad.errors(), "unknown_parameter", "/wage_floor"));
}

TEST_CASE("answers of the wrong type are refused with the question named", "[rules][packs]")
{
    auto pack = load("public-contract.json");
    auto check = ProgramCheck::run(pack,
        {{"contract_kind", "bridge"}, {"estimated_price", "a lot"}, {"signed_on", "2026-02-30"},
            {"exclusively_on_contract", "yes"}, {"pay_amount", -5}, {"hours_per_day", 30},
            {"favourite_colour", "blue"}, {"worker_role", nullptr}},
        "2026-12-03");
    INFO(list(check.errors()));
    CHECK(check.outcome() == "invalid");
    CHECK(has_error(check.errors(), "bad_answer", "/contract_kind"));
    CHECK(has_error(check.errors(), "bad_answer", "/estimated_price"));
    CHECK(has_error(check.errors(), "bad_answer", "/signed_on"));
    CHECK(has_error(check.errors(), "bad_answer", "/exclusively_on_contract"));
    CHECK(has_error(check.errors(), "bad_answer", "/pay_amount"));
    CHECK(has_error(check.errors(), "bad_answer", "/hours_per_day"));
    CHECK(has_error(check.errors(), "unknown_question", "/favourite_colour"));
    CHECK(has_error(check.errors(), "required_answer", "/worker_role"));
    CHECK(check.errors().size() == 8);
    for (auto const& error : check.errors())
        CHECK(error.message.find(error.pointer.substr(1)) != std::string::npos);

    CHECK(!ProgramCheck::run(pack, json::array(), "2026-12-03").errors().empty());
    CHECK(!ProgramCheck::run(pack, json::object(), "3 December").errors().empty());
}

TEST_CASE("malformed packs are refused with JSON pointers to each problem", "[rules][packs]")
{
    auto good = read_pack("sdgs-fund.json");
    REQUIRE(ProgramPack::load(good).errors.empty());

    SECTION("not an object")
    {
        auto loaded = ProgramPack::load(json::array());
        CHECK(!loaded.pack);
        CHECK(has_error(loaded.errors, "bad_type", ""));
    }
    SECTION("an unknown operator inside a criterion's rule")
    {
        auto document = good;
        document["criteria"][0]["rule"] = {{"and", {true, {{"frobnicate", 1}}}}};
        auto loaded = ProgramPack::load(document);
        INFO(list(loaded.errors));
        CHECK(!loaded.pack);
        CHECK(has_error(loaded.errors, "unknown_operator", "/criteria/0/rule/and/1"));
    }
    SECTION("an operator with the wrong number of arguments")
    {
        auto document = good;
        document["amounts"][0]["rule"] = {{"%", {1}}};
        auto loaded = ProgramPack::load(document);
        CHECK(has_error(loaded.errors, "bad_arguments", "/amounts/0/rule"));
    }
    SECTION("a rule reading a question that does not exist")
    {
        auto document = good;
        document["criteria"][1]["rule"] = {{"var", "sme_capitol"}};
        auto loaded = ProgramPack::load(document);
        INFO(list(loaded.errors));
        CHECK(has_error(loaded.errors, "unknown_name", "/criteria/1/rule"));
    }
    SECTION("missing texts, a bad type, a bad date, a duplicate and a bad outcome")
    {
        auto document = good;
        document["title"].erase("en");
        document["questions"][0]["type"] = "slider";
        document["questions"][2]["id"] = "sme_industry";
        document["parameters"][0]["values"][0]["from"] = "2025-13-01";
        document["outcome_rules"][0]["outcome"] = "maybe";
        document["parameters"][1].erase("source");
        auto loaded = ProgramPack::load(document);
        INFO(list(loaded.errors));
        CHECK(!loaded.pack);
        CHECK(has_error(loaded.errors, "missing_field", "/title/en"));
        CHECK(has_error(loaded.errors, "bad_type", "/questions/0/type"));
        CHECK(has_error(loaded.errors, "duplicate_id", "/questions/2/id"));
        CHECK(has_error(loaded.errors, "bad_date", "/parameters/0/values/0/from"));
        CHECK(has_error(loaded.errors, "bad_outcome", "/outcome_rules/0/outcome"));
        CHECK(has_error(loaded.errors, "missing_field", "/parameters/1/source"));
    }
    SECTION("a test case whose answers do not fit the questions")
    {
        auto document = good;
        document["tests"][0]["answers"]["eligible_costs"] = "three million";
        auto loaded = ProgramPack::load(document);
        CHECK(has_error(loaded.errors, "bad_answer", "/tests/0/answers/eligible_costs"));
    }
    SECTION("an unknown value without a note saying why")
    {
        auto document = good;
        document["parameters"][0]["values"][0]["value"] = nullptr;
        auto loaded = ProgramPack::load(document);
        CHECK(has_error(loaded.errors, "missing_field", "/parameters/0/note"));
    }
}

TEST_CASE("the wizard is asked only what can still change the result", "[rules][packs]")
{
    auto pack = load("sdgs-fund.json");

    SECTION("nothing answered: the kind of organisation comes first")
    {
        auto check = ProgramCheck::run(pack, json::object(), "2026-12-03");
        REQUIRE(!check.questions_to_ask().empty());
        CHECK(check.questions_to_ask().front() == "applicant_type");
        CHECK(check.outcome() == "undecided");
    }
    SECTION("a startup is asked the startup questions and not the SME ones")
    {
        auto check = ProgramCheck::run(pack, {{"applicant_type", "startup"}}, "2026-12-03");
        auto const& asks = check.questions_to_ask();
        CHECK(std::find(asks.begin(), asks.end(), "startup_founded_on") != asks.end());
        CHECK(std::find(asks.begin(), asks.end(), "sme_capital") == asks.end());
    }
    SECTION("once ineligible, the amount's questions are no longer asked")
    {
        auto check = ProgramCheck::run(pack,
            {{"applicant_type", "npo_corporation"}, {"addresses_local_issue", false}},
            "2026-12-03");
        CHECK(check.outcome() == "ineligible");
        CHECK(check.complete());
        CHECK(check.questions_to_ask().empty());
    }
}
