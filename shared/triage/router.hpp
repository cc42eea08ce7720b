// The on-device router of the youth health room: one question in, one route, one topic and the
// help to show out. The safety rule of the issue is applied here: a standing emergency or crisis
// signal always wins; a weakened one (negated, hyperbole) still brings the crisis card. A learned
// model may fill in a route where the lexicon found no route word, or lift a route to crisis or
// emergency when it is sure of a danger; it never lowers what the lexicon found.
#pragma once

#include "shared/triage/triage_pack.hpp"
#include "shared/triage/triage_result.hpp"

#include <cstdint>
#include <string_view>
#include <variant>

namespace machiba::triage {

class Router {
public:
    // Routes with the lexicon and the pack's learned second opinion, when it has one.
    explicit Router(TriagePack const& pack)
        : m_pack(pack)
        , m_model(pack.route_model())
    {
    }

    // Routes with the lexicon and the given model (null: the lexicon alone), so that an
    // evaluation can compare the two, or test a model trained on part of the examples.
    Router(TriagePack const& pack, RouteModel const* model)
        : m_pack(pack)
        , m_model(model)
    {
    }

    // Routes one question; now_ms (Unix ms) decides what is open.
    TriageResult route(std::string_view question, std::int64_t now_ms) const;

    // What a topic chip shows to someone who would rather tap than type: the people to talk to
    // and the topic's articles, with the crisis card (a chip says nothing about urgency).
    TriageResult browse(Topic topic, std::int64_t now_ms) const;

    // Applies the answer to the result's follow-up question. A safety route never drops below
    // crisis through a follow-up answer. Errors: no follow-up, or an unknown option.
    std::variant<TriageResult, TriageError> answer_follow_up(TriageResult const& result,
        std::string_view option_id) const;

private:
    void add_resources(TriageResult& result, std::int64_t now_ms) const;

    TriagePack const& m_pack;
    RouteModel const* m_model = nullptr;
};

} // namespace machiba::triage
