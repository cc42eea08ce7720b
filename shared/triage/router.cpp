// Routing: signals found by the lexicon become one route, one topic and an ordered list of help.
#include "shared/triage/router.hpp"

#include "shared/triage/prepared_question.hpp"

#include <algorithm>
#include <array>

namespace machiba::triage {

namespace {

void add_unique(std::vector<std::string>& list, std::string const& id)
{
    if (std::find(list.begin(), list.end(), id) == list.end())
        list.push_back(id);
}

bool is_open(Resource const& resource, TriagePack const& pack, std::int64_t now_ms)
{
    return resource.hours
        && resource.hours->state_at(now_ms, pack.holidays()).status == calendar::OpenStatus::open;
}

std::string trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return std::string(text);
}

} // namespace

TriageResult Router::route(std::string_view question, std::int64_t now_ms) const
{
    TriageResult result;
    result.evaluated_at_ms = now_ms;
    PreparedQuestion const prepared(question);
    auto const matches = m_pack.lexicon().match(prepared);
    auto const& signals = m_pack.lexicon().signals();

    // 1. Route: the most urgent standing signal. A weakened emergency or crisis signal, or a
    //    signal that asks for it, brings the crisis card instead.
    std::optional<Route> route;
    std::optional<Route> doubted; // the most urgent route that a standing doubt asks for
    bool any_body_or_sex = false;
    bool negated_safety = false; // "死にたいわけじゃない": denied, but said
    bool framed_safety = false;  // "死ぬほど眠い": hyperbole
    bool firm_distress = false;  // a standing signal that asks for the crisis card
    bool revived = false;        // an urge or a relapse said next to a denial
    for (auto const& match : matches) {
        auto const& signal = signals[match.signal];
        bool const firm = match.status == MatchStatus::firm;
        bool const safety = signal.route && is_safety_route(*signal.route);
        any_body_or_sex = any_body_or_sex
            || (firm && signal.topic && *signal.topic != Topic::mind);
        if (firm && signal.route && signal.doubt)
            doubted = std::max(doubted.value_or(Route::self_care), *signal.route);
        else if (firm && signal.route)
            route = std::max(route.value_or(Route::self_care), *signal.route);
        negated_safety = negated_safety || (safety && match.status == MatchStatus::negated);
        framed_safety = framed_safety || (safety && match.status == MatchStatus::framed);
        firm_distress = firm_distress || (firm && signal.crisis_card);
        revived = revived || (firm && signal.revives_denial);
        result.signals.push_back({signal.id, match.status, signal.route, signal.topic,
            trimmed(prepared.original().substr(match.begin, match.end - match.begin))});
    }

    // No route word: a question about the body or sex reads as one for information; one about
    //    the mind or people, or one not understood, goes to a person.
    result.route = route.value_or(any_body_or_sex ? Route::self_care : Route::consult);

    // A doubt decides unless something urgent explains the question better ("指を切って血が出た").
    bool doubt_card = false;
    if (doubted && result.route < Route::urgent)
        result.route = std::max(result.route, *doubted);
    else if (doubted)
        doubt_card = true;

    // The safety rule. A denied crisis word said next to strong distress, or next to an urge or
    // a relapse ("もうしてないけど、したくなる"), is a doubt, and doubt goes to crisis. A denied
    // one alone still deserves a person, never only an article.
    auto const with_safety_rule = [&](Route candidate) {
        if (negated_safety && (firm_distress || revived))
            candidate = std::max(candidate, Route::crisis);
        if (negated_safety)
            candidate = std::max(candidate, Route::consult);
        return candidate;
    };
    result.route = with_safety_rule(result.route);

    // The learned second opinion. Where no route word stands, its route replaces the default
    //    (under the same safety rule); where it is sure of a danger that the lexicon ranked lower,
    //    it lifts the route to the one it names. It never lowers a route the lexicon chose.
    auto const opinion = m_model ? m_model->probabilities(question) : std::nullopt;
    if (opinion) {
        auto const& settings = m_pack.route_model_settings();
        auto const& p = *opinion;
        auto const top = static_cast<std::size_t>(std::max_element(p.begin(), p.end()) - p.begin());
        if (!route && !doubted && p[top] > settings.fill_threshold) {
            auto const filled = with_safety_rule(static_cast<Route>(top));
            if (filled != result.route) {
                result.route = filled;
                result.model = ModelEffect::filled;
            }
        }
        auto const crisis = p[static_cast<std::size_t>(Route::crisis)];
        auto const emergency = p[static_cast<std::size_t>(Route::emergency)];
        if (!is_safety_route(result.route) && crisis + emergency > settings.escalate_threshold) {
            result.route = emergency > crisis ? Route::emergency : Route::crisis;
            result.model = ModelEffect::escalated;
        }
    }

    // Every weakened or weaker signal brings the crisis card under a lower route.
    result.crisis_card = (negated_safety || framed_safety || firm_distress || doubt_card)
        && !is_safety_route(result.route);

    // 2. Topic: each standing signal counts once, weighing by its urgency and its pack weight;
    //    weakened ones count only to break ties, and ties go to the most urgent signal's topic.
    std::array<double, 3> score{};
    std::array<int, 3> best_route{-1, -1, -1};
    std::vector<bool> counted(signals.size(), false);
    for (auto const& match : matches) {
        auto const& signal = signals[match.signal];
        bool const firm = match.status == MatchStatus::firm;
        if (!signal.topic || (firm && counted[match.signal]))
            continue;
        auto const t = static_cast<std::size_t>(*signal.topic);
        double const weight = signal.topic_weight
            * (1.0 + (signal.route ? static_cast<double>(*signal.route) : 0.0));
        score[t] += firm ? weight : weight / 16;
        counted[match.signal] = counted[match.signal] || firm;
        if (firm && signal.route)
            best_route[t] = std::max(best_route[t], static_cast<int>(*signal.route));
    }
    std::size_t topic = 0;
    for (std::size_t t = 1; t < 3; ++t) {
        if (score[t] > score[topic] ||
            (score[t] == score[topic] && best_route[t] > best_route[topic]))
            topic = t;
    }
    result.topic = static_cast<Topic>(topic);

    // 3. Follow-up and articles from the standing signals, most urgent first.
    std::vector<SignalMatch> firm;
    for (auto const& match : matches) {
        if (match.status == MatchStatus::firm)
            firm.push_back(match);
    }
    std::stable_sort(firm.begin(), firm.end(), [&](SignalMatch const& a, SignalMatch const& b) {
        return signals[a.signal].route.value_or(Route::self_care)
            > signals[b.signal].route.value_or(Route::self_care);
    });
    for (auto const& match : firm) {
        auto const& signal = signals[match.signal];
        if (result.follow_up.empty() && !signal.follow_up.empty()
            && signal.route.value_or(Route::self_care) == result.route)
            result.follow_up = signal.follow_up;
        for (auto const& id : signal.articles)
            add_unique(result.articles, id);
    }
    if (result.route <= Route::consult) {
        for (auto const& id : m_pack.topic_articles(result.topic))
            add_unique(result.articles, id);
    }

    // 4. Resources.
    for (auto const& match : firm) {
        auto const& signal = signals[match.signal];
        if (signal.route.value_or(Route::self_care) >= result.route || !signal.route) {
            for (auto const& id : signal.resources)
                add_unique(result.resources, id);
        }
    }
    add_resources(result, now_ms);
    return result;
}

