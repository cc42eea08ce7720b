// Tests of the route model: it learns the same weights every time, learns a tiny set as expected,
// reads its examples strictly, and changes the router's route only in the two ways allowed.
#include "triage_fixture.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>

using namespace machiba::triage;

namespace {

RouteModelSettings tiny_settings()
{
    RouteModelSettings settings;
    settings.epochs = 30;
    settings.inverse_penalty = 10;
    settings.learning_rate = 1;
    settings.seed = 7;
    settings.fill_threshold = 0.3;
    settings.escalate_threshold = 0.75;
    return settings;
}

std::vector<LabelledExample> tiny_set()
{
    return {{"I took all my pills", Route::emergency}, {"he stopped breathing", Route::emergency},
        {"i want to die", Route::crisis}, {"死にたい", Route::crisis},
        {"the condom broke", Route::urgent}, {"熱が三日続いてる", Route::urgent},
        {"stressed about exams", Route::consult}, {"友達とけんかした", Route::consult},
        {"how do periods work", Route::self_care}, {"ニキビの治し方", Route::self_care}};
}

Route top_route(RouteProbabilities const& p)
{
    return static_cast<Route>(std::max_element(p.begin(), p.end()) - p.begin());
}

} // namespace

TEST_CASE("training twice on the same examples gives the same probabilities", "[triage][model]")
{
    auto const first = RouteModel::train(tiny_set(), tiny_settings());
    auto const second = RouteModel::train(tiny_set(), tiny_settings());
    for (auto const* question : {"i want to die", "ニキビ", "anything else at all"}) {
        INFO(question);
        CHECK(first.probabilities(question) == second.probabilities(question));
    }

    auto const& pack = triage_pack();
    auto const again = TriagePack::from_json(pack_documents());
    REQUIRE(std::holds_alternative<TriagePack>(again));
    auto const* reloaded = std::get<TriagePack>(again).route_model();
    REQUIRE(reloaded);
    REQUIRE(pack.route_model());
    auto const question = "熱がさがらない";
    CHECK(reloaded->probabilities(question) == pack.route_model()->probabilities(question));
    CHECK(reloaded->probabilities(question).has_value());
}

TEST_CASE("a model trained on a tiny set routes its own questions and near spellings",
    "[triage][model]")
{
    auto const model = RouteModel::train(tiny_set(), tiny_settings());
    for (auto const& example : tiny_set()) {
        INFO(example.question);
        CHECK(top_route(model.probabilities(example.question).value()) == example.route);
    }
    CHECK(top_route(model.probabilities("シニタイ").value()) == Route::crisis);
    CHECK(top_route(model.probabilities("the condom broke!!").value()) == Route::urgent);
    CHECK(!model.probabilities(""));
    CHECK(!model.probabilities("。。。！？"));
    CHECK(!model.probabilities("qqqqzzzz"));

    auto const p = model.probabilities("i want to die").value();
    double sum = 0;
    for (double value : p)
        sum += value;
    CHECK(sum > 0.999999);
    CHECK(sum < 1.000001);
}

TEST_CASE("examples are read strictly, with the line of what is wrong", "[triage][model]")
{
    auto const good = parse_examples("{\"q\":\"a\",\"routes\":[\"urgent\",\"consult\"]}\n\n"
                                     "{\"q\":\"b\",\"routes\":\"crisis\"}\n");
    REQUIRE(std::holds_alternative<std::vector<LabelledExample>>(good));
    auto const& examples = std::get<std::vector<LabelledExample>>(good);
    REQUIRE(examples.size() == 2);
    CHECK(examples[0].route == Route::urgent);
    CHECK(examples[1].route == Route::crisis);

    auto const bad = parse_examples(
        "{\"q\":\"a\",\"routes\":\"crisis\"}\n{\"q\":\"b\",\"routes\":\"soon\"}");
    REQUIRE(std::holds_alternative<TriageError>(bad));
    CHECK(std::get<TriageError>(bad).pointer == "examples.jsonl line 2");

    auto documents = pack_documents();
    documents.route_model.erase("epochs");
    auto const refused = TriagePack::from_json(documents);
    REQUIRE(std::holds_alternative<TriageError>(refused));
    CHECK(std::get<TriageError>(refused).pointer == "route_model.json#/epochs");
}

TEST_CASE("the model fills a route only where the lexicon found none, and never lowers one",
    "[triage][model]")
{
    auto const& pack = triage_pack();
    Router const lexicon_alone(pack, nullptr);
    Router const with_model(pack);
    for (auto const* question : {"死にたい", "ODした", "コンドームが破れた", "テスト勉強がつらい",
             "生理ってなんで来るの", "hi", "最近なんか全部どうでもいい"}) {
        INFO(question);
        auto const lexicon = lexicon_alone.route(question, thursday_evening());
        auto const result = with_model.route(question, thursday_evening());
        CHECK(lexicon.model == ModelEffect::none);
        if (result.model == ModelEffect::none)
            CHECK(result.route == lexicon.route);
        if (result.model == ModelEffect::escalated)
            CHECK(is_safety_route(result.route));
        bool const lexicon_found_route = std::any_of(lexicon.signals.begin(),
            lexicon.signals.end(), [](MatchedSignal const& signal) {
                return signal.status == MatchStatus::firm && signal.route;
            });
        if (result.model == ModelEffect::filled)
            CHECK(!lexicon_found_route);
        if (lexicon_found_route)
            CHECK(result.route >= lexicon.route);
        if (is_safety_route(lexicon.route))
            CHECK(result.route >= lexicon.route);
    }
}
