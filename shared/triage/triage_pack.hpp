// The content pack of the youth health room (assets/triage/): lexicon, resources with their
// hours, the card of each route, the crisis card, follow-up questions and self-help articles.
// The core reads the documents; whoever loads files (the command line, the app) passes them in.
#pragma once

#include "shared/calendar/holiday_calendar.hpp"
#include "shared/calendar/monthly_event.hpp"
#include "shared/calendar/opening_hours.hpp"
#include "shared/triage/lexicon.hpp"
#include "shared/triage/route_model.hpp"
#include "shared/triage/route.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace machiba::triage {

// Text in both languages of the app.
struct Text {
    std::string ja;
    std::string en;
    std::string const& in(std::string_view language) const { return language == "en" ? en : ja; }
};

struct Resource {
    std::string id;
    Text name;
    std::string channel;  // "phone", "line", "chat", "in_person", "web"
    std::string tel;      // digits or #-number to dial, or empty
    std::string tel_display; // the number as the service writes it (0120-279-338); tel if not given
    std::string url;      // link (LINE, chat, page), or empty
    Text hours_text;      // the hours as the source words them
    Text ages;
    Text note;
    std::optional<calendar::OpeningHours> hours; // none: the pack does not know them
    std::optional<calendar::MonthlyEvent> event; // for monthly events (しなわかカフェ)
    std::string source;
    std::string checked;
    bool verified = false; // false: the pack could not confirm this entry on the date checked
};

struct Card {
    Text title;
    Text body;
    std::vector<std::string> resources;       // in the order shown
    std::vector<std::string> only_when_open;  // shown only while open (crisis: the ward's chat)
};

struct FollowUpOption {
    std::string id;
    Text label;
    Route route = Route::consult;
    Text advice;
    std::vector<std::string> articles;
};

struct FollowUp {
    std::string id;
    Text question;
    std::vector<FollowUpOption> options;
};

struct Article {
    std::string id;
    Topic topic = Topic::mind;
    Text title;
    Text body;
    std::string source;
    std::string checked;
};

struct PackDocuments {
    nlohmann::json lexicon;   // assets/triage/lexicon.json
    nlohmann::json resources; // assets/triage/resources.json
    nlohmann::json content;   // assets/triage/content.json
    nlohmann::json holidays;  // assets/calendar/japan_holidays.json
    // The learned second opinion: its settings (assets/triage/route_model.json) and the labelled
    // questions it learns from (assets/triage/examples.jsonl, as text). No examples: no model,
    // the lexicon alone decides.
    nlohmann::json route_model;
    std::string examples;
};

class TriagePack {
public:
    // Reads and cross-checks the documents: every id a card, signal or follow-up names must
    // exist. The error's pointer names the document and the JSON pointer.
    static std::variant<TriagePack, TriageError> from_json(PackDocuments const& documents);

    Lexicon const& lexicon() const { return m_lexicon; }
    // The model trained on the pack's examples, or null when the pack came without examples.
    RouteModel const* route_model() const { return m_route_model ? &*m_route_model : nullptr; }
    RouteModelSettings const& route_model_settings() const { return m_route_model_settings; }
    calendar::HolidayCalendar const& holidays() const { return m_holidays; }
    Card const& card(Route route) const { return m_cards[static_cast<std::size_t>(route)]; }
    Card const& crisis_card() const { return m_crisis_card; }
    Resource const* resource(std::string const& id) const;
    FollowUp const* follow_up(std::string const& id) const;
    Article const* article(std::string const& id) const;
    std::vector<Resource> const& resources() const { return m_resources; }
    std::vector<Article> const& articles() const { return m_articles; }
    std::vector<std::string> const& topic_articles(Topic topic) const
    {
        return m_topic_articles[static_cast<std::size_t>(topic)];
    }
    Text const& topic_label(Topic topic) const
    {
        return m_topic_labels[static_cast<std::size_t>(topic)];
    }
    Text const& route_label(Route route) const
    {
        return m_route_labels[static_cast<std::size_t>(route)];
    }

private:
    Lexicon m_lexicon;
    std::optional<RouteModel> m_route_model;
    RouteModelSettings m_route_model_settings;
    calendar::HolidayCalendar m_holidays;
    std::vector<Resource> m_resources;
    std::array<Card, 5> m_cards;
    Card m_crisis_card;
    std::vector<FollowUp> m_follow_ups;
    std::vector<Article> m_articles;
    std::array<std::vector<std::string>, 3> m_topic_articles;
    std::array<Text, 3> m_topic_labels;
    std::array<Text, 5> m_route_labels;
};

} // namespace machiba::triage