TriageResult Router::browse(Topic topic, std::int64_t now_ms) const
{
    TriageResult result;
    result.evaluated_at_ms = now_ms;
    result.route = Route::consult;
    result.topic = topic;
    result.crisis_card = true;
    result.articles = m_pack.topic_articles(topic);
    add_resources(result, now_ms);
    return result;
}

void Router::add_resources(TriageResult& result, std::int64_t now_ms) const
{
    auto const& card = m_pack.card(result.route);
    for (auto const& id : card.resources)
        add_unique(result.resources, id);
    for (auto const& id : card.only_when_open) {
        if (is_open(*m_pack.resource(id), m_pack, now_ms))
            add_unique(result.resources, id);
    }

    result.crisis_resources.clear();
    if (result.crisis_card) {
        auto const& crisis = m_pack.crisis_card();
        for (auto const& id : crisis.resources)
            add_unique(result.crisis_resources, id);
        for (auto const& id : crisis.only_when_open) {
            if (is_open(*m_pack.resource(id), m_pack, now_ms))
                add_unique(result.crisis_resources, id);
        }
    }
}

std::variant<TriageResult, TriageError> Router::answer_follow_up(TriageResult const& result,
    std::string_view option_id) const
{
    auto const* follow_up = m_pack.follow_up(result.follow_up);
    if (!follow_up)
        return TriageError{"triage.no_follow_up", "this result has no follow-up question", ""};
    auto const option = std::find_if(follow_up->options.begin(), follow_up->options.end(),
        [&](FollowUpOption const& o) { return o.id == option_id; });
    if (option == follow_up->options.end())
        return TriageError{"triage.unknown_option",
            "follow-up '" + follow_up->id + "' has no option '" + std::string(option_id) + "'", ""};

    TriageResult answered = result;
    answered.route = option->route;
    if (is_safety_route(result.route))
        answered.route = std::max(answered.route, Route::crisis);
    answered.follow_up.clear();
    answered.resources.clear();
    for (auto const& id : option->articles)
        add_unique(answered.articles, id);
    if (is_safety_route(answered.route))
        answered.crisis_card = false;
    add_resources(answered, result.evaluated_at_ms);
    return answered;
}

} // namespace machiba::triage
