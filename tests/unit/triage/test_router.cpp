// Tests of the router: spellings that meet, negation and its scope, hyperbole, the safety rule,
// follow-up questions, what is shown while the chat is open or closed, and bad packs.
#include "triage_fixture.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>

using namespace machiba::triage;

namespace {

MatchStatus status_of(TriageResult const& result, std::string const& signal)
{
    auto const found = std::find_if(result.signals.begin(), result.signals.end(),
        [&](MatchedSignal const& s) { return s.id == signal; });
    REQUIRE(found != result.signals.end());
    return found->status;
}

bool shows(std::vector<std::string> const& ids, std::string const& id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::int64_t at(char const* iso)
{
    return std::get<std::int64_t>(machiba::calendar::parse_iso8601(iso));
}

std::string pack_error(machiba::triage::PackDocuments const& documents)
{
    auto result = TriagePack::from_json(documents);
    auto const* error = std::get_if<TriageError>(&result);
    return error ? error->pointer : "no error";
}

} // namespace

TEST_CASE("kanji, hiragana, katakana and half-width spellings meet the same entry", "[triage]")
{
    for (auto const* question : {"死にたい", "しにたい", "ｼﾆﾀｲ", "シニタイ", "しにたーい",
             "し に た い", "死にたい😢", "ＳＨＩＮＩＴＡＩ死にたい"}) {
        INFO(question);
        auto const result = triage(question);
        CHECK(result.route == Route::crisis);
        CHECK(status_of(result, "suicidal_wish") == MatchStatus::firm);
    }
}

TEST_CASE("teen words count: リスカ, OD, パパ活, kms", "[triage]")
{
    CHECK(triage("リスカやめられない").route == Route::crisis);
    CHECK(triage("ぱぱかつ誘われた").route == Route::crisis);
    CHECK(triage("kms fr").route == Route::crisis);
    CHECK(triage("ODしたい").route == Route::crisis);
    CHECK(triage("ODした").route == Route::emergency);
    CHECK(triage("good morning").route != Route::crisis); // "od" only as a whole word
}

TEST_CASE("a denied crisis word keeps a person and the crisis card", "[triage][negation]")
{
    auto const denied = triage("死にたいわけじゃないです");
    CHECK(status_of(denied, "suicidal_wish") == MatchStatus::negated);
    CHECK(denied.route == Route::consult);
    CHECK(denied.crisis_card);
    CHECK(!denied.crisis_resources.empty());

    auto const english = triage("I'm not suicidal");
    CHECK(status_of(english, "suicidal_wish") == MatchStatus::negated);
    CHECK(english.route == Route::consult);
    CHECK(english.crisis_card);
}

TEST_CASE("a denial next to strong distress is a doubt, and doubt goes to crisis",
    "[triage][negation]")
{
    CHECK(triage("死にたいわけじゃないけど、もう限界").route == Route::crisis);
    CHECK(triage("not suicidal but i feel hopeless").route == Route::crisis);
}

TEST_CASE("negation reaches only its own clause", "[triage][negation]")
{
    CHECK(triage("死にたいとは思わないけどリスカはしてる").route == Route::crisis);
    CHECK(triage("死にたいわけじゃないけど消えたい").route == Route::crisis);
    CHECK(triage("I'm not going to kill myself but I cut sometimes").route == Route::crisis);
}

TEST_CASE("two negations affirm: 死にたいと思わない日はない", "[triage][negation]")
{
    CHECK(triage("死にたいって思わない日がない").route == Route::crisis);
}

TEST_CASE("hyperbole is recognised, but never hides a signal that stands on its own",
    "[triage][hyperbole]")
{
    auto const sleepy = triage("死ぬほど眠い");
    CHECK(!is_safety_route(sleepy.route));
    CHECK(sleepy.topic == Topic::body);
    CHECK(triage("this homework is killing me").route != Route::crisis);
    CHECK(triage("死ぬほど眠いし、正直もう死にたい").route == Route::crisis);
    CHECK(triage("テスト死んだ。本気で消えたい").route == Route::crisis);
}

TEST_CASE("a broken condom is urgent and asks how many hours ago", "[triage][follow-up]")
{
    auto const result = triage("ゴムが破れた");
    CHECK(result.route == Route::urgent);
    CHECK(result.topic == Topic::sex);
    CHECK(result.follow_up == "hours_since_unprotected_sex");
    CHECK(shows(result.resources, "emergency_contraception_pharmacy"));

    Router const router(triage_pack());
    auto const late = router.answer_follow_up(result, "over_5_days");
    REQUIRE(std::holds_alternative<TriageResult>(late));
    CHECK(std::get<TriageResult>(late).route == Route::consult);
    auto const unknown = router.answer_follow_up(result, "tomorrow");
    REQUIRE(std::holds_alternative<TriageError>(unknown));
    CHECK(std::get<TriageError>(unknown).code == "triage.unknown_option");
}

TEST_CASE("a follow-up answer never takes a safety route below crisis", "[triage][follow-up]")
{
    auto const result = triage("ODしちゃった");
    CHECK(result.route == Route::emergency);
    Router const router(triage_pack());
    for (auto const& option : triage_pack().follow_up("overdose_check")->options) {
        auto const answered = router.answer_follow_up(triage("ODしたい"), option.id);
        REQUIRE(std::holds_alternative<TriageResult>(answered));
        CHECK(is_safety_route(std::get<TriageResult>(answered).route));
    }
}

TEST_CASE("the ward's chat joins the crisis lines only while it is open", "[triage][hours]")
{
    auto const thursday = triage("消えたい", at("2026-12-03T18:00:00+09:00"));
    CHECK(shows(thursday.resources, "shinawaka_chat"));
    CHECK(shows(thursday.resources, "yorisoi"));

    auto const wednesday = triage("消えたい", at("2026-12-02T18:00:00+09:00"));
    CHECK(!shows(wednesday.resources, "shinawaka_chat"));
    CHECK(shows(wednesday.resources, "yorisoi"));
}

TEST_CASE("the JSON result says whether the chat is open and until when", "[triage][hours]")
{
    auto const result = triage("友達とうまくいかない", at("2026-12-03T18:00:00+09:00"));
    auto const json = to_json(result, triage_pack(), "en");
    CHECK(json["route"] == "consult");
    CHECK(json["availability"]["shinawaka_chat"]["status"] == "open");
    CHECK(json["availability"]["shinawaka_chat"]["closes_at"] == "2026-12-03T21:00:00+09:00");

    auto const closed = to_json(triage("友達とうまくいかない", at("2026-12-02T18:00:00+09:00")),
        triage_pack(), "en");
    CHECK(closed["availability"]["shinawaka_chat"]["status"] == "closed");
    CHECK(closed["availability"]["shinawaka_chat"]["opens_at"] == "2026-12-03T16:00:00+09:00");
    CHECK(closed["availability"]["shinawaka_chat"]["opens_weekday"] == "thursday");
}

TEST_CASE("an empty, odd or broken question still gets a route", "[triage]")
{
    CHECK(triage("").route == Route::consult);
    CHECK(triage("。。。！？").route == Route::consult);
    CHECK(triage("\xff\xfe死にたい").route == Route::crisis);
    CHECK(triage(std::string(5000, 'a')).route == Route::consult);
}

TEST_CASE("a bad pack is refused with the JSON pointer of what is wrong", "[triage][pack]")
{
    auto documents = pack_documents();
    documents.lexicon["signals"][0]["route"] = "soon";
    CHECK(pack_error(documents) == "lexicon.json#/signals/0/route");

    documents = pack_documents();
    documents.lexicon["signals"][0]["resources"] = {"no_such_line"};
    CHECK(pack_error(documents) == "lexicon.json#/signals/0/resources/0");

    documents = pack_documents();
    documents.lexicon["signals"][1]["ja"] = {"、、"};
    CHECK(pack_error(documents) == "lexicon.json#/signals/1/ja/0");

    documents = pack_documents();
    documents.resources["resources"][0].erase("checked");
    CHECK(pack_error(documents) == "resources.json#/resources/0/checked");

    documents = pack_documents();
    documents.content["routes"]["crisis"]["resources"] = {"nobody"};
    CHECK(pack_error(documents) == "content.json#/routes/crisis");

    CHECK(pack_error(pack_documents()) == "no error");
}

TEST_CASE("every resource carries its source and the date it was checked", "[triage][pack]")
{
    for (auto const& resource : triage_pack().resources()) {
        INFO(resource.id);
        CHECK(!resource.source.empty());
        CHECK(resource.checked.size() == 10);
        CHECK((!resource.tel.empty() || !resource.url.empty() || resource.channel == "in_person"));
    }
}
